"""Every interface string has a finished zh_CN translation, and the .ts/.qm are current."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "legalaid_zh_CN.ts"
UPDATE = ROOT / "resources" / "translations" / "update.py"


def _unfinished(ts: Path) -> list[str]:
    bad = []
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name")
        for m in ctx.iter("message"):
            tr = m.find("translation")
            assert tr is not None
            texts = [f.text or "" for f in tr.iter("numerusform")] or [tr.text or ""]
            if tr.get("type") in ("unfinished", "obsolete", "vanished") or not all(
                t.strip() for t in texts
            ):
                bad.append(f"{name}: {m.findtext('source')}")
    return bad


def test_every_string_in_the_ts_is_translated() -> None:
    assert _unfinished(TS) == []


def test_ts_has_every_string_of_the_code(tmp_path: Path) -> None:
    """Run lupdate on a copy: a new tr() string would appear there untranslated."""
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    sys.path.insert(0, str(UPDATE.parent))
    try:
        import update  # type: ignore[import-not-found]
    finally:
        sys.path.remove(str(UPDATE.parent))
    update.lupdate(copy)
    assert _unfinished(copy) == []
    assert copy.read_bytes() == TS.read_bytes(), "run resources/translations/update.py"


def test_qm_matches_the_ts(tmp_path: Path) -> None:
    sys.path.insert(0, str(UPDATE.parent))
    try:
        import update  # type: ignore[import-not-found]
    finally:
        sys.path.remove(str(UPDATE.parent))
    qm = tmp_path / "out.qm"
    update.lrelease(TS, qm)
    assert qm.read_bytes() == (TS.with_suffix(".qm")).read_bytes()


def test_chinese_is_loaded_by_default(qapp) -> None:
    assert QCoreApplication.translate("MainWindow", "Dashboard") == "工作台"
    assert QCoreApplication.translate("CaseColumns", "Case number") == "案号"


def test_lupdate_tool_is_available() -> None:
    exe = Path(sys.executable).parent / "pyside6-lupdate"
    assert exe.exists() or shutil.which("pyside6-lupdate")
    out = subprocess.run([str(exe), "-version"], capture_output=True, text=True)
    assert out.returncode == 0
