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
    src.unlink()  # the store keeps its own copy
    shown = col.documents.open_path(a.id)
    assert shown.read_bytes() == b"%PDF-1.4 payslip" and shown.suffix == ".pdf"
    assert [d.title for d in col.cases.detail(case.id).documents] == ["工资条", "工资条.pdf"]
    import sqlite3

    with sqlite3.connect(col.documents.store.path) as raw:
        raw.execute("UPDATE chunks SET data = ? WHERE sha256 = ?", (b"tampered", a.sha256))
    with pytest.raises(ValidationError):
        col.documents.open_path(a.id)
    col.close()
    assert not shown.exists()  # decrypted viewing copies are removed on close
    with pytest.raises(ValidationError):
        col.documents.attach(case.id, tmp_path / "missing.pdf")


def test_generated_file_hash_is_checked(col: Collection, tmp_path: Path) -> None:
    case = new_case(col)
    out = tmp_path / "x.pdf"
    out.write_bytes(b"%PDF generated")
    from legalaid.services.documents import sha256_file

    doc = col.documents.record_generated(
        case.id,
        "acceptance_notice",
        "1",
        "pdf",
        "受理通知书",
        "x.pdf",
        sha256_file(out),
        14,
        str(out),
    ).value
    assert col.documents.open_path(doc.id) == out
    out.write_bytes(b"changed")
    with pytest.raises(ValidationError):
        col.documents.open_path(doc.id)


def test_record_generated(col: Collection) -> None:
    case = new_case(col)
    doc = col.documents.record_generated(
        case.id, "acceptance_notice", "1", "pdf", "受理通知书", "x.pdf", "ab" * 32, 10, "/tmp/x.pdf"
    ).value
    assert doc.kind == "generated" and doc.author_id == col.actor_id
    assert any(h.action == "generate" for h in col.cases.history(case.id))
