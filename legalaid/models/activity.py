"""What happens in a case: wage claims, recoveries, referrals, mediation, proceedings."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, Boolean, Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from legalaid.db.base import Base, OfficeOwned, UTCDateTime


class WageClaim(OfficeOwned, Base):
    """What one worker says one employer owes for one period."""

    __tablename__ = "wage_claims"
    __table_args__ = (Index("ix_wage_claims_case", "case_id"),)

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"))
    person_id: Mapped[str] = mapped_column(ForeignKey("people.id"), index=True)
    employer_id: Mapped[str | None] = mapped_column(ForeignKey("employers.id"))
    period_start: Mapped[date | None] = mapped_column(Date)
    period_end: Mapped[date | None] = mapped_column(Date)
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    description: Mapped[str | None] = mapped_column(String(300))


class Recovery(OfficeOwned, Base):
    """One payment actually received: a ledger row, never a running total."""

    __tablename__ = "recoveries"
    __table_args__ = (
        Index("ix_recoveries_case", "case_id"),
        Index(
            "ix_recoveries_office_received",
            "office_id",
            "received_on",
            "archived_at",
            "kind",
            "amount_fen",
            "case_id",
        ),
        Index("ix_recoveries_received", "received_on"),
    )

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"))
    person_id: Mapped[str | None] = mapped_column(ForeignKey("people.id"))
    wage_claim_id: Mapped[str | None] = mapped_column(ForeignKey("wage_claims.id"))
    received_on: Mapped[date] = mapped_column(Date)
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(30), default="wage_arrears")
    channel: Mapped[str] = mapped_column(String(30), default="employer")
    payer: Mapped[str | None] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(String(500))
    recorded_by_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))


class Instalment(OfficeOwned, Base):
    """A promised payment with a due date (instalment plans, mediation agreements)."""

    __tablename__ = "instalments"
    __table_args__ = (Index("ix_instalments_case", "case_id"),)

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"))
    mediation_id: Mapped[str | None] = mapped_column(ForeignKey("mediations.id"))
    due_on: Mapped[date] = mapped_column(Date)
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    paid: Mapped[bool] = mapped_column(Boolean, default=False)
    recovery_id: Mapped[str | None] = mapped_column(ForeignKey("recoveries.id"))


class Referral(OfficeOwned, Base):
    """A case sent to (outgoing) or received from (incoming) another body."""

    __tablename__ = "referrals"
    __table_args__ = (
        Index("ix_referrals_case", "case_id"),
        Index("ix_referrals_office_sent", "office_id", "sent_on"),
    )

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"))
    direction: Mapped[str] = mapped_column(String(10))  # outgoing | incoming
    body_type: Mapped[str] = mapped_column(String(30))
    body_name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(30), default="transfer")
    their_reference: Mapped[str | None] = mapped_column(String(100))
    sent_on: Mapped[date] = mapped_column(Date)
    accepted_on: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="sent")
    outcome: Mapped[str | None] = mapped_column(Text)
    outcome_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)


class Mediation(OfficeOwned, Base):
    __tablename__ = "mediations"
    __table_args__ = (
        Index("ix_mediations_case", "case_id"),
        Index("ix_mediations_office_started", "office_id", "started_on"),
    )

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"))
    referral_id: Mapped[str | None] = mapped_column(ForeignKey("referrals.id"))
    stage: Mapped[str] = mapped_column(String(30), default="pre_arbitration")
    mediator_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))
    started_on: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="ongoing")
    agreement_on: Mapped[date | None] = mapped_column(Date)
    agreement_amount_fen: Mapped[int | None] = mapped_column(BigInteger)
    performance_deadline: Mapped[date | None] = mapped_column(Date)
    performance: Mapped[str] = mapped_column(String(20), default="pending")
    performed_on: Mapped[date | None] = mapped_column(Date)
    confirmation: Mapped[str] = mapped_column(String(20), default="none")
    confirmed_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)


class MediationSession(OfficeOwned, Base):
    __tablename__ = "mediation_sessions"
    __table_args__ = (Index("ix_mediation_sessions_mediation", "mediation_id"),)

    mediation_id: Mapped[str] = mapped_column(ForeignKey("mediations.id"))
    held_at: Mapped[datetime] = mapped_column(UTCDateTime)
    place: Mapped[str | None] = mapped_column(String(200))
    summary: Mapped[str | None] = mapped_column(Text)


class Proceeding(OfficeOwned, Base):
    """An arbitration or litigation stage."""

    __tablename__ = "proceedings"
    __table_args__ = (Index("ix_proceedings_case", "case_id"),)

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"))
    kind: Mapped[str] = mapped_column(String(30))
    body_name: Mapped[str] = mapped_column(String(200))
    tribunal_number: Mapped[str | None] = mapped_column(String(100))
    applied_on: Mapped[date] = mapped_column(Date)
    accepted_on: Mapped[date | None] = mapped_column(Date)
    decision_kind: Mapped[str | None] = mapped_column(String(30))
    decision_received_on: Mapped[date | None] = mapped_column(Date)
    result: Mapped[str | None] = mapped_column(Text)
    amount_awarded_fen: Mapped[int | None] = mapped_column(BigInteger)
    appeal_deadline: Mapped[date | None] = mapped_column(Date)


class Hearing(OfficeOwned, Base):
    __tablename__ = "hearings"
    __table_args__ = (Index("ix_hearings_proceeding", "proceeding_id"),)

    proceeding_id: Mapped[str] = mapped_column(ForeignKey("proceedings.id"))
    held_at: Mapped[datetime] = mapped_column(UTCDateTime)
    place: Mapped[str | None] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)
