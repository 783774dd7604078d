"""``legalaid doc``: templates, generate and batch against a real desk database."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from doc_helpers import docx_text, pdf_flat

from legalaid.cli import main
from legalaid.collection import Collection
from legalaid.documents.catalogue import TemplateCatalogue
from legalaid.inputs import ApplicantInput, CaseInput, EmployerInput, PersonInput, RespondentInput


def test_templates_lists_one_template_a_line_id_first(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["doc", "templates"]) == 0
    lines = capsys.readouterr().out.splitlines()
    ids = [t.id for t in TemplateCatalogue()]
    assert [line.split("\t")[0] for line in lines] == ids
    assert "劳动仲裁申请书" in "\n".join(lines)


@pytest.fixture
def desk(tmp_path: Path) -> tuple[Path, str]:
    db = tmp_path / "desk.db"
    assert main(["--db", str(db), "init", "--office", "南昌市总工会", "--prefix", "洪工援"]) == 0
    with Collection(db) as col:
        staff = col.admin.create_staff("李律师", "li", "lawyer", phone="13900139000").value
        case = col.cases.create(
            CaseInput(
                title="张伟追索劳动报酬案",
                dispute_type="wage_arrears",
                source="walk_in",
                received_on=date(2026, 3, 1),
                applicants=[
                    ApplicantInput(
                        person=PersonInput(
                            name="张伟",
                            id_number="110101199003074514",
                            address="南昌市红谷滩区1号",
                            phone="13800138000",
                        )
                    )
                ],
                respondents=[
                    RespondentInput(
                        employer=EmployerInput(
                            name="南昌宏达建筑劳务有限公司", address="南昌市青山湖区88号"
                        )
                    )
                ],
                lead_staff_id=staff.id,
                handling_method="arbitration_agency",
                amount_claimed=439110000,
                facts="被申请人拖欠申请人工资。",
                claims_text="裁决被申请人支付工资人民币4,391,100元",
            )
        ).value
    return db, case.number


def test_generate_writes_the_case_document(
    desk: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, number = desk
    out = tmp_path / "out" / "申请书.pdf"
    code = main(
        [
            "--db",
            str(db),
            "doc",
            "generate",
            "--case",
            number,
            "--template",
            "arbitration_application",
            "--format",
            "pdf",
            "--out",
            str(out),
            "--set",
            "commission=南昌市劳动人事争议仲裁委员会",
        ]
    )
    assert code == 0
    text = pdf_flat(out)
    assert "张伟" in text and "110101199003074514" in text
    assert "肆佰叁拾玖万壹仟壹佰元整" in text
    assert "南昌市劳动人事争议仲裁委员会" in text
    assert str(out) in capsys.readouterr().out
    with Collection(db) as col:
        docs = col.cases.detail(col.cases.by_number(number).id).documents
    assert [(d.kind, d.template_id, d.file_format) for d in docs] == [
        ("generated", "arbitration_application", "pdf")
    ]
    from legalaid.services.documents import sha256_file

    assert docs[0].sha256 == sha256_file(out)


def test_generate_lists_missing_fields(
    desk: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, number = desk
    out = tmp_path / "m.docx"
    code = main(
        [
            "--db",
            str(db),
            "doc",
            "generate",
            "--case",
            number,
            "--template",
            "mediation_agreement",
            "--format",
            "docx",
            "--out",
            str(out),
        ]
    )
    assert code == 1
    err = capsys.readouterr().err
    assert "mediation.amount" in err and "mediation.deadline" in err
    assert not out.exists()


def test_batch_generates_the_usual_set(desk: tuple[Path, str], tmp_path: Path) -> None:
    db, number = desk
    folder = tmp_path / "batch"
    assert main(["--db", str(db), "doc", "batch", "--case", number, "--out", str(folder)]) == 0
    batch = TemplateCatalogue().batch()
    files = sorted(folder.iterdir())
    assert len(files) == 2 * len(batch)
    docx_files = [f for f in files if f.suffix == ".docx"]
    assert all("张伟" in docx_text(f) for f in docx_files)


def test_fonts_chosen_in_settings_name_the_docx_fonts(
    desk: tuple[Path, str], tmp_path: Path
) -> None:
    db, number = desk
    with Collection(db) as col:
        col.admin.set_setting("doc_font_body", "FangSong")
    out = tmp_path / "n.docx"
    assert (
        main(
            [
                "--db",
                str(db),
                "doc",
                "generate",
                "--case",
                number,
                "--template",
                "acceptance_notice",
                "--format",
                "docx",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    import zipfile

    xml = (
        zipfile.ZipFile(out).read("word/document.xml").decode()
        + zipfile.ZipFile(out).read("word/styles.xml").decode()
    )
    assert 'w:eastAsia="FangSong"' in xml
