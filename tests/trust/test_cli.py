"""The trust commands: audit verify/export, backup/restore, user, person, encrypt."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest

from legalaid.cli import main
from legalaid.security.sqlfiles import is_encrypted
from tests.trust.conftest import PASSWORD, WORKER_ID, World, case_input


def run(capsys: pytest.CaptureFixture[str], db: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def desk(world: World) -> Path:
    world.col.cases.create(case_input(world.east.id))
    world.col.close()
    return world.path


def test_audit_verify_reports_first_broken_link(
    desk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, desk, "audit", "verify")
    assert code == 0 and "chain ok" in out
    conn = sqlite3.connect(desk)
    conn.execute("UPDATE audit_events SET action = 'view' WHERE seq = 7")
    conn.execute("UPDATE audit_events SET action = 'view' WHERE seq = 9")
    conn.commit()
    conn.close()
    code, out, _ = run(capsys, desk, "audit", "verify")
    assert code == 1
    assert "broken at event 7" in out and "6 events verified" in out


def test_audit_export_csv_and_json(
    desk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_csv, out_json = tmp_path / "audit.csv", tmp_path / "audit.json"
    assert run(capsys, desk, "audit", "export", "--out", str(out_csv))[0] == 0
    assert run(capsys, desk, "audit", "export", "--out", str(out_json))[0] == 0
    rows = list(csv.DictReader(out_csv.read_text(encoding="utf-8-sig").splitlines()))
    events = json.loads(out_json.read_text(encoding="utf-8"))
    assert len(rows) == len(events) > 10
    assert [int(r["seq"]) for r in rows] == list(range(1, len(rows) + 1))
    assert events[-1]["hash"] == rows[-1]["hash"]
    assert any(e["action"] == "create" and e["entity"] == "case" for e in events)


def test_backup_and_restore_commands(
    desk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    snap = tmp_path / "snap.db"
    code, out, _ = run(capsys, desk, "backup", "--out", str(snap))
    assert code == 0 and snap.exists()
    code, out, _ = run(capsys, desk, "backup")
    assert code == 0 and "backups" in out
    bad = tmp_path / "bad.db"
    bad.write_bytes(snap.read_bytes()[:5000])
    before = desk.read_bytes()
    code, _, err = run(capsys, desk, "restore", str(bad))
    assert code == 1 and "nothing was changed" in err
    assert desk.read_bytes() == before
    code, out, _ = run(capsys, desk, "restore", str(snap))
    assert code == 0 and "integrity ok" in out


def test_user_commands(
    desk: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("Brand-New-Pass-4\n"))
    code, _, _ = run(
        capsys,
        desk,
        "user",
        "add",
        "孙律师",
        "sun",
        "lawyer",
        "--office",
        "东湖区总工会",
        "--new-password-stdin",
    )
    assert code == 0
    code, out, _ = run(capsys, desk, "user", "reset", "sun")
    temp = out.split(": ")[1].split()[0]
    from legalaid.security.desk import sign_in

    col, login = sign_in(desk, "sun", temp)
    assert login.must_change_password
    col.close()
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    code, _, err = run(capsys, desk, "user", "passwd", "sun", "--new-password-stdin")
    assert code == 1 and "too_short" not in err and "8" in err
    code, out, _ = run(capsys, desk, "user", "list")
    assert "sun\t孙律师\tlawyer\t东湖区总工会\t正常 active" in out
    code, _, _ = run(capsys, desk, "user", "unlock", "sun")
    assert code == 0


def test_person_commands(desk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_file = tmp_path / "person.json"
    code, _, _ = run(capsys, desk, "person", "export", WORKER_ID, "--out", str(out_file))
    assert code == 0
    data = json.loads(out_file.read_text(encoding="utf-8"))
    assert data["person"]["id_number"] == WORKER_ID and len(data["cases"]) == 1
    code, out, _ = run(capsys, desk, "person", "anonymise", WORKER_ID, "--reason", "本人申请")
    assert code == 2
    code, out, _ = run(
        capsys, desk, "person", "anonymise", WORKER_ID, "--reason", "本人申请", "--yes"
    )
    assert code == 0 and "anonymised as 已匿名" in out
    code, _, err = run(capsys, desk, "person", "export", WORKER_ID, "--out", "-")
    assert code == 1 and "No person" in err


def test_encrypt_command_then_commands_need_credentials(
    desk: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    code, out, _ = run(
        capsys, desk, "encrypt", "--user", "admin", "--password-stdin", "--no-keyring"
    )
    assert code == 0 and is_encrypted(desk)
    assert "recovery code" in out
    monkeypatch.delenv("LEGALAID_USER", raising=False)
    monkeypatch.delenv("LEGALAID_PASSWORD", raising=False)
    code, _, err = run(capsys, desk, "audit", "verify")
    assert code == 1 and "encrypted" in err
    monkeypatch.setenv("LEGALAID_USER", "admin")
    monkeypatch.setenv("LEGALAID_PASSWORD", "wrong-password")
    code, _, err = run(capsys, desk, "audit", "verify")
    assert code == 1 and "Wrong username or password" in err
    monkeypatch.setenv("LEGALAID_PASSWORD", PASSWORD)
    code, out, _ = run(capsys, desk, "audit", "verify")
    assert code == 0 and "chain ok" in out
    code, out, _ = run(capsys, desk, "case", "list")  # the core commands sign in too
    assert code == 0
    monkeypatch.setenv("LEGALAID_PASSWORD", "wrong-password")
    code, _, err = run(capsys, desk, "case", "list")
    assert code == 1 and "Wrong username or password" in err
    monkeypatch.setenv("LEGALAID_PASSWORD", PASSWORD)
    code, out, _ = run(capsys, desk, "backup")
    assert code == 0
    backup_file = Path(out.split(": ")[1].split(" (")[0])
    assert is_encrypted(backup_file)
    code, out, _ = run(capsys, desk, "restore", str(backup_file))
    assert code == 0
