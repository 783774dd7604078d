"""Who may do what: role permissions and office scope, checked by the core.

A role holds space-separated permission names (see ``DEFAULT_PERMISSIONS`` in
:mod:`legalaid.services.admin`). On top of them the office scope decides *where*:

- lawyers, mediators and other caseworkers see their own office's cases and change
  only the cases they work on (lead or assisting);
- a role that may read reports (supervisors, administrators) sees its office and every
  office below it — a federation supervisor sees the district offices too — and a role
  that may assign cases changes any case in that scope;
- no actor (``col.actor is None``) is the local system: the command line run by the
  desk's owner, migrations, imports. It may do everything.

The checker is bound to one actor; :meth:`Collection.set_actor` makes a new one.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from legalaid import dto
from legalaid.errors import PermissionDeniedError

if TYPE_CHECKING:
    from legalaid.collection import Collection

CASE_READ = "case.read"
CASE_WRITE = "case.write"
CASE_ASSIGN = "case.assign"
CONSULTATION_WRITE = "consultation.write"
DOCUMENT_WRITE = "document.write"
REPORT_READ = "report.read"
AUDIT_READ = "audit.read"
ADMIN_STAFF = "admin.staff"
ADMIN_OFFICE = "admin.office"
ADMIN_SETTINGS = "admin.settings"
ADMIN_TEMPLATES = "admin.templates"

ALL_PERMISSIONS: tuple[str, ...] = (
    CASE_READ,
    CASE_WRITE,
    CASE_ASSIGN,
    CONSULTATION_WRITE,
    DOCUMENT_WRITE,
    REPORT_READ,
    AUDIT_READ,
    ADMIN_STAFF,
    ADMIN_OFFICE,
    ADMIN_SETTINGS,
    ADMIN_TEMPLATES,
)

_LABELS: dict[str, tuple[str, str]] = {
    CASE_READ: ("查看案件", "read cases"),
    CASE_WRITE: ("修改案件", "change cases"),
    CASE_ASSIGN: ("分配案件", "assign cases"),
    CONSULTATION_WRITE: ("登记咨询", "record consultations"),
    DOCUMENT_WRITE: ("制作文书", "make documents"),
    REPORT_READ: ("查看统计报表", "read reports"),
    AUDIT_READ: ("查看操作日志", "read the audit log"),
    ADMIN_STAFF: ("管理工作人员", "manage staff"),
    ADMIN_OFFICE: ("管理单位", "manage offices"),
    ADMIN_SETTINGS: ("管理设置", "manage settings"),
    ADMIN_TEMPLATES: ("管理文书模板", "manage templates"),
}


def denied(perm: str, detail_zh: str = "", detail_en: str = "") -> PermissionDeniedError:
    zh, en = _LABELS.get(perm, (perm, perm))
    return PermissionDeniedError(f"您没有“{zh}”的权限{detail_zh}", f"You may not {en}{detail_en}")


class Permissions:
    """Permission checks for one actor on one collection."""

    def __init__(self, col: Collection, actor: dto.StaffInfo | None) -> None:
        self.col = col
        self.actor = actor
        self._perms: frozenset[str] | None = None
        self._scope: frozenset[str] | None = None

    @property
    def is_system(self) -> bool:
        """No staff member acting: the desk owner's command line or an internal task."""
        return self.actor is None

    # -- what ----------------------------------------------------------------------

    def granted(self) -> frozenset[str]:
        """The permission names of the actor's role (all of them for the system)."""
        if self.actor is None:
            return frozenset(ALL_PERMISSIONS)
        if self._perms is None:
            if not self.actor.active:
                self._perms = frozenset()
            else:
                from legalaid.models import Role

                with self.col.read() as s:
                    text = s.scalar(
                        select(Role.permissions).where(Role.code == self.actor.role_code)
                    )
                self._perms = frozenset((text or "").split())
        return self._perms

    def has(self, perm: str) -> bool:
        return perm in self.granted()

    # -- where -----------------------------------------------------------------------

    def office_scope(self) -> frozenset[str] | None:
        """Offices whose records the actor sees; None means every office."""
        if self.actor is None:
            return None
        if self._scope is None:
            if self.has(REPORT_READ):
                self._scope = frozenset(self.col.admin.office_tree_ids(self.actor.office_id))
            else:
                self._scope = frozenset({self.actor.office_id})
        return self._scope

    def can_see_office(self, office_id: str | None) -> bool:
        scope = self.office_scope()
        return scope is None or office_id is None or office_id in scope

    def scoped_office_ids(self, office_ids: list[str] | tuple[str, ...] | None) -> list[str] | None:
        """The offices a listing may cover: the ones asked for, within the scope.

        None (every office) becomes the scope; offices outside it are dropped. An
        empty list is returned as a one-element list that matches nothing, so a caller
        cannot widen a listing by asking only for offices it may not see.
        """
        scope = self.office_scope()
        if scope is None:
            return list(office_ids) if office_ids else None
        if not office_ids:
            return sorted(scope)
        inside = [o for o in office_ids if o in scope]
        return inside or ["-"]

    def case_filter(self, f: dto.CaseFilter) -> dto.CaseFilter:
        """``f`` restricted to the offices the actor sees."""
        ids = self.scoped_office_ids(f.office_ids)
        if ids is None:
            return f
        return replace(f, office_ids=tuple(ids))

    # -- checks --------------------------------------------------------------------

    def works_on(self, s: Session, case_id: str, lead_staff_id: str | None) -> bool:
        """Whether the actor is the case's lead or one of its assisting staff."""
        if self.actor is None:
            return True
        if lead_staff_id == self.actor.id:
            return True
        from legalaid.models import CaseStaff

        return (
            s.scalar(
                select(CaseStaff.id).where(
                    CaseStaff.case_id == case_id,
                    CaseStaff.staff_id == self.actor.id,
                    CaseStaff.archived_at.is_(None),
                )
            )
            is not None
        )

    def require(
        self,
        perm: str,
        *,
        office_id: str | None = None,
        case_id: str | None = None,
        session: Session | None = None,
    ) -> None:
        """Raise PermissionDeniedError unless the actor may ``perm`` here.

        Args:
            perm: a permission name (``case.write``...).
            office_id: the office the record belongs to (or will belong to).
            case_id: the case concerned; for ``case.write`` the actor must work on it
                unless the role may assign cases.
            session: the caller's session (to read the case inside its transaction).
        """
        if self.actor is None:
            return
        if not self.has(perm):
            raise denied(perm)
        if office_id is not None and not self.can_see_office(office_id):
            raise denied(perm, "（不属于您的单位）", " outside your office")
        if case_id is None:
            return
        if session is not None:
            self._require_case(session, perm, case_id)
        else:
            with self.col.read() as s:
                self._require_case(s, perm, case_id)

    def _require_case(self, s: Session, perm: str, case_id: str) -> None:
        from legalaid.models import Case

        row = s.execute(
            select(Case.office_id, Case.lead_staff_id).where(Case.id == case_id)
        ).first()
        if row is None:
            return  # the service reports the missing case itself
        office_id, lead = row
        if not self.can_see_office(office_id):
            raise denied(perm, "（该案件不属于您的单位）", " on a case outside your office")
        if perm == CASE_WRITE and not self.has(CASE_ASSIGN) and not self.works_on(s, case_id, lead):
            raise denied(
                perm,
                "（您不是该案件的承办或协办人员）",
                " on a case you do not work on",
            )


__all__ = [
    "ADMIN_OFFICE",
    "ADMIN_SETTINGS",
    "ADMIN_STAFF",
    "ADMIN_TEMPLATES",
    "ALL_PERMISSIONS",
    "AUDIT_READ",
    "CASE_ASSIGN",
    "CASE_READ",
    "CASE_WRITE",
    "CONSULTATION_WRITE",
    "DOCUMENT_WRITE",
    "REPORT_READ",
    "Permissions",
    "denied",
]
