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


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease next to the running Python."""
    local = Path(sys.executable).parent / f"pyside6-{name}"
    found = str(local) if local.exists() else shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} not found (install PySide6)")
    return found


def sources() -> list[str]:
    """The desktop's Python files. ui/case/ (the case workspace) keeps its own
    translation file beside this one; every ``*_zh_CN.qm`` here is loaded."""
    ui = ROOT / "ui"
    return sorted(
        str(p.relative_to(ROOT))
        for p in ui.rglob("*.py")
        if (ui / "case") not in p.parents
        and (ui / "sync") not in p.parents  # ui/sync/ has legalaid_sync_zh_CN.ts
    )


def lupdate(ts: Path) -> None:
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
            *sources(),
            "-ts",
            str(ts),
        ],
        cwd=ROOT,
        check=True,
    )


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def main(argv: list[str]) -> int:
    if "--check" in argv:
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / TS.name
            shutil.copy(TS, copy)
            lupdate(copy)
            if copy.read_bytes() != TS.read_bytes():
                print("legalaid_zh_CN.ts is out of date: run resources/translations/update.py")
                return 1
        return 0
    lupdate(TS)
    lrelease(TS, QM)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
