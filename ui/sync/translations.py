"""Refresh the sync views' zh_CN translation source from ui/sync and compile it.

    .venv/bin/python -m ui.sync.translations          # lupdate + lrelease
    .venv/bin/python -m ui.sync.translations --check  # exit 1 if strings lack a translation

Translations are edited in resources/translations/legalaid_sync_zh_CN.ts.
"""

from __future__ import annotations

import sys

from ui.translation_tools import Catalogue, _tool

CATALOGUE = Catalogue("legalaid_sync_zh_CN.ts", "ui.sync")
TS = CATALOGUE.TS
QM = CATALOGUE.QM
check = CATALOGUE.check

__all__ = ["CATALOGUE", "QM", "TS", "_tool", "check"]

if __name__ == "__main__":
    raise SystemExit(CATALOGUE.main(sys.argv[1:]))
