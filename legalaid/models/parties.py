"""Workers (people) and employers."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from legalaid.db.base import Base, OfficeOwned


class Person(OfficeOwned, Base):
    """A worker (当事人/职工). ID number, phone, address and health notes are sensitive."""

    __tablename__ = "people"
    __table_args__ = (
        Index("ix_people_id_number", "id_number"),
        Index("ix_people_phone", "phone"),
    )

    name: Mapped[str] = mapped_column(String(100))
    gender: Mapped[str | None] = mapped_column(String(1))
    id_number: Mapped[str | None] = mapped_column(String(18))
    birth_date: Mapped[date | None] = mapped_column(Date)
    phone: Mapped[str | None] = mapped_column(String(40))
    address: Mapped[str | None] = mapped_column(String(300))
    hukou_type: Mapped[str | None] = mapped_column(String(20))
    union_member: Mapped[bool] = mapped_column(Boolean, default=False)
    hardship_worker: Mapped[bool] = mapped_column(Boolean, default=False)
    migrant_worker: Mapped[bool] = mapped_column(Boolean, default=False)
    employment_form: Mapped[str | None] = mapped_column(String(30))
    legal_relation: Mapped[str | None] = mapped_column(String(20))
    occupation: Mapped[str | None] = mapped_column(String(100))
    health_notes: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)


class Employer(OfficeOwned, Base):
    __tablename__ = "employers"
    __table_args__ = (Index("ix_employers_credit_code", "credit_code"),)

    name: Mapped[str] = mapped_column(String(200))
    credit_code: Mapped[str | None] = mapped_column(String(18))
    address: Mapped[str | None] = mapped_column(String(300))
    legal_representative: Mapped[str | None] = mapped_column(String(100))
    industry: Mapped[str | None] = mapped_column(String(100))
    phone: Mapped[str | None] = mapped_column(String(40))
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("employers.id"))
