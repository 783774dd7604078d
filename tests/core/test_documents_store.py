from __future__ import annotations

from pathlib import Path

import pytest

from legalaid.collection import Collection
from legalaid.errors import ValidationError

from .conftest import new_case


def test_attach_stores_file_once_with_hash(col: Collection, tmp_path: Path) -> None:
    case = new_case(col)
    src = tmp_path / "工资条.pdf"
    src.write_bytes(b"%PDF-1.4 payslip")
    a = col.documents.attach(case.id, src, "工资条").value
    b = col.documents.attach(case.id, src).value
    assert a.sha256 == b.sha256 and a.storage_path == b.storage_path
    assert col.documents.open_path(a.id).read_bytes() == b"%PDF-1.4 payslip"
    assert [d.title for d in col.cases.detail(case.id).documents] == ["工资条", "工资条.pdf"]
    Path(a.storage_path or "").write_bytes(b"tampered")
    with pytest.raises(ValidationError):
        col.documents.open_path(a.id)


def test_record_generated(col: Collection) -> None:
    case = new_case(col)
    doc = col.documents.record_generated(
        case.id, "acceptance_notice", "1", "pdf", "受理通知书", "x.pdf", "ab" * 32, 10, "/tmp/x.pdf"
    ).value
    assert doc.kind == "generated" and doc.author_id == col.actor_id
    assert any(h.action == "generate" for h in col.cases.history(case.id))
