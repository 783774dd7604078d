from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from legalaid.cli import main


def run(db: Path, *args: str) -> int:
    return main(["--db", str(db), *args])


def test_init_list_show_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "cli.db"
    assert run(db, "init", "--office", "南昌市总工会", "--prefix", "洪工援") == 0
    assert run(db, "init", "--office", "南昌市总工会", "--prefix", "洪工援") == 1
    from legalaid.collection import Collection

    from .conftest import new_case

    with Collection(db) as col:
        new_case(col, title="=HYPERLINK(\"x\")")
    capsys.readouterr()
    assert run(db, "case", "list") == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1 and out[0].startswith("洪工援〔2026〕第0001号\t")
    assert run(db, "case", "show", "洪工援〔2026〕第0001号") == 0
    assert "南昌建工集团有限公司" in capsys.readouterr().out
    assert run(db, "case", "show", "nope") == 1
    assert "nope" in capsys.readouterr().err
    xlsx = tmp_path / "cases.xlsx"
    assert run(db, "export", "cases", "--format", "xlsx", "--out", str(xlsx)) == 0
    ws = load_workbook(xlsx).active
    assert ws is not None
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][0] == "案件编号" and rows[1][0] == "洪工援〔2026〕第0001号"
    assert rows[1][1] == "'=HYPERLINK(\"x\")"
    out_csv = tmp_path / "cases.csv"
    assert run(db, "export", "cases", "--format", "csv", "--out", str(out_csv)) == 0
    with out_csv.open(encoding="utf-8-sig") as fh:
        assert len(list(csv.reader(fh))) == 2


def test_deadline_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "none.db"
    assert run(db, "deadline", "rules") == 0
    ids = [line.split("\t")[0] for line in capsys.readouterr().out.splitlines()]
    assert "nonfinal_award_suit" in ids and "arbitration_award" in ids
    assert run(db, "deadline", "calc", "--rule", "nonfinal_award_suit",
               "--from", "2024-09-20") == 0
    assert capsys.readouterr().out.splitlines()[0] == "2024-10-08"
    assert run(db, "deadline", "calc", "--rule", "nonfinal_award_suit",
               "--from", "2027-09-20") == 0
    assert "2027" in capsys.readouterr().out
    assert run(db, "deadline", "calc", "--rule", "nope", "--from", "2024-09-20") == 1
    assert run(db, "deadline", "calc", "--rule", "nonfinal_award_suit", "--from", "x") == 1


def test_module_entry_point_and_missing_db(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "legalaid", "--db", str(tmp_path / "x.db"),
                           "case", "list"], capture_output=True, text=True, check=False)
    assert proc.returncode == 1
    assert "legalaid init" in proc.stderr


def test_desktop_and_command_line_open_the_same_default_desk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from legalaid.config import default_db_path
    from ui.paths import database_path

    monkeypatch.delenv("LEGALAID_DB", raising=False)
    monkeypatch.setenv("LEGALAID_DATA_DIR", str(tmp_path / "data"))
    assert database_path() == default_db_path().resolve()
    assert default_db_path().name == "legalaid.sqlite3"
    monkeypatch.setenv("LEGALAID_DB", str(tmp_path / "x.db"))
    assert database_path() == default_db_path() == tmp_path / "x.db"
