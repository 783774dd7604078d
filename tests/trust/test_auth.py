"""Login, lockout, password change and reset, the idle-lock setting."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from legalaid.errors import PermissionDeniedError, ValidationError
from legalaid.models import AuditEvent, Staff
from legalaid.security import passwords
from legalaid.security.auth import AccountLocked, Auth, LoginFailed
from tests.trust.conftest import PASSWORD, World


def _actions(w: World, staff_id: str) -> list[str]:
    with w.col.read() as s:
        return list(
            s.scalars(
                select(AuditEvent.action)
                .where(AuditEvent.entity == "staff", AuditEvent.entity_id == staff_id)
                .order_by(AuditEvent.seq)
            )
        )


def test_password_is_stored_as_argon2id_and_never_audited(world: World) -> None:
    with world.col.read() as s:
        stored = s.scalars(select(Staff.password_hash)).all()
        payloads = " ".join(
            (e.before or "") + (e.after or "") for e in s.scalars(select(AuditEvent))
        )
    assert all(h and h.startswith("$argon2id$") for h in stored)
    assert PASSWORD not in payloads and "$argon2" not in payloads


def test_login_success_records_and_resets_counter(world: World) -> None:
    auth = Auth(world.col)
    with pytest.raises(LoginFailed):
        auth.login("lawyer", "wrong password")
    result = auth.login("LAWYER", PASSWORD)  # usernames are case-insensitive
    assert result.staff.id == world.staff["lawyer"].id
    assert not result.must_change_password
    with world.col.read() as s:
        member = s.get(Staff, result.staff.id)
        assert member is not None
        assert member.failed_logins == 0 and member.last_login_at is not None
    assert _actions(world, result.staff.id)[-2:] == ["login_failed", "login"]


def test_lockout_after_limit_even_with_right_password(world: World) -> None:
    auth = Auth(world.col)
    assert auth.max_failed_logins() == 5
    for _ in range(4):
        with pytest.raises(LoginFailed):
            auth.login("lawyer", "nope-nope-nope")
    with pytest.raises(AccountLocked):
        auth.login("lawyer", "nope-nope-nope")
    with pytest.raises(AccountLocked):
        auth.login("lawyer", PASSWORD)
    lawyer_id = world.staff["lawyer"].id
    assert auth.is_locked(lawyer_id)
    assert "lockout" in _actions(world, lawyer_id)
    # A lawyer cannot unlock; an administrator can.
    world.act("lawyer2")
    with pytest.raises(PermissionDeniedError):
        auth.unlock(lawyer_id)
    world.act("admin")
    auth.unlock(lawyer_id)
    world.act(None)
    assert auth.login("lawyer", PASSWORD).staff.id == lawyer_id


def test_unknown_user_and_inactive_user_are_refused_alike(world: World) -> None:
    auth = Auth(world.col)
    with pytest.raises(LoginFailed) as unknown:
        auth.login("nobody", PASSWORD)
    assert "用户名或密码错误" in unknown.value.zh
    member = world.col.admin.staff_member(world.staff["lawyer2"].id)
    world.col.admin.update_staff(member.id, expected_version=member.version, active=False)
    with pytest.raises(LoginFailed):
        auth.login("lawyer2", PASSWORD)


def test_change_password_checks_old_and_policy(world: World) -> None:
    auth = Auth(world.col)
    me = world.staff["lawyer"]
    world.act("lawyer")
    with pytest.raises(ValidationError) as short:
        auth.change_password(me.id, PASSWORD, "short")
    assert short.value.errors[0].code == "too_short"
    with pytest.raises(ValidationError) as wrong:
        auth.change_password(me.id, "not-my-password", "A-much-better-one-9")
    assert wrong.value.errors[0].field == "old_password"
    with pytest.raises(PermissionDeniedError):
        auth.change_password(world.staff["lawyer2"].id, PASSWORD, "A-much-better-one-9")
    auth.change_password(me.id, PASSWORD, "A-much-better-one-9")
    world.act(None)
    with pytest.raises(LoginFailed):
        auth.login("lawyer", PASSWORD)
    assert auth.login("lawyer", "A-much-better-one-9").staff.id == me.id


def test_admin_reset_gives_temporary_password_that_must_be_changed(world: World) -> None:
    auth = Auth(world.col)
    target = world.staff["lawyer"]
    world.act("lawyer2")
    with pytest.raises(PermissionDeniedError):
        auth.reset_password(target.id)
    world.act("east_sup")  # supervisors do not manage staff
    with pytest.raises(PermissionDeniedError):
        auth.reset_password(target.id)
    world.act("admin")
    temp = auth.reset_password(target.id)
    world.act(None)
    result = auth.login("lawyer", temp)
    assert result.must_change_password
    world.col.set_actor(result.staff)
    auth.change_password(target.id, temp, "My-own-new-pass-3")
    assert not auth.login("lawyer", "My-own-new-pass-3").must_change_password
    assert "password_reset" in _actions(world, target.id)


def test_first_password_on_new_desk_needs_no_admin(tmp_path: object) -> None:
    from pathlib import Path

    from legalaid.collection import Collection

    assert isinstance(tmp_path, Path)
    with Collection(tmp_path / "new.db") as col:
        office = col.admin.create_office("南昌市总工会", "洪工援").value
        admin = col.admin.create_staff("管理员", "admin", "admin", office_id=office.id).value
        lawyer = col.admin.create_staff("律师", "law", "lawyer", office_id=office.id).value
        auth = Auth(col)
        assert auth.needs_setup()
        col.set_actor(lawyer)  # even a non-admin actor may set the very first password
        auth.set_password(admin.id, "First-Admin-Pass-1")
        assert not auth.needs_setup()
        with pytest.raises(PermissionDeniedError):
            auth.set_password(lawyer.id, "Another-Pass-22")


def test_idle_lock_setting(world: World) -> None:
    auth = Auth(world.col)
    assert auth.idle_lock_minutes() == 10
    world.act("lawyer")
    with pytest.raises(PermissionDeniedError):
        auth.set_idle_lock_minutes(1)
    world.act("admin")
    with pytest.raises(ValidationError):
        auth.set_idle_lock_minutes(-1)
    auth.set_idle_lock_minutes(3)
    assert auth.idle_lock_minutes() == 3


def test_verify_for_unlock_screen(world: World) -> None:
    auth = Auth(world.col)
    me = world.staff["mediator"]
    assert auth.verify(me.id, PASSWORD)
    assert not auth.verify(me.id, PASSWORD + "x")


def test_password_helpers() -> None:
    h = passwords.hash_password("Ｐａｓｓｗｏｒｄ-１")  # full-width from an IME
    assert passwords.verify_password(h, "Ｐａｓｓｗｏｒｄ-１")
    assert not passwords.verify_password(h, "Password-1")
    assert not passwords.verify_password(None, "x")
    assert not passwords.verify_password("not a hash", "x")
    for bad, code in (("aaaaaaaaaa", "too_simple"), ("abc\x00defgh", "control_char")):
        with pytest.raises(ValidationError) as exc:
            passwords.check_policy(bad)
        assert exc.value.errors[0].code == code


def test_dummy_hashes_use_the_current_parameters(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fixed hashes an unknown user is checked against cost what a real one costs."""
    for fast, other in ((False, passwords._DUMMY_HASH_FAST), (True, passwords._DUMMY_HASH)):
        monkeypatch.setattr(passwords, "_FAST", fast)
        passwords._hasher.cache_clear()
        try:
            assert not passwords.needs_rehash(passwords.dummy_hash())
            assert passwords.needs_rehash(other)
            assert not passwords.verify_password(passwords.dummy_hash(), "Password-1")
        finally:
            passwords._hasher.cache_clear()
