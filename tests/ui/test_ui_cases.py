"""The case list over a few thousand cases: lazy pages, filters, search, sort, columns,
export, remembered layout."""

from __future__ import annotations

from pathlib import Path

from desk_helpers import type_text, wait_idle
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from legalaid import dto
from ui.models.case_table import CASE_ID_ROLE, COLUMNS, MAX_CACHED_PAGES, PAGE_SIZE
from ui.pages.cases import CasesPage


def _page(qtbot, ctx) -> CasesPage:
    page = CasesPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    wait_idle(qtbot, ctx)
    return page


def _col(key: str) -> int:
    return next(i for i, c in enumerate(COLUMNS) if c.key == key)


def test_model_holds_count_and_only_the_pages_it_was_asked_for(qtbot, big_ctx, qtmodeltester):
    page = _page(qtbot, big_ctx)
    model = page.model
    assert model.rowCount() == 3001
    assert page.count_label.text() == "共 3001 件案件"
    assert model.loaded_rows() <= 3 * PAGE_SIZE  # first page and what the view showed
    # Scrolling to the end fetches the last page only.
    page.view.scrollToBottom()
    qtbot.waitUntil(lambda: model.data(model.index(3000, 0)) is not None, timeout=10000)
    assert model.data(model.index(3000, _col("number"))).startswith("洪工援")
    assert model.loaded_rows() <= 5 * PAGE_SIZE
    assert max(model.cached_pages()) == 3000 // PAGE_SIZE
    qtmodeltester.check(model)  # touches every row: the cache stays bounded
    wait_idle(qtbot, big_ctx, 60000)
    assert len(model.cached_pages()) <= MAX_CACHED_PAGES


def test_filters_and_search(qtbot, big_ctx, qtmodeltester) -> None:
    page = _page(qtbot, big_ctx)
    model = page.model
    bar = page.filters
    with qtbot.waitSignal(model.query_loaded, timeout=5000):
        bar.status.setCurrentIndex(bar.status.findData("closed"))
    closed = model.rowCount()
    assert 0 < closed < 3001
    statuses = {model.data(model.index(r, _col("status"))) for r in range(min(closed, 50))}
    assert statuses == {"已结案"}
    with qtbot.waitSignal(model.query_loaded, timeout=5000):
        bar.dispute.set_code("work_injury")
    assert model.rowCount() < closed
    assert model.filter.statuses == ("closed",) and model.filter.dispute_types == ("work_injury",)
    qtmodeltester.check(model)

    with qtbot.waitSignal(model.query_loaded, timeout=5000):
        bar.reset()
    assert model.rowCount() == 3001
    # Search as you type: one query after the pause, not one per key.
    with qtbot.waitSignal(model.query_loaded, timeout=5000):
        type_text(qtbot, bar.search, "张伟")
    assert model.filter.text == "张伟"
    titles = [model.data(model.index(r, _col("title"))) for r in range(model.rowCount())]
    assert "张伟追索劳动报酬案" in titles
    assert model.rowCount() < 3001


def test_overdue_and_staff_filters(qtbot, big_ctx) -> None:
    page = _page(qtbot, big_ctx)
    model, bar = page.model, page.filters
    with qtbot.waitSignal(model.query_loaded, timeout=5000):
        bar.overdue.setChecked(True)
    overdue = model.rowCount()
    assert 0 < overdue < 3001
    qtbot.waitUntil(lambda: model.data(model.index(0, 0)) is not None)
    brush = model.data(model.index(0, 0), Qt.ItemDataRole.ForegroundRole)
    assert brush is not None and brush.color().name() == "#c62828"
    with qtbot.waitSignal(model.query_loaded, timeout=5000):
        bar.overdue.setChecked(False)
    admin = big_ctx.actor.id
    with qtbot.waitSignal(model.query_loaded, timeout=5000):
        bar.staff.setCurrentIndex(bar.staff.findData(admin))
    assert 900 < model.rowCount() < 1100  # every third case and the base case


def test_sorting_by_a_column_and_refusing_unsortable_ones(qtbot, big_ctx) -> None:
    page = _page(qtbot, big_ctx)
    model = page.model
    with qtbot.waitSignal(model.query_loaded, timeout=5000):
        page.view.sortByColumn(_col("claimed"), Qt.SortOrder.DescendingOrder)
    assert model.sort_order == dto.Sort("amount_claimed_fen", True)
    amounts = [model.row_at(r).amount_claimed_fen for r in range(20)]
    assert amounts == sorted(amounts, reverse=True)
    page.view.sortByColumn(_col("applicant"), Qt.SortOrder.AscendingOrder)
    qtbot.wait(50)
    assert model.sort_order == dto.Sort("amount_claimed_fen", True)
    assert page.view.horizontalHeader().sortIndicatorSection() == _col("claimed")


def test_column_chooser_export_and_remembered_layout(qtbot, big_ctx, tmp_path: Path) -> None:
    page = _page(qtbot, big_ctx)
    model = page.model
    page._fill_columns_menu()
    actions = page.columns_menu.actions()
    assert len(actions) == len(COLUMNS)
    office_action = actions[_col("office")]
    assert not office_action.isChecked()
    office_action.setChecked(True)
    assert not page.view.horizontalHeader().isSectionHidden(_col("office"))
    actions[_col("source")].setChecked(False)
    assert "source" not in page.visible_column_keys()
    with qtbot.waitSignal(model.query_loaded, timeout=5000):
        page.filters.status.setCurrentIndex(page.filters.status.findData("closed"))
    closed = model.rowCount()

    out = tmp_path / "cases.xlsx"
    with qtbot.waitSignal(page.exported, timeout=60000):
        page.export_to(out)
    wb = load_workbook(out, read_only=True)
    rows = list(wb.active.iter_rows(values_only=True))
    assert rows[0][: len(page.visible_column_keys())] == tuple(
        model.headerData(i, Qt.Orientation.Horizontal)
        for i in sorted(range(len(COLUMNS)), key=page.view.horizontalHeader().visualIndex)
        if not page.view.horizontalHeader().isSectionHidden(i)
    )
    assert "来源" not in rows[0] and "办理单位" in rows[0]
    assert len(rows) == closed + 1
    assert {r[rows[0].index("状态")] for r in rows[1:]} == {"已结案"}

    page.save_state()
    again = _page(qtbot, big_ctx)
    assert again.filters.status.currentData() == "closed"
    assert again.model.filter.statuses == ("closed",)
    assert not again.view.horizontalHeader().isSectionHidden(_col("office"))
    assert again.view.horizontalHeader().isSectionHidden(_col("source"))


def test_export_can_be_cancelled_and_leaves_no_file(qtbot, big_ctx, tmp_path: Path) -> None:
    page = _page(qtbot, big_ctx)
    out = tmp_path / "cancelled.xlsx"
    started = []
    big_ctx.progress_started.connect(lambda task_id, *_: started.append(task_id))
    page.export_to(out)
    assert started
    big_ctx.tasks.cancel(started[0])
    wait_idle(qtbot, big_ctx, 60000)
    assert not out.exists() and not out.with_name(out.name + ".part").exists()
    assert page.export_button.isEnabled()


def test_a_change_refreshes_rows_without_reset(qtbot, big_ctx) -> None:
    page = _page(qtbot, big_ctx)
    model = page.model
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    inserted: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _p, a, b: inserted.append((a, b)))
    case_id = model.data(model.index(0, 0), CASE_ID_ROLE)
    assert case_id
    from legalaid.inputs import ApplicantInput, CaseInput, PersonInput

    data = CaseInput(
        title="新增案件",
        dispute_type="overtime",
        source="walk_in",
        received_on=big_ctx.today(),
        applicants=[ApplicantInput(person=PersonInput(name="钱多"))],
    )
    big_ctx.op(page, lambda col: col.cases.create(data)).run_in_background()
    qtbot.waitUntil(lambda: model.rowCount() == 3002, timeout=10000)
    wait_idle(qtbot, big_ctx)
    assert resets == [] and inserted == [(3001, 3001)]
    titles = [model.data(model.index(r, _col("title"))) for r in range(5)]
    assert "新增案件" in titles  # newest first: the visible page was fetched again
