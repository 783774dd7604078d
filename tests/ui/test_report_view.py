"""The 统计 page: period and office choice, preview in the background, exports."""

from __future__ import annotations

import json
import shutil
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from desk_helpers import wait_idle
from PySide6.QtCore import QCoreApplication, QDate, QSettings
from PySide6.QtWidgets import QFileDialog, QTableView

from legalaid.reports import Period
from legalaid.reports.model import Summary
from legalaid.rules.money import format_yuan
from ui.app import choose_actor, open_context
from ui.context import AppContext
from ui.pages.report_tables import TableModel
from ui.pages.report_view import ReportView, last_month

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
TODAY = date(2026, 11, 20)


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small reproducible history: eleven offices, 40 cases with money recovered."""
    from legalaid.demo import generate

    path = tmp_path_factory.mktemp("reports") / "demo.sqlite3"
    generate(path, cases=40, seed=1, mode="bulk", today=TODAY)
    return path


@pytest.fixture
def demo_ctx(tmp_path: Path, demo_db: Path, settings: QSettings) -> Iterator[AppContext]:
    path = tmp_path / "demo.sqlite3"
    shutil.copy(demo_db, path)
    ctx = open_context(path, settings, "zh", today=lambda: TODAY)
    choose_actor(ctx)
    yield ctx
    ctx.tasks.shutdown()


def on_worker(qtbot: Any, ctx: AppContext, fn: Callable[[Any], Any]) -> Any:
    """Run ``fn(col)`` on the database thread and return its result."""
    box: list[Any] = []
    ctx.query(None, fn).success(box.append).run_in_background()
    qtbot.waitUntil(lambda: bool(box), timeout=20000)
    return box[0]


def make_view(qtbot: Any, ctx: AppContext) -> ReportView:
    view = ReportView(ctx)
    qtbot.addWidget(view)
    view.resize(1366, 700)
    return view


def preview(qtbot: Any, view: ReportView) -> Summary:
    with qtbot.waitSignal(view.previewed, timeout=20000) as blocker:
        view.preview_button.click()
    sm = blocker.args[0]
    assert isinstance(sm, Summary)
    return sm


def choose_year(view: ReportView, year: int) -> None:
    view.kind.setCurrentIndex(view.kind.findData("year"))
    view.year.setValue(year)


def test_defaults_to_last_month_and_all_offices(qtbot: Any, demo_ctx: AppContext) -> None:
    view = make_view(qtbot, demo_ctx)
    assert last_month(date(2026, 1, 15)) == (2025, 12)
    assert view.period() == Period.month(2026, 10)
    assert view.office_id() is None
    assert view.office.count() == len(demo_ctx.offices) + 1 == 12
    assert view.office.itemText(0) == "全部单位"
    assert view.preview_button.text() == "预览"
    assert [b.text() for b in view.export_buttons.values()] == [
        "PDF",
        "Word",
        "Excel",
        "CSV",
        "JSON",
    ]
    view.kind.setCurrentIndex(view.kind.findData("range"))
    view.start.setDate(QDate(2026, 3, 1))
    view.end.setDate(QDate(2026, 5, 31))
    assert view.period() == Period.between(date(2026, 3, 1), date(2026, 5, 31))


def test_preview_shows_the_headline_figures_of_the_core(qtbot: Any, demo_ctx: AppContext) -> None:
    view = make_view(qtbot, demo_ctx)
    choose_year(view, 2026)
    shown = preview(qtbot, view)
    expected: Summary = on_worker(
        qtbot, demo_ctx, lambda col: col.reports.summary(Period.year(2026), office_id=None)
    )
    h = expected.headline
    assert shown.headline == h
    assert h.cases_accepted > 0 and h.economic_loss_recovered_fen > 0  # a real test
    texts = {k: label.text() for k, label in view.figures.items()}
    assert texts == {
        "consultations": f"{h.consultations:,}",
        "cases_accepted": f"{h.cases_accepted:,}",
        "cases_closed": f"{h.cases_closed:,}",
        "workers_benefited": f"{h.workers_benefited:,}",
        "economic_loss": format_yuan(h.economic_loss_recovered_fen),
        "wage_arrears": format_yuan(h.wage_arrears_recovered_fen),
    }
    assert texts["economic_loss"].startswith("¥") and "." in texts["economic_loss"]
    assert "2026年度" in view.title.text()
    # Every table is a tab; the dispute-type table carries the core's rows.
    tabs = [view.tabs.tabText(i) for i in range(view.tabs.count())]
    assert "按争议类型" in tabs and "各单位情况" in tabs and len(tabs) == 13
    table = view.tabs.widget(tabs.index("按争议类型"))
    assert isinstance(table, QTableView)
    model = table.model()
    assert model.rowCount() == len(expected.cases_by_dispute_type)
    accepted = sum(int(model.index(r, 1).data()) for r in range(model.rowCount()))
    assert accepted == h.cases_accepted
    assert model.headerData(3, table.horizontalHeader().orientation()) == "期末在办"


def test_another_preview_refills_the_same_tables(qtbot: Any, demo_ctx: AppContext) -> None:
    view = make_view(qtbot, demo_ctx)
    view.show()
    choose_year(view, 2026)
    preview(qtbot, view)
    view.tabs.setCurrentIndex(4)
    views = [view.tabs.widget(i) for i in range(view.tabs.count())]
    first = views[2].model()
    district = next(o for o in demo_ctx.offices if o.parent_id is not None)
    view.office.setCurrentIndex(view.office.findData(district.id))
    shown = preview(qtbot, view)
    # The views stay (only the one in sight is laid out again) with the new figures.
    assert [view.tabs.widget(i) for i in range(view.tabs.count())] == views
    assert view.tabs.currentIndex() == 4
    model = views[2].model()
    assert model is not first and model.rowCount() == len(shown.cases_by_dispute_type)
    accepted = sum(int(model.index(r, 1).data()) for r in range(model.rowCount()))
    assert accepted == shown.headline.cases_accepted
    assert views[2].selectionModel().model() is model


def test_preview_of_one_office(qtbot: Any, demo_ctx: AppContext) -> None:
    view = make_view(qtbot, demo_ctx)
    choose_year(view, 2026)
    district = next(o for o in demo_ctx.offices if o.parent_id is not None)
    view.office.setCurrentIndex(view.office.findData(district.id))
    shown = preview(qtbot, view)
    expected = on_worker(
        qtbot, demo_ctx, lambda col: col.reports.summary(Period.year(2026), office_id=district.id)
    )
    everyone = on_worker(qtbot, demo_ctx, lambda col: col.reports.summary(Period.year(2026)))
    assert shown.headline == expected.headline
    assert shown.office_name == district.name
    assert expected.headline.consultations < everyone.headline.consultations
    assert view.figures["consultations"].text() == f"{expected.headline.consultations:,}"


def test_every_table_model_passes_the_model_tester(
    qtbot: Any, qtmodeltester: Any, demo_ctx: AppContext
) -> None:
    view = make_view(qtbot, demo_ctx)
    choose_year(view, 2026)
    sm = preview(qtbot, view)
    for _name, model in view.table_models(sm):
        qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(TableModel(["a"], []), force_py=True)


def _export(qtbot: Any, view: ReportView, monkeypatch: Any, fmt: str, target: Path) -> Path:
    asked: list[str] = []

    def fake_dialog(*args: Any, **kwargs: Any) -> tuple[str, str]:
        asked.append(args[3])
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_dialog))
    with qtbot.waitSignal(view.exported, timeout=60000) as blocker:
        view.export_buttons[fmt].click()
    assert asked and f"*.{fmt}" in asked[0]
    assert not view.progress.isVisible() and view.preview_button.isEnabled()
    return Path(blocker.args[0])


def test_export_json_without_preview(
    qtbot: Any, demo_ctx: AppContext, monkeypatch: Any, tmp_path: Path
) -> None:
    view = make_view(qtbot, demo_ctx)
    choose_year(view, 2026)
    out = _export(qtbot, view, monkeypatch, "json", tmp_path / "统计-2026")
    assert out == tmp_path / "统计-2026.json"  # the suffix is added
    data = json.loads(out.read_text(encoding="utf-8"))
    expected = on_worker(qtbot, demo_ctx, lambda col: col.reports.summary(Period.year(2026)))
    h = expected.headline
    assert data["period"]["from"] == "2026-01-01" and data["period"]["to"] == "2026-12-31"
    assert data["cases_accepted"] == h.cases_accepted
    assert data["consultations"] == h.consultations
    assert data["economic_loss_recovered"] == f"{h.economic_loss_recovered_fen / 100:.2f}"
    assert "已保存到" in view.status.text()


def test_export_xlsx_after_preview_with_progress(
    qtbot: Any, demo_ctx: AppContext, monkeypatch: Any, tmp_path: Path
) -> None:
    view = make_view(qtbot, demo_ctx)
    choose_year(view, 2026)
    sm = preview(qtbot, view)
    started: list[str] = []
    demo_ctx.progress_started.connect(lambda _id, label, _c: started.append(label))
    out = _export(qtbot, view, monkeypatch, "xlsx", tmp_path / "report.xlsx")
    assert started == ["正在导出统计报表"]
    book = openpyxl.load_workbook(out)
    assert "说明" in book.sheetnames and len(book.sheetnames) > 5
    cells = [str(c) for row in book["说明"].iter_rows(values_only=True) for c in row if c]
    assert any(sm.period.label in c for c in cells)
    wait_idle(qtbot, demo_ctx)


def test_inverted_range_is_refused_before_any_work(
    qtbot: Any, demo_ctx: AppContext, monkeypatch: Any
) -> None:
    shown: list[BaseException] = []
    monkeypatch.setattr("ui.errors.show_error", lambda _parent, exc, _lang: shown.append(exc))
    view = make_view(qtbot, demo_ctx)
    view.kind.setCurrentIndex(view.kind.findData("range"))
    view.start.setDate(QDate(2026, 5, 1))
    view.end.setDate(QDate(2026, 4, 1))
    view.preview_button.click()
    assert len(shown) == 1 and view.summary is None and view.preview_button.isEnabled()


def test_reports_page_of_the_main_window_holds_the_view(qtbot: Any, ctx: AppContext) -> None:
    from ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert isinstance(window.reports.content, ReportView)
    wait_idle(qtbot, ctx)


# -- translations of the page ------------------------------------------------------------


def _update_module() -> Any:
    sys.path.insert(0, str(TRANSLATIONS))
    try:
        import update  # type: ignore[import-not-found]
    finally:
        sys.path.remove(str(TRANSLATIONS))
    return update


def test_reports_translations_are_complete_and_current(tmp_path: Path) -> None:
    update = _update_module()
    ts = TRANSLATIONS / "legalaid_reports_zh_CN.ts"
    assert ts == update.REPORTS_TS
    copy = tmp_path / ts.name
    shutil.copy(ts, copy)
    update.lupdate(copy, update.report_sources())
    assert copy.read_bytes() == ts.read_bytes(), "run resources/translations/update.py"
    bad = [
        m.findtext("source")
        for m in ET.parse(ts).getroot().iter("message")
        if (t := m.find("translation")) is None or t.get("type") or not (t.text or "").strip()
    ]
    assert bad == []
    assert "ui/pages/report_view.py" not in update.sources()
    qm = tmp_path / "out.qm"
    update.lrelease(ts, qm)
    assert qm.read_bytes() == ts.with_suffix(".qm").read_bytes()
    assert QCoreApplication.translate("ReportView", "Preview") == "预览"
