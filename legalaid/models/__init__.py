"""The data model. Importing this package registers every table on ``Base.metadata``."""

from legalaid.db.base import Base
from legalaid.models.activity import (
    Hearing,
    Instalment,
    Mediation,
    MediationSession,
    Proceeding,
    Recovery,
    Referral,
    WageClaim,
)
from legalaid.models.cases import Case, CaseApplicant, CaseRespondent, CaseStaff, Consultation
from legalaid.models.org import CaseNumberCounter, Office, Role, Setting, Staff
from legalaid.models.parties import Employer, Person
from legalaid.models.records import AuditEvent, Deadline, Document, Note, NoteRevision

__all__ = [
    "AuditEvent",
    "Base",
    "Case",
    "CaseApplicant",
    "CaseNumberCounter",
    "CaseRespondent",
    "CaseStaff",
    "Consultation",
    "Deadline",
    "Document",
    "Employer",
    "Hearing",
    "Instalment",
    "Mediation",
    "MediationSession",
    "Note",
    "NoteRevision",
    "Office",
    "Person",
    "Proceeding",
    "Recovery",
    "Referral",
    "Role",
    "Setting",
    "Staff",
    "WageClaim",
]
