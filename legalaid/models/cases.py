"""Consultations, cases and the parties to a case."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from legalaid.db.base import Base, OfficeOwned, UTCDateTime


class Consultation(OfficeOwned, Base):
    __tablename__ = "consultations"
    __table_args__ = (
        # Covers the period counts (reports): no row is read.
        Index(
            "ix_consultations_office_consulted",
            "office_id",
            "consulted_at",
            "archived_at",
            "channel",
            "topic",
            "staff_id",
            "worker_count",
        ),
        Index("ix_consultations_consulted", "consulted_at"),
    )

    consulted_at: Mapped[datetime] = mapped_column(UTCDateTime)
    channel: Mapped[str] = mapped_column(String(30))
    topic: Mapped[str] = mapped_column(String(30))  # a DISPUTE_TYPES code
    person_id: Mapped[str | None] = mapped_column(ForeignKey("people.id"), index=True)
    caller_name: Mapped[str] = mapped_column(String(100))
    caller_phone: Mapped[str | None] = mapped_column(String(40), index=True)
    employer_name: Mapped[str | None] = mapped_column(String(200))
    question: Mapped[str | None] = mapped_column(Text)
    answer_summary: Mapped[str | None] = mapped_column(Text)
    staff_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))
    case_id: Mapped[str | None] = mapped_column(ForeignKey("cases.id"), index=True)
    worker_count: Mapped[int] = mapped_column(Integer, default=1)


# What the period summaries group and sum cases by (see legalaid.reports.queries).
_REPORT_COLUMNS = (
    "office_id",
    "archived_at",
    "status",
    "dispute_type",
    "source",
    "handling_method",
    "lead_staff_id",
    "outcome",
    "worker_count",
    "ledger_recovered_fen",
    "ledger_wage_recovered_fen",
)


class Case(OfficeOwned, Base):
    """A legal-aid case. ``number`` is the human-facing number, unique per office and
    year and separate from the key."""

    __tablename__ = "cases"
    __table_args__ = (
        UniqueConstraint("office_id", "year", "seq"),
        UniqueConstraint("number"),
        Index("ix_cases_office_status", "office_id", "status"),
        Index("ix_cases_office_received", "office_id", "received_on"),
        # Period counts and summaries read these indexes only (reports, dashboard).
        Index("ix_cases_accepted_cover", "accepted_on", *_REPORT_COLUMNS, "closed_on", "id"),
        Index("ix_cases_closed_cover", "closed_on", *_REPORT_COLUMNS, "accepted_on"),
        # Live cases by key: "is this case archived?" and the list order of search
        # matches, without reading the case.
        Index(
            "ix_cases_live_id", "id", "received_on", "seq", sqlite_where=text("archived_at IS NULL")
        ),
        # The default list order, newest first, without sorting a million rows.
        Index(
            "ix_cases_live_received", "received_on", "seq", sqlite_where=text("archived_at IS NULL")
        ),
        Index("ix_cases_archived_status", "archived_at", "status"),
        Index("ix_cases_status_closed", "status", "closed_on"),
        Index("ix_cases_lead_status", "lead_staff_id", "status"),
    )

    number: Mapped[str] = mapped_column(String(60))
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(300))
    status: Mapped[str] = mapped_column(String(30), default="intake")
    outcome: Mapped[str | None] = mapped_column(String(30))
    dispute_type: Mapped[str] = mapped_column(String(30), index=True)
    # Further dispute types, space-separated codes (the primary one is counted in reports).
    other_dispute_types: Mapped[str] = mapped_column(String(200), default="")
    source: Mapped[str] = mapped_column(String(30))
    handling_method: Mapped[str | None] = mapped_column(String(30))
    received_on: Mapped[date] = mapped_column(Date)
    accepted_on: Mapped[date | None] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    lead_staff_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))
    # The consultation it came from (the link is also kept on the consultation).
    consultation_id: Mapped[str | None] = mapped_column(String(36))
    # Head count of workers concerned; larger than the applicant rows when a ledger
    # import names only a representative.
    worker_count: Mapped[int] = mapped_column(Integer, default=1)
    amount_claimed_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    amount_awarded_fen: Mapped[int | None] = mapped_column(BigInteger)
    facts: Mapped[str | None] = mapped_column(Text)
    claims_text: Mapped[str | None] = mapped_column(Text)
    refusal_reason: Mapped[str | None] = mapped_column(Text)
    closing_summary: Mapped[str | None] = mapped_column(Text)
    reopen_reason: Mapped[str | None] = mapped_column(Text)
    urgent: Mapped[bool] = mapped_column(Boolean, default=False)
    # Amounts recorded by an imported ledger instead of recovery rows.
    ledger_recovered_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    ledger_wage_recovered_fen: Mapped[int] = mapped_column(BigInteger, default=0)


class CaseStaff(OfficeOwned, Base):
    """An assisting staff member on a case (the lead is ``Case.lead_staff_id``)."""

    __tablename__ = "case_staff"
    __table_args__ = (Index("ix_case_staff_case", "case_id"),)

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"))
    staff_id: Mapped[str] = mapped_column(ForeignKey("staff.id"), index=True)
    role: Mapped[str] = mapped_column(String(20), default="assist")


class CaseApplicant(OfficeOwned, Base):
    __tablename__ = "case_applicants"
    __table_args__ = (
        Index("ix_case_applicants_case", "case_id", "archived_at", "position", "person_id"),
    )

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"))
    person_id: Mapped[str] = mapped_column(ForeignKey("people.id"), index=True)
    role: Mapped[str] = mapped_column(String(20), default="applicant")
    position: Mapped[int] = mapped_column(Integer, default=0)


class CaseRespondent(OfficeOwned, Base):
    """An employer in a case; ``parent_id`` builds contractor / subcontractor chains."""

    __tablename__ = "case_respondents"
    __table_args__ = (Index("ix_case_respondents_case", "case_id"),)

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"))
    employer_id: Mapped[str] = mapped_column(ForeignKey("employers.id"), index=True)
    role: Mapped[str] = mapped_column(String(30), default="employer")
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("case_respondents.id"))
    position: Mapped[int] = mapped_column(Integer, default=0)
