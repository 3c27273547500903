#include "data_page.h"

#include "items/table_browser_model.h"
#include "items/table_stats_model.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace cwb::ui {

DataPage::DataPage(QWidget* parent) : QWidget(parent)
{
    stats_ = new model::TableStatsModel(this);
    sortedStats_ = new QSortFilterProxyModel(this);
    sortedStats_->setSourceModel(stats_);
    sortedStats_->setSortRole(Qt::UserRole);
    tables_ = new QTableView(this);
    tables_->setModel(sortedStats_);
    tables_->setSortingEnabled(true);
    tables_->sortByColumn(-1, Qt::AscendingOrder);
    tables_->setSelectionBehavior(QAbstractItemView::SelectRows);
    tables_->setSelectionMode(QAbstractItemView::SingleSelection);
    tables_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    tables_->verticalHeader()->hide();
    tables_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    tables_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    tables_->setAlternatingRowColors(true);
    tables_->hideColumn(model::TableStatsModel::Contents);   // said above the rows of the chosen table

    browser_ = new model::TableBrowserModel(this);
    title_ = new QLabel(this);
    QFont bold = title_->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.2);
    title_->setFont(bold);
    info_ = new QLabel(this);
    info_->setWordWrap(true);
    info_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    filterColumn_ = new QComboBox(this);
    filterColumn_->setToolTip(tr("The column to filter on"));
    filterText_ = new QLineEdit(this);
    filterText_->setPlaceholderText(tr("Contains\u2026"));
    filterText_->setClearButtonEnabled(true);
    filterText_->setToolTip(tr("Show only the rows whose chosen column contains this text"));
    filterDelay_ = new QTimer(this);
    filterDelay_->setSingleShot(true);
    filterDelay_->setInterval(300);   // filter once the user pauses typing
    busy_ = new QProgressBar(this);
    busy_->setRange(0, 0);
    busy_->setMaximumWidth(140);
    busy_->setTextVisible(false);
    busy_->hide();
    cancel_ = new QPushButton(tr("Cancel"), this);
    cancel_->hide();

    rows_ = new QTableView(this);
    rows_->setModel(browser_);
    rows_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    rows_->setAlternatingRowColors(true);
    rows_->setSelectionBehavior(QAbstractItemView::SelectRows);
    rows_->horizontalHeader()->setSortIndicatorShown(true);
    rows_->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    rows_->horizontalHeader()->setSectionsClickable(true);
    rows_->verticalHeader()->setDefaultSectionSize(rows_->fontMetrics().height() + 6);
    rows_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);   // no per-row measuring of millions of rows
    rows_->verticalHeader()->setDefaultAlignment(Qt::AlignRight | Qt::AlignVCenter);
    rows_->setWordWrap(false);

    auto* filterRow = new QHBoxLayout;
    filterRow->addWidget(new QLabel(tr("Filter:"), this));
    filterRow->addWidget(filterColumn_);
    filterRow->addWidget(filterText_, 1);
    filterRow->addWidget(busy_);
    filterRow->addWidget(cancel_);

    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(title_);
    rightLayout->addWidget(info_);
    rightLayout->addLayout(filterRow);
    rightLayout->addWidget(rows_, 1);

    split_ = new QSplitter(Qt::Horizontal, this);
    QSplitter* split = split_;
    split->addWidget(tables_);
    split->addWidget(right);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    split->setSizes({280, 720});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);

    connect(tables_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& current) {
        if (!current.isValid()) return;
        const QModelIndex source = sortedStats_->mapToSource(current);
        showTable(stats_->tableAt(source.row()));
    });
    // A header click flips its sort indicator; the rows are sorted in SQL, off the GUI thread.
    connect(rows_->horizontalHeader(), &QHeaderView::sortIndicatorChanged, browser_, &model::TableBrowserModel::sort);
    connect(filterText_, &QLineEdit::textChanged, filterDelay_, qOverload<>(&QTimer::start));
    connect(filterDelay_, &QTimer::timeout, this, &DataPage::applyFilter);
    connect(filterColumn_, &QComboBox::currentIndexChanged, this, [this] {
        if (!filterText_->text().isEmpty()) applyFilter();
    });
    connect(cancel_, &QPushButton::clicked, browser_, &model::TableBrowserModel::cancel);
    connect(browser_, &model::TableBrowserModel::busyChanged, this, &DataPage::showBusy);
    connect(browser_, &model::TableBrowserModel::ordered, this, &DataPage::describeRows);
    connect(browser_, &model::TableBrowserModel::failed, this, [this](const QString& message) { info_->setText(tr("Could not read the table: %1").arg(message)); });
    connect(browser_, &model::TableBrowserModel::stopped, this, [this] { info_->setText(tr("Stopped. The rows shown are all that was read.")); });
}

void DataPage::setWorkspace(const QString& path, const QList<model::TableCount>& counts)
{
    path_ = path;
    stats_->setCounts(counts);
    // The list as wide as its names and counts; the rows get the rest.
    const int listWidth = tables_->horizontalHeader()->length() + 2 * tables_->frameWidth() + 4;
    split_->setSizes({listWidth, std::max(400, width() - listWidth)});
    // The customers first: the table most people look at.
    QString first;
    for (const model::TableCount& c : counts)
        if (c.table == QLatin1String("users") || (first.isEmpty() && c.rows > 0)) first = c.table;
    if (first.isEmpty() && !counts.isEmpty()) first = counts.first().table;
    for (int r = 0; r < sortedStats_->rowCount(); ++r) {
        if (stats_->tableAt(sortedStats_->mapToSource(sortedStats_->index(r, 0)).row()) == first) {
            tables_->setCurrentIndex(sortedStats_->index(r, 0));   // shows it
            return;
        }
    }
    browser_->close();
}

void DataPage::showTable(const QString& table)
{
    if (path_.isEmpty() || (table == browser_->table() && browser_->columnCount() > 0)) return;
    filterDelay_->stop();
    const QSignalBlocker quietText(filterText_);
    const QSignalBlocker quietColumn(filterColumn_);
    filterText_->clear();
    {
        const QSignalBlocker quietHeader(rows_->horizontalHeader());
        rows_->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    }
    title_->setText(model::TableStatsModel::displayName(table));
    info_->setText(model::TableStatsModel::describeTable(table));
    if (!browser_->open(path_, table)) return;
    filterColumn_->clear();
    filterColumn_->addItems(browser_->columnNames());
    rows_->resizeColumnsToContents();   // from the first page: the rows in view
    describeRows();
}

void DataPage::applyFilter()
{
    browser_->setFilter(filterColumn_->currentIndex(), filterText_->text());
}

void DataPage::showBusy(bool busy)
{
    busy_->setVisible(busy);
    cancel_->setVisible(busy);
    if (busy) info_->setText(tr("Counting and ordering the rows\u2026"));
}

void DataPage::describeRows()
{
    const qint64 total = browser_->totalRows();
    if (total < 0) return;
    const QLocale locale;
    const qint64 all = stats_->rows(browser_->table());
    QString text = browser_->filterColumn() >= 0
                       ? tr("%1 of %2 rows contain \"%3\" in %4.")
                             .arg(locale.toString(total), locale.toString(all), filterText_->text(), browser_->columnNames().value(browser_->filterColumn()))
                       : tr("%1 rows.").arg(locale.toString(total));
    if (browser_->sortColumn() >= 0) text += QLatin1Char(' ') + tr("Sorted by %1.").arg(browser_->columnNames().value(browser_->sortColumn()));
    info_->setText(tr("%1 \u2014 %2").arg(model::TableStatsModel::describeTable(browser_->table()), text));
}

} // namespace cwb::ui
