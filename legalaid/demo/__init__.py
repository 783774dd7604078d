"""Realistic, reproducible demo data for a legal-aid desk (``legalaid demo``).

``generate(path, cases=300, seed=1)`` fills a desk database: offices, staff, employers,
workers, consultations and cases with claims, recoveries, referrals, mediations,
proceedings, deadlines and notes. Small histories go through the facade (validation,
numbering, audit and event-made deadlines, exactly as a desk would enter them); large
ones through a bulk loader that writes the same kind of rows directly and keeps the same
invariants.
"""

from legalaid.demo.run import FACADE_LIMIT, DemoSummary, generate

__all__ = ["FACADE_LIMIT", "DemoSummary", "generate"]
