"""Case notes: an append-only timeline; editing a note adds a revision."""

from __future__ import annotations

from typing import TYPE_CHECKING

from legalaid import dto
from legalaid.models import Case, Note, NoteRevision
from legalaid.services.checks import Checker
from legalaid.services.common import get_row

if TYPE_CHECKING:
    from legalaid.collection import Collection

MAX_NOTE = 50_000


class NoteService:
    def __init__(self, col: Collection) -> None:
        self.col = col

    def add(self, case_id: str, body: str) -> dto.Op[str]:
        chk = Checker()
        text = chk.text(body, "body", MAX_NOTE, required=True, multiline=True)
        chk.done()
        assert text is not None
        with self.col.write() as s:
            case = get_row(s, Case, case_id, "案件", "case")
            self.col.require("case.write", case_id=case.id, session=s)
            note = Note(office_id=case.office_id, case_id=case.id, author_id=self.col.actor_id)
            s.add(note)
            s.flush()
            rev = NoteRevision(
                office_id=case.office_id, note_id=note.id, body=text, author_id=self.col.actor_id
            )
            s.add(rev)
            s.flush()
            self.col.audit(
                s,
                "create",
                "note",
                note.id,
                office_id=case.office_id,
                case_id=case.id,
                after={"body": text},
            )
            return dto.Op(note.id, dto.OpChanges.of("note", case_id=case.id))

    def revise(self, note_id: str, body: str) -> dto.Op[str]:
        """Add a new revision; the earlier text stays in the note's history."""
        chk = Checker()
        text = chk.text(body, "body", MAX_NOTE, required=True, multiline=True)
        chk.done()
        assert text is not None
        with self.col.write() as s:
            note = get_row(s, Note, note_id, "备注", "note")
            self.col.require("case.write", case_id=note.case_id, session=s)
            rev = NoteRevision(
                office_id=note.office_id, note_id=note.id, body=text, author_id=self.col.actor_id
            )
            s.add(rev)
            s.flush()
            self.col.audit(
                s,
                "update",
                "note",
                note.id,
                office_id=note.office_id,
                case_id=note.case_id,
                after={"body": text},
            )
            return dto.Op(rev.id, dto.OpChanges.of("note", case_id=note.case_id))
