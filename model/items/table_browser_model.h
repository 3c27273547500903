#pragma once
// One workspace table, browsable however big it is: a QAbstractTableModel
// that reads the rows a view shows, a page of 256 at a time, and keeps at
// most 64 pages (16,384 rows) in memory.
//
// The order of the rows (by the table's key; or filtered on a column and
// sorted by one) is worked out once, off the GUI thread, by SQLite itself:
// a worker connection writes the keys of the rows, in order, into a table of
// a scratch database beside the workspace (a temporary file, WAL mode), whose
// row numbers are then the view's row numbers. A page is then a join of 256
// consecutive scratch rows with the table on its key: a few index look-ups,
// whatever the size of the table or where the view has scrolled to. The
// workspace itself is only read.
//
// Opening shows the first page at once (the table's first rows by key, read
// on the spot) while the order of the rest is written; the rows then grow to
// the full count. A filter or a sort clears the view until its order is in
// place; a newer request supersedes an older one, which is interrupted and
// whose result is dropped.

#include <QAbstractTableModel>
#include <QCache>
#include <QFuture>
#include <QStringList>
#include <QTemporaryDir>
#include <QVariant>

#include <memory>
#include <vector>

namespace cwb::model {

class Database;

class TableBrowserModel : public QAbstractTableModel {
    Q_OBJECT
public:
    static constexpr int kPageRows = 256;
    static constexpr int kCachedPages = 64;

    explicit TableBrowserModel(QObject* parent = nullptr);
    ~TableBrowserModel() override;

    // Browses `table` of the workspace at `path` (its own read-only connections).
    // On failure the model is empty and failed() says why.
    bool open(const QString& path, const QString& table);
    void close();
    // Only rows whose `column` contains `text` (ASCII letters in either case);
    // column -1 or an empty text: every row.
    void setFilter(int column, const QString& text);
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    // Stops the ordering under way; the view keeps what it shows.
    void cancel();

    QString table() const { return table_; }
    QStringList columnNames() const { return columns_; }
    bool busy() const { return busy_; }
    // The rows of the current view when its order is in place, else -1.
    qint64 totalRows() const { return ordered_ ? rows_ : -1; }
    int filterColumn() const { return filterColumn_; }
    int sortColumn() const { return sortColumn_; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void busyChanged(bool busy);
    // The current view's order is in place: `rows` rows, every one reachable.
    void ordered(qint64 rows);
    void failed(const QString& message);
    // cancel() stopped the ordering: the view keeps what it shows (the first page, or nothing).
    void stopped();

private:
    void forget();
    struct Job;
    struct OrderResult {
        qint64 rows = 0;
        QString error;
        bool cancelled = false;
    };
    using Page = std::vector<std::vector<QVariant>>;
    void startOrdering();
    void finishOrdering(int generation, const QString& scratchTable, const OrderResult& result);
    void setBusy(bool busy);
    const Page* page(int index) const;
    QString orderSql(const QString& into) const;
    QString pageSql() const;

    QTemporaryDir scratchDir_;
    QString path_, scratchPath_, table_;
    QStringList columns_,
        keys_;                      // keys_: "rowid", or the WITHOUT ROWID table's primary key columns
    std::vector<bool> dateColumns_; // integer Unix times shown as dates
    std::unique_ptr<Database> db_;  // the GUI thread's reading connection
    std::shared_ptr<Job> job_;
    std::vector<QFuture<OrderResult>> running_;   // waited for (after an interrupt) before the scratch folder goes
    QString dateFormat_;
    int generation_ = 0;
    QString scratchTable_; // the current view's order; empty while it is worked out
    int filterColumn_ = -1, sortColumn_ = -1;
    QString filterText_;
    Qt::SortOrder sortOrder_ = Qt::AscendingOrder;
    int rows_ = 0;
    bool ordered_ = false, busy_ = false;
    mutable QCache<int, Page> pages_;
};

} // namespace cwb::model
