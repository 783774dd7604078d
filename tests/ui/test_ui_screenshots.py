"""Screenshots of every main page over demo data at 1366×768 (written to
$LEGALAID_SCREENSHOTS or a temporary folder) — and checks that they are not empty."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import screenshots
from PySide6.QtGui import QImage


@pytest.mark.slow
def test_screenshots_of_every_page(tmp_path: Path) -> None:
    pytest.importorskip("legalaid.demo")
    out = Path(os.environ.get("LEGALAID_SCREENSHOTS") or tmp_path / "shots")
    db = screenshots.make_demo(tmp_path / "demo.sqlite3", cases=200)
    shots = screenshots.take(db, out)
    names = {p.stem for p in shots}
    assert {
        "1-dashboard",
        "2-consultations",
        "3-cases",
        "4-deadlines",
        "5-reports",
        "6-settings",
    } <= names
    for shot in shots:
        image = QImage(str(shot))
        assert not image.isNull()
        if shot.stem[0] in "123456":
            assert (image.width(), image.height()) == screenshots.SIZE
        # Not blank: many distinct colours (text was drawn).
        colours = {
            image.pixel(x, y)
            for x in range(0, image.width(), 7)
            for y in range(0, image.height(), 7)
        }
        assert len(colours) > 20, shot
