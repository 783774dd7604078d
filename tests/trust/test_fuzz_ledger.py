"""The ledger importer meets truncated and fake .xlsx files, GBK CSV and
formula-injection cells: it reports problems (ValidationError or row issues), never
crashes, and writes nothing unless it reports an import."""

from __future__ import annotations

import csv
import io
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import func, select

from legalaid.collection import Collection
from legalaid.errors import ValidationError
from legalaid.ledger import export_ledger, import_ledger
from legalaid.ledger.columns import CASE_COLUMNS
from legalaid.models import AuditEvent, Case, Consultation, Person
from tests.trust.conftest import TODAY, WORKER_ID

_STATE: dict[str, Any] = {}


def _desk() -> tuple[Collection, Path]:
    if "col" not in _STATE:
        folder = Path(tempfile.mkdtemp(prefix="legalaid-ledger-fuzz-"))
        col = Collection(folder / "ledger.db", today=lambda: TODAY)
        col.admin.create_office("南昌市总工会", "洪工援")
        _STATE.update(col=col, folder=folder, n=0)
    return _STATE["col"], _STATE["folder"]


@pytest.fixture(scope="module", autouse=True)
def _close() -> Iterator[None]:
    yield
    col = _STATE.pop("col", None)
    if col is not None:
        col.close()


def _counts(col: Collection) -> tuple[int, ...]:
    with col.read() as s:
        return tuple(
            int(s.scalar(select(func.count()).select_from(t)) or 0)
            for t in (Case, Person, Consultation, AuditEvent)
        )


def _new_file(suffix: str) -> Path:
    _, folder = _desk()
    _STATE["n"] += 1
    return folder / f"in{_STATE['n']}{suffix}"


def _import_safely(path: Path) -> Any:
    """Import; assert that a refusal wrote nothing and that only ValidationError escapes."""
    col, _ = _desk()
    before = _counts(col)
    try:
        report = import_ledger(col, [path])
    except ValidationError as exc:
        assert exc.errors and all(e.zh and e.en for e in exc.errors)
        assert _counts(col) == before
        return None
    if not report.imported:
        assert _counts(col) == before
        assert report.errors
    for issue in report.issues:
        assert issue.zh and issue.en
    return report


def _good_row(i: int, name: str = "王小明", note: str = "") -> list[str]:
    values = dict.fromkeys(CASE_COLUMNS, "")
    values.update(
        {
            "案件编号": f"洪工援〔2026〕第{9000 + i:04d}号",
            "受理日期": "2026-03-05",
            "申请人": name,
            "身份证号": WORKER_ID,
            "用人单位": "南昌某建筑公司",
            "案由": "欠薪",
            "诉求金额": "12,000.50",
            "案件状态": "在办",
            "备注": note,
        }
    )
    return [values[c] for c in CASE_COLUMNS]


def _csv_bytes(rows: list[list[str]], encoding: str) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(CASE_COLUMNS)
    w.writerows(rows)
    return buf.getvalue().encode(encoding, errors="replace")


def _valid_xlsx() -> bytes:
    if "xlsx" not in _STATE:
        from openpyxl import Workbook

        wb = Workbook()
        ws = wb.active
        assert ws is not None
        ws.title = "案件"
        ws.append(list(CASE_COLUMNS))
        for i in range(20):
            ws.append(_good_row(i))
        buf = io.BytesIO()
        wb.save(buf)
        _STATE["xlsx"] = buf.getvalue()
    data: bytes = _STATE["xlsx"]
    return data


# Reported: openpyxl leaves the file open when load_workbook() fails part-way (the
# reader passes a path, not a file it closes); a leaked handle, not a crash.
LEAK_OK = [
    pytest.mark.filterwarnings("ignore::ResourceWarning"),
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
]


def _leak_ok(fn: Any) -> Any:
    for m in LEAK_OK:
        fn = m(fn)
    return fn


@_leak_ok
@given(cut=st.floats(min_value=0.0, max_value=0.999))
def test_truncated_xlsx(cut: float) -> None:
    data = _valid_xlsx()
    path = _new_file(".xlsx")
    path.write_bytes(data[: int(len(data) * cut)])
    _import_safely(path)


@_leak_ok
@given(
    flips=st.lists(
        st.tuples(st.floats(min_value=0, max_value=0.999), st.integers(1, 255)),
        min_size=1,
        max_size=20,
    )
)
def test_damaged_xlsx(flips: list[tuple[float, int]]) -> None:
    data = bytearray(_valid_xlsx())
    for where, xor in flips:
        data[int(len(data) * where)] ^= xor
    path = _new_file(".xlsx")
    path.write_bytes(bytes(data))
    _import_safely(path)


@_leak_ok
@given(
    payload=st.one_of(
        st.binary(max_size=4000),
        st.builds(lambda b: b"PK\x03\x04" + b, st.binary(max_size=2000)),
        st.dictionaries(
            st.sampled_from(
                ["[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml", "x"]
            ),
            st.binary(max_size=500),
            max_size=4,
        ),
    )
)
def test_fake_xlsx(payload: bytes | dict[str, bytes]) -> None:
    path = _new_file(".xlsx")
    if isinstance(payload, dict):
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            for name, body in payload.items():
                z.writestr(name, body)
        path.write_bytes(buf.getvalue())
    else:
        path.write_bytes(payload)
    _import_safely(path)


CELL = st.one_of(
    st.text(max_size=30),
    st.text(alphabet="王李张刘陈欠薪工伤元万〔〕第号年月日0123456789-/.,，、 ", max_size=20),
    st.sampled_from(["=1+1", "+cmd", "-2+3", "@SUM(A1)", '=HYPERLINK("http://x")', "\x00"]),
)


@given(
    rows=st.lists(st.lists(CELL, min_size=0, max_size=len(CASE_COLUMNS) + 2), max_size=8),
    encoding=st.sampled_from(["gbk", "gb18030", "utf-8", "utf-8-sig"]),
)
def test_csv_in_any_encoding_with_junk_cells(rows: list[list[str]], encoding: str) -> None:
    path = _new_file(".csv")
    path.write_bytes(_csv_bytes(rows, encoding))
    _import_safely(path)


@given(data=st.binary(max_size=3000))
def test_random_bytes_as_csv(data: bytes) -> None:
    path = _new_file(".csv")
    path.write_bytes(data)
    _import_safely(path)


def test_gbk_ledger_imports_and_formula_cells_stay_text(tmp_path: Path) -> None:
    with Collection(tmp_path / "desk.db", today=lambda: TODAY) as col:
        col.admin.create_office("南昌市总工会", "洪工援")
        formulas = ['=HYPERLINK("http://evil")', "+1+1", "@SUM(A1:A9)", "-3+3"]
        rows = [_good_row(i, name=f"{f}", note=f) for i, f in enumerate(formulas)]
        source = tmp_path / "台账.csv"
        source.write_bytes(_csv_bytes(rows, "gbk"))
        report = import_ledger(col, [source])
        assert report.imported, [i.zh for i in report.errors]
        assert report.cases_created == len(formulas)
        out = tmp_path / "out.xlsx"
        export_ledger(col, out)
        from openpyxl import load_workbook

        wb = load_workbook(out)
        cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row]
        assert not [c.coordinate for c in cells if c.data_type == "f"]
        texts = {c.value for c in cells if isinstance(c.value, str)}
        assert any("HYPERLINK" in t for t in texts)  # kept as text, not dropped
        wb.close()
        csv_files = export_ledger(col, tmp_path / "out.csv")
        body = csv_files[0].read_text(encoding="utf-8-sig")
        for line in csv.reader(io.StringIO(body)):
            assert not any(cell[:1] in ("=", "+", "@") for cell in line), line


def test_damaged_sheet_is_reported(tmp_path: Path) -> None:
    src = io.BytesIO(_valid_xlsx())
    out = io.BytesIO()
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w") as zout:
        for item in zin.infolist():
            body = zin.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                body = body[: len(body) // 2] + b"<<<"
            zout.writestr(item, body)
    path = tmp_path / "damaged.xlsx"
    path.write_bytes(out.getvalue())
    with pytest.raises(ValidationError):
        from legalaid.ledger.reader import read_files

        read_files([path])


def test_bare_carriage_return_csv_is_reported(tmp_path: Path) -> None:
    from legalaid.ledger.reader import read_files

    path = tmp_path / "cr.csv"
    path.write_bytes("案件编号,受理日期,申请人\r\n1,2026-01-01,王\rx\n".encode())
    with pytest.raises(ValidationError):
        read_files([path])
