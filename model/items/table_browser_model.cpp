#include "items/table_browser_model.h"

#include "core/text.h"
#include "sql/database.h"
#include "sql/sql_error.h"
#include "sql/statement.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QLocale>
#include <QtConcurrent/QtConcurrentRun>

#include <sqlite3.h>

#include <algorithm>
#include <limits>
#include <mutex>

namespace cwb::model {

namespace {

QString quoted(const QString& name)
{
    QString q = name;
    q.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

// Integer columns holding Unix seconds, shown as dates and times.
bool isTimeColumn(const QString& name)
{
    return name == QLatin1String("ts") || name.endsWith(QLatin1String("_ts")) || name.endsWith(QLatin1String("_at")) ||
           name.endsWith(QLatin1String("_date"));
}

QVariant valueAt(const Statement& st, int column)
{
    switch (sqlite3_column_type(st.handle(), column)) {
    case SQLITE_INTEGER: return QVariant::fromValue<qint64>(st.int64(column));
    case SQLITE_FLOAT: return st.real(column);
    case SQLITE_NULL: return {};
    default: return st.text(column);
    }
}

// A LIKE pattern matching `text` anywhere, with % _ and \ taken literally.
QString containsPattern(const QString& text)
{
    QString p = text;
    p.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
        .replace(QLatin1Char('%'), QLatin1String("\\%"))
        .replace(QLatin1Char('_'), QLatin1String("\\_"));
    return QLatin1Char('%') + p + QLatin1Char('%');
}

} // namespace

// A running ordering: the worker registers its connection so that a newer
// request can interrupt it.
struct TableBrowserModel::Job {
    std::mutex mutex;
    Database* db = nullptr;
    bool cancelled = false;
    void stop()
    {
        std::lock_guard lock(mutex);
        cancelled = true;
        if (db) db->interrupt();
    }
};

TableBrowserModel::TableBrowserModel(QObject* parent) : QAbstractTableModel(parent)
{
    pages_.setMaxCost(kCachedPages);
    // The locale's short date and time, with a four-digit year (7/1/2025 9:40 AM, 2025/7/1 09:40).
    dateFormat_ = QLocale().dateTimeFormat(QLocale::ShortFormat);
    if (!dateFormat_.contains(QLatin1String("yyyy"))) dateFormat_.replace(QLatin1String("yy"), QLatin1String("yyyy"));
    scratchPath_ = scratchDir_.filePath(QStringLiteral("order.sqlite"));
}

TableBrowserModel::~TableBrowserModel()
{
    if (job_) job_->stop();
    for (QFuture<OrderResult>& f : running_) f.waitForFinished();   // an interrupted statement returns at once
}

bool TableBrowserModel::open(const QString& path, const QString& table)
{
    beginResetModel();
    forget();
    path_ = path;
    table_ = table;
    QString error;
    try {
        error = [&]() -> QString {
            if (!scratchDir_.isValid()) return Text::tr("no temporary folder for the table's order: %1").arg(scratchDir_.errorString());
            // The scratch file must exist (in WAL mode) before this read-only
            // connection attaches it.
            {
                Database scratch(scratchPath_, Database::Mode::ReadWriteCreate);
                scratch.exec("PRAGMA journal_mode = WAL");
            }
            db_ = std::make_unique<Database>(path, Database::Mode::ReadOnly);
            db_->exec("PRAGMA busy_timeout = 5000");
            Statement attach = db_->prepare("ATTACH DATABASE ? AS scratch");
            attach.bind(1, scratchPath_);
            attach.run();
            Statement exists = db_->prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
            exists.bind(1, table);
            if (!exists.step()) return Text::tr("the workspace has no table \"%1\"").arg(table);
            Statement info = db_->prepare("SELECT name, type, pk FROM pragma_table_info(?) ORDER BY cid");
            info.bind(1, table);
            std::vector<std::pair<int, QString>> pk;
            while (info.step()) {
                const QString name = info.text(0);
                columns_ << name;
                dateColumns_.push_back(info.text(1).compare(QLatin1String("INTEGER"), Qt::CaseInsensitive) == 0 && isTimeColumn(name));
                if (info.int64(2) > 0) pk.emplace_back(static_cast<int>(info.int64(2)), name);
            }
            Statement withoutRowid = db_->prepare("SELECT sql LIKE '%WITHOUT ROWID%' FROM sqlite_master "
                                                  "WHERE name = ?");
            withoutRowid.bind(1, table);
            if (withoutRowid.step() && withoutRowid.int64(0) != 0) {
                std::sort(pk.begin(), pk.end());
                for (const auto& [at, name] : pk)
                    keys_ << name;
            } else {
                keys_ << QStringLiteral("rowid");
            }
            // The first page at once: the table's first rows by key (an index walk of
            // 256 rows).
            QStringList cols;
            for (const QString& c : columns_)
                cols << quoted(c);
            QStringList keys;
            for (const QString& k : keys_)
                keys << quoted(k);
            Statement first = db_->prepare(QStringLiteral("SELECT %1 FROM main.%2 ORDER BY %3 LIMIT %4")
                                               .arg(cols.join(QLatin1Char(',')), quoted(table), keys.join(QLatin1Char(',')))
                                               .arg(kPageRows)
                                               .toStdString());
            auto* p = new Page;
            while (first.step()) {
                std::vector<QVariant> row;
                row.reserve(static_cast<std::size_t>(columns_.size()));
                for (int c = 0; c < columns_.size(); ++c)
                    row.push_back(valueAt(first, c));
                p->push_back(std::move(row));
            }
            rows_ = static_cast<int>(p->size());
            pages_.insert(0, p);
            return QString();
        }();
    } catch (const SqlError& e) {
        error = QString::fromUtf8(e.what());
    }
    if (!error.isEmpty()) {
        db_.reset();
        columns_.clear();
        pages_.clear();
        rows_ = 0;
    }
    endResetModel();
    if (!error.isEmpty()) {
        Q_EMIT failed(error);
        return false;
    }
    startOrdering();
    return true;
}

void TableBrowserModel::close()
{
    beginResetModel();
    forget();
    endResetModel();
    setBusy(false);
}

// Stops any ordering (its result is dropped) and forgets the table, its
// connection, pages, filter and sort. Inside a model reset.
void TableBrowserModel::forget()
{
    if (job_) job_->stop();
    job_.reset();
    ++generation_;
    pages_.clear();
    db_.reset();
    columns_.clear();
    keys_.clear();
    dateColumns_.clear();
    scratchTable_.clear();
    table_.clear();
    filterColumn_ = sortColumn_ = -1;
    filterText_.clear();
    sortOrder_ = Qt::AscendingOrder;
    rows_ = 0;
    ordered_ = false;
}

void TableBrowserModel::setFilter(int column, const QString& text)
{
    if (!db_) return;
    if (column < 0 || column >= columns_.size() || text.isEmpty()) {
        column = -1;
    }
    const QString t = column < 0 ? QString() : text;
    if (column == filterColumn_ && t == filterText_) return;
    filterColumn_ = column;
    filterText_ = t;
    startOrdering();
}

void TableBrowserModel::sort(int column, Qt::SortOrder order)
{
    if (!db_) return;
    if (column >= columns_.size()) column = -1;
    if (column == sortColumn_ && (column < 0 || order == sortOrder_)) return;
    sortColumn_ = column;
    sortOrder_ = order;
    startOrdering();
}

void TableBrowserModel::cancel()
{
    if (job_) job_->stop();
}

QString TableBrowserModel::orderSql(const QString& into) const
{
    QStringList keyAs, keyCols;
    for (int k = 0; k < keys_.size(); ++k) {
        keyAs << QStringLiteral("%1 AS k%2").arg(quoted(keys_[k])).arg(k);
        keyCols << quoted(keys_[k]);
    }
    QString sql = QStringLiteral("CREATE TABLE main.%1 AS SELECT %2 FROM ws.%3").arg(into, keyAs.join(QLatin1Char(',')), quoted(table_));
    if (filterColumn_ >= 0) sql += QStringLiteral(" WHERE CAST(%1 AS TEXT) LIKE ?1 ESCAPE '\\'").arg(quoted(columns_[filterColumn_]));
    sql += QStringLiteral(" ORDER BY ");
    if (sortColumn_ >= 0)
        sql += quoted(columns_[sortColumn_]) + (sortOrder_ == Qt::DescendingOrder ? QStringLiteral(" DESC, ") : QStringLiteral(" ASC, "));
    sql += keyCols.join(QLatin1Char(','));
    return sql;
}

QString TableBrowserModel::pageSql() const
{
    QStringList cols, on;
    for (const QString& c : columns_)
        cols << QStringLiteral("t.") + quoted(c);
    for (int k = 0; k < keys_.size(); ++k)
        on << QStringLiteral("t.%1 = v.k%2").arg(quoted(keys_[k])).arg(k);
    return QStringLiteral("SELECT %1 FROM scratch.%2 AS v JOIN main.%3 AS t ON "
                          "%4 WHERE v.rowid BETWEEN ?1 AND ?2 ORDER BY v.rowid")
        .arg(cols.join(QLatin1Char(',')), scratchTable_, quoted(table_), on.join(QStringLiteral(" AND ")));
}

void TableBrowserModel::startOrdering()
{
    if (job_) job_->stop();
    const int generation = ++generation_;
    const bool natural = filterColumn_ < 0 && sortColumn_ < 0;
    if (!natural || ordered_) {
        // The old order no longer applies: the view is empty until the new one is
        // in place. (Opening keeps its first page meanwhile.)
        beginResetModel();
        pages_.clear();
        scratchTable_.clear();
        rows_ = 0;
        ordered_ = false;
        endResetModel();
    }
    auto job = std::make_shared<Job>();
    job_ = job;
    setBusy(true);
    const QString into = QStringLiteral("v%1").arg(generation);
    const QString sql = orderSql(into);
    const QString pattern = filterColumn_ >= 0 ? containsPattern(filterText_) : QString();
    const QString scratchPath = scratchPath_, workspacePath = path_;
    auto* watcher = new QFutureWatcher<OrderResult>(this);
    connect(watcher, &QFutureWatcher<OrderResult>::finished, this, [this, watcher, generation, into] {
        watcher->deleteLater();
        finishOrdering(generation, into, watcher->result());
    });
    std::erase_if(running_, [](const QFuture<OrderResult>& f) { return f.isFinished(); });
    const QFuture<OrderResult> future = QtConcurrent::run([job, sql, pattern, scratchPath, workspacePath, into, generation]() -> OrderResult {
        try {
            Database w(scratchPath, Database::Mode::ReadWrite);
            {
                std::lock_guard lock(job->mutex);
                if (job->cancelled) return OrderResult{0, {}, true};
                job->db = &w;
            }
            struct Unregister {
                Job& job;
                ~Unregister()
                {
                    std::lock_guard lock(job.mutex);
                    job.db = nullptr;
                }
            } unregister{*job};
            w.exec("PRAGMA busy_timeout = 5000");
            // Earlier orders are of no use any more (a reader still on one keeps
            // its snapshot). Only earlier ones: a superseded request that has not
            // noticed yet must not drop the order of the request that replaced it.
            // Requests overlap, so another one may have dropped a table since it was
            // listed.
            std::vector<std::string> old;
            Statement list = w.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name GLOB 'v[0-9]*' "
                                       "AND CAST(substr(name, 2) AS INTEGER) < ?");
            list.bind(1, generation);
            while (list.step())
                old.emplace_back(list.textView(0));
            for (const std::string& name : old)
                w.exec("DROP TABLE IF EXISTS main.\"" + name + "\"");
            Statement attach = w.prepare("ATTACH DATABASE ? AS ws");
            attach.bind(1, workspacePath);
            attach.run();
            Statement order = w.prepare(sql.toStdString());
            if (!pattern.isNull()) order.bind(1, pattern);
            order.run();
            const qint64 rows = w.queryInt(QStringLiteral("SELECT count(*) FROM main.%1").arg(into).toStdString());
            std::lock_guard lock(job->mutex);   // asked to stop after all: it stops
            return job->cancelled ? OrderResult{0, {}, true} : OrderResult{rows, {}, false};
        } catch (const SqlError& e) {
            std::lock_guard lock(job->mutex);
            return job->cancelled ? OrderResult{0, {}, true} : OrderResult{0, QString::fromUtf8(e.what()), false};
        }
    });
    running_.push_back(future);
    watcher->setFuture(future);
}

void TableBrowserModel::finishOrdering(int generation, const QString& scratchTable, const OrderResult& result)
{
    if (generation != generation_) return; // superseded: a newer request owns the view
    job_.reset();
    setBusy(false);
    if (result.cancelled) {
        Q_EMIT stopped();
        return;
    }
    if (!result.error.isEmpty()) {
        Q_EMIT failed(result.error);
        return;
    }
    const qint64 rows = result.rows;
    const int total = static_cast<int>(std::min<qint64>(rows, std::numeric_limits<int>::max()));
    scratchTable_ = scratchTable;
    ordered_ = true;
    if (total > rows_) {
        // Opening: the first page stays, the rest of the rows appear after it.
        beginInsertRows({}, rows_, total - 1);
        rows_ = total;
        endInsertRows();
    } else if (total < rows_) {
        beginResetModel();
        pages_.clear();
        rows_ = total;
        endResetModel();
    }
    Q_EMIT ordered(rows);
}

void TableBrowserModel::setBusy(bool busy)
{
    if (busy == busy_) return;
    busy_ = busy;
    Q_EMIT busyChanged(busy);
}

const TableBrowserModel::Page* TableBrowserModel::page(int index) const
{
    if (Page* p = pages_.object(index)) return p;
    if (!db_ || scratchTable_.isEmpty()) return nullptr;
    auto* p = new Page;
    try {
        Statement st = db_->prepare(pageSql().toStdString());
        st.bind(1, qint64(index) * kPageRows + 1).bind(2, qint64(index + 1) * kPageRows);
        while (st.step()) {
            std::vector<QVariant> row;
            row.reserve(static_cast<std::size_t>(columns_.size()));
            for (int c = 0; c < columns_.size(); ++c)
                row.push_back(valueAt(st, c));
            p->push_back(std::move(row));
        }
    } catch (const SqlError& e) {
        // Said once; the page stays empty (cached, so the view does not ask again
        // and again).
        p->clear();
        const QString message = Text::tr("reading rows of %1 failed: %2").arg(table_, QString::fromUtf8(e.what()));
        QMetaObject::invokeMethod(
            const_cast<TableBrowserModel*>(this), [this, message] { Q_EMIT const_cast<TableBrowserModel*>(this)->failed(message); },
            Qt::QueuedConnection);
    }
    pages_.insert(index, p);
    return p;
}

int TableBrowserModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : rows_; }

int TableBrowserModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : static_cast<int>(columns_.size()); }

QVariant TableBrowserModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rows_ || index.column() >= columns_.size()) return {};
    if (role != Qt::DisplayRole && role != Qt::EditRole && role != Qt::TextAlignmentRole && role != Qt::ToolTipRole) return {};
    const Page* p = page(index.row() / kPageRows);
    const auto at = static_cast<std::size_t>(index.row() % kPageRows);
    if (!p || at >= p->size()) return role == Qt::DisplayRole ? QVariant(QStringLiteral("\u2026")) : QVariant();
    const QVariant& v = (*p)[at][static_cast<std::size_t>(index.column())];
    const bool number = v.typeId() == QMetaType::LongLong || v.typeId() == QMetaType::Double;
    switch (role) {
    case Qt::EditRole: return v;
    case Qt::TextAlignmentRole: return number ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case Qt::ToolTipRole: return v.typeId() == QMetaType::QString && v.toString().size() > 60 ? v : QVariant();
    default: break;
    }
    if (v.isNull()) return {};
    const QLocale locale;
    if (v.typeId() == QMetaType::LongLong) {
        if (dateColumns_[static_cast<std::size_t>(index.column())])
            return locale.toString(QDateTime::fromSecsSinceEpoch(v.toLongLong(), Qt::UTC), dateFormat_);
        return v.toLongLong(); // digits as stored: ids and counts read better
                               // without grouping
    }
    if (v.typeId() == QMetaType::Double) return locale.toString(v.toDouble(), 'f', 2);
    return v;
}

QVariant TableBrowserModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole) return {};
    if (orientation == Qt::Vertical) return section + 1;
    if (section < 0 || section >= columns_.size()) return {};
    return columns_[section];
}

} // namespace cwb::model
