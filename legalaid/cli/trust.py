"""Trust commands: audit verify/export, backup, restore, user, person, encrypt.

A plain desk is opened as the local system (the desk owner's own command line). An
encrypted desk needs a user's credentials: ``LEGALAID_USER`` and ``LEGALAID_PASSWORD``
from the environment, or ``--user`` with the password typed at a prompt (or given
on standard input with ``--password-stdin``); the commands then run as that user,
with that user's permissions.
"""

from __future__ import annotations

import argparse
import csv
import getpass
import json
import os
import sys
from pathlib import Path
from typing import Any

from legalaid.cli import group
from legalaid.collection import Collection
from legalaid.config import default_db_path
from legalaid.errors import ConfigurationError, NotFoundError, ValidationError

USER_ENV = "LEGALAID_USER"
PASSWORD_ENV = "LEGALAID_PASSWORD"


# -- opening the desk -----------------------------------------------------------------------


def read_password(args: argparse.Namespace, prompt: str = "密码 password: ") -> str:
    """A password from stdin (``--password-stdin``), $LEGALAID_PASSWORD or a prompt."""
    if getattr(args, "password_stdin", False):
        line = sys.stdin.readline()
        return line.rstrip("\r\n")
    env = os.environ.get(PASSWORD_ENV)
    if env is not None:
        return env
    if not sys.stdin.isatty():
        raise ConfigurationError(
            "需要密码：请使用 --password-stdin 或设置 LEGALAID_PASSWORD",
            "A password is needed: use --password-stdin or set LEGALAID_PASSWORD",
        )
    return getpass.getpass(prompt)


def _new_password(args: argparse.Namespace) -> str:
    if getattr(args, "password_stdin", False) or os.environ.get(PASSWORD_ENV) is not None:
        return read_password(args)
    first = read_password(args, "新密码 new password: ")
    again = getpass.getpass("再次输入 again: ")
    if first != again:
        raise ValidationError.single(
            "password", "mismatch", "两次输入的密码不一致", "The passwords do not match"
        )
    return first


def db_path(args: argparse.Namespace) -> Path:
    path = default_db_path(getattr(args, "db", None))
    if not path.exists():
        raise ConfigurationError(
            f"数据库不存在：{path}（请先运行 legalaid init）",
            f"No database at {path} (run `legalaid init` first)",
        )
    return path


def desk_credentials(args: argparse.Namespace) -> tuple[str, str]:
    user = getattr(args, "user", None) or os.environ.get(USER_ENV)
    if not user:
        if not sys.stdin.isatty():
            raise ConfigurationError(
                "数据库已加密：请用 --user 或 LEGALAID_USER 指定用户",
                "The desk is encrypted: give --user or LEGALAID_USER",
            )
        user = input("用户名 username: ").strip()
    return user, read_password(args)


def open_desk_for_cli(args: argparse.Namespace) -> Collection:
    """The desk named by --db / $LEGALAID_DB / the data folder, plain or encrypted."""
    from legalaid.security.desk import sign_in
    from legalaid.security.sqlfiles import is_encrypted

    path = db_path(args)
    if not is_encrypted(path):
        return Collection(path)
    user, password = desk_credentials(args)
    col, _ = sign_in(path, user, password)
    return col


def _key_for(args: argparse.Namespace, path: Path) -> bytes | None:
    from legalaid.security.desk import desk_key
    from legalaid.security.sqlfiles import is_encrypted

    if not is_encrypted(path):
        return None
    user, password = desk_credentials(args)
    key = desk_key(path, user, password)
    # The account itself must also be valid (lockout, disabled accounts).
    from legalaid.security.desk import sign_in

    col, _ = sign_in(path, user, password)
    col.close()
    return key


def _creds(p: Any) -> None:
    p.add_argument("--user", help="username (encrypted desks; or $LEGALAID_USER)")
    p.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )


# -- registration ----------------------------------------------------------------------------


def register(commands: Any) -> None:
    audit = group(commands, "audit", "the tamper-evident audit log")
    p = audit.add_parser("verify", help="check the hash chain; exit 1 at the first broken link")
    _creds(p)
    p.set_defaults(handler=cmd_audit_verify)
    p = audit.add_parser("export", help="write the audit log as .csv or .json")
    p.add_argument("--out", required=True, help="output file (.csv or .json)")
    _creds(p)
    p.set_defaults(handler=cmd_audit_export)

    p = commands.add_parser("backup", help="back up the desk database (online, verified)")
    p.add_argument("--out", help="backup file (default: a new file in backups/ beside the desk)")
    _creds(p)
    p.set_defaults(handler=cmd_backup)

    p = commands.add_parser("restore", help="restore a backup after verifying it")
    p.add_argument("file", help="the backup file")
    _creds(p)
    p.set_defaults(handler=cmd_restore)

    p = commands.add_parser("encrypt", help="encrypt this desk's database in place")
    p.add_argument("--user", required=True, help="the administrator whose password opens it")
    p.add_argument("--password-stdin", action="store_true")
    p.add_argument(
        "--no-keyring", action="store_true", help="do not keep the key in the OS keyring"
    )
    p.set_defaults(handler=cmd_encrypt)

    user = group(commands, "user", "staff accounts")
    p = user.add_parser("add", help="add a staff member and set their password")
    p.add_argument("name")
    p.add_argument("username")
    p.add_argument("role", help="role code: lawyer, mediator, supervisor, admin, ...")
    p.add_argument("--office", help="office name (default: the only office)")
    _creds(p)
    p.add_argument("--new-password-stdin", action="store_true", help="read the new password")
    p.set_defaults(handler=cmd_user_add)
    p = user.add_parser("passwd", help="set a user's password")
    p.add_argument("username")
    _creds(p)
    p.add_argument("--new-password-stdin", action="store_true", help="read the new password")
    p.set_defaults(handler=cmd_user_passwd)
    p = user.add_parser("reset", help="give a user a temporary password to change at login")
    p.add_argument("username")
    _creds(p)
    p.set_defaults(handler=cmd_user_reset)
    p = user.add_parser("unlock", help="clear a locked account's failed logins")
    p.add_argument("username")
    _creds(p)
    p.set_defaults(handler=cmd_user_unlock)
    p = user.add_parser("list", help="one account a line")
    _creds(p)
    p.set_defaults(handler=cmd_user_list)

    person = group(commands, "person", "personal-data requests (个人信息保护法)")
    p = person.add_parser("export", help="everything held about a person, as JSON")
    p.add_argument("person", help="the person's record id or ID-card number")
    p.add_argument("--out", required=True, help="output .json file, or - for stdout")
    _creds(p)
    p.set_defaults(handler=cmd_person_export)
    p = person.add_parser("anonymise", help="anonymise a person, keeping the statistics")
    p.add_argument("person", help="the person's record id or ID-card number")
    p.add_argument("--reason", required=True, help="the lawful basis (recorded in the audit log)")
    p.add_argument("--yes", action="store_true", help="do it (it cannot be undone)")
    _creds(p)
    p.set_defaults(handler=cmd_person_anonymise)


# -- audit -----------------------------------------------------------------------------------


def cmd_audit_verify(args: argparse.Namespace) -> int:
    from legalaid.services.audit import verify_chain

    with open_desk_for_cli(args) as col:
        col.require("audit.read")
        with col.read() as s:
            report = verify_chain(s)
    if report.ok:
        print(f"操作日志完整 audit chain ok: {report.checked} events")
        return 0
    print(
        f"操作日志在第 {report.broken_at_seq} 条断链 audit chain broken at event "
        f"{report.broken_at_seq}: {report.reason} ({report.checked} events verified before it)"
    )
    return 1


AUDIT_COLUMNS = (
    "seq",
    "at",
    "staff",
    "action",
    "entity",
    "entity_id",
    "case_id",
    "office_id",
    "before",
    "after",
    "prev_hash",
    "hash",
)


def cmd_audit_export(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from legalaid.cli.core import safe_cell
    from legalaid.models import AuditEvent, Staff

    out = Path(args.out)
    tmp = out.with_name(out.name + ".part")
    n = 0
    with open_desk_for_cli(args) as col:
        col.require("audit.read")
        # CSV with a BOM so Excel reads the Chinese; JSON without one.
        as_json = out.suffix.lower() == ".json"
        encoding = "utf-8" if as_json else "utf-8-sig"
        with col.read() as s, tmp.open("w", encoding=encoding, newline="") as fh:
            rows = s.execute(
                select(AuditEvent, Staff.name)
                .outerjoin(Staff, Staff.id == AuditEvent.staff_id)
                .order_by(AuditEvent.seq)
                .execution_options(yield_per=2000)
            )
            writer = None if as_json else csv.writer(fh)
            if writer:
                writer.writerow(AUDIT_COLUMNS)
            else:
                fh.write("[\n")
            for ev, name in rows:
                rec = {
                    "seq": ev.seq,
                    "at": ev.at.isoformat(),
                    "staff": name,
                    "action": ev.action,
                    "entity": ev.entity,
                    "entity_id": ev.entity_id,
                    "case_id": ev.case_id,
                    "office_id": ev.office_id,
                    "before": ev.before,
                    "after": ev.after,
                    "prev_hash": ev.prev_hash,
                    "hash": ev.hash,
                }
                if writer:
                    writer.writerow([safe_cell(rec[c]) for c in AUDIT_COLUMNS])
                else:
                    fh.write((",\n" if n else "") + json.dumps(rec, ensure_ascii=False))
                n += 1
            if not writer:
                fh.write("\n]\n")
    os.replace(tmp, out)
    print(f"{n} events → {out}")
    return 0


# -- backup and restore ----------------------------------------------------------------------


def cmd_backup(args: argparse.Namespace) -> int:
    from legalaid.security.backup import make_backup

    with open_desk_for_cli(args) as col:
        info = make_backup(col.engine, col.path, out=args.out)
    print(f"备份完成 backup written: {info.path} ({info.size} bytes)")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from legalaid.security.backup import restore

    path = default_db_path(getattr(args, "db", None))
    key = _key_for(args, path) if path.exists() else None
    report = restore(path, args.file, key)
    print(
        f"已恢复 restored {path} from {report.restored_from} "
        f"(integrity ok, {report.audit_events_checked} audit events verified, "
        f"schema {report.revision})"
    )
    if report.safety_backup:
        print(f"恢复前的数据已备份 the previous desk was saved to {report.safety_backup}")
    from legalaid.security.desk import open_desk

    open_desk(path, key=key).close()  # brings an older backup's schema up to date
    return 0


def cmd_encrypt(args: argparse.Namespace) -> int:
    from legalaid.security.desk import encrypt_desk

    path = db_path(args)
    password = read_password(args)
    report = encrypt_desk(path, args.user, password, use_keyring=not args.no_keyring)
    print(f"数据库已加密 the desk is encrypted: {report.db_path}")
    print(f"加密前的备份 backup taken first: {report.backup} (now encrypted too)")
    print(f"已加密的备份 backups encrypted: {report.backups_encrypted}")
    print("恢复码（请抄写并妥善保管，只显示这一次）recovery code (write it down; shown once):")
    print(f"  {report.recovery_code}")
    if report.keyring_used:
        print("密钥已保存到系统钥匙串 the key is also kept in the OS keyring")
    print(
        "其他用户需由管理员重设密码后方可登录 other users can sign in after an administrator "
        "resets their password"
    )
    return 0


# -- users -----------------------------------------------------------------------------------


def _staff(col: Collection, username: str) -> Any:
    return col.admin.staff_by_username(username)


def cmd_user_add(args: argparse.Namespace) -> int:
    from legalaid.security.auth import Auth

    with open_desk_for_cli(args) as col:
        office_id = col.admin.office_by_name(args.office).id if args.office else None
        password = _read_new(args)
        member = col.admin.create_staff(args.name, args.username, args.role, office_id=office_id)
        Auth(col).set_password(member.value.id, password)
    print(f"已添加 added {args.username} ({args.role})")
    return 0


def _read_new(args: argparse.Namespace) -> str:
    from legalaid.security.passwords import check_policy

    if args.new_password_stdin:
        pw = sys.stdin.readline().rstrip("\r\n")
    else:
        if not sys.stdin.isatty():
            raise ConfigurationError(
                "请用 --new-password-stdin 提供新密码",
                "Give the new password with --new-password-stdin",
            )
        pw = getpass.getpass("新密码 new password: ")
        if getpass.getpass("再次输入 again: ") != pw:
            raise ValidationError.single(
                "password", "mismatch", "两次输入的密码不一致", "The passwords do not match"
            )
    return check_policy(pw)


def cmd_user_passwd(args: argparse.Namespace) -> int:
    from legalaid.security.auth import Auth

    with open_desk_for_cli(args) as col:
        member = _staff(col, args.username)
        Auth(col).set_password(member.id, _read_new(args))
    print(f"已设置密码 password set for {args.username}")
    return 0


def cmd_user_reset(args: argparse.Namespace) -> int:
    from legalaid.security.auth import Auth

    with open_desk_for_cli(args) as col:
        member = _staff(col, args.username)
        temp = Auth(col).reset_password(member.id)
    print(f"临时密码 temporary password for {args.username}: {temp}")
    print("该用户下次登录时须修改密码 they must change it at their next login")
    return 0


def cmd_user_unlock(args: argparse.Namespace) -> int:
    from legalaid.security.auth import Auth

    with open_desk_for_cli(args) as col:
        Auth(col).unlock(_staff(col, args.username).id)
    print(f"已解锁 unlocked {args.username}")
    return 0


def cmd_user_list(args: argparse.Namespace) -> int:
    from legalaid.security.auth import Auth

    with open_desk_for_cli(args) as col:
        offices = {o.id: o.name for o in col.admin.offices()}
        auth = Auth(col)
        for m in col.admin.staff(active_only=False):
            state = (
                "停用 disabled"
                if not m.active
                else ("锁定 locked" if auth.is_locked(m.id) else "正常 active")
            )
            print(f"{m.username}\t{m.name}\t{m.role_code}\t{offices.get(m.office_id, '')}\t{state}")
    return 0


# -- personal data ---------------------------------------------------------------------------


def find_person(col: Collection, ref: str) -> str:
    """A person's record id from a record id or an ID-card number."""
    from sqlalchemy import select

    from legalaid.models import Person
    from legalaid.rules.identity import check_id_number

    ref = ref.strip()
    with col.read() as s:
        if s.get(Person, ref) is not None:
            return ref
        try:
            number = check_id_number(ref).number
        except ValidationError:
            number = ref
        ids = list(s.scalars(select(Person.id).where(Person.id_number == number).limit(3)))
    if not ids:
        raise NotFoundError(f"没有找到当事人：{ref}", f"No person {ref}")
    if len(ids) > 1:
        raise ValidationError.single(
            "person",
            "ambiguous",
            "该身份证号对应多条记录，请使用记录编号",
            "Several records have that ID number; give the record id",
        )
    return ids[0]


def cmd_person_export(args: argparse.Namespace) -> int:
    from legalaid.security.personal_data import export_person_json

    with open_desk_for_cli(args) as col:
        text = export_person_json(col, find_person(col, args.person))
    if args.out == "-":
        sys.stdout.write(text + "\n")
    else:
        out = Path(args.out)
        tmp = out.with_name(out.name + ".part")
        tmp.write_text(text + "\n", encoding="utf-8")
        os.replace(tmp, out)
        print(f"已导出 exported → {out}")
    return 0


def cmd_person_anonymise(args: argparse.Namespace) -> int:
    from legalaid.security.personal_data import anonymise_person

    if not args.yes:
        print("匿名化不可撤销；确认请加 --yes  anonymisation cannot be undone: add --yes")
        return 2
    with open_desk_for_cli(args) as col:
        report = anonymise_person(col, find_person(col, args.person), args.reason)
    print(
        f"已匿名化 anonymised as {report.alias}: {report.cases} cases, "
        f"{report.consultations} consultations, {report.texts_redacted} texts redacted"
    )
    return 0
