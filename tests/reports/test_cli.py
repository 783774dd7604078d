"""``legalaid report ...``, ``legalaid import ledger`` and ``legalaid export ledger``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from legalaid.cli import main
from tests.reports.conftest import World


def test_report_monthly_json_to_stdout(
    world: World, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    world.col.close()
    code = main(
        [
            "--db",
            str(world.path),
            "report",
            "monthly",
            "--month",
            "2026-10",
            "--format",
            "json",
            "--out",
            "-",
        ]
    )
    assert code == 0
    got = json.loads(capsysbinary.readouterr().out)
    assert got["period"]["from"] == "2026-10-01" and got["office"] == "南昌市总工会"
    assert got["consultations"] > 0


def test_report_formats_to_files(world: World, tmp_path: Path) -> None:
    world.col.close()
    db = str(world.path)
    assert (
        main(
            [
                "--db",
                db,
                "report",
                "annual",
                "--year",
                "2026",
                "--office",
                "东湖区总工会",
                "--out",
                str(tmp_path / "a.xlsx"),
            ]
        )
        == 0
    )
    wb = load_workbook(tmp_path / "a.xlsx")
    assert "东湖区总工会" in wb["说明"]["B2"].value
    assert (
        main(
            [
                "--db",
                db,
                "report",
                "range",
                "--from",
                "2026-09-01",
                "--to",
                "2026-10-15",
                "--format",
                "pdf",
                "--out",
                str(tmp_path / "r.pdf"),
            ]
        )
        == 0
    )
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
    for fmt in ("docx", "csv"):
        out = tmp_path / f"m.{fmt}"
        assert (
            main(
                [
                    "--db",
                    db,
                    "report",
                    "monthly",
                    "--month",
                    "2026-10",
                    "--format",
                    fmt,
                    "--out",
                    str(out),
                ]
            )
            == 0
        )
        assert out.stat().st_size > 1000
    assert main(["--db", db, "report", "monthly", "--month", "2026-13", "--out", "-"]) == 1


def test_ledger_export_then_import_elsewhere(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    world.col.close()
    out = tmp_path / "台账.xlsx"
    assert main(["--db", str(world.path), "export", "ledger", "--out", str(out)]) == 0
    from legalaid.collection import Collection
    from tests.reports.conftest import TODAY

    other = tmp_path / "other.db"
    col = Collection(other, today=lambda: TODAY)
    col.admin.create_office("九江市总工会", "浔工援")
    col.close()
    capsys.readouterr()
    assert main(["--db", str(other), "import", "ledger", str(out), "--dry-run"]) == 0
    assert "试导入" in capsys.readouterr().out
    assert main(["--db", str(other), "import", "ledger", str(out)]) == 0
    first = capsys.readouterr().out
    assert "已导入：案件" in first
    assert main(["--db", str(other), "import", "ledger", str(out)]) == 0
    assert "已导入：案件0件，咨询0条" in capsys.readouterr().out


def test_bad_ledger_exit_code_and_messages(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    world.col.close()
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "案件编号,受理日期,申请人\n洪工援〔2026〕第0999号,2026-02-30,某人\n", encoding="utf-8"
    )
    assert main(["--db", str(world.path), "import", "ledger", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "错误：案件 第2行「受理日期」" in err and "全部数据均未写入" in err
