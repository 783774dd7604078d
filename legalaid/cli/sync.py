"""Sync commands: ``serve`` (the sync service), ``sync`` (a desk round), ``server`` (admin).

    legalaid serve --store postgresql+psycopg://user@host/legalaid --port 8765
    legalaid server user add li --store URL --office 洪工援 --password ...
    legalaid --db desk.db sync --server http://host:8765 --user li --password ...
    legalaid --db desk.db sync status
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from typing import Any

from legalaid.errors import ConfigurationError


def register(commands: Any) -> None:
    p = commands.add_parser("serve", help="run the sync service")
    p.add_argument("--store", help="store URL (postgresql+psycopg://… or sqlite:///…; "
                   "default $LEGALAID_STORE)")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8765)
    p.add_argument("--ssl-certfile", help="serve HTTPS with this certificate (PEM)")
    p.add_argument("--ssl-keyfile", help="the certificate's private key (PEM)")
    p.add_argument("--log-level", default="info")
    p.set_defaults(handler=cmd_serve)

    p = commands.add_parser("sync", help="synchronise this desk with the sync service")
    p.add_argument("--server", help="service URL, e.g. https://sync.example.org (kept)")
    p.add_argument("--user", help="sign in as this user (asks for the password)")
    p.add_argument("--password", help="password (default $LEGALAID_PASSWORD or a prompt)")
    p.set_defaults(handler=cmd_sync)
    sub = p.add_subparsers(dest="sync_command")
    s = sub.add_parser("status", help="last sync, pending changes, conflicts")
    s.set_defaults(handler=cmd_status)
    s = sub.add_parser("verify", help="compare this desk's tables with the service's")
    s.set_defaults(handler=cmd_verify)
    s = sub.add_parser("conflicts", help="list open conflicts")
    s.add_argument("--all", action="store_true", help="include resolved ones")
    s.set_defaults(handler=cmd_conflicts)
    s = sub.add_parser("resolve", help="resolve a conflict with a value (JSON, e.g. 120000)")
    s.add_argument("conflict_id")
    s.add_argument("value", help="the stored value as JSON: 120000, \"2026-05-01\", null")
    s.set_defaults(handler=cmd_resolve)
    s = sub.add_parser("logout", help="revoke this desk's sign-in")
    s.set_defaults(handler=cmd_logout)

    server = _group(commands)
    users = server.add_parser("user", help="service users").add_subparsers(
        dest="user_command", required=True
    )
    u = users.add_parser("add", help="add a user")
    u.add_argument("username")
    u.add_argument("--role", choices=("member", "supervisor", "admin"), default="member")
    u.add_argument("--office", action="append", default=[],
                   help="office id, name or case prefix (repeat for several)")
    _store_args(u)
    u.set_defaults(handler=cmd_user_add)
    u = users.add_parser("list", help="list users")
    _store_args(u)
    u.set_defaults(handler=cmd_user_list)
    u = users.add_parser("update", help="change a user's password, role, offices, status")
    u.add_argument("username")
    u.add_argument("--role", choices=("member", "supervisor", "admin"))
    u.add_argument("--add-office", action="append", default=[])
    u.add_argument("--remove-office", action="append", default=[])
    u.add_argument("--disable", action="store_true")
    u.add_argument("--enable", action="store_true")
    u.add_argument("--new-password", action="store_true", help="ask for a new password")
    _store_args(u)
    u.set_defaults(handler=cmd_user_update)
    t = server.add_parser("revoke", help="revoke every token of a user")
    t.add_argument("username")
    _store_args(t)
    t.set_defaults(handler=cmd_revoke)
    t = server.add_parser("upgrade", help="create or upgrade the store's schema")
    _store_args(t)
    t.set_defaults(handler=cmd_store_upgrade)


def _group(commands: Any) -> Any:
    from legalaid.cli import group

    return group(commands, "server", "administer the sync service")


def _store_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--store", help="store URL (default $LEGALAID_STORE)")
    p.add_argument("--password", help="password (default $LEGALAID_PASSWORD or a prompt)")


def _store_url(args: argparse.Namespace) -> str:
    url = args.store or os.environ.get("LEGALAID_STORE")
    if not url:
        raise ConfigurationError(
            "请用 --store 或 LEGALAID_STORE 指定存储地址",
            "Give the store URL with --store or $LEGALAID_STORE",
        )
    return str(url)


def _password(args: argparse.Namespace, prompt: str = "密码 Password: ") -> str:
    pw = getattr(args, "password", None) or os.environ.get("LEGALAID_PASSWORD")
    return pw if pw else getpass.getpass(prompt)


# -- service ----------------------------------------------------------------------------------


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from legalaid.server.app import create_app
    from legalaid.server.store import Store

    store = Store.open(_store_url(args))
    app = create_app(store)
    scheme = "https" if args.ssl_certfile else "http"
    print(f"legalaid sync service on {scheme}://{args.host}:{args.port}", file=sys.stderr)
    uvicorn.run(
        app,
        host=args.host,
        port=args.port,
        ssl_certfile=args.ssl_certfile,
        ssl_keyfile=args.ssl_keyfile,
        log_level=args.log_level,
        proxy_headers=True,
    )
    return 0


def cmd_user_add(args: argparse.Namespace) -> int:
    from legalaid.server.store import Store

    store = Store.open(_store_url(args))
    try:
        info = store.add_user(
            args.username, _password(args), role=args.role, offices=args.office
        )
    finally:
        store.close()
    print(f"{info.username}\t{info.role}\t{' '.join(info.offices)}")
    return 0


def cmd_user_list(args: argparse.Namespace) -> int:
    from legalaid.server.store import Store

    store = Store.open(_store_url(args))
    try:
        for u in store.users():
            state = "active" if u.active else "disabled"
            print(f"{u.username}\t{u.role}\t{state}\t{' '.join(u.offices)}")
    finally:
        store.close()
    return 0


def cmd_user_update(args: argparse.Namespace) -> int:
    from legalaid.server.store import Store

    store = Store.open(_store_url(args))
    try:
        active = False if args.disable else True if args.enable else None
        info = store.update_user(
            args.username,
            password=_password(args, "新密码 New password: ") if args.new_password else None,
            role=args.role,
            active=active,
            add_offices=args.add_office,
            remove_offices=args.remove_office,
        )
    finally:
        store.close()
    print(f"{info.username}\t{info.role}\t{' '.join(info.offices)}")
    return 0


def cmd_revoke(args: argparse.Namespace) -> int:
    from legalaid.server.store import Store

    store = Store.open(_store_url(args))
    try:
        n = store.revoke_tokens(args.username)
    finally:
        store.close()
    print(f"已撤销 {n} 个登录 / revoked {n} token(s)")
    return 0


def cmd_store_upgrade(args: argparse.Namespace) -> int:
    from legalaid.server import migrate
    from legalaid.server.store import make_store_engine

    engine = make_store_engine(_store_url(args))
    try:
        migrate.upgrade(engine)
        print(f"store schema: {migrate.current_revision(engine)}")
    finally:
        engine.dispose()
    return 0


# -- desk ---------------------------------------------------------------------------------------


def _open(args: argparse.Namespace) -> Any:
    from legalaid.cli.core import open_collection

    return open_collection(args, must_exist=False)


def cmd_sync(args: argparse.Namespace) -> int:
    from legalaid.sync import state
    from legalaid.sync.client import SyncClient

    with _open(args) as col:
        client = SyncClient(col, args.server)
        try:
            if args.user or not state.status(col).signed_in:
                user = args.user or state.status(col).username or input("用户名 User: ")
                client.login(user, _password(args))
            report = client.sync()
        finally:
            client.close()
        out = report.outcomes
        print(
            f"推送 pushed {report.pushed} ({', '.join(f'{k} {v}' for k, v in sorted(out.items()))})"
            f"; 快照 snapshot {report.snapshot_rows}; 拉取 pulled {report.pulled}; "
            f"cursor {report.cursor}"
        )
        if report.refused:
            print(f"被拒收 refused: {report.refused}", file=sys.stderr)
        st = state.status(col)
        if st.open_conflicts:
            print(f"待处理冲突 open conflicts: {st.open_conflicts} (legalaid sync conflicts)")
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    from legalaid.sync import state

    with _open(args) as col:
        st = state.status(col)
    when = st.last_sync_at.isoformat(timespec="seconds") if st.last_sync_at else "从未 never"
    print(f"服务器 server:        {st.server_url or '-'}")
    print(f"用户 user:            {st.username or '-'} ({'signed in' if st.signed_in else 'out'})")
    print(f"上次同步 last sync:   {when}")
    print(f"待上传 pending:       {st.pending_changes}")
    print(f"被拒收 refused:       {st.rejected_changes}")
    print(f"待处理冲突 conflicts: {st.open_conflicts}")
    snap = " (snapshot in progress)" if st.snapshot_in_progress else ""
    print(f"游标 cursor:          {st.cursor}{snap}")
    if st.clock_offset_ms:
        print(f"时钟校正 clock offset: {st.clock_offset_ms} ms")
    if st.last_error:
        print(f"上次错误 last error:  {st.last_error}")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from legalaid.sync.client import SyncClient

    with _open(args) as col:
        client = SyncClient(col)
        try:
            differ = client.verify()
        finally:
            client.close()
    if differ:
        print("与服务器不一致 differs from the service: " + ", ".join(differ))
        return 1
    print("一致 in step with the service")
    return 0


def cmd_conflicts(args: argparse.Namespace) -> int:
    from legalaid.sync.conflicts import ConflictService

    with _open(args) as col:
        for c in ConflictService(col).list(include_resolved=args.all):
            where = c.case_number or c.record_id
            values = " | ".join(
                f"[{i}] {cand.display} ({cand.user or '?'})" for i, cand in enumerate(c.candidates)
            )
            print(f"{c.id}\t{c.status}\t{where}\t{c.table_zh}.{c.field_zh}\t{values}")
    return 0


def cmd_resolve(args: argparse.Namespace) -> int:
    from legalaid.sync.conflicts import ConflictService

    try:
        value = json.loads(args.value)
    except ValueError:
        value = args.value
    with _open(args) as col:
        info = ConflictService(col).resolve(args.conflict_id, value).value
    note = "（下次同步时生效 / applied on next sync）"
    print(f"{info.id}\t{info.status}\t{info.chosen_display}{note}")
    return 0


def cmd_logout(args: argparse.Namespace) -> int:
    from legalaid.sync.client import SyncClient

    with _open(args) as col:
        client = SyncClient(col)
        try:
            client.logout()
        finally:
            client.close()
    print("已退出 signed out")
    return 0
