"""Workers and employers, and the duplicate check run at intake."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import Integer, literal_column, select
from sqlalchemy.orm import Session

from legalaid import dto
from legalaid.db.base import utcnow
from legalaid.inputs import EmployerInput, PersonInput
from legalaid.models import Case, CaseApplicant, CaseRespondent, Consultation, Employer, Person
from legalaid.rules import identity
from legalaid.services import audit, convert
from legalaid.services.audit import insert_rows, new_row, snapshot, snapshot_row
from legalaid.services.checks import Checker
from legalaid.services.common import check_version, get_row
from legalaid.vocab import EMPLOYMENT_FORMS, GENDERS, HUKOU_TYPES, LEGAL_RELATIONS

if TYPE_CHECKING:
    from legalaid.collection import Collection

SENSITIVE = ("id_number", "phone", "address", "health_notes")
DUPLICATE_LIMIT = 20


def check_person(
    data: PersonInput, chk: Checker, today_: object, prefix: str = ""
) -> dict[str, object]:
    """Validated column values of a person; errors collected on ``chk``."""
    from datetime import date

    assert isinstance(today_, date)
    p = prefix
    values: dict[str, object] = {
        "name": chk.text(data.name, f"{p}name", 100, required=True),
        "phone": chk.phone(data.phone, f"{p}phone"),
        "address": chk.text(data.address, f"{p}address", 300),
        "hukou_type": chk.code(HUKOU_TYPES, data.hukou_type, f"{p}hukou_type", required=False),
        "employment_form": chk.code(
            EMPLOYMENT_FORMS, data.employment_form, f"{p}employment_form", required=False
        ),
        "legal_relation": chk.code(
            LEGAL_RELATIONS, data.legal_relation, f"{p}legal_relation", required=False
        ),
        "gender": chk.code(GENDERS, data.gender, f"{p}gender", required=False),
        "occupation": chk.text(data.occupation, f"{p}occupation", 100),
        "health_notes": chk.text(data.health_notes, f"{p}health_notes", 5000, multiline=True),
        "notes": chk.text(data.notes, f"{p}notes", 5000, multiline=True),
        "union_member": bool(data.union_member),
        "hardship_worker": bool(data.hardship_worker),
        "migrant_worker": bool(data.migrant_worker),
        "birth_date": data.birth_date,
    }
    info = chk.id_number(data.id_number, f"{p}id_number", today=today_)
    values["id_number"] = info.number if info else None
    if info is not None:
        values["birth_date"] = info.birth_date
        if values["gender"] is None:
            values["gender"] = info.gender
        elif values["gender"] != info.gender:
            chk.require(
                False,
                f"{p}gender",
                "mismatch",
                "性别与身份证号不符",
                "Gender does not match the ID number",
            )
    chk.not_future(data.birth_date, f"{p}birth_date", today_)
    return values


def check_employer(data: EmployerInput, chk: Checker, prefix: str = "") -> dict[str, object]:
    p = prefix
    return {
        "name": chk.text(data.name, f"{p}name", 200, required=True),
        "credit_code": chk.credit_code(data.credit_code, f"{p}credit_code"),
        "address": chk.text(data.address, f"{p}address", 300),
        "legal_representative": chk.text(
            data.legal_representative, f"{p}legal_representative", 100
        ),
        "industry": chk.text(data.industry, f"{p}industry", 100),
        "phone": chk.phone(data.phone, f"{p}phone"),
    }


class PartyService:
    def __init__(self, col: Collection) -> None:
        self.col = col

    # -- people ----------------------------------------------------------------------

    def create_person(
        self, data: PersonInput, *, office_id: str | None = None
    ) -> dto.Op[dto.PersonInfo]:
        chk = Checker()
        values = check_person(data, chk, self.col.today())
        chk.done()
        with self.col.write() as s:
            office = self.col.default_office_id(s, office_id)
            self.col.require("case.write", office_id=office)
            person = self.add_person(s, values, office)
            return dto.Op(convert.person(person), dto.OpChanges.of("person"))

    def add_person(self, s: Session, values: dict[str, object], office_id: str) -> Person:
        """Insert a validated person inside the caller's transaction."""
        (row,) = self.add_people(s, [values], office_id)
        person = s.get(Person, row["id"])
        assert person is not None
        return person

    def add_people(
        self, s: Session, values: Sequence[Mapping[str, object]], office_id: str
    ) -> list[dict[str, Any]]:
        """Insert validated people in bulk inside the caller's transaction, each audited;
        returns their rows (every column, keys included) in order."""
        return self._add_rows(s, Person, "person", values, office_id)

    def _add_rows(
        self,
        s: Session,
        model: type[Person | Employer],
        entity: str,
        values: Sequence[Mapping[str, object]],
        office_id: str,
    ) -> list[dict[str, Any]]:
        now = utcnow()
        rows = [new_row(model, {**v, "office_id": office_id}, now) for v in values]
        if rows:
            insert_rows(s, model, rows)
            audit.record_many(
                s,
                staff_id=self.col.actor_id,
                events=[
                    audit.Change("create", entity, r["id"], office_id, after=snapshot_row(r))
                    for r in rows
                ],
            )
        return rows

    def update_person(
        self, person_id: str, data: PersonInput, *, expected_version: int
    ) -> dto.Op[dto.PersonInfo]:
        chk = Checker()
        values = check_person(data, chk, self.col.today())
        chk.done()
        with self.col.write() as s:
            person = get_row(s, Person, person_id, "当事人", "person")
            self.col.require("case.write", office_id=person.office_id)
            check_version(person, expected_version, "person")
            before = snapshot(person)
            for k, v in values.items():
                setattr(person, k, v)
            s.flush()
            self.col.audit(
                s,
                "update",
                "person",
                person.id,
                office_id=person.office_id,
                before=before,
                after=snapshot(person),
            )
            case_ids = frozenset(
                s.scalars(select(CaseApplicant.case_id).where(CaseApplicant.person_id == person.id))
            )
            return dto.Op(convert.person(person), dto.OpChanges(frozenset({"person"}), case_ids))

    def person(self, person_id: str, *, reveal: bool = True) -> dto.PersonInfo:
        """One person. Reading the sensitive fields is recorded in the audit log."""
        with self.col.write() as s:
            person = get_row(s, Person, person_id, "当事人", "person")
            self.col.require("case.read", office_id=person.office_id)
            if reveal:
                self.col.audit(
                    s,
                    "view",
                    "person",
                    person.id,
                    office_id=person.office_id,
                    after={"fields": list(SENSITIVE)},
                )
                return convert.person(person)
            return masked(convert.person(person))

    # -- employers -------------------------------------------------------------------

    def create_employer(
        self, data: EmployerInput, *, office_id: str | None = None
    ) -> dto.Op[dto.EmployerInfo]:
        chk = Checker()
        values = check_employer(data, chk)
        chk.done()
        with self.col.write() as s:
            office = self.col.default_office_id(s, office_id)
            self.col.require("case.write", office_id=office)
            emp = self.add_employer(s, values, office)
            return dto.Op(convert.employer(emp), dto.OpChanges.of("employer"))

    def add_employer(self, s: Session, values: dict[str, object], office_id: str) -> Employer:
        (row,) = self.add_employers(s, [values], office_id)
        emp = s.get(Employer, row["id"])
        assert emp is not None
        return emp

    def add_employers(
        self, s: Session, values: Sequence[Mapping[str, object]], office_id: str
    ) -> list[dict[str, Any]]:
        """Insert validated employers in bulk (see :meth:`add_people`)."""
        return self._add_rows(s, Employer, "employer", values, office_id)

    def update_employer(
        self, employer_id: str, data: EmployerInput, *, expected_version: int
    ) -> dto.Op[dto.EmployerInfo]:
        chk = Checker()
        values = check_employer(data, chk)
        chk.done()
        with self.col.write() as s:
            emp = get_row(s, Employer, employer_id, "用人单位", "employer")
            self.col.require("case.write", office_id=emp.office_id)
            check_version(emp, expected_version, "employer")
            before = snapshot(emp)
            for k, v in values.items():
                setattr(emp, k, v)
            s.flush()
            self.col.audit(
                s,
                "update",
                "employer",
                emp.id,
                office_id=emp.office_id,
                before=before,
                after=snapshot(emp),
            )
            return dto.Op(convert.employer(emp), dto.OpChanges.of("employer"))

    def employer(self, employer_id: str) -> dto.EmployerInfo:
        with self.col.read() as s:
            return convert.employer(get_row(s, Employer, employer_id, "用人单位", "employer"))

    def find_employer(
        self, s: Session, name: str, credit_code: str | None, office_id: str
    ) -> Employer | None:
        """An existing employer with this credit code; lacking a code, one of the office's
        employers with this exact name and no code (two companies may share a name, and a
        code tells them apart, so a name never matches an employer with another code)."""
        found = self.find_employer_ids(s, [(name, credit_code)], office_id)
        emp_id = found.get((name, credit_code))
        return None if emp_id is None else s.get(Employer, emp_id)

    def find_employer_ids(
        self, s: Session, wanted: Iterable[tuple[str, str | None]], office_id: str
    ) -> dict[tuple[str, str | None], str]:
        """:meth:`find_employer` for many (name, credit code) pairs with a few queries:
        the id found for each pair that has a match. Where several employers match, the
        first stored one (as one query with ``LIMIT 1`` on either index finds)."""
        pairs = set(wanted)
        codes = sorted({c for _, c in pairs if c})
        names = sorted({n for n, c in pairs if not c})
        rowid = literal_column("employers.rowid", Integer)
        by_code: dict[str, tuple[int, str]] = {}
        by_name: dict[str, tuple[int, str]] = {}
        for i in range(0, len(codes), 500):
            q = select(rowid, Employer.id, Employer.credit_code).where(
                Employer.credit_code.in_(codes[i : i + 500]), Employer.archived_at.is_(None)
            )
            for rid, emp_id, code in s.execute(q):
                assert code is not None
                if code not in by_code or rid < by_code[code][0]:
                    by_code[code] = (rid, emp_id)
        for i in range(0, len(names), 500):
            q = select(rowid, Employer.id, Employer.name).where(
                Employer.name.in_(names[i : i + 500]),
                Employer.office_id == office_id,
                Employer.credit_code.is_(None),
                Employer.archived_at.is_(None),
            )
            for rid, emp_id, emp_name in s.execute(q):
                if emp_name not in by_name or rid < by_name[emp_name][0]:
                    by_name[emp_name] = (rid, emp_id)
        out: dict[tuple[str, str | None], str] = {}
        for name, code in pairs:
            hit = by_code.get(code) if code else by_name.get(name)
            if hit is not None:
                out[(name, code)] = hit[1]
        return out

    # -- duplicate check ---------------------------------------------------------------

    def duplicates(
        self,
        *,
        id_number: str | None = None,
        phone: str | None = None,
        credit_code: str | None = None,
        name: str | None = None,
    ) -> dto.DuplicateReport:
        """Existing people, employers, cases and consultations matching intake data.

        Values are normalised first (an ID typed with a lowercase x or a phone with
        spaces still matches); unparseable values are simply not matched.
        """
        idn = _try(lambda: identity.check_id_number(id_number).number) if id_number else None
        tel = _try(lambda: identity.check_phone(phone)) if phone else None
        ucc = _try(lambda: identity.check_credit_code(credit_code)) if credit_code else None
        from legalaid.services.cases import case_rows

        with self.col.read() as s:
            conds = []
            if idn:
                conds.append(Person.id_number == idn)
            if tel:
                conds.append(Person.phone == tel)
            people: list[Person] = []
            if conds:
                from sqlalchemy import or_

                people = list(
                    s.scalars(
                        select(Person)
                        .where(or_(*conds), Person.archived_at.is_(None))
                        .limit(DUPLICATE_LIMIT)
                    )
                )
            employers: list[Employer] = []
            if ucc:
                employers = list(
                    s.scalars(
                        select(Employer).where(Employer.credit_code == ucc).limit(DUPLICATE_LIMIT)
                    )
                )
            person_ids = [p.id for p in people]
            employer_ids = [e.id for e in employers]
            case_ids: set[str] = set()
            if person_ids:
                case_ids |= set(
                    s.scalars(
                        select(CaseApplicant.case_id).where(CaseApplicant.person_id.in_(person_ids))
                    )
                )
            if employer_ids:
                case_ids |= set(
                    s.scalars(
                        select(CaseRespondent.case_id).where(
                            CaseRespondent.employer_id.in_(employer_ids)
                        )
                    )
                )
            cases = (
                case_rows(
                    s,
                    select(Case)
                    .where(Case.id.in_(case_ids))
                    .order_by(Case.received_on.desc())
                    .limit(DUPLICATE_LIMIT),
                    self.col.today(),
                )
                if case_ids
                else []
            )
            cconds = []
            if tel:
                cconds.append(Consultation.caller_phone == tel)
            if person_ids:
                cconds.append(Consultation.person_id.in_(person_ids))
            consultations: list[dto.ConsultationInfo] = []
            if cconds:
                from sqlalchemy import or_

                consultations = [
                    convert.consultation(c)
                    for c in s.scalars(
                        select(Consultation)
                        .where(or_(*cconds))
                        .order_by(Consultation.consulted_at.desc())
                        .limit(DUPLICATE_LIMIT)
                    )
                ]
            # Only what the actor may see (the report crosses offices otherwise).
            see = self.col.permissions.can_see_office
            people = [p for p in people if see(p.office_id)]
            cases = [c for c in cases if see(c.office_id)]
            consultations = [c for c in consultations if see(c.office_id)]
            return dto.DuplicateReport(
                people=tuple(convert.person(p) for p in people),
                employers=tuple(convert.employer(e) for e in employers),
                cases=tuple(cases),
                consultations=tuple(consultations),
            )


def _try(fn: Callable[[], str]) -> str | None:
    from legalaid.errors import ValidationError

    try:
        return fn()
    except ValidationError:
        return None


def masked(p: dto.PersonInfo) -> dto.PersonInfo:
    """The person with ID number and phone shown by their last four characters only and
    no address: for lists and search results, where the full values need no audit."""
    from dataclasses import replace

    def mask(v: str | None, keep: int = 4) -> str | None:
        return None if v is None else "*" * max(len(v) - keep, 0) + v[-keep:]

    return replace(p, id_number=mask(p.id_number), phone=mask(p.phone), address=None)
