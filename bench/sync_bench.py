"""Sync benchmark: prints figures, asserts nothing.

    .venv/bin/python bench/sync_bench.py --cases 100000
    .venv/bin/python bench/sync_bench.py --cases 20000 --store postgresql+psycopg://postgres@127.0.0.1/x

1. initial sync of a new desk from a service holding N cases with their parties
   (applicant, employer, links), a recovery and a deadline each - over HTTP (uvicorn on
   loopback), snapshot pages applied in transactions;
2. apply rate of pulled changes (rows/s), end to end and applying alone;
3. a push-pull round of 1,000 changes (desk A pushes, desk B pulls);
4. the overhead of change capture on a case save (with / without the triggers).

The service's rows are cloned from one real case made through the facade, so every
row is what a desk would have sent.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from datetime import date
from pathlib import Path
from typing import Any

os.environ.setdefault("LEGALAID_ARGON2_FAST", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
import uvicorn  # noqa: E402

from legalaid.collection import Collection  # noqa: E402
from legalaid.inputs import (  # noqa: E402
    ApplicantInput,
    CaseInput,
    CaseUpdate,
    EmployerInput,
    PersonInput,
    RecoveryInput,
    RespondentInput,
)
from legalaid.server import tables as T  # noqa: E402
from legalaid.server.app import create_app  # noqa: E402
from legalaid.server.store import Store  # noqa: E402
from legalaid.sync import hlc as H  # noqa: E402
from legalaid.sync import state  # noqa: E402
from legalaid.sync.apply import Applier  # noqa: E402
from legalaid.sync.client import SyncClient  # noqa: E402

TODAY = date(2026, 11, 24)
PASSWORD = "bench-password-1"


class Server:
    """The service as its own process (``legalaid serve``), as it runs for real; with
    ``inprocess`` a uvicorn thread instead (sharing this process's GIL)."""

    def __init__(self, store: Store, url: str, *, inprocess: bool = False) -> None:
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        sock.close()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen[bytes] | None = None
        if inprocess:
            cfg = uvicorn.Config(
                create_app(store),
                host="127.0.0.1",
                port=self.port,
                log_level="warning",
                lifespan="off",
            )
            self.server = uvicorn.Server(cfg)
            threading.Thread(target=self.server.run, daemon=True).start()
        else:
            self.proc = subprocess.Popen(
                [
                    sys.executable,
                    "-c",
                    "from legalaid.cli import main; main()",
                    "serve",
                    "--store",
                    url,
                    "--port",
                    str(self.port),
                    "--log-level",
                    "warning",
                ],
                env={**os.environ, "PYTHONPATH": str(ROOT)},
            )
        for _ in range(500):
            try:
                if httpx.get(f"{self.url}/v1/hello", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.05)
        raise RuntimeError("the sync service did not start")

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(10)
        else:
            self.server.should_exit = True


def new_desk(path: Path, url: str, user: str) -> tuple[Collection, SyncClient]:
    col = Collection(path, today=lambda: TODAY)
    client = SyncClient(col, url)
    client.login(user, PASSWORD)
    return col, client


def case_input(actor_id: str | None, i: int) -> CaseInput:
    return CaseInput(
        title=f"李{i}诉南昌某建筑劳务有限公司拖欠工资",
        dispute_type="wage_arrears",
        source="walk_in",
        received_on=date(2026, 11, 2),
        applicants=[ApplicantInput(person=PersonInput(name=f"李{i}", phone="13800138000"))],
        respondents=[RespondentInput(employer=EmployerInput(name=f"南昌某建筑劳务有限公司{i}"))],
        amount_claimed=1_234_500,
        facts="申请人于2025年3月入职，从事钢筋工工作，被申请人自2025年7月起拖欠工资。" * 3,
        lead_staff_id=actor_id,
    )


def seed(store: Store, url: str, folder: Path, n: int) -> tuple[str, dict[str, dict[str, Any]]]:
    """Offices, staff and one real case through an admin desk; then N clones in the store."""
    store.add_user("admin", PASSWORD, role="admin")
    col, client = new_desk(folder / "admin.db", url, "admin")
    office = col.admin.create_office("南昌市总工会", "洪工援").value
    staff = col.admin.create_staff("李律师", "li", "supervisor", office_id=office.id).value
    col.set_actor(staff)
    case = col.cases.create(case_input(staff.id, 0)).value
    col.money.record_recovery(
        case.id, RecoveryInput(received_on=date(2026, 11, 10), amount=500_000)
    )
    client.sync()
    client.close()
    col.close()
    store.add_user("li", PASSWORD, offices=[office.id])
    with store.read() as conn:
        templates = {
            r.tbl: json.loads(r.data)
            for r in conn.execute(
                T.rows.select().where(
                    T.rows.c.tbl.in_(
                        [
                            "cases",
                            "people",
                            "employers",
                            "case_applicants",
                            "case_respondents",
                            "recoveries",
                            "deadlines",
                        ]
                    )
                )
            )
        }
    t0 = time.perf_counter()
    stamp = json.dumps({"*": H.stamp_key(H.pack(H.now_ms()), 1)})
    batch: list[dict[str, Any]] = []
    with store.write() as conn:
        for i in range(1, n + 1):
            ids = {t: str(uuid.uuid4()) for t in templates}
            rows = {t: dict(v, id=ids[t]) for t, v in templates.items()}
            c = rows["cases"]
            c.update(
                seq=1000 + i,
                number=f"洪工援〔2026〕第{1000 + i:06d}号",
                title=f"李{i}诉南昌某建筑劳务有限公司拖欠工资",
            )
            rows["people"]["name"] = f"李{i}"
            rows["employers"]["name"] = f"南昌某建筑劳务有限公司{i}"
            rows["case_applicants"].update(case_id=ids["cases"], person_id=ids["people"])
            rows["case_respondents"].update(case_id=ids["cases"], employer_id=ids["employers"])
            rows["recoveries"].update(case_id=ids["cases"], person_id=ids["people"])
            rows["deadlines"].update(case_id=ids["cases"], source_ref=f"case:{ids['cases']}")
            for t, r in rows.items():
                batch.append(
                    {
                        "tbl": t,
                        "pk": r["id"],
                        "office_id": office.id,
                        "data": json.dumps(r, ensure_ascii=False),
                        "stamps": stamp,
                        "seq": 0,
                    }
                )
            if len(batch) >= 20000:
                conn.execute(T.rows.insert(), batch)
                batch.clear()
        if batch:
            conn.execute(T.rows.insert(), batch)
    print(
        f"seeded the service: {n:,} cases, {n * len(templates):,} rows "
        f"in {time.perf_counter() - t0:.1f} s"
    )
    return office.id, templates


def bench_initial(url: str, folder: Path, page: int) -> tuple[Collection, SyncClient]:
    col, client = new_desk(folder / "desk_b.db", url, "li")
    client.snapshot_page = page
    t0 = time.perf_counter()
    report = client.snapshot()
    elapsed = time.perf_counter() - t0
    rows = report.snapshot_rows
    print(
        f"initial sync: {rows:,} rows in {elapsed:.1f} s = {rows / elapsed:,.0f} rows/s "
        f"(snapshot pages of {page})"
    )
    with state.raw_read(col) as conn:
        n = conn.execute("SELECT count(*) FROM cases").fetchone()[0]
    print(f"  the desk now holds {n:,} cases")
    t0 = time.perf_counter()
    client.pull()
    print(f"  catch-up pull after the snapshot: {time.perf_counter() - t0:.2f} s")
    return col, client


def bench_apply(
    store: Store, col: Collection, client: SyncClient, office: str, n: int = 10_000
) -> None:
    """N feed entries (a descriptive edit each) pulled end to end, then applied alone."""
    with state.raw_read(col) as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM cases LIMIT ?", (n,))]
    hlc = H.pack(H.now_ms())
    with store.write() as conn:
        conn.execute(
            T.log.insert(),
            [
                {
                    "tbl": "cases",
                    "pk": pk,
                    "office_id": office,
                    "kind": "row",
                    "data": json.dumps(
                        {
                            "id": pk,
                            "facts": f"第{i}次补充事实",
                            "updated_at": "2026-11-24 08:00:00.000000",
                        },
                        ensure_ascii=False,
                    ),
                    "hlc": hlc,
                }
                for i, pk in enumerate(ids)
            ],
        )
    t0 = time.perf_counter()
    report = client.pull()
    e2e = time.perf_counter() - t0
    print(
        f"pull of {report.pulled:,} changes end to end: {e2e:.2f} s = "
        f"{report.pulled / e2e:,.0f} rows/s"
    )
    entries = [
        ("cases", pk, {"facts": f"再次补充{i}", "updated_at": "2026-11-24 09:00:00"})
        for i, pk in enumerate(ids)
    ]
    t0 = time.perf_counter()
    with state.raw_write(col, applying=True) as conn:
        applier = Applier(conn)
        for tbl, pk, data in entries:
            applier.row(tbl, pk, data)
    only = time.perf_counter() - t0
    print(
        f"applying alone: {len(entries):,} rows in {only:.2f} s = {len(entries) / only:,.0f} rows/s"
    )


def bench_round(url: str, folder: Path, col_b: Collection, client_b: SyncClient) -> None:
    # Desk A starts as a copy of desk B (same rows and cursor) with its own identity.
    with state.raw_write(col_b) as conn:
        conn.execute("SELECT 1")
    raw = sqlite3.connect(folder / "desk_b.db")
    raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw.close()
    shutil.copyfile(folder / "desk_b.db", folder / "desk_a.db")
    raw = sqlite3.connect(folder / "desk_a.db")
    raw.execute("UPDATE sync_local SET node = ? WHERE id = 1", (str(uuid.uuid4()),))
    raw.commit()
    raw.close()
    col_a, client_a = new_desk(folder / "desk_a.db", url, "li")
    client_a.sync()
    client_b.pull()
    with state.raw_read(col_a) as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM cases LIMIT 1000")]
    with state.raw_write(col_a) as conn:  # 1,000 captured edits
        for i, pk in enumerate(ids):
            conn.execute("UPDATE cases SET claims_text = ? WHERE id = ?", (f"请求{i}", pk))
    t0 = time.perf_counter()
    pushed = client_a.push()
    t1 = time.perf_counter()
    pulled = client_b.pull()
    t2 = time.perf_counter()
    print(
        f"push-pull round of {pushed.pushed:,} changes: {t2 - t0:.2f} s "
        f"(push {t1 - t0:.2f} s, pull of {pulled.pulled:,} {t2 - t1:.2f} s)"
    )
    client_a.close()
    col_a.close()


def bench_capture(folder: Path, url: str, saves: int = 300) -> None:
    """Median time of a case save through the facade with and without capture; the two
    desks take turns so both see the same machine load."""
    desks: dict[str, tuple[Collection, str]] = {}
    for mode in ("with capture", "without capture"):
        path = folder / f"capture_{mode.split()[0]}.db"
        col = Collection(path, today=lambda: TODAY)
        office = col.admin.create_office("南昌市总工会", "洪工援").value
        staff = col.admin.create_staff("李律师", "li", "supervisor", office_id=office.id).value
        col.set_actor(staff)
        if mode == "without capture":
            raw = sqlite3.connect(path)
            for (name,) in raw.execute(
                "SELECT name FROM sqlite_master WHERE type='trigger' AND name LIKE 'sync_%'"
            ).fetchall():
                raw.execute(f"DROP TRIGGER {name}")
            raw.commit()
            raw.close()
        desks[mode] = (col, col.cases.create(case_input(staff.id, 1)).value.id)
    samples: dict[str, list[float]] = {m: [] for m in desks}
    for i in range(saves):
        for mode, (col, case_id) in desks.items():
            v = col.cases.get(case_id).version
            t0 = time.perf_counter()
            col.cases.update(case_id, CaseUpdate(expected_version=v, facts=f"第{i}次修改",
                                                 amount_claimed=1_000_000 + i))
            samples[mode].append(time.perf_counter() - t0)
    for col, _ in desks.values():
        col.close()
    w = statistics.median(samples["with capture"])
    wo = statistics.median(samples["without capture"])
    print(f"case save (facade, median of {saves}, alternating): {w * 1000:.2f} ms with "
          f"capture, {wo * 1000:.2f} ms without: overhead ratio {w / wo:.2f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--cases", type=int, default=100_000)
    ap.add_argument("--page", type=int, default=5000, help="snapshot page size")
    ap.add_argument("--store", help="store URL (default: a SQLite file in a temp folder)")
    ap.add_argument("--inprocess", action="store_true", help="serve from a thread")
    ap.add_argument("--no-round", action="store_true",
                    help="skip the push-pull round (it copies the desk: needs disk)")
    args = ap.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="sync_bench_"))
    url = args.store or f"sqlite:///{folder / 'store.db'}"
    store = Store.open(url)
    server = Server(store, url, inprocess=args.inprocess)
    try:
        print(f"store: {store.engine.url.get_backend_name()}; service {server.url}")
        office, _ = seed(store, server.url, folder, args.cases)
        col_b, client_b = bench_initial(server.url, folder, args.page)
        bench_apply(store, col_b, client_b, office)
        if not args.no_round:
            bench_round(server.url, folder, col_b, client_b)
        client_b.close()
        col_b.close()
        bench_capture(folder, server.url)
    finally:
        server.stop()
        store.close()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
