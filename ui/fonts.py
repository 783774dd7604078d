"""Fonts: the shipped free CJK fonts are always loaded and placed after the system's own
CJK fonts, so Chinese renders on machines without any Chinese font installed."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from ui.paths import FONTS

log = logging.getLogger(__name__)

# Preferred system sans-serif CJK fonts (Windows, macOS, Linux), best first.
SYSTEM_CJK_SANS = (
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Noto Sans SC",
)
SHIPPED = ("wqy-microhei.ttc", "gbsn00lp.ttf", "gkai00mp.ttf")
SHIPPED_UI_FAMILY = "WenQuanYi Micro Hei"

_loaded: list[str] = []


def load_shipped_fonts() -> list[str]:
    """Register the fonts in resources/fonts with Qt (once); returns their families."""
    if _loaded:
        return list(_loaded)
    for name in SHIPPED:
        path = FONTS / name
        if not path.exists():
            log.warning("shipped font missing: %s", path)
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("could not load font %s", path)
            continue
        _loaded.extend(QFontDatabase.applicationFontFamilies(font_id))
    return list(_loaded)


def ui_families() -> list[str]:
    """Families for the interface: system CJK fonts first, then the shipped one."""
    present = set(QFontDatabase.families())
    chosen = [f for f in SYSTEM_CJK_SANS if f in present]
    if SHIPPED_UI_FAMILY in present:
        chosen.append(SHIPPED_UI_FAMILY)
    return chosen


def install_fonts(app: QApplication, point_size: float = 10.0) -> QFont:
    """Load the shipped fonts and make the application font fall back to them."""
    load_shipped_fonts()
    font = QFont(app.font())
    base = font.family()
    families = ui_families()
    # Latin text keeps the platform font when it has one; CJK falls through to the list.
    font.setFamilies([base, *families] if base and base not in families else families)
    font.setPointSizeF(point_size)
    app.setFont(font)
    for generic in ("Sans Serif", "SansSerif", "Helvetica", "Arial", base):
        if generic:
            QFont.insertSubstitutions(generic, families)
    return font


def document_font_choices() -> list[str]:
    """Families a user may choose for generated documents (shipped ones first)."""
    load_shipped_fonts()
    shipped = [f for f in _loaded if not f.endswith("Mono")]
    others = [f for f in QFontDatabase.families() if f not in shipped]
    return shipped + others
