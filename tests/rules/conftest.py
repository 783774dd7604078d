from __future__ import annotations

import sys
from pathlib import Path

import pytest

from legalaid.rules.holidays import HolidayCalendar

sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture
def calendar() -> HolidayCalendar:
    """The library calendar plus the shipped (empty) administrator file."""
    return HolidayCalendar.default()
