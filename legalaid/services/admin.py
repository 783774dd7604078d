"""Offices, roles, staff, settings and the holiday calendar."""

from __future__ import annotations

import json
import threading
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from legalaid import dto
from legalaid.errors import NotFoundError, ValidationError
from legalaid.models import Office, Role, Setting, Staff
from legalaid.services import convert
from legalaid.services.audit import snapshot
from legalaid.services.checks import Checker
from legalaid.services.common import check_version as _check_version
from legalaid.services.common import get_row as _get
from legalaid.vocab import ROLES

if TYPE_CHECKING:
    from legalaid.collection import Collection
    from legalaid.rules.holidays import HolidayCalendar, HolidayData

# Default permissions per role; administrators may edit roles and add their own.
DEFAULT_PERMISSIONS: dict[str, str] = {
    "lawyer": "case.read case.write consultation.write document.write",
    "mediator": "case.read case.write consultation.write document.write",
    "coordinator": "case.read case.write consultation.write document.write",
    "counsellor": "case.read consultation.write",
    "supervisor": "case.read case.write case.assign consultation.write document.write "
    "report.read audit.read",
    "admin": "case.read case.write case.assign consultation.write document.write report.read "
    "audit.read admin.staff admin.office admin.settings admin.templates",
}

HOLIDAY_SETTING = "holiday_data"


class AdminService:
    def __init__(self, col: Collection) -> None:
        self.col = col

    # -- offices ------------------------------------------------------------------------

    def create_office(
        self,
        name: str,
        case_prefix: str,
        *,
        parent_id: str | None = None,
        short_name: str | None = None,
        address: str | None = None,
        phone: str | None = None,
    ) -> dto.Op[dto.OfficeInfo]:
        chk = Checker()
        name_v = chk.text(name, "name", 200, required=True)
        prefix = chk.text(case_prefix, "case_prefix", 20, required=True)
        short = chk.text(short_name, "short_name", 50)
        addr = chk.text(address, "address", 300)
        tel = chk.phone(phone)
        chk.done()
        assert name_v is not None and prefix is not None
        self.col.require("admin.office")
        with self.col.write() as s:
            if s.scalar(select(Office.id).where(Office.name == name_v)):
                raise ValidationError.single(
                    "name",
                    "duplicate",
                    f"已有同名单位：{name_v}",
                    f"An office named {name_v} exists",
                )
            if parent_id and s.get(Office, parent_id) is None:
                raise NotFoundError("上级单位不存在", "Parent office not found")
            office = Office(
                name=name_v,
                case_prefix=prefix,
                parent_id=parent_id,
                short_name=short,
                address=addr,
                phone=tel,
            )
            s.add(office)
            s.flush()
            self.ensure_roles(s)
            self.col.audit(
                s, "create", "office", office.id, office_id=office.id, after=snapshot(office)
            )
            return dto.Op(convert.office(office), dto.OpChanges.of("office"))

    def update_office(
        self,
        office_id: str,
        *,
        expected_version: int,
        name: str | None = None,
        case_prefix: str | None = None,
        number_format: str | None = None,
        address: str | None = None,
        phone: str | None = None,
    ) -> dto.Op[dto.OfficeInfo]:
        chk = Checker()
        name_v = chk.text(name, "name", 200) if name is not None else None
        prefix = chk.text(case_prefix, "case_prefix", 20) if case_prefix is not None else None
        if number_format is not None:
            chk.run(lambda: _check_number_format(number_format))
        tel = chk.phone(phone) if phone else None
        chk.done()
        with self.col.write() as s:
            office = _get(s, Office, office_id, "工会/服务站", "office")
            self.col.require("admin.office", office_id=office.id)
            _check_version(office, expected_version, "office")
            before = snapshot(office)
            for attr, value in (
                ("name", name_v),
                ("case_prefix", prefix),
                ("number_format", number_format),
                ("address", address),
                ("phone", tel),
            ):
                if value is not None:
                    setattr(office, attr, value)
            s.flush()
            self.col.audit(
                s,
                "update",
                "office",
                office.id,
                office_id=office.id,
                before=before,
                after=snapshot(office),
            )
            return dto.Op(convert.office(office), dto.OpChanges.of("office"))

    def offices(self) -> list[dto.OfficeInfo]:
        with self.col.read() as s:
            rows = s.scalars(
                select(Office)
                .where(Office.archived_at.is_(None))
                .order_by(Office.parent_id.is_not(None), Office.name)
            ).all()
            return [convert.office(o) for o in rows]

    def office(self, office_id: str) -> dto.OfficeInfo:
        with self.col.read() as s:
            return convert.office(_get(s, Office, office_id, "工会/服务站", "office"))

    def office_by_name(self, name: str) -> dto.OfficeInfo:
        with self.col.read() as s:
            office = s.scalar(
                select(Office).where((Office.name == name) | (Office.short_name == name))
            )
            if office is None:
                raise NotFoundError(f"没有名为“{name}”的单位", f"No office named '{name}'")
            return convert.office(office)

    def office_tree_ids(self, office_id: str) -> list[str]:
        """The office and every office below it (a federation and its districts)."""
        with self.col.read() as s:
            out, frontier = [office_id], [office_id]
            while frontier:
                frontier = list(s.scalars(select(Office.id).where(Office.parent_id.in_(frontier))))
                out.extend(frontier)
            return out

    # -- roles and staff ---------------------------------------------------------------

    def ensure_roles(self, s: Session) -> None:
        have = set(s.scalars(select(Role.code)))
        for term in ROLES:
            if term.code not in have:
                s.add(
                    Role(
                        code=term.code,
                        name_zh=term.zh,
                        name_en=term.en,
                        permissions=DEFAULT_PERMISSIONS.get(term.code, "case.read"),
                    )
                )
        s.flush()

    def roles(self) -> list[dto.RoleInfo]:
        with self.col.read() as s:
            return [
                dto.RoleInfo(r.code, r.name_zh, r.name_en, tuple(r.permissions.split()))
                for r in s.scalars(select(Role).order_by(Role.name_en))
            ]

    def save_role(
        self, code: str, name_zh: str, name_en: str, permissions: list[str]
    ) -> dto.Op[dto.RoleInfo]:
        chk = Checker()
        code_v = chk.text(code, "code", 40, required=True)
        zh = chk.text(name_zh, "name_zh", 50, required=True)
        en = chk.text(name_en, "name_en", 80, required=True)
        chk.done()
        assert code_v and zh and en
        self.col.require("admin.staff")
        with self.col.write() as s:
            role = s.scalar(select(Role).where(Role.code == code_v))
            before = snapshot(role) if role else None
            if role is None:
                role = Role(code=code_v, name_zh=zh, name_en=en, permissions="")
                s.add(role)
            role.name_zh, role.name_en = zh, en
            role.permissions = " ".join(sorted(set(permissions)))
            s.flush()
            self.col.audit(
                s,
                "update" if before else "create",
                "role",
                role.id,
                office_id=None,
                before=before,
                after=snapshot(role),
            )
            return dto.Op(
                dto.RoleInfo(
                    role.code, role.name_zh, role.name_en, tuple(role.permissions.split())
                ),
                dto.OpChanges.of("staff"),
            )

    def create_staff(
        self,
        name: str,
        username: str,
        role_code: str,
        *,
        office_id: str | None = None,
        phone: str | None = None,
        email: str | None = None,
    ) -> dto.Op[dto.StaffInfo]:
        chk = Checker()
        name_v = chk.text(name, "name", 100, required=True)
        user = chk.text(username, "username", 60, required=True)
        tel = chk.phone(phone)
        mail = chk.text(email, "email", 200)
        chk.done()
        assert name_v and user
        with self.col.write() as s:
            office = self.col.default_office_id(s, office_id)
            self.col.require("admin.staff", office_id=office)
            self.ensure_roles(s)
            if s.scalar(select(Role.id).where(Role.code == role_code)) is None:
                raise ValidationError.single(
                    "role_code", "unknown_code", f"角色不存在：{role_code}", f"No role {role_code}"
                )
            if s.scalar(select(Staff.id).where(func.lower(Staff.username) == user.lower())):
                raise ValidationError.single(
                    "username", "duplicate", f"用户名已被使用：{user}", f"Username {user} is taken"
                )
            member = Staff(
                office_id=office,
                name=name_v,
                username=user,
                role_code=role_code,
                phone=tel,
                email=mail,
            )
            s.add(member)
            s.flush()
            self.col.audit(
                s,
                "create",
                "staff",
                member.id,
                office_id=office,
                after=snapshot(member, ("name", "username", "role_code", "office_id")),
            )
            return dto.Op(convert.staff(member), dto.OpChanges.of("staff"))

    def update_staff(
        self,
        staff_id: str,
        *,
        expected_version: int,
        name: str | None = None,
        role_code: str | None = None,
        active: bool | None = None,
        phone: str | None = None,
        office_id: str | None = None,
    ) -> dto.Op[dto.StaffInfo]:
        with self.col.write() as s:
            member = _get(s, Staff, staff_id, "工作人员", "staff member")
            self.col.require("admin.staff", office_id=member.office_id)
            _check_version(member, expected_version, "staff")
            fields = ("name", "role_code", "active", "phone", "office_id")
            before = snapshot(member, fields)
            if name is not None:
                member.name = name.strip() or member.name
            if role_code is not None:
                if s.scalar(select(Role.id).where(Role.code == role_code)) is None:
                    raise ValidationError.single(
                        "role_code",
                        "unknown_code",
                        f"角色不存在：{role_code}",
                        f"No role {role_code}",
                    )
                member.role_code = role_code
            if active is not None:
                member.active = active
            if phone is not None:
                chk = Checker()
                member.phone = chk.phone(phone)
                chk.done()
            if office_id is not None:
                member.office_id = self.col.default_office_id(s, office_id)
            s.flush()
            self.col.audit(
                s,
                "update",
                "staff",
                member.id,
                office_id=member.office_id,
                before=before,
                after=snapshot(member, fields),
            )
            return dto.Op(convert.staff(member), dto.OpChanges.of("staff"))

    def staff(
        self, office_ids: list[str] | None = None, *, active_only: bool = True
    ) -> list[dto.StaffInfo]:
        with self.col.read() as s:
            q = select(Staff).order_by(Staff.name)
            if office_ids:
                q = q.where(Staff.office_id.in_(office_ids))
            if active_only:
                q = q.where(Staff.active.is_(True))
            return [convert.staff(m) for m in s.scalars(q)]

    def staff_member(self, staff_id: str) -> dto.StaffInfo:
        with self.col.read() as s:
            return convert.staff(_get(s, Staff, staff_id, "工作人员", "staff member"))

    def staff_by_username(self, username: str) -> dto.StaffInfo:
        with self.col.read() as s:
            m = s.scalar(select(Staff).where(func.lower(Staff.username) == username.lower()))
            if m is None:
                raise NotFoundError(f"没有用户：{username}", f"No user {username}")
            return convert.staff(m)

    # -- settings ------------------------------------------------------------------------

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        with self.col.read() as s:
            row = s.get(Setting, key)
            return row.value if row else default

    def set_setting(self, key: str, value: str) -> dto.Op[None]:
        self.col.require("admin.settings")
        with self.col.write() as s:
            row = s.get(Setting, key)
            before = {"value": row.value} if row else None
            if row is None:
                s.add(Setting(key=key, value=value))
            else:
                row.value = value
            self.col.audit(
                s, "update", "setting", key, office_id=None, before=before, after={"value": value}
            )
        return dto.Op(None, dto.OpChanges.of("settings"))

    def is_initialised(self) -> bool:
        with self.col.read() as s:
            return s.scalar(select(func.count()).select_from(Office)) != 0


class CalendarService:
    """The holiday calendar: the library's data plus what the administrator supplied."""

    def __init__(self, col: Collection) -> None:
        self.col = col
        self._cached: HolidayCalendar | None = None
        self._lock = threading.Lock()

    def get(self) -> HolidayCalendar:
        from legalaid.rules.holidays import HolidayCalendar

        with self._lock:
            if self._cached is None:
                cal = HolidayCalendar.default()
                text = self.col.admin.get_setting(HOLIDAY_SETTING)
                if text:
                    cal.parse(text, "json")
                self._cached = cal
            return self._cached

    def import_text(self, text: str, fmt: str | None = None) -> dto.Op[HolidayData]:
        """Validate and store administrator holiday data (JSON or CSV); merged with any
        data stored before. Raises ValidationError and stores nothing on a bad row."""
        from legalaid.rules.holidays import HolidayCalendar, parse_holiday_data

        data = parse_holiday_data(text, "csv" if fmt == "csv" else "json" if fmt else None)
        merged = HolidayCalendar(use_library=False)
        stored = self.col.admin.get_setting(HOLIDAY_SETTING)
        if stored:
            merged.parse(stored, "json")
        merged.merge(data)
        op = self.col.admin.set_setting(HOLIDAY_SETTING, merged.dump("json"))
        with self._lock:
            self._cached = None
        return dto.Op(data, op.changes)

    def stored_years(self) -> list[int]:
        stored = self.col.admin.get_setting(HOLIDAY_SETTING)
        if not stored:
            return []
        return sorted(json.loads(stored).get("years", []))


def _check_number_format(fmt: str) -> None:
    try:
        fmt.format(prefix="X", year=2026, seq=1)
    except (KeyError, IndexError, ValueError) as exc:
        raise ValidationError.single(
            "number_format",
            "format",
            "案号格式只能使用 {prefix}、{year}、{seq} 占位符",
            "The number format may only use {prefix}, {year} and {seq}",
        ) from exc
    if "{seq" not in fmt:
        raise ValidationError.single(
            "number_format",
            "format",
            "案号格式必须包含 {seq}",
            "The number format must contain {seq}",
        )
