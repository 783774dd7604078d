"""Fixtures of the document tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from doc_samples import TODAY, make_detail

from legalaid import dto
from legalaid.documents.context import build_context
from legalaid.documents.generator import DocumentGenerator


@pytest.fixture(scope="session")
def generator() -> DocumentGenerator:
    return DocumentGenerator()


@pytest.fixture
def detail() -> dto.CaseDetail:
    return make_detail()


@pytest.fixture
def context(detail: dto.CaseDetail) -> dict[str, Any]:
    return build_context(detail, today=TODAY)


@pytest.fixture
def out(tmp_path: Path) -> Path:
    return tmp_path
