"""Refresh the case window's zh_CN translation source from ui/case and compile it.

    .venv/bin/python -m ui.case.translations          # lupdate + lrelease
    .venv/bin/python -m ui.case.translations --check  # exit 1 if strings lack a translation

Translations are edited in resources/translations/legalaid_case_zh_CN.ts.
"""

from __future__ import annotations

import sys

from ui.translation_tools import Catalogue, _tool

CATALOGUE = Catalogue("legalaid_case_zh_CN.ts", "ui.case")
TS = CATALOGUE.TS
QM = CATALOGUE.QM
check = CATALOGUE.check

__all__ = ["CATALOGUE", "QM", "TS", "_tool", "check"]

if __name__ == "__main__":
    raise SystemExit(CATALOGUE.main(sys.argv[1:]))
