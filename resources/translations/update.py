"""Refresh the zh_CN translation source from the code and compile it.

    .venv/bin/python resources/translations/update.py          # lupdate + lrelease
    .venv/bin/python resources/translations/update.py --check  # exit 1 if out of date

Edit translations in legalaid_zh_CN.ts (Qt Linguist: ``pyside6-linguist``), then run this
again to compile legalaid_zh_CN.qm.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
TS = HERE / "legalaid_zh_CN.ts"
QM = HERE / "legalaid_zh_CN.qm"
# The 统计 page keeps its strings in their own file (ui/pages/report_*.py).
REPORTS_TS = HERE / "legalaid_reports_zh_CN.ts"
REPORTS_QM = HERE / "legalaid_reports_zh_CN.qm"


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease next to the running Python."""
    local = Path(sys.executable).parent / f"pyside6-{name}"
    found = str(local) if local.exists() else shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} not found (install PySide6)")
    return found


def report_sources() -> list[str]:
    """The 统计 page's files (translated in legalaid_reports_zh_CN.ts)."""
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui" / "pages").glob("report_*.py"))


def sources() -> list[str]:
    """The desktop's Python files. ui/case/ (the case workspace) and the 统计 page keep
    their own translation files beside this one; every ``*_zh_CN.qm`` here is loaded."""
    ui = ROOT / "ui"
    own = set(report_sources())
    return sorted(
        rel
        for p in ui.rglob("*.py")
        if (ui / "case") not in p.parents
        and (ui / "sync") not in p.parents  # ui/sync/ has legalaid_sync_zh_CN.ts
        and (rel := str(p.relative_to(ROOT))) not in own
    )


def lupdate(ts: Path, files: list[str] | None = None) -> None:
    subprocess.run(
        [
            tool("lupdate"),
            "-silent",
            "-no-obsolete",
            "-locations",
            "none",
            "-source-language",
            "en",
            "-target-language",
            "zh_CN",
            *(sources() if files is None else files),
            "-ts",
            str(ts),
        ],
        cwd=ROOT,
        check=True,
    )


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def main(argv: list[str]) -> int:
    pairs = [(TS, QM, sources()), (REPORTS_TS, REPORTS_QM, report_sources())]
    if "--check" in argv:
        stale = 0
        with tempfile.TemporaryDirectory() as tmp:
            for ts, _qm, files in pairs:
                copy = Path(tmp) / ts.name
                shutil.copy(ts, copy)
                lupdate(copy, files)
                if copy.read_bytes() != ts.read_bytes():
                    print(f"{ts.name} is out of date: run resources/translations/update.py")
                    stale = 1
        return stale
    for ts, qm, files in pairs:
        lupdate(ts, files)
        lrelease(ts, qm)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
