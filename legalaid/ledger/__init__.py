"""The Excel/CSV ledger (台账): import with per-row checks, export in the same format."""

from legalaid.ledger.service import ImportReport, export_ledger, import_ledger
from legalaid.ledger.validate import LedgerIssue

__all__ = ["ImportReport", "LedgerIssue", "export_ledger", "import_ledger"]
