"""统计 — choose a period and an office, preview the summary (headline figures and every
table), export it as PDF / Word / Excel / CSV / JSON. Everything runs on the database
thread through ``col.reports``; strings are translated in legalaid_reports_zh_CN.ts."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any, cast

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from legalaid.errors import ValidationError
from legalaid.reports.model import CaseBreakdown, Count, Summary
from legalaid.reports.periods import Period
from ui.context import AppContext
from ui.format import money
from ui.pages.report_tables import TableModel
from ui.tasks import CancelToken

# (format, button text is set in _build, file-dialog filter suffix)
FORMATS = ("pdf", "docx", "xlsx", "csv", "json")
FIT_ROWS = 50  # rows measured to size a table's columns


def last_month(today: date) -> tuple[int, int]:
    """The calendar month before ``today``'s (the default report)."""
    first = today.replace(day=1) - timedelta(days=1)
    return first.year, first.month


def _day(d: QDate) -> date:
    return date(d.year(), d.month(), d.day())


def _rate(value: Decimal | None) -> str:
    return "—" if value is None else f"{value}%"


class ReportView(QWidget):
    """The reports page's content.

    Signals:
        previewed(object): a Summary is shown.
        exported(object): the Path of a file just written.
    """

    previewed = Signal(object)
    exported = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("reportView")
        self.summary: Summary | None = None
        self._summary_key: tuple[Period, str | None] | None = None
        self._task: CancelToken | None = None
        self._build()
        self._fill_offices()
        ctx.reference_changed.connect(self._fill_offices)
        ctx.tasks.progressed.connect(self._progressed)

    # -- layout -------------------------------------------------------------------------

    def _build(self) -> None:
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 8, 8)

        choose = QHBoxLayout()
        self.kind = QComboBox()
        self.kind.setObjectName("periodKind")
        self.kind.addItem(self.tr("Month"), "month")
        self.kind.addItem(self.tr("Year"), "year")
        self.kind.addItem(self.tr("Date range"), "range")
        choose.addWidget(QLabel(self.tr("Period")))
        choose.addWidget(self.kind)

        today = self.ctx.today()
        year, month = last_month(today)
        self.stack = QStackedWidget()
        self.month = QDateEdit(QDate(year, month, 1))
        self.month.setObjectName("periodMonth")
        self.month.setDisplayFormat("yyyy-MM")
        self.year = QSpinBox()
        self.year.setObjectName("periodYear")
        self.year.setRange(2000, 2100)
        self.year.setValue(year)
        span = QWidget()
        span_lay = QHBoxLayout(span)
        span_lay.setContentsMargins(0, 0, 0, 0)
        start = date(year, month, 1)
        self.start = QDateEdit(QDate(start.year, start.month, start.day))
        self.start.setObjectName("periodStart")
        self.end = QDateEdit(QDate(today.year, today.month, 1).addDays(-1))
        self.end.setObjectName("periodEnd")
        for edit in (self.start, self.end):
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setCalendarPopup(True)
        span_lay.addWidget(self.start)
        span_lay.addWidget(QLabel(self.tr("to")))
        span_lay.addWidget(self.end)
        for page in (self.month, self.year, span):
            self.stack.addWidget(page)
        self.kind.currentIndexChanged.connect(self.stack.setCurrentIndex)
        choose.addWidget(self.stack)

        choose.addSpacing(16)
        choose.addWidget(QLabel(self.tr("Office")))
        self.office = QComboBox()
        self.office.setObjectName("reportOffice")
        self.office.setMinimumWidth(220)
        choose.addWidget(self.office)

        self.preview_button = QPushButton(self.tr("Preview"))
        self.preview_button.setObjectName("previewButton")
        self.preview_button.setDefault(True)
        self.preview_button.clicked.connect(self.preview)
        choose.addWidget(self.preview_button)
        choose.addStretch(1)
        lay.addLayout(choose)

        exports = QHBoxLayout()
        exports.addWidget(QLabel(self.tr("Export")))
        texts = {
            "pdf": self.tr("PDF"),
            "docx": self.tr("Word"),
            "xlsx": self.tr("Excel"),
            "csv": self.tr("CSV"),
            "json": self.tr("JSON"),
        }
        self.export_buttons: dict[str, QPushButton] = {}
        for fmt in FORMATS:
            button = QPushButton(texts[fmt])
            button.setObjectName(f"export_{fmt}")
            button.clicked.connect(lambda _=False, f=fmt: self.ask_export(f))
            exports.addWidget(button)
            self.export_buttons[fmt] = button
        self.progress = QProgressBar()
        self.progress.setObjectName("reportProgress")
        self.progress.setMaximumWidth(260)
        self.progress.hide()
        exports.addWidget(self.progress)
        self.status = QLabel()
        self.status.setObjectName("reportStatus")
        self.status.setStyleSheet("color: #555;")
        exports.addWidget(self.status, 1)
        lay.addLayout(exports)

        self.title = QLabel()
        self.title.setObjectName("reportTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        lay.addWidget(self.title)

        cards = QGridLayout()
        captions = {
            "consultations": self.tr("Consultations"),
            "cases_accepted": self.tr("Cases accepted"),
            "cases_closed": self.tr("Cases closed"),
            "workers_benefited": self.tr("Workers benefited"),
            "economic_loss": self.tr("Economic loss recovered"),
            "wage_arrears": self.tr("Wage arrears recovered"),
        }
        self.figures: dict[str, QLabel] = {}
        for i, (key, caption) in enumerate(captions.items()):
            card = QFrame()
            card.setFrameShape(QFrame.Shape.StyledPanel)
            card_lay = QVBoxLayout(card)
            card_lay.setContentsMargins(12, 6, 12, 6)
            value = QLabel("—")
            value.setObjectName(f"figure_{key}")
            big = value.font()
            big.setPointSizeF(big.pointSizeF() * 1.6)
            big.setBold(True)
            value.setFont(big)
            note = QLabel(caption)
            note.setStyleSheet("color: #555;")
            card_lay.addWidget(value)
            card_lay.addWidget(note)
            cards.addWidget(card, 0, i)
            self.figures[key] = value
        lay.addLayout(cards)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("reportTables")
        lay.addWidget(self.tabs, 1)

    def _fill_offices(self) -> None:
        current = self.office.currentData()
        self.office.clear()
        self.office.addItem(self.tr("All offices"), None)
        for office in self.ctx.offices:
            self.office.addItem(office.name, office.id)
        at = self.office.findData(current)
        self.office.setCurrentIndex(max(at, 0))

    # -- choices ------------------------------------------------------------------------

    def period(self) -> Period:
        """The chosen period (raises ValidationError for an inverted range)."""
        kind = self.kind.currentData()
        if kind == "month":
            d = self.month.date()
            return Period.month(d.year(), d.month())
        if kind == "year":
            return Period.year(self.year.value())
        return Period.between(_day(self.start.date()), _day(self.end.date()))

    def office_id(self) -> str | None:
        value = self.office.currentData()
        return str(value) if value else None

    # -- preview ------------------------------------------------------------------------

    def _busy(self, busy: bool, label: str = "") -> None:
        self.preview_button.setEnabled(not busy)
        for button in self.export_buttons.values():
            button.setEnabled(not busy)
        self.progress.setVisible(busy)
        self.progress.setRange(0, 0)
        self.progress.setFormat(label + "  %p%")
        if busy:
            self.status.setText(label)

    def _progressed(self, task_id: int, done: int, total: int) -> None:
        if self._task is not None and task_id == self._task.task_id and total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _failed(self, _exc: BaseException) -> bool:
        self._task = None
        self._busy(False)
        self.status.setText("")
        return False  # the standard error display follows

    def preview(self) -> None:
        """Compute the summary of the chosen period and office in the background."""
        try:
            period = self.period()
        except ValidationError as exc:  # an inverted range
            from ui.errors import show_error

            show_error(self.window(), exc, self.ctx.lang)
            return
        office_id = self.office_id()

        def run(col: Any, token: CancelToken) -> Summary:
            def step(done: int, total: int, _what: str) -> None:
                token.check()
                token.progress(done, total)

            sm: Summary = col.reports.summary(period, office_id=office_id, progress=step)
            return sm

        def done(sm: Summary) -> None:
            self._task = None
            self._busy(False)
            self.status.setText("")
            self.show_summary(sm, (period, office_id))

        label = self.tr("Computing the summary")
        self._busy(True, label)
        self._task = (
            self.ctx.query(self, cast(Callable[[Any], Any], run))
            .with_progress(label, cancellable=True)
            .success(done)
            .failure(self._failed)
            .run_in_background()
        )

    def show_summary(self, sm: Summary, key: tuple[Period, str | None]) -> None:
        """Show ``sm``'s headline figures and tables."""
        self.summary = sm
        self._summary_key = key
        self.title.setText(sm.title)  # it names the office and the period
        self.title.setToolTip("、".join(sm.office_names))
        h = sm.headline
        self.figures["consultations"].setText(f"{h.consultations:,}")
        self.figures["cases_accepted"].setText(f"{h.cases_accepted:,}")
        self.figures["cases_closed"].setText(f"{h.cases_closed:,}")
        self.figures["workers_benefited"].setText(f"{h.workers_benefited:,}")
        self.figures["economic_loss"].setText(money(h.economic_loss_recovered_fen))
        self.figures["wage_arrears"].setText(money(h.wage_arrears_recovered_fen))
        tables = self.table_models(sm)
        if self.tabs.count() == len(tables):
            # The same tables again: new models in the views there are, so only the
            # table in sight is laid out now (removing tabs one by one shows each in
            # turn, and a table shown measures its rows to size its columns).
            for i, (name, model) in enumerate(tables):
                view = self.tabs.widget(i)
                assert isinstance(view, QTableView)
                self._set_model(view, model)
                self.tabs.setTabText(i, name)
        else:  # the first summary shown
            current = self.tabs.currentIndex()
            while self.tabs.count():
                page = self.tabs.widget(0)
                self.tabs.removeTab(0)
                if page is not None:
                    page.deleteLater()
            for name, model in tables:
                self.tabs.addTab(self._table(model), name)
            self.tabs.setCurrentIndex(max(0, min(current, self.tabs.count() - 1)))
        self.previewed.emit(sm)

    @staticmethod
    def _set_model(view: QTableView, model: TableModel) -> None:
        old, selection = view.model(), view.selectionModel()
        model.setParent(view)
        view.setModel(model)
        for obj in (selection, old):  # the view keeps neither
            if obj is not None:
                obj.deleteLater()

    def _table(self, model: TableModel) -> QTableView:
        view = QTableView()
        model.setParent(view)
        view.setModel(model)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setAlternatingRowColors(True)
        view.verticalHeader().hide()
        header = view.horizontalHeader()
        # Compact columns, as in the printed report; figures need no full width.
        header.setMinimumSectionSize(96)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Widths from the rows in sight and the first rows: the workload table has a row
        # per staff member (hundreds in a federation), each cell asked of the model.
        header.setResizeContentsPrecision(FIT_ROWS)
        header.setStretchLastSection(False)
        return view

    def table_models(self, sm: Summary) -> list[tuple[str, TableModel]]:
        """One (tab title, model) per table of the summary."""
        n = self.tr("Count")

        def counts(rows: Sequence[Count]) -> TableModel:
            return TableModel([self.tr("Category"), n], [(r.label, r.count) for r in rows], [1])

        def cases(rows: Sequence[CaseBreakdown]) -> TableModel:
            return TableModel(
                [
                    self.tr("Category"),
                    self.tr("Accepted"),
                    self.tr("Closed"),
                    self.tr("Open at end"),
                ],
                [(r.label, r.accepted, r.closed, r.open_at_end) for r in rows],
                [1, 2, 3],
            )

        headline = [
            self.tr("Consultations"),
            self.tr("Cases accepted"),
            self.tr("Cases closed"),
            self.tr("Workers benefited"),
            self.tr("Economic loss recovered"),
            self.tr("Wage arrears recovered"),
        ]

        def figures(x: Any) -> list[Any]:
            return [
                x.consultations,
                x.cases_accepted,
                x.cases_closed,
                x.workers_benefited,
                money(x.economic_loss_recovered_fen),
                money(x.wage_arrears_recovered_fen),
            ]

        w = sm.workers
        out = [
            (self.tr("Consultations by channel"), counts(sm.consultations_by_channel)),
            (self.tr("Consultations by topic"), counts(sm.consultations_by_topic)),
            (self.tr("Cases by dispute type"), cases(sm.cases_by_dispute_type)),
            (self.tr("Cases by source"), cases(sm.cases_by_source)),
            (self.tr("Cases by handling method"), cases(sm.cases_by_handling_method)),
            (self.tr("Closed cases by outcome"), counts(sm.cases_closed_by_outcome)),
            (
                self.tr("Workers"),
                TableModel(
                    [self.tr("Item"), n],
                    [
                        (self.tr("Workers benefited"), w.total),
                        (self.tr("Migrant workers"), w.migrant),
                        (self.tr("New forms of employment"), w.new_employment_form),
                        (self.tr("Workers in hardship"), w.hardship),
                        (self.tr("Union members"), w.union_members),
                        (self.tr("Group cases"), w.group_cases),
                        (self.tr("Workers in group cases"), w.group_case_workers),
                    ]
                    + [(r.label, r.count) for r in w.by_form],
                    [1],
                ),
            ),
            (
                self.tr("Money recovered"),
                TableModel(
                    [self.tr("Kind"), n, self.tr("Amount")],
                    [(r.label, r.count, money(r.amount_fen)) for r in sm.money.by_kind]
                    + [
                        (self.tr("Economic loss recovered"), "", money(sm.money.economic_loss_fen)),
                        (self.tr("Wage arrears recovered"), "", money(sm.money.wage_arrears_fen)),
                    ],
                    [1, 2],
                ),
            ),
            (
                self.tr("Referrals"),
                TableModel(
                    [
                        self.tr("Destination"),
                        self.tr("Sent"),
                        self.tr("Pending"),
                        self.tr("Completed"),
                        self.tr("Returned"),
                    ],
                    [
                        (r.label, r.sent, r.pending, r.completed, r.returned)
                        for r in sm.referrals_by_destination
                    ],
                    [1, 2, 3, 4],
                ),
            ),
            (
                self.tr("Mediations"),
                TableModel(
                    [
                        self.tr("Stage"),
                        self.tr("Started"),
                        self.tr("Agreed"),
                        self.tr("Failed"),
                        self.tr("Withdrawn"),
                        self.tr("Ongoing"),
                        self.tr("Success rate"),
                        self.tr("Agreed amount"),
                    ],
                    [
                        (
                            r.label,
                            r.started,
                            r.agreed,
                            r.failed,
                            r.withdrawn,
                            r.ongoing,
                            _rate(r.success_rate),
                            money(r.agreed_amount_fen),
                        )
                        for r in sm.mediations
                    ],
                    range(1, 8),
                ),
            ),
            (
                self.tr("Workload"),
                TableModel(
                    [
                        self.tr("Staff"),
                        self.tr("Office"),
                        self.tr("Consultations"),
                        self.tr("Accepted"),
                        self.tr("Closed"),
                        self.tr("Open at end"),
                        self.tr("Deadlines missed"),
                    ],
                    [
                        (
                            r.name,
                            r.office,
                            r.consultations,
                            r.cases_accepted,
                            r.cases_closed,
                            r.cases_open_at_end,
                            r.deadlines_missed,
                        )
                        for r in sm.workload
                    ],
                    range(2, 7),
                ),
            ),
            (
                self.tr("Offices"),
                TableModel(
                    [self.tr("Office"), *headline, self.tr("Open at end")],
                    [
                        ("　" * r.depth + r.name, *figures(r.headline), r.cases_open_at_end)
                        for r in sm.by_office
                    ],
                    range(1, 8),
                ),
            ),
            (
                self.tr("Comparison"),
                TableModel(
                    [self.tr("Compared with"), self.tr("Period"), *headline],
                    [(self.tr("This period"), sm.period.label, *figures(sm.headline))]
                    + [(r.label, r.period.label, *figures(r.headline)) for r in sm.comparisons],
                    range(2, 8),
                ),
            ),
        ]
        return out

    # -- export -------------------------------------------------------------------------

    def ask_export(self, fmt: str) -> None:
        """Ask for a file name, then export the chosen period in ``fmt``."""
        filters = {
            "pdf": self.tr("PDF files (*.pdf)"),
            "docx": self.tr("Word documents (*.docx)"),
            "xlsx": self.tr("Excel workbooks (*.xlsx)"),
            "csv": self.tr("CSV files (*.csv)"),
            "json": self.tr("JSON files (*.json)"),
        }
        try:
            slug = self.period().slug
        except ValidationError:  # the export reports the inverted range
            slug = "report"
        suggested = str(Path.home() / f"统计-{slug}.{fmt}")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export summary"), suggested, filters[fmt]
        )
        if not path:
            return
        if not path.lower().endswith(f".{fmt}"):
            path += f".{fmt}"
        self.export(fmt, Path(path))

    def export(self, fmt: str, path: Path) -> None:
        """Write the summary of the chosen period and office to ``path`` in the background
        (reusing the preview when it is of the same choice)."""
        try:
            period = self.period()
        except ValidationError as exc:  # an inverted range
            from ui.errors import show_error

            show_error(self.window(), exc, self.ctx.lang)
            return
        office_id = self.office_id()
        key = (period, office_id)
        ready = self.summary if self._summary_key == key else None

        def run(col: Any, token: CancelToken) -> Path:
            sm = ready
            # Computing takes the first half of the bar when there is no preview.
            share = 1 if sm is None else 0

            def computing(done: int, total: int, _what: str) -> None:
                token.check()
                token.progress(done, total * 2)

            def rendering(done: int, total: int, _what: str) -> None:
                token.check()
                token.progress(share * total + done, total * (1 + share))

            if sm is None:
                sm = col.reports.summary(period, office_id=office_id, progress=computing)
            token.check()
            out: Path = col.reports.export(sm, fmt, path, progress=rendering)
            return out

        def done(out: Path) -> None:
            self._task = None
            self._busy(False)
            self.status.setText(self.tr("Saved to %1").replace("%1", str(out)))
            self.exported.emit(out)

        label = self.tr("Exporting the summary")
        self._busy(True, label)
        self._task = (
            self.ctx.query(self, cast(Callable[[Any], Any], run))
            .with_progress(label, cancellable=True)
            .success(done)
            .failure(self._failed)
            .run_in_background()
        )
