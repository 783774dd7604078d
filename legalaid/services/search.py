"""Full-text search over cases, people, employers, consultations and notes.

Chinese substrings match (see legalaid.db.search_text); whatever the user types is
quoted before it reaches FTS5, so odd input never raises.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select, text

from legalaid import dto
from legalaid.db.search_text import fts_rowids, match_query
from legalaid.models import Consultation, Employer, Person
from legalaid.services import caselist, convert
from legalaid.services.parties import masked

if TYPE_CHECKING:
    from legalaid.collection import Collection


class SearchService:
    def __init__(self, col: Collection) -> None:
        self.col = col

    def all(
        self, query: str, *, limit: int = 50, office_ids: list[str] | None = None
    ) -> dto.SearchResults:
        q = match_query(query)
        if q is None:
            return dto.SearchResults()
        self.col.require("case.read")
        office_ids = self.col.permissions.scoped_office_ids(office_ids)
        with self.col.read() as s:
            cases = caselist.page(
                s,
                dto.PageRequest(
                    filter=dto.CaseFilter(text=query, office_ids=tuple(office_ids or ())),
                    limit=limit,
                ),
                self.col.today(),
            )
            people = s.scalars(
                select(Person)
                .where(
                    text(f"people.rowid IN ({fts_rowids('people')})").bindparams(q=q),
                    Person.archived_at.is_(None),
                )
                .limit(limit)
            ).all()
            employers = s.scalars(
                select(Employer)
                .where(text(f"employers.rowid IN ({fts_rowids('employers')})").bindparams(q=q))
                .limit(limit)
            ).all()
            consultations = s.scalars(
                select(Consultation)
                .where(
                    text(f"consultations.rowid IN ({fts_rowids('consultations')})").bindparams(q=q)
                )
                .order_by(Consultation.consulted_at.desc())
                .limit(limit)
            ).all()
            if office_ids:
                people = [p for p in people if p.office_id in office_ids]
                employers = [e for e in employers if e.office_id in office_ids]
                consultations = [c for c in consultations if c.office_id in office_ids]
            return dto.SearchResults(
                cases=tuple(cases),
                people=tuple(masked(convert.person(p)) for p in people),
                employers=tuple(convert.employer(e) for e in employers),
                consultations=tuple(convert.consultation(c) for c in consultations),
            )

    def cases(self, query: str, *, limit: int = 50) -> list[dto.CaseRow]:
        f = self.col.permissions.case_filter(dto.CaseFilter(text=query))
        with self.col.read() as s:
            return caselist.page(s, dto.PageRequest(filter=f, limit=limit), self.col.today())

    def rebuild_index(self) -> None:
        """Rebuild the search tables from the data (after VACUUM, which may renumber
        rowids, or a bulk load that bypassed the triggers)."""
        from legalaid.db.search_text import rebuild_statements

        with self.col.write() as s:
            for stmt in rebuild_statements():
                s.execute(text(stmt))
