"""The sync service's store: engine, transactions, users, tokens, desks and scopes.

Writers that append to the change feed run one at a time: on PostgreSQL under a
transaction-level advisory lock (sequence values are handed out in call order, not
commit order; serialising the writers makes ``srv_log.seq`` commit-ordered, so a
pull cursor can never skip a row that commits later), on SQLite under ``BEGIN
IMMEDIATE``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, func, select
from sqlalchemy.engine import make_url

from legalaid.server import auth, migrate
from legalaid.server import tables as T
from legalaid.server.errors import Forbidden, NotFound, ServiceError, Unauthorized

FEED_LOCK = 0x1E6A1A1D  # advisory lock key of the change feed's writers
ROLES = ("member", "supervisor", "admin")
_READ_ONLY = "legalaid_store_read_only"


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Principal:
    """An authenticated caller: a user working on one desk."""

    user_id: int
    username: str
    role: str
    token_id: int
    desk_id: str | None
    node: int | None


@dataclass(frozen=True)
class Scope:
    """The offices a user may read and write (``all_offices`` for administrators)."""

    read: frozenset[str]
    write: frozenset[str]
    all_offices: bool = False

    def can_read(self, office_id: str) -> bool:
        return self.all_offices or office_id == "" or office_id in self.read

    def can_write(self, office_id: str) -> bool:
        return self.all_offices or office_id in self.write


@dataclass(frozen=True)
class UserInfo:
    id: int
    username: str
    role: str
    active: bool
    offices: tuple[str, ...]


def _sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA busy_timeout = 30000")
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA synchronous = FULL")
    cur.close()


def _sqlite_begin(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN" if conn.get_execution_options().get(_READ_ONLY) else
                         "BEGIN IMMEDIATE")


def make_store_engine(url: str) -> Engine:
    """An engine on the store at ``url`` (``postgresql+psycopg://…`` or ``sqlite:///…``)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database:
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "isolation_level": None}
        )
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    if parsed.get_backend_name() != "postgresql":
        raise ServiceError(
            "存储地址只支持 PostgreSQL 或 SQLite",
            "The store URL must be PostgreSQL or SQLite",
            code="bad_store_url",
        )
    return create_engine(url, pool_size=5, max_overflow=5, pool_pre_ping=True)


class Store:
    """The service's data: open with :meth:`open`, which creates or upgrades the schema."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.is_postgres = engine.dialect.name == "postgresql"
        opts: dict[str, Any] = {_READ_ONLY: True}
        if self.is_postgres:
            # One snapshot for a whole read, so a page and its cursor agree.
            opts["isolation_level"] = "REPEATABLE READ"
        self._reader = engine.execution_options(**opts)

    @classmethod
    def open(cls, url: str, *, upgrade: bool = True) -> Store:
        engine = make_store_engine(url)
        if upgrade:
            migrate.upgrade(engine)
        return cls(engine)

    def close(self) -> None:
        self.engine.dispose()

    # -- transactions ---------------------------------------------------------------

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One write transaction holding the feed lock."""
        with self.engine.begin() as conn:
            if self.is_postgres:
                conn.execute(select(func.pg_advisory_xact_lock(FEED_LOCK)))
            yield conn

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self._reader.connect() as conn:
            try:
                yield conn
            finally:
                conn.rollback()

    # -- meta --------------------------------------------------------------------------

    @staticmethod
    def get_meta(conn: Connection, key: str) -> str | None:
        return conn.scalar(select(T.meta.c.value).where(T.meta.c.key == key))

    @staticmethod
    def set_meta(conn: Connection, key: str, value: str) -> None:
        if conn.execute(T.meta.update().where(T.meta.c.key == key).values(value=value)).rowcount:
            return
        conn.execute(T.meta.insert().values(key=key, value=value))

    # -- users ---------------------------------------------------------------------------

    def add_user(
        self, username: str, password: str, *, role: str = "member", offices: list[str] = ()  # type: ignore[assignment]
    ) -> UserInfo:
        username = username.strip()
        if not username or len(username) > 60:
            raise ServiceError("用户名无效", "Invalid username", code="bad_username")
        if role not in ROLES:
            raise ServiceError(f"角色无效：{role}", f"Unknown role {role}", code="bad_role")
        if len(password) < auth.MIN_PASSWORD:
            raise ServiceError(
                f"密码至少需要{auth.MIN_PASSWORD}个字符",
                f"The password needs at least {auth.MIN_PASSWORD} characters",
                code="weak_password",
            )
        with self.write() as conn:
            if conn.scalar(select(T.users.c.id).where(T.users.c.username == username)):
                raise ServiceError(
                    f"用户已存在：{username}", f"User {username} exists", code="duplicate"
                )
            office_ids = [self.resolve_office(conn, o) for o in offices]
            uid = conn.execute(
                T.users.insert().values(
                    username=username,
                    password_hash=auth.hash_password(password),
                    role=role,
                    active=True,
                    created_at=utcnow(),
                )
            ).inserted_primary_key[0]  # type: ignore[index]
            for oid in dict.fromkeys(office_ids):
                conn.execute(T.memberships.insert().values(user_id=uid, office_id=oid))
        return self.user(username)

    def resolve_office(self, conn: Connection, ref: str) -> str:
        """An office id from its id, name, short name or case-number prefix."""
        ref = ref.strip()
        for pk, data in conn.execute(
            select(T.rows.c.pk, T.rows.c.data).where(T.rows.c.tbl == "offices")
        ):
            if pk == ref:
                return str(pk)
            d = json.loads(data)
            if ref in (d.get("name"), d.get("short_name"), d.get("case_prefix")):
                return str(pk)
        raise NotFound(
            f"服务器上没有该单位：{ref}（请先由管理员的工作台同步单位）",
            f"No office {ref} on the service (sync the offices from an administrator's desk "
            "first)",
        )

    def user(self, username: str) -> UserInfo:
        with self.read() as conn:
            row = conn.execute(select(T.users).where(T.users.c.username == username)).first()
            if row is None:
                raise NotFound(f"没有用户：{username}", f"No user {username}")
            offices = conn.scalars(
                select(T.memberships.c.office_id).where(T.memberships.c.user_id == row.id)
            ).all()
            return UserInfo(row.id, row.username, row.role, row.active, tuple(offices))

    def users(self) -> list[UserInfo]:
        with self.read() as conn:
            names = conn.scalars(select(T.users.c.username).order_by(T.users.c.username)).all()
        return [self.user(n) for n in names]

    def update_user(
        self,
        username: str,
        *,
        password: str | None = None,
        role: str | None = None,
        active: bool | None = None,
        add_offices: list[str] = (),  # type: ignore[assignment]
        remove_offices: list[str] = (),  # type: ignore[assignment]
    ) -> UserInfo:
        info = self.user(username)
        with self.write() as conn:
            values: dict[str, Any] = {}
            if password is not None:
                if len(password) < auth.MIN_PASSWORD:
                    raise ServiceError(
                        "密码太短", "The password is too short", code="weak_password"
                    )
                values["password_hash"] = auth.hash_password(password)
            if role is not None:
                if role not in ROLES:
                    raise ServiceError(f"角色无效：{role}", f"Unknown role {role}")
                values["role"] = role
            if active is not None:
                values["active"] = active
            if values:
                conn.execute(T.users.update().where(T.users.c.id == info.id).values(**values))
            for ref in add_offices:
                oid = self.resolve_office(conn, ref)
                if oid not in info.offices:
                    conn.execute(T.memberships.insert().values(user_id=info.id, office_id=oid))
            for ref in remove_offices:
                oid = self.resolve_office(conn, ref)
                conn.execute(
                    T.memberships.delete().where(
                        T.memberships.c.user_id == info.id, T.memberships.c.office_id == oid
                    )
                )
            if password is not None or active is False:
                self._revoke_all(conn, info.id)
        return self.user(username)

    def revoke_tokens(self, username: str) -> int:
        info = self.user(username)
        with self.write() as conn:
            return self._revoke_all(conn, info.id)

    @staticmethod
    def _revoke_all(conn: Connection, user_id: int) -> int:
        return conn.execute(
            T.tokens.update()
            .where(T.tokens.c.user_id == user_id, T.tokens.c.revoked_at.is_(None))
            .values(revoked_at=utcnow())
        ).rowcount

    # -- sign-in -------------------------------------------------------------------------

    def login(self, username: str, password: str, desk_id: str) -> tuple[str, Principal]:
        """A new token for ``username`` on desk ``desk_id`` (registered on first use)."""
        with self.read() as conn:
            user = conn.execute(select(T.users).where(T.users.c.username == username)).first()
        ok = auth.verify_password(user.password_hash if user else None, password)
        if user is None or not ok or not user.active:
            raise Unauthorized(
                "用户名或密码错误，或账户已停用",
                "Wrong username or password, or the account is disabled",
                code="bad_credentials",
            )
        token = auth.new_token()
        now = utcnow()
        with self.write() as conn:
            desk = conn.execute(select(T.desks).where(T.desks.c.desk_id == desk_id)).first()
            if desk is None:
                node = conn.execute(
                    T.desks.insert().values(
                        desk_id=desk_id, user_id=user.id, created_at=now, last_seen_at=now
                    )
                ).inserted_primary_key[0]  # type: ignore[index]
            else:
                node = desk.node
                conn.execute(
                    T.desks.update()
                    .where(T.desks.c.node == node)
                    .values(user_id=user.id, last_seen_at=now)
                )
            tid = conn.execute(
                T.tokens.insert().values(
                    user_id=user.id,
                    token_hash=auth.token_hash(token),
                    desk_id=desk_id,
                    created_at=now,
                    last_used_at=now,
                )
            ).inserted_primary_key[0]  # type: ignore[index]
        return token, Principal(user.id, user.username, user.role, tid, desk_id, node)

    def authenticate(self, token: str | None) -> Principal:
        if not token:
            raise Unauthorized("请先登录", "Sign in first", code="no_token")
        with self.read() as conn:
            row = conn.execute(
                select(
                    T.tokens.c.id,
                    T.tokens.c.revoked_at,
                    T.tokens.c.desk_id,
                    T.users.c.id.label("uid"),
                    T.users.c.username,
                    T.users.c.role,
                    T.users.c.active,
                    T.desks.c.node,
                )
                .join(T.users, T.users.c.id == T.tokens.c.user_id)
                .outerjoin(T.desks, T.desks.c.desk_id == T.tokens.c.desk_id)
                .where(T.tokens.c.token_hash == auth.token_hash(token))
            ).first()
        if row is None or row.revoked_at is not None or not row.active:
            raise Unauthorized(
                "登录已失效，请重新登录", "The sign-in has expired or was revoked; sign in again"
            )
        return Principal(row.uid, row.username, row.role, row.id, row.desk_id, row.node)

    def logout(self, p: Principal) -> None:
        with self.write() as conn:
            conn.execute(
                T.tokens.update().where(T.tokens.c.id == p.token_id).values(revoked_at=utcnow())
            )

    def touch_desk(self, conn: Connection, p: Principal, schema_rev: str, skew_ms: int) -> None:
        conn.execute(
            T.desks.update()
            .where(T.desks.c.node == p.node)
            .values(last_seen_at=utcnow(), schema_rev=schema_rev, skew_ms=skew_ms)
        )

    # -- scope ---------------------------------------------------------------------------

    def scope(self, conn: Connection, p: Principal) -> Scope:
        if p.role == "admin":
            return Scope(frozenset(), frozenset(), all_offices=True)
        mine = frozenset(
            conn.scalars(
                select(T.memberships.c.office_id).where(T.memberships.c.user_id == p.user_id)
            )
        )
        if p.role != "supervisor":
            return Scope(mine, mine)
        children: dict[str, list[str]] = {}
        for pk, data in conn.execute(
            select(T.rows.c.pk, T.rows.c.data).where(T.rows.c.tbl == "offices")
        ):
            parent = json.loads(data).get("parent_id")
            if parent:
                children.setdefault(parent, []).append(pk)
        readable, frontier = set(mine), list(mine)
        while frontier:
            nxt = [c for o in frontier for c in children.get(o, []) if c not in readable]
            readable.update(nxt)
            frontier = nxt
        return Scope(frozenset(readable), mine)

    def require_node(self, p: Principal) -> int:
        if p.node is None:
            raise Forbidden("此登录未绑定工作台", "This sign-in is not bound to a desk")
        return p.node

    def username_of_node(self, conn: Connection, node: int) -> str | None:
        return conn.scalar(
            select(T.users.c.username)
            .join(T.desks, T.desks.c.user_id == T.users.c.id)
            .where(T.desks.c.node == node)
        )
