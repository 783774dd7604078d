"""Supervisors' summaries (统计报表): computed in SQL, rendered as PDF, .docx, .xlsx,
CSV and JSON. The facade is :class:`legalaid.reports.service.ReportService`."""

from legalaid.reports.model import Summary
from legalaid.reports.periods import Period
from legalaid.reports.service import FORMATS, ReportService

__all__ = ["FORMATS", "Period", "ReportService", "Summary"]
