"""Keeping a package's zh_CN translation file (.ts) in step with its strings and
compiling it (.qm) with PySide6's lupdate/lrelease.

Module-level strings use ``qtr("Context", "text")``, which lupdate reads as
``translate`` through ``-tr-function-alias``. Translations are edited in Qt Linguist
(``pyside6-linguist``).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _tool(name: str) -> str:
    local = Path(sys.executable).parent / f"pyside6-{name}"
    found = str(local) if local.exists() else shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} not found (install PySide6)")
    return found


class Catalogue:
    """One translation file and the package whose strings it translates."""

    def __init__(self, ts_name: str, package: str) -> None:
        self.TS = ROOT / "resources" / "translations" / ts_name
        self.QM = self.TS.with_suffix(".qm")
        self.package = package

    def sources(self) -> list[str]:
        folder = ROOT.joinpath(*self.package.split("."))
        return sorted(str(p.relative_to(ROOT)) for p in folder.glob("*.py"))

    def lupdate(self, ts: Path) -> None:
        lupdate(ts, self.sources())

    def check(self) -> list[tuple[str, str]]:
        """Strings in the code that the committed .ts does not translate."""
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / self.TS.name
            shutil.copy(self.TS, copy)
            self.lupdate(copy)
            return unfinished(copy)

    def main(self, argv: list[str]) -> int:
        if "--check" in argv:
            missing = self.check()
            for context, source in missing:
                print(f"untranslated: [{context}] {source}")
            return 1 if missing else 0
        self.lupdate(self.TS)
        subprocess.run(
            [_tool("lrelease"), "-silent", str(self.TS), "-qm", str(self.QM)], check=True
        )
        for context, source in unfinished(self.TS):
            print(f"untranslated: [{context}] {source}")
        return 0


def lupdate(ts: Path, sources: list[str]) -> None:
    subprocess.run(
        [
            _tool("lupdate"),
            "-silent",
            "-no-obsolete",
            "-locations",
            "none",
            "-tr-function-alias",
            "translate+=qtr",
            "-source-language",
            "en",
            "-target-language",
            "zh_CN",
            *sources,
            "-ts",
            str(ts),
        ],
        cwd=ROOT,
        check=True,
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
