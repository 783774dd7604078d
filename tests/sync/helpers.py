"""Building blocks of the sync tests: the service in a thread, desks, a seeded world."""

from __future__ import annotations

import json
import shutil
import socket
import sqlite3
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import uvicorn

from legalaid.collection import Collection
from legalaid.inputs import (
    ApplicantInput,
    CaseInput,
    EmployerInput,
    PersonInput,
    RespondentInput,
)
from legalaid.server.app import create_app
from legalaid.server.store import Store
from legalaid.sync.client import SyncClient

TODAY = date(2026, 11, 24)
PG_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
PASSWORD = "correct-horse-1"


# -- the service ------------------------------------------------------------------------------


class ServerThread:
    """uvicorn serving the app on 127.0.0.1 at a random port; the store is swappable."""

    def __init__(self) -> None:
        self.app = create_app(_placeholder_store())
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        sock.close()
        config = uvicorn.Config(
            self.app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="off"
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.thread.start()
        for _ in range(200):
            if self.server.started:
                return
            time.sleep(0.02)
        raise RuntimeError("the sync service did not start")

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(5)

    def use(self, store: Store) -> None:
        self.app.state.store = store


_PLACEHOLDER: Store | None = None


def _placeholder_store() -> Store:
    global _PLACEHOLDER
    if _PLACEHOLDER is None:
        _PLACEHOLDER = Store.open("sqlite:///:memory:")
    return _PLACEHOLDER


# -- PostgreSQL ---------------------------------------------------------------------------------


def pg_available() -> str | None:
    """None when the server answers, else the reason."""
    try:
        import psycopg

        with psycopg.connect("host=127.0.0.1 port=5432 user=postgres dbname=postgres",
                             connect_timeout=3):
            return None
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"


def pg_create_database(name: str) -> str:
    import psycopg

    with psycopg.connect("host=127.0.0.1 port=5432 user=postgres dbname=postgres",
                         autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"


def pg_drop_database(name: str) -> None:
    import psycopg

    with psycopg.connect("host=127.0.0.1 port=5432 user=postgres dbname=postgres",
                         autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# -- desks --------------------------------------------------------------------------------------


def template_desk(path: Path) -> Path:
    """A migrated, empty desk database to copy (migrations take most of a desk's setup)."""
    col = Collection(path, today=lambda: TODAY)
    col.close()
    raw = sqlite3.connect(path)
    raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw.close()
    return path


def copy_desk(template: Path, path: Path) -> Path:
    """A new desk from the template, with its own identity."""
    shutil.copyfile(template, path)
    raw = sqlite3.connect(path)
    raw.execute("UPDATE sync_local SET node = ? WHERE id = 1", (str(uuid.uuid4()),))
    raw.commit()
    raw.close()
    return path


class FaultyClient(httpx.Client):
    """An HTTP client that can lose a response or send a request twice."""

    def __init__(self, base_url: str) -> None:
        super().__init__(base_url=base_url, timeout=60)
        self.faults: list[tuple[str, str]] = []  # (path prefix, "lose" | "dup")
        self.last_push: dict[str, Any] | None = None
        self.last_push_results: list[dict[str, Any]] | None = None

    def request(self, method: str, url: Any, **kw: Any) -> httpx.Response:  # type: ignore[override]
        path = str(url)
        if path.startswith("/v1/push") and kw.get("json") is not None:
            self.last_push = json.loads(json.dumps(kw["json"]))
        for i, (prefix, mode) in enumerate(self.faults):
            if path.startswith(prefix):
                del self.faults[i]
                if mode == "dup":
                    super().request(method, url, **kw)
                    return self._record(path, super().request(method, url, **kw))
                super().request(method, url, **kw)
                raise httpx.ReadError("response lost (test fault)")
        return self._record(path, super().request(method, url, **kw))

    def _record(self, path: str, resp: httpx.Response) -> httpx.Response:
        if path.startswith("/v1/push") and resp.status_code == 200:
            self.last_push_results = resp.json()["results"]
        return resp


@dataclass
class Desk:
    """A desk: its database, its signed-in sync client, the user it works as."""

    name: str
    col: Collection
    client: SyncClient
    http: FaultyClient
    username: str
    office_id: str
    cursors: list[int] = field(default_factory=list)

    def sync(self) -> Any:
        return self.client.sync()

    def close(self) -> None:
        self.client.close()
        self.col.close()


def open_desk(path: Path, base_url: str, username: str, name: str | None = None) -> Desk:
    col = Collection(path, today=lambda: TODAY)
    http = FaultyClient(base_url)
    client = SyncClient(col, base_url, http=http)
    office = ""
    try:
        staff = col.admin.staff_by_username(username)
        col.set_actor(staff)
        office = staff.office_id
    except Exception:
        pass
    return Desk(name or username, col, client, http, username, office)


def sign_in(desk: Desk, password: str = PASSWORD) -> None:
    desk.client.login(desk.username, password)
    desk.sync()
    staff = desk.col.admin.staff_by_username(desk.username)
    desk.col.set_actor(staff)
    desk.office_id = staff.office_id


# -- a seeded world -------------------------------------------------------------------------------

# username -> (office key, staff role on the desk, service role)
USERS = {
    "a1": ("F", "supervisor", "member"),
    "b1": ("D", "supervisor", "member"),
    "a2": ("F", "supervisor", "member"),
    "sup": ("F", "supervisor", "supervisor"),
    "b2": ("D", "supervisor", "member"),
}


@dataclass
class World:
    store: Store
    base_url: str
    offices: dict[str, str]
    admin: Desk
    desks: list[Desk]

    def close(self) -> None:
        for d in [self.admin, *self.desks]:
            d.close()


def seed_world(
    store: Store, base_url: str, template: Path, folder: Path, users: list[str]
) -> World:
    """Two offices (a city federation F and its district D), their staff, one desk per
    user; every desk signed in and synchronised once."""
    store.add_user("admin", PASSWORD, role="admin")
    admin = open_desk(copy_desk(template, folder / "admin.db"), base_url, "admin")
    col = admin.col
    f = col.admin.create_office("南昌市总工会", "洪工援").value
    d = col.admin.create_office("东湖区总工会", "东工援", parent_id=f.id).value
    offices = {"F": f.id, "D": d.id}
    col.admin.create_staff("系统管理员", "admin", "admin", office_id=f.id)
    for u, (office, role, _) in USERS.items():
        col.admin.create_staff(f"工作人员{u}", u, role, office_id=offices[office])
    admin.client.login("admin", PASSWORD)
    admin.sync()
    for u, (office, _, srole) in USERS.items():
        store.add_user(u, PASSWORD, role=srole, offices=[offices[office]])
    desks = []
    for u in users:
        desk = open_desk(copy_desk(template, folder / f"{u}.db"), base_url, u)
        sign_in(desk)
        desks.append(desk)
    return World(store, base_url, offices, admin, desks)


def case_input(desk: Desk, title: str = "李四诉某建筑公司拖欠工资", amount: int = 1_000_000,
               **kw: Any) -> CaseInput:
    actor = desk.col.actor
    return CaseInput(
        title=title,
        dispute_type="wage_arrears",
        source="walk_in",
        received_on=date(2026, 11, 2),
        applicants=[ApplicantInput(person=PersonInput(name="李四"))],
        respondents=[RespondentInput(employer=EmployerInput(name="南昌某建筑劳务有限公司"))],
        amount_claimed=amount,
        lead_staff_id=actor.id if actor else None,
        **kw,
    )


def server_conflicts(store: Store) -> list[dict[str, Any]]:
    from legalaid.server import tables as T

    with store.read() as conn:
        return [json.loads(r[0]) for r in conn.execute(T.conflicts.select().with_only_columns(
            T.conflicts.c.data))]
