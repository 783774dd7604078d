"""What desks call: push a batch, pull the feed, take a snapshot, fetch rows, checksums,
and reserve case-number blocks. Each function runs in one store transaction."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, func, select, tuple_

from legalaid.server import tables as T
from legalaid.server.errors import ClockAhead, Forbidden, Malformed
from legalaid.server.merge import CONFLICT_TABLE, Merger, Outcome, dumps, validate
from legalaid.server.protocol import NumbersRequest, PushRequest
from legalaid.server.store import Principal, Scope, Store, utcnow
from legalaid.sync import hlc as H
from legalaid.sync import schema
from legalaid.sync.checksum import MOD, row_checksum

SNAPSHOT_TABLES = [t.name for t in schema.replicated()] + [CONFLICT_TABLE]


def _high(conn: Connection) -> int:
    return int(conn.scalar(select(func.coalesce(func.max(T.log.c.seq), 0))) or 0)


def _max_hlc(conn: Connection) -> int:
    return int(Store.get_meta(conn, "max_hlc") or 0)


def push(store: Store, p: Principal, req: PushRequest, schema_rev: str) -> dict[str, Any]:
    """Merge one batch; all of it is stored or none (403 / 422 name the bad changes)."""
    node = store.require_node(p)
    if p.desk_id != req.desk_id:
        raise Forbidden(
            "此登录属于另一台工作台", "This sign-in belongs to another desk", code="wrong_desk"
        )
    server_ms = H.now_ms()
    ahead = [c.change_id for c in req.changes if H.too_far_ahead(c.hlc, server_ms)]
    if ahead:
        top = max(c.hlc for c in req.changes)
        raise ClockAhead(
            f"工作台时钟比服务器快了{H.MAX_FUTURE_MS // 60000}分钟以上，已拒收；请校正时间",
            f"The desk's clock is more than {H.MAX_FUTURE_MS // 60000} minutes ahead of the "
            "service; nothing was stored. Correct the clock",
            details={
                "server_time_ms": server_ms,
                "desk_time_ms": H.wall_ms(top),
                "max_future_ms": H.MAX_FUTURE_MS,
                "changes": ahead[:20],
            },
        )
    validate(req.changes)
    with store.write() as conn:
        scope = store.scope(conn, p)
        merger = Merger(store, conn, p, node, scope, req.batch_id)
        merger.prefetch(req.changes)
        outcomes = [merger.apply(ch) for ch in req.changes]
        merger.flush()
        if merger.forbidden:
            raise Forbidden(
                "有修改超出您的权限，本批全部拒收",
                "Some changes are outside your rights; nothing in this batch was stored",
                details=merger.forbidden,
            )
        results = [_result(merger, ch.tbl, ch.pk, ch.op, o) for ch, o in zip(
            req.changes, outcomes, strict=True)]
        if merger.max_hlc > _max_hlc(conn):
            store.set_meta(conn, "max_hlc", str(merger.max_hlc))
        newest = max((c.hlc for c in req.changes), default=0)
        store.touch_desk(conn, p, schema_rev, H.wall_ms(newest) - server_ms if newest else 0)
        return {"results": results, "server_time_ms": H.now_ms(), "max_hlc": _max_hlc(conn)}


def _result(m: Merger, tbl: str, pk: str, op: str, o: Outcome) -> dict[str, Any]:
    res: dict[str, Any] = {"change_id": o.change_id, "status": o.status}
    if o.reason:
        res["reason"] = o.reason
    if o.conflict_ids:
        res["conflict_ids"] = o.conflict_ids
    if op == "R":
        rec = m.conn.scalar(select(T.conflicts.c.data).where(T.conflicts.c.id == pk))
        if rec is None:
            return res
        c = json.loads(rec)
        tbl, pk = c["tbl"], c["pk"]
        res["conflict"] = c
    row = m.load(tbl, pk) if schema.spec(tbl) and not schema.tables()[tbl].push_only else None
    if row is None:
        if o.status == "rejected":
            res["missing"] = True
        return res
    cols = [c for c, s in o.cols.items() if s != "accepted"]
    if o.renumbered:
        cols += ["number", "seq"]
    if o.status == "rejected":
        cols = list(row.data)
    if cols:
        res["current"] = {c: row.data.get(c) for c in cols}
        res["table"], res["pk"] = tbl, pk
    return res


def _scope_filter(col: Any, scope: Scope) -> Any:
    if scope.all_offices:
        return None
    return col.in_(sorted(scope.read | {""}))


def pull(store: Store, p: Principal, cursor: int, limit: int) -> str:
    """Feed entries after ``cursor`` in the caller's offices, as a JSON text."""
    if cursor < 0 or not 1 <= limit <= 5000:
        raise Malformed("游标或页大小无效", "Invalid cursor or page size")
    with store.read() as conn:
        scope = store.scope(conn, p)
        # Every seq at or below ``high`` is committed (writers are serialised), so
        # stopping there can never skip an entry.
        high = _high(conn)
        q = (
            select(T.log.c.seq, T.log.c.tbl, T.log.c.pk, T.log.c.kind, T.log.c.data, T.log.c.hlc)
            .where(T.log.c.seq > cursor, T.log.c.seq <= high)
            .order_by(T.log.c.seq)
            .limit(limit)
        )
        flt = _scope_filter(T.log.c.office_id, scope)
        if flt is not None:
            q = q.where(flt)
        entries = conn.execute(q).all()
        more = len(entries) == limit
        nxt = entries[-1].seq if more else high
        top_hlc = max((e.hlc for e in entries), default=0)
        parts = [
            f'{{"seq":{e.seq},"tbl":"{e.tbl}","pk":{json.dumps(e.pk)},"kind":"{e.kind}",'
            f'"data":{e.data}}}'
            for e in entries
        ]
        head = {
            "cursor": nxt,
            "more": more,
            "server_time_ms": H.now_ms(),
            "max_hlc": max(top_hlc, _max_hlc(conn) if not more else 0),
        }
        return dumps(head)[:-1] + ',"entries":[' + ",".join(parts) + "]}"


def snapshot(
    store: Store,
    p: Principal,
    at: int | None,
    table: str | None,
    after: tuple[str, str] | None,
    limit: int,
) -> str:
    """One page of the current rows for a new desk, table by table, parents first.

    The first call (``at`` omitted) fixes ``at``: the feed position the snapshot
    corresponds to at least; the desk pulls from there once the last page is in.
    """
    if not 1 <= limit <= 20000:
        raise Malformed("页大小无效", "Invalid page size")
    tbl = table or SNAPSHOT_TABLES[0]
    if tbl not in SNAPSHOT_TABLES:
        raise Malformed(f"未知的表：{tbl}", f"Unknown table {tbl}")
    with store.read() as conn:
        scope = store.scope(conn, p)
        if at is None:
            at = _high(conn)
        if tbl == CONFLICT_TABLE:
            src, key_office, key_pk, data_col = T.conflicts, T.conflicts.c.office_id, \
                T.conflicts.c.id, T.conflicts.c.data
            q = select(key_office, key_pk, data_col)
        else:
            src, key_office, key_pk, data_col = T.rows, T.rows.c.office_id, T.rows.c.pk, \
                T.rows.c.data
            q = select(key_office, key_pk, data_col).where(T.rows.c.tbl == tbl)
        del src
        flt = _scope_filter(key_office, scope)
        if flt is not None:
            q = q.where(flt)
        if after is not None:
            q = q.where(tuple_(key_office, key_pk) > tuple_(after[0], after[1]))
        rows = conn.execute(q.order_by(key_office, key_pk).limit(limit)).all()
        if len(rows) == limit:
            nxt: dict[str, Any] | None = {"table": tbl, "after": [rows[-1][0], rows[-1][1]]}
        else:
            i = SNAPSHOT_TABLES.index(tbl)
            nxt = {"table": SNAPSHOT_TABLES[i + 1], "after": None} if i + 1 < len(
                SNAPSHOT_TABLES) else None
        head = {"at": at, "table": tbl, "next": nxt, "max_hlc": _max_hlc(conn),
                "server_time_ms": H.now_ms()}
        return dumps(head)[:-1] + ',"rows":[' + ",".join(r[2] for r in rows) + "]}"


def fetch_rows(store: Store, p: Principal, keys: list[tuple[str, str]]) -> dict[str, Any]:
    """Current full rows by key (a desk missing a row it was sent a partial change for)."""
    out: list[dict[str, Any]] = []
    with store.read() as conn:
        scope = store.scope(conn, p)
        for tbl, pk in keys:
            r = conn.execute(
                select(T.rows.c.office_id, T.rows.c.data).where(
                    T.rows.c.tbl == tbl, T.rows.c.pk == pk
                )
            ).first()
            if r is not None and scope.can_read(r.office_id):
                out.append({"tbl": tbl, "pk": pk, "data": json.loads(r.data)})
    return {"rows": out}


def checksums(store: Store, p: Principal) -> dict[str, Any]:
    """Per table: row count and the sum (mod 2^64) of row hashes, in the caller's scope."""
    out: dict[str, Any] = {}
    with store.read() as conn:
        scope = store.scope(conn, p)
        for spec in schema.replicated():
            q = select(T.rows.c.data).where(T.rows.c.tbl == spec.name)
            flt = _scope_filter(T.rows.c.office_id, scope)
            if flt is not None:
                q = q.where(flt)
            n, total = 0, 0
            cols = list(spec.column_names)
            for (data,) in conn.execute(q):
                d = json.loads(data)
                total = (total + row_checksum(cols, [d.get(c) for c in cols])) % MOD
                n += 1
            out[spec.name] = {"count": n, "sum": str(total)}
    return out


def reserve_numbers(store: Store, p: Principal, req: NumbersRequest) -> dict[str, Any]:
    """A block of case sequence numbers only this desk will use (offline numbering)."""
    node = store.require_node(p)
    with store.write() as conn:
        scope = store.scope(conn, p)
        if not scope.can_write(req.office_id):
            raise Forbidden("无权为该单位编号", "No right to number that office's cases")
        merger = Merger(store, conn, p, node, scope, "numbers")
        start = merger.next_seq(req.office_id, req.year, req.count)
        end = start + req.count - 1
        conn.execute(
            T.blocks.insert().values(
                office_id=req.office_id, year=req.year, start=start, end=end, node=node,
                created_at=utcnow(),
            )
        )
        return {"office_id": req.office_id, "year": req.year, "start": start, "end": end}


def history(store: Store, p: Principal, tbl: str, pk: str) -> dict[str, Any]:
    """Every value pushed for one row, with its outcome (losing values are kept here)."""
    with store.read() as conn:
        scope = store.scope(conn, p)
        r = conn.execute(
            select(T.rows.c.office_id).where(T.rows.c.tbl == tbl, T.rows.c.pk == pk)
        ).first()
        if r is None or not scope.can_read(r.office_id):
            return {"changes": []}
        rows = conn.execute(
            select(T.changes.c.change_id, T.changes.c.node, T.changes.c.hlc,
                   T.changes.c.status, T.changes.c.detail)
            .where(T.changes.c.tbl == tbl, T.changes.c.pk == pk)
            .order_by(T.changes.c.hlc)
        ).all()
        return {
            "changes": [
                {"change_id": c.change_id, "node": c.node, "at": H.to_datetime(c.hlc).isoformat(),
                 "user": store.username_of_node(conn, c.node), "status": c.status,
                 **{k: v for k, v in json.loads(c.detail).items() if k in ("new", "cols")}}
                for c in rows
            ]
        }
