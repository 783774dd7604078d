"""Validation without writing, for callers that check input before they submit it
(forms, sheet importers): the same rules the services apply."""

from legalaid.services.checks import Checker
from legalaid.services.parties import check_employer, check_person

__all__ = ["Checker", "check_employer", "check_person"]
