"""Refresh the sync views' zh_CN translation source from ui/sync and compile it.

    .venv/bin/python -m ui.sync.translations          # lupdate + lrelease
    .venv/bin/python -m ui.sync.translations --check  # exit 1 if strings lack a translation

Translations are edited in resources/translations/legalaid_sync_zh_CN.ts (Qt Linguist:
``pyside6-linguist``). Module-level strings use ``qtr("Context", "text")``, which lupdate
reads as ``translate`` through ``-tr-function-alias``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "legalaid_sync_zh_CN.ts"
QM = TS.with_suffix(".qm")


def _tool(name: str) -> str:
    local = Path(sys.executable).parent / f"pyside6-{name}"
    found = str(local) if local.exists() else shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} not found (install PySide6)")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui" / "sync").glob("*.py"))


def lupdate(ts: Path) -> None:
    subprocess.run(
        [_tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none",
         "-tr-function-alias", "translate+=qtr", "-source-language", "en",
         "-target-language", "zh_CN", *sources(), "-ts", str(ts)],
        cwd=ROOT, check=True,
    )


def unfinished(ts: Path) -> list[tuple[str, str]]:
    """(context, source) of every message without a finished translation."""
    out = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") or not translation.text:
                out.append((name, message.findtext("source") or ""))
    return out


def check() -> list[tuple[str, str]]:
    """Strings in the code that the committed .ts does not translate."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / TS.name
        shutil.copy(TS, copy)
        lupdate(copy)
        return unfinished(copy)


def main(argv: list[str]) -> int:
    if "--check" in argv:
        missing = check()
        for context, source in missing:
            print(f"untranslated: [{context}] {source}")
        return 1 if missing else 0
    lupdate(TS)
    subprocess.run([_tool("lrelease"), "-silent", str(TS), "-qm", str(QM)], check=True)
    for context, source in unfinished(TS):
        print(f"untranslated: [{context}] {source}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
