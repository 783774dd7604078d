"""The sync service: a FastAPI application over a :class:`~legalaid.server.store.Store`.

Every refusal is a JSON body ``{"error": {"code", "zh", "en", "details"?}}`` with a 4xx
status: 401 not signed in, 403 outside the user's rights, 404, 409 the service is older
than the desk, 422 malformed payload or clock too far ahead, 426 the desk must be
upgraded. Data endpoints require the headers ``Authorization: Bearer <token>`` and
``X-Legalaid-Schema: <desk schema revision>``.
"""

from __future__ import annotations

import json
import logging
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from legalaid.server import feed
from legalaid.server.errors import (
    Malformed,
    ServerOutdated,
    ServiceError,
    UpgradeRequired,
)
from legalaid.server.protocol import LoginRequest, NumbersRequest, PushRequest, RowsRequest
from legalaid.server.store import Principal, Store
from legalaid.sync import hlc as H
from legalaid.sync import schema

log = logging.getLogger("legalaid.server")
SCHEMA_HEADER = "X-Legalaid-Schema"
SYNC_SCHEMA_HEADER = "X-Legalaid-Sync-Schema"


def desk_schema_revisions() -> tuple[str, list[str]]:
    """The desk schema this service speaks, and every earlier revision."""
    from alembic.script import ScriptDirectory

    from legalaid.db import migrate

    script = ScriptDirectory.from_config(migrate.alembic_config())
    head = migrate.head_revision()
    older = [r.revision for r in script.walk_revisions() if r.revision != head]
    return head, older


def _json(body: Any, status: int = 200) -> Response:
    if isinstance(body, str):
        return Response(body, status_code=status, media_type="application/json")
    return JSONResponse(body, status_code=status)


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def principal(
    request: Request, authorization: Annotated[str | None, Header()] = None
) -> Principal:
    token = None
    if authorization and authorization.lower().startswith("bearer "):
        token = authorization[7:].strip()
    return _store(request).authenticate(token)


def desk_schema(
    request: Request,
    x_legalaid_schema: Annotated[str | None, Header()] = None,
    x_legalaid_sync_schema: Annotated[str | None, Header()] = None,
) -> str:
    """The desk's schema revision. A desk whose synchronised tables and columns match
    the service's may sync; otherwise an older desk is told to upgrade (426) and a
    newer one that the service must be upgraded (409)."""
    head, older = request.app.state.schema_revisions
    rev = (x_legalaid_schema or "").strip()
    if x_legalaid_sync_schema is not None and x_legalaid_sync_schema == schema.fingerprint():
        return rev
    if rev == head and x_legalaid_sync_schema is None:
        return rev
    if rev in older:
        raise UpgradeRequired(
            f"工作台数据库版本（{rev}）过旧，请升级 legalaid 后再同步；未同步的修改会保留",
            f"This desk's schema ({rev}) is older than the service's ({head}); upgrade "
            "legalaid, then sync. Unsynchronised changes are kept",
            details={"desk": rev, "service": head},
        )
    if not rev:
        raise Malformed(f"缺少 {SCHEMA_HEADER} 请求头", f"The {SCHEMA_HEADER} header is missing")
    raise ServerOutdated(
        f"同步服务版本较旧，不认识工作台的数据库版本（{rev}），请升级服务",
        f"The service does not know the desk's schema {rev}; upgrade the service",
        details={"desk": rev, "service": head},
    )


Auth = Annotated[Principal, Depends(principal)]
Rev = Annotated[str, Depends(desk_schema)]
StoreDep = Annotated[Store, Depends(_store)]


def create_app(store: Store) -> FastAPI:
    """The application; ``app.state.store`` may be swapped (tests reuse one server)."""
    app = FastAPI(title="legalaid sync service", version=str(schema.PROTOCOL))
    app.state.store = store
    app.state.schema_revisions = desk_schema_revisions()
    head = app.state.schema_revisions[0]

    @app.exception_handler(ServiceError)
    async def _service_error(_req: Request, exc: ServiceError) -> Response:
        return _json(exc.body(), exc.status)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_req: Request, exc: RequestValidationError) -> Response:
        details = [
            {"loc": [str(x) for x in e.get("loc", ())], "msg": str(e.get("msg", ""))}
            for e in exc.errors()[:20]
        ]
        err = Malformed("请求数据格式不正确", "The request is malformed", details=details)
        return _json(err.body(), 422)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_req: Request, exc: StarletteHTTPException) -> Response:
        err = ServiceError("请求无效", str(exc.detail), status=exc.status_code, code="http")
        return _json(err.body(), exc.status_code)

    @app.exception_handler(Exception)
    async def _crash(_req: Request, exc: Exception) -> Response:  # pragma: no cover
        log.exception("unexpected error", exc_info=exc)
        err = ServiceError("服务器内部错误", "Internal error", status=500, code="internal")
        return _json(err.body(), 500)

    @app.get("/v1/hello")
    def hello() -> dict[str, Any]:
        return {
            "service": "legalaid-sync",
            "protocol": schema.PROTOCOL,
            "schema": head,
            "sync_schema": schema.fingerprint(),
            "server_time_ms": H.now_ms(),
        }

    @app.post("/v1/login")
    def login(body: LoginRequest, _rev: Rev, store: StoreDep) -> dict[str, Any]:
        token, p = store.login(body.username, body.password, body.desk_id)
        with store.read() as conn:
            scope = store.scope(conn, p)
        return {
            "token": token,
            "node": p.node,
            "username": p.username,
            "role": p.role,
            "read_offices": sorted(scope.read),
            "write_offices": sorted(scope.write),
            "all_offices": scope.all_offices,
            "server_time_ms": H.now_ms(),
        }

    @app.post("/v1/logout")
    def logout(p: Auth, store: StoreDep) -> dict[str, Any]:
        store.logout(p)
        return {"ok": True}

    @app.get("/v1/scope")
    def scope(p: Auth, _rev: Rev, store: StoreDep) -> dict[str, Any]:
        with store.read() as conn:
            s = store.scope(conn, p)
        return {
            "username": p.username,
            "role": p.role,
            "read_offices": sorted(s.read),
            "write_offices": sorted(s.write),
            "all_offices": s.all_offices,
        }

    @app.post("/v1/push")
    def push(body: PushRequest, p: Auth, rev: Rev, store: StoreDep) -> dict[str, Any]:
        return feed.push(store, p, body, rev)

    @app.get("/v1/pull")
    def pull(
        p: Auth,
        _rev: Rev,
        store: StoreDep,
        cursor: Annotated[int, Query(ge=0, lt=2**62)] = 0,
        limit: Annotated[int, Query(ge=1, le=5000)] = 1000,
    ) -> Response:
        return _json(feed.pull(store, p, cursor, limit))

    @app.get("/v1/snapshot")
    def snapshot(
        p: Auth,
        _rev: Rev,
        store: StoreDep,
        at: Annotated[int | None, Query(ge=0, lt=2**62)] = None,
        table: Annotated[str | None, Query(max_length=40)] = None,
        after: Annotated[str | None, Query(max_length=200)] = None,
        limit: Annotated[int, Query(ge=1, le=20000)] = 2000,
    ) -> Response:
        key: tuple[str, str] | None = None
        if after:
            try:
                parsed = json.loads(after)
                key = (str(parsed[0]), str(parsed[1]))
            except (ValueError, TypeError, IndexError, KeyError) as exc:
                raise Malformed("after 参数无效", "Invalid 'after'") from exc
        return _json(feed.snapshot(store, p, at, table, key, limit))

    @app.post("/v1/rows")
    def rows(body: RowsRequest, p: Auth, _rev: Rev, store: StoreDep) -> dict[str, Any]:
        return feed.fetch_rows(store, p, list(body.keys))

    @app.get("/v1/checksums")
    def checksums(p: Auth, _rev: Rev, store: StoreDep) -> dict[str, Any]:
        return feed.checksums(store, p)

    @app.post("/v1/numbers")
    def numbers(body: NumbersRequest, p: Auth, _rev: Rev, store: StoreDep) -> dict[str, Any]:
        return feed.reserve_numbers(store, p, body)

    @app.get("/v1/history/{tbl}/{pk}")
    def history(tbl: str, pk: str, p: Auth, _rev: Rev, store: StoreDep) -> dict[str, Any]:
        return feed.history(store, p, tbl, pk)

    return app
