"""Offices, staff and their roles."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from legalaid.db.base import Base, Entity, OfficeOwned, UTCDateTime


class Office(Entity, Base):
    """A federation, district union or service station. Offices form a tree: a city
    federation's district offices point to it through ``parent_id``."""

    __tablename__ = "offices"

    name: Mapped[str] = mapped_column(String(200), unique=True)
    short_name: Mapped[str | None] = mapped_column(String(50))
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("offices.id"), index=True)
    # Case numbers look like 洪工援〔2026〕第0007号: prefix, year, zero-padded sequence.
    case_prefix: Mapped[str] = mapped_column(String(20))
    number_format: Mapped[str] = mapped_column(
        String(100), default="{prefix}〔{year}〕第{seq:04d}号"
    )
    address: Mapped[str | None] = mapped_column(String(300))
    phone: Mapped[str | None] = mapped_column(String(40))


class Role(Entity, Base):
    """A configurable staff role; places differ in which professionals they have."""

    __tablename__ = "roles"

    code: Mapped[str] = mapped_column(String(40), unique=True)
    name_zh: Mapped[str] = mapped_column(String(50))
    name_en: Mapped[str] = mapped_column(String(80))
    # Space-separated permission names, see legalaid.services.permissions.
    permissions: Mapped[str] = mapped_column(Text, default="")


class Staff(OfficeOwned, Base):
    __tablename__ = "staff"
    __table_args__ = (UniqueConstraint("username"),)

    name: Mapped[str] = mapped_column(String(100))
    username: Mapped[str] = mapped_column(String(60))
    role_code: Mapped[str] = mapped_column(ForeignKey("roles.code"))
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(200))
    password_hash: Mapped[str | None] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)


class CaseNumberCounter(Base):
    """The next case sequence number per office and year. Numbers are never reused:
    the counter only moves forward, even when a case is archived."""

    __tablename__ = "case_number_counters"

    office_id: Mapped[str] = mapped_column(ForeignKey("offices.id"), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    next_seq: Mapped[int] = mapped_column(Integer, default=1)


class Setting(Base):
    """Key/value settings that live with the data (holiday data, document fonts...)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
