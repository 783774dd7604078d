"""Deadlines, notes, documents and the audit log."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, Boolean, Date, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from legalaid.db.base import Base, OfficeOwned, UTCDateTime, new_id, utcnow


class Deadline(OfficeOwned, Base):
    """A dated obligation: computed from a statutory rule or set by hand."""

    __tablename__ = "deadlines"
    __table_args__ = (
        Index("ix_deadlines_office_due", "office_id", "done_at", "due_on"),
        Index("ix_deadlines_case", "case_id"),
        Index("ix_deadlines_responsible_due", "responsible_id", "due_on"),
        Index("ix_deadlines_office_due_on", "office_id", "due_on"),
        Index(
            "ix_deadlines_open_due",
            "due_on",
            sqlite_where=text("done_at IS NULL AND archived_at IS NULL"),
        ),
    )

    case_id: Mapped[str | None] = mapped_column(ForeignKey("cases.id"))
    title: Mapped[str] = mapped_column(String(200))
    rule_id: Mapped[str | None] = mapped_column(String(60))
    statutory: Mapped[bool] = mapped_column(Boolean, default=False)
    trigger_on: Mapped[date | None] = mapped_column(Date)
    due_on: Mapped[date] = mapped_column(Date)
    remind_on: Mapped[date | None] = mapped_column(Date)
    # The reasoning behind a computed date ("holiday, moved to ...") and any calendar
    # warning (a year whose holidays are not yet known), each "zh\ten" per line.
    explanation: Mapped[str | None] = mapped_column(Text)
    warning: Mapped[str | None] = mapped_column(Text)
    responsible_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # What created it (e.g. "proceeding:<id>") so recording an event twice does not
    # create the same deadline twice.
    source_ref: Mapped[str | None] = mapped_column(String(100), index=True)


class Note(OfficeOwned, Base):
    """A case note. Its text lives in append-only revisions: an edit adds one."""

    __tablename__ = "notes"
    __table_args__ = (Index("ix_notes_case", "case_id"),)

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"))
    author_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))


class NoteRevision(OfficeOwned, Base):
    __tablename__ = "note_revisions"
    __table_args__ = (Index("ix_note_revisions_note", "note_id"),)

    note_id: Mapped[str] = mapped_column(ForeignKey("notes.id"))
    body: Mapped[str] = mapped_column(Text)
    author_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))


class Document(OfficeOwned, Base):
    """A generated document or an attached evidence file."""

    __tablename__ = "documents"
    __table_args__ = (Index("ix_documents_case", "case_id"),)

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"))
    kind: Mapped[str] = mapped_column(String(20))  # generated | attachment
    title: Mapped[str] = mapped_column(String(300))
    filename: Mapped[str] = mapped_column(String(300))
    template_id: Mapped[str | None] = mapped_column(String(60))
    template_version: Mapped[str | None] = mapped_column(String(30))
    file_format: Mapped[str | None] = mapped_column(String(10))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(BigInteger, default=0)
    storage_path: Mapped[str | None] = mapped_column(String(500))
    author_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))


class AuditEvent(Base):
    """Who did what to which record, and when. Each event carries the hash of the one
    before it, so an edited or removed event breaks the chain."""

    __tablename__ = "audit_events"
    __table_args__ = (
        Index("ix_audit_events_entity", "entity", "entity_id"),
        Index("ix_audit_events_case", "case_id"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    office_id: Mapped[str | None] = mapped_column(String(36), index=True)
    staff_id: Mapped[str | None] = mapped_column(String(36))
    action: Mapped[str] = mapped_column(String(30))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(36))
    case_id: Mapped[str | None] = mapped_column(String(36))
    before: Mapped[str | None] = mapped_column(Text)  # JSON
    after: Mapped[str | None] = mapped_column(Text)  # JSON
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
