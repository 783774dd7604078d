"""Accounts: login with lockout, password change and reset, the idle-lock setting.

Every outcome is written to the audit log (login, failed login, lockout, password
change and reset); passwords and hashes never are. On an encrypted desk, setting a
password also rewraps that user's key slot, so the new password opens the desk.
"""

from __future__ import annotations

import secrets
import string
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from legalaid import dto
from legalaid.errors import NotFoundError, PermissionDeniedError, ValidationError
from legalaid.models import Setting, Staff
from legalaid.security import passwords
from legalaid.security.permissions import ADMIN_SETTINGS, ADMIN_STAFF
from legalaid.services import convert

if TYPE_CHECKING:
    from legalaid.collection import Collection

MAX_FAILED_KEY = "security.max_failed_logins"
IDLE_LOCK_KEY = "security.idle_lock_minutes"
MUST_CHANGE_PREFIX = "security.must_change_password."
DEFAULT_MAX_FAILED = 5
DEFAULT_IDLE_LOCK_MINUTES = 10


class LoginFailed(PermissionDeniedError):
    """Wrong username or password (the message never says which)."""

    def __init__(self, zh: str | None = None, en: str | None = None) -> None:
        super().__init__(zh or "用户名或密码错误", en or "Wrong username or password")


class AccountLocked(PermissionDeniedError):
    """Too many failed logins: an administrator must unlock the account."""

    def __init__(self) -> None:
        super().__init__(
            "密码错误次数过多，账户已锁定，请联系管理员解锁",
            "Too many failed logins: the account is locked; ask an administrator",
        )


@dataclass(frozen=True)
class LoginResult:
    staff: dto.StaffInfo
    must_change_password: bool


class Auth:
    """Account operations on one desk."""

    def __init__(self, col: Collection) -> None:
        self.col = col

    # -- policy values -------------------------------------------------------------------

    def max_failed_logins(self) -> int:
        return _int_setting(self.col, MAX_FAILED_KEY, DEFAULT_MAX_FAILED, 1, 100)

    def idle_lock_minutes(self) -> int:
        """Minutes without input after which the desktop locks (0: never)."""
        return _int_setting(self.col, IDLE_LOCK_KEY, DEFAULT_IDLE_LOCK_MINUTES, 0, 24 * 60)

    def set_idle_lock_minutes(self, minutes: int) -> None:
        if not isinstance(minutes, int) or isinstance(minutes, bool) or not 0 <= minutes <= 1440:
            raise ValidationError.single(
                "idle_lock_minutes",
                "range",
                "自动锁定时间应在0到1440分钟之间",
                "The idle lock must be 0 to 1440 minutes",
            )
        self.col.require(ADMIN_SETTINGS)
        self.col.admin.set_setting(IDLE_LOCK_KEY, str(minutes))

    def set_max_failed_logins(self, count: int) -> None:
        if not isinstance(count, int) or isinstance(count, bool) or not 1 <= count <= 100:
            raise ValidationError.single(
                "max_failed_logins", "range", "次数应在1到100之间", "Must be 1 to 100"
            )
        self.col.require(ADMIN_SETTINGS)
        self.col.admin.set_setting(MAX_FAILED_KEY, str(count))

    # -- login -------------------------------------------------------------------------

    def needs_setup(self) -> bool:
        """True while no active account has a password (a new desk's first start)."""
        with self.col.read() as s:
            n = s.scalar(
                select(func.count())
                .select_from(Staff)
                .where(Staff.active.is_(True), Staff.password_hash.is_not(None))
            )
        return not n

    def login(self, username: str, password: str) -> LoginResult:
        """Check a username and password; count failures and lock after too many.

        Raises:
            LoginFailed: unknown user, wrong password, no password set or inactive.
            AccountLocked: the account has reached the failure limit.
        """
        if not isinstance(username, str) or not isinstance(password, str):
            raise LoginFailed()
        user = username.strip()[:60]
        limit = self.max_failed_logins()
        # A refusal is raised after the transaction commits: the failed attempt and
        # the counter must be recorded, not rolled back with the error.
        refusal: PermissionDeniedError | None = None
        with self.col.write() as s:
            member = _find(s, user)
            if member is None:
                passwords.burn_time(password)
                self.col.audit(
                    s, "login_failed", "staff", "", office_id=None, after={"username": user}
                )
                refusal = LoginFailed()
            elif member.failed_logins >= limit:
                self.col.audit(s, "login_locked", "staff", member.id, office_id=member.office_id)
                refusal = AccountLocked()
            elif not passwords.verify_password(member.password_hash, password):
                member.failed_logins += 1
                locked = member.failed_logins >= limit
                self.col.audit(
                    s,
                    "lockout" if locked else "login_failed",
                    "staff",
                    member.id,
                    office_id=member.office_id,
                    after={"failed_logins": member.failed_logins},
                )
                refusal = AccountLocked() if locked else LoginFailed()
            elif not member.active:
                self.col.audit(
                    s,
                    "login_failed",
                    "staff",
                    member.id,
                    office_id=member.office_id,
                    after={"inactive": True},
                )
                refusal = LoginFailed("该账户已停用", "This account is disabled")
            else:
                member.failed_logins = 0
                member.last_login_at = self.col.now()
                if member.password_hash and passwords.needs_rehash(member.password_hash):
                    member.password_hash = passwords.hash_password(password)
                must = s.get(Setting, MUST_CHANGE_PREFIX + member.id) is not None
                s.flush()
                self.col.audit(s, "login", "staff", member.id, office_id=member.office_id)
                info = convert.staff(member)
        if refusal is not None:
            raise refusal
        self._sync_key_slot(info.username, password)
        return LoginResult(info, must)

    def verify(self, staff_id: str, password: str) -> bool:
        """Whether ``password`` is this account's (the unlock screen after idle)."""
        with self.col.read() as s:
            member = s.get(Staff, staff_id)
            ok = (
                member is not None
                and member.active
                and passwords.verify_password(member.password_hash, password)
            )
        return bool(ok)

    # -- passwords ---------------------------------------------------------------------

    def change_password(self, staff_id: str, old: str, new: str) -> None:
        """The account holder changes their own password."""
        actor = self.col.actor
        if actor is not None and actor.id != staff_id:
            raise PermissionDeniedError(
                "只能修改自己的密码", "You may change only your own password"
            )
        pw = passwords.check_policy(new, "new_password")
        if pw == passwords.normalise(old):
            raise ValidationError.single(
                "new_password",
                "unchanged",
                "新密码不能与旧密码相同",
                "The new password must differ",
            )
        with self.col.write() as s:
            member = _get(s, staff_id)
            if not passwords.verify_password(member.password_hash, old):
                self.col.audit(
                    s, "password_change_failed", "staff", member.id, office_id=member.office_id
                )
                raise ValidationError.single(
                    "old_password", "wrong", "原密码不正确", "The current password is wrong"
                )
            member.password_hash = passwords.hash_password(pw)
            _clear_must_change(s, member.id)
            self.col.audit(s, "password_change", "staff", member.id, office_id=member.office_id)
            username = member.username
        self._sync_key_slot(username, pw)

    def set_password(self, staff_id: str, new: str, *, must_change: bool = False) -> None:
        """Set a password: an administrator's reset, or the first password on a new desk.

        Clears failed logins (unlocks). Needs ``admin.staff`` unless no account has a
        password yet (first start) or the caller is the local system.
        """
        pw = passwords.check_policy(new, "password")
        first = self.needs_setup()
        with self.col.write() as s:
            member = _get(s, staff_id)
            if not first:
                self.col.require(ADMIN_STAFF, office_id=member.office_id)
            member.password_hash = passwords.hash_password(pw)
            member.failed_logins = 0
            if must_change:
                if s.get(Setting, MUST_CHANGE_PREFIX + member.id) is None:
                    s.add(Setting(key=MUST_CHANGE_PREFIX + member.id, value="1"))
            else:
                _clear_must_change(s, member.id)
            self.col.audit(
                s,
                "password_reset" if must_change else "password_set",
                "staff",
                member.id,
                office_id=member.office_id,
            )
            username = member.username
        self._sync_key_slot(username, pw)

    def reset_password(self, staff_id: str) -> str:
        """An administrator's reset: a new temporary password, changed at next login."""
        temp = temporary_password()
        self.set_password(staff_id, temp, must_change=True)
        return temp

    def unlock(self, staff_id: str) -> None:
        """Clear the failed-login count of a locked account."""
        with self.col.write() as s:
            member = _get(s, staff_id)
            self.col.require(ADMIN_STAFF, office_id=member.office_id)
            member.failed_logins = 0
            self.col.audit(s, "unlock", "staff", member.id, office_id=member.office_id)

    def is_locked(self, staff_id: str) -> bool:
        with self.col.read() as s:
            return _get(s, staff_id).failed_logins >= self.max_failed_logins()

    # -- encrypted desks -----------------------------------------------------------------

    def _sync_key_slot(self, username: str, password: str) -> None:
        """On an encrypted desk, make ``password`` open ``username``'s key slot."""
        from legalaid.security.keys import KeyFile
        from legalaid.security.sqlfiles import engine_key

        key = engine_key(self.col.engine)
        if key is None:
            return
        keyfile = KeyFile.load(self.col.path)
        slot = keyfile.slots.get(KeyFile.slot_name(username))
        if slot is not None and keyfile.unlock(username, password) == key:
            return
        keyfile.set_slot(username, key, password)
        keyfile.save()


def temporary_password(length: int = 12) -> str:
    """A random password that reads clearly (no 0/O, 1/l/I)."""
    alphabet = "".join(c for c in string.ascii_letters + string.digits if c not in "0O1lI")
    while True:
        pw = "".join(secrets.choice(alphabet) for _ in range(length))
        if any(c.isdigit() for c in pw) and any(c.isalpha() for c in pw):
            return pw


def _find(s: Session, username: str) -> Staff | None:
    if not username:
        return None
    return s.scalar(select(Staff).where(func.lower(Staff.username) == username.lower()))


def _get(s: Session, staff_id: str) -> Staff:
    member = s.get(Staff, staff_id)
    if member is None:
        raise NotFoundError(f"工作人员不存在：{staff_id}", f"No staff member {staff_id}")
    return member


def _clear_must_change(s: Session, staff_id: str) -> None:
    row = s.get(Setting, MUST_CHANGE_PREFIX + staff_id)
    if row is not None:
        s.delete(row)


def _int_setting(col: Collection, key: str, default: int, lo: int, hi: int) -> int:
    raw = col.admin.get_setting(key)
    try:
        value = int(raw) if raw is not None else default
    except ValueError:
        return default
    return min(max(value, lo), hi)
