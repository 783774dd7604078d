"""The desk's sync client: sign in, push the outbox, take a snapshot, pull the feed.

One :meth:`SyncClient.sync` round pushes every pending change first (in batches, each
idempotent: a batch whose answer was lost is simply sent again), then - for a new
desk - takes a resumable snapshot, then pulls the feed from its cursor, each page
applied with its cursor in one transaction. It never runs on the GUI thread: the
desktop calls it from a worker.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import httpx

from legalaid.errors import LegalAidError
from legalaid.sync import capture, numbers, outbox, schema
from legalaid.sync import state as st
from legalaid.sync.apply import Applier
from legalaid.sync.checksum import desk_checksums

if TYPE_CHECKING:
    from legalaid.collection import Collection

SCHEMA_HEADER = "X-Legalaid-Schema"
SYNC_SCHEMA_HEADER = "X-Legalaid-Sync-Schema"


class SyncError(LegalAidError):
    """Synchronisation failed; ``code`` says why (offline, unauthorized, upgrade_required,
    server_outdated, forbidden, ...). Nothing pending is lost."""

    def __init__(
        self, zh: str, en: str, *, code: str = "sync", status: int = 0, details: Any = None
    ) -> None:
        super().__init__(zh, en)
        self.code = code
        self.status = status
        self.details = details


@dataclass
class SyncReport:
    pushed: int = 0
    outcomes: dict[str, int] = field(default_factory=dict)
    refused: int = 0
    snapshot_rows: int = 0
    pulled: int = 0
    clock_adjusted: int = 0
    blocks_reserved: int = 0
    cursor: int = 0


# Called inside the page's transaction, before it commits: (stage, rows). Raising from
# it abandons the page (the tests use it to crash a desk part-way).
PageHook = Callable[[str, int], None]


class SyncClient:
    """Synchronises one desk (a :class:`~legalaid.collection.Collection`).

    Args:
        col: the desk.
        server_url: the service (kept in the desk for later rounds).
        http: the HTTP client to use (with its ``base_url``); one is made from
            ``server_url`` if omitted.
    """

    def __init__(
        self,
        col: Collection,
        server_url: str | None = None,
        *,
        http: httpx.Client | None = None,
        batch_size: int = 500,
        page_size: int = 1000,
        snapshot_page: int = 2000,
        timeout: float = 60.0,
    ) -> None:
        self.col = col
        with st.raw_read(col) as conn:
            self.server_url = server_url or st.get(conn, "server_url")
            self.desk_id = st.desk_id(conn)
        if http is None:
            if not self.server_url:
                raise SyncError(
                    "尚未设置同步服务器地址", "No sync server is set", code="no_server"
                )
            self.http = httpx.Client(base_url=self.server_url, timeout=timeout)
        else:
            self.http = http
        self.batch_size = batch_size
        self.page_size = page_size
        self.snapshot_page = snapshot_page
        self.on_page: PageHook | None = None
        from legalaid.db import migrate

        self.schema_rev = migrate.current_revision(col.engine) or ""

    # -- HTTP ------------------------------------------------------------------------------

    def _call(self, method: str, path: str, **kw: Any) -> Any:
        headers = {SCHEMA_HEADER: self.schema_rev, SYNC_SCHEMA_HEADER: schema.fingerprint()}
        with st.raw_read(self.col) as conn:
            token = st.get(conn, "token")
        if token:
            headers["Authorization"] = f"Bearer {token}"
        try:
            resp = self.http.request(method, path, headers=headers, **kw)
        except httpx.TransportError as exc:
            raise SyncError(
                "无法连接同步服务器（离线？），修改已保留在本机",
                f"Cannot reach the sync service ({exc.__class__.__name__}); changes stay on "
                "this desk",
                code="offline",
            ) from exc
        if resp.status_code >= 400:
            try:
                err = resp.json().get("error", {})
            except ValueError:
                err = {}
            raise SyncError(
                err.get("zh", f"同步服务器拒绝了请求（{resp.status_code}）"),
                err.get("en", f"The sync service refused the request ({resp.status_code})"),
                code=err.get("code", "http"),
                status=resp.status_code,
                details=err.get("details"),
            )
        return resp.json()

    # -- sign-in ---------------------------------------------------------------------------

    def login(self, username: str, password: str) -> dict[str, Any]:
        info = self._call(
            "POST",
            "/v1/login",
            json={"username": username, "password": password, "desk_id": self.desk_id},
        )
        with st.raw_write(self.col) as conn:
            st.put(conn, "server_url", self.server_url)
            st.put(conn, "token", info["token"])
            st.put(conn, "username", info["username"])
            st.put(conn, "node", info["node"])
            st.put(conn, "scope", {
                "read": info["read_offices"],
                "write": info["write_offices"],
                "all": info["all_offices"],
            })
        return dict(info)

    def logout(self) -> None:
        try:
            self._call("POST", "/v1/logout")
        finally:
            with st.raw_write(self.col) as conn:
                st.put(conn, "token", None)

    # -- the round ---------------------------------------------------------------------------

    def sync(self) -> SyncReport:
        """Push, snapshot if new, pull, top up case-number blocks."""
        report = SyncReport()
        try:
            self.ensure_capture()
            self.push(report)
            with st.raw_read(self.col) as conn:
                new_desk = st.get(conn, "cursor") is None
            if new_desk:
                self.snapshot(report)
            self.pull(report)
            self.reserve_numbers(report)
        except SyncError as exc:
            with st.raw_write(self.col) as conn:
                st.put(conn, "last_error", f"{exc.zh} / {exc.en}")
            raise
        with st.raw_write(self.col) as conn:
            st.put(conn, "last_error", None)
            st.put(conn, "last_sync_at", datetime.now(UTC).isoformat())
            report.cursor = int(st.get(conn, "cursor", 0))
        return report

    def ensure_capture(self) -> None:
        """Reinstall the capture triggers if a migration left them out of date."""
        with st.raw_read(self.col) as conn:
            current = capture.triggers_current(_DriverShim(conn))
        if not current:
            with st.raw_write(self.col) as conn:
                capture.install_triggers(_DriverShim(conn))

    # -- push --------------------------------------------------------------------------------

    def push(self, report: SyncReport | None = None) -> SyncReport:
        report = report or SyncReport()
        clock_retries = 0
        while True:
            with st.raw_read(self.col) as conn:
                batch = outbox.next_batch(conn, self.batch_size)
            if not batch:
                return report
            body = {
                "desk_id": self.desk_id,
                "batch_id": f"{batch[0]['change_id'][:16]}-{len(batch)}",
                "changes": batch,
            }
            try:
                answer = self._call("POST", "/v1/push", json=body)
            except SyncError as exc:
                if exc.code == "clock_ahead" and clock_retries < 3:
                    clock_retries += 1
                    with st.raw_write(self.col) as conn:
                        report.clock_adjusted += outbox.restamp(
                            conn, int(exc.details["server_time_ms"])
                        )
                    continue
                if exc.code in ("forbidden", "malformed") and exc.status in (403, 422):
                    refused = self._refused_ids(exc, batch)
                    if refused:
                        self._refuse(refused, exc, batch)
                        report.refused += len(refused)
                        continue
                raise
            results = answer["results"]
            with st.raw_write(self.col, applying=True) as conn:
                outbox.settle(conn, results)
                Applier(conn).floor(int(answer.get("max_hlc", 0)))
                if self.on_page:
                    self.on_page("push", len(results))
            report.pushed += len(results)
            for r in results:
                report.outcomes[r["status"]] = report.outcomes.get(r["status"], 0) + 1

    @staticmethod
    def _refused_ids(exc: SyncError, batch: list[dict[str, Any]]) -> list[str]:
        ids: list[str] = []
        for d in exc.details or []:
            if not isinstance(d, dict):
                continue
            if d.get("change_id"):
                ids.append(str(d["change_id"]))
            loc = d.get("loc") or []
            if len(loc) >= 3 and loc[1] == "changes" and str(loc[2]).isdigit():
                idx = int(loc[2])
                if idx < len(batch):
                    ids.append(batch[idx]["change_id"])
        return list(dict.fromkeys(ids))

    def _refuse(self, ids: list[str], exc: SyncError, batch: list[dict[str, Any]]) -> None:
        """Set refused changes aside and put back the service's version of those rows.

        A refused insert has no version on the service: the row is removed here (its
        values stay in the change log with the reason, shown as a refused change)."""
        refused = [c for c in batch if c["change_id"] in ids and c["op"] != "R"]
        keys = list(dict.fromkeys((c["tbl"], c["pk"]) for c in refused))
        with st.raw_write(self.col) as conn:
            outbox.refuse(conn, ids, exc.code, {"zh": exc.zh, "en": exc.en,
                                                "details": exc.details})
        found = self._fetch_rows(keys) if keys else set()
        inserted = [k for k in keys if k not in found and any(
            c["op"] == "I" and (c["tbl"], c["pk"]) == k for c in refused)]
        if inserted:
            with st.raw_write(self.col, applying=True) as conn:
                for tbl, pk in reversed(inserted):
                    conn.execute(f'DELETE FROM "{tbl}" WHERE id = ?', (pk,))

    def _fetch_rows(self, keys: list[tuple[str, str]]) -> set[tuple[str, str]]:
        got: set[tuple[str, str]] = set()
        for i in range(0, len(keys), 500):
            rows = self._call("POST", "/v1/rows", json={"keys": keys[i : i + 500]})["rows"]
            with st.raw_write(self.col, applying=True) as conn:
                applier = Applier(conn)
                for r in rows:
                    applier.row(r["tbl"], r["pk"], r["data"])
                    got.add((r["tbl"], r["pk"]))
        return got

    # -- snapshot and pull -----------------------------------------------------------------

    def snapshot(self, report: SyncReport | None = None) -> SyncReport:
        """Copy the current rows of this desk's offices; resumes where it stopped.

        The next page is fetched while the current one is applied."""
        report = report or SyncReport()
        with st.raw_read(self.col) as conn:
            pos = st.get(conn, "snapshot") or {"at": None, "table": None, "after": None}

        def fetch(at: dict[str, Any]) -> Any:
            params: dict[str, Any] = {"limit": self.snapshot_page}
            for k in ("at", "table"):
                if at[k] is not None:
                    params[k] = at[k]
            if at["after"] is not None:
                params["after"] = json.dumps(at["after"], ensure_ascii=False)
            return self._call("GET", "/v1/snapshot", params=params)

        with ThreadPoolExecutor(max_workers=1) as pool:
            ahead = pool.submit(fetch, pos)
            while True:
                page = ahead.result()
                nxt = page["next"]
                if nxt is not None:
                    pos = {"at": page["at"], "table": nxt["table"], "after": nxt["after"]}
                    ahead = pool.submit(fetch, pos)
                with st.raw_write(self.col, applying=True, bulk=True) as conn:
                    applier = Applier(conn)
                    n = applier.rows_many(page["table"], page["rows"])
                    applier.floor(int(page.get("max_hlc", 0)))
                    if self.on_page:
                        self.on_page("snapshot", n)
                    if nxt is None:
                        st.put(conn, "snapshot", None)
                        st.put(conn, "cursor", page["at"])
                    else:
                        st.put(conn, "snapshot", pos)
                report.snapshot_rows += n
                if nxt is None:
                    return report

    def pull(self, report: SyncReport | None = None) -> SyncReport:
        """Apply the feed from this desk's cursor to the end."""
        report = report or SyncReport()
        while True:
            with st.raw_read(self.col) as conn:
                cursor = int(st.get(conn, "cursor", 0) or 0)
            page = self._call(
                "GET", "/v1/pull", params={"cursor": cursor, "limit": self.page_size}
            )
            entries = page["entries"]
            with st.raw_write(self.col, applying=True) as conn:
                applier = Applier(conn)
                for e in entries:
                    if e["kind"] == "conflict":
                        applier.conflict(e["data"])
                    else:
                        applier.row(e["tbl"], e["pk"], e["data"])
                applier.floor(int(page.get("max_hlc", 0)))
                if self.on_page:
                    self.on_page("pull", len(entries))
                # The cursor never goes backwards.
                st.put(conn, "cursor", max(cursor, int(page["cursor"])))
                missing = list(dict.fromkeys(applier.missing))
            report.pulled += len(entries)
            if missing:
                self._fetch_rows(missing)
            if not page["more"]:
                return report

    def resync(self) -> SyncReport:
        """Push what is pending, then take a fresh snapshot (e.g. after a change of
        offices). Nothing unsynchronised is discarded."""
        report = SyncReport()
        self.push(report)
        with st.raw_write(self.col) as conn:
            st.put(conn, "cursor", None)
            st.put(conn, "snapshot", None)
        self.snapshot(report)
        self.pull(report)
        return report

    # -- numbering ----------------------------------------------------------------------------

    def reserve_numbers(self, report: SyncReport | None = None) -> int:
        report = report or SyncReport()
        with st.raw_read(self.col) as conn:
            scope = st.get(conn, "scope") or {}
            offices = list(scope.get("write") or [])
            if scope.get("all"):
                offices = [r[0] for r in conn.execute(
                    "SELECT id FROM offices WHERE archived_at IS NULL")]
            wanted = numbers.needed(conn, offices, self.col.today())
        for office_id, year in wanted:
            blk = self._call(
                "POST",
                "/v1/numbers",
                json={"office_id": office_id, "year": year, "count": numbers.BLOCK_SIZE},
            )
            with st.raw_write(self.col) as conn:
                numbers.add_block(conn, office_id, year, int(blk["start"]), int(blk["end"]))
            report.blocks_reserved += 1
        return len(wanted)

    # -- checks ---------------------------------------------------------------------------

    def remote_checksums(self) -> dict[str, Any]:
        return dict(self._call("GET", "/v1/checksums"))

    def local_checksums(self) -> dict[str, Any]:
        with st.raw_read(self.col) as conn:
            return desk_checksums(conn)

    def verify(self) -> list[str]:
        """Tables whose rows differ from the service's (empty when in step)."""
        remote, local = self.remote_checksums(), self.local_checksums()
        return [t for t in remote if remote[t] != local.get(t)]

    def close(self) -> None:
        close = getattr(self.http, "close", None)
        if callable(close):
            close()


class _DriverShim:
    """Lets the capture helpers (written for SQLAlchemy connections) run on a raw one."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn

    def exec_driver_sql(self, sql: str, params: Any = ()) -> Any:
        return self.conn.execute(sql, params)
