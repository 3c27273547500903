#pragma once
// What an import's row handler works with: the open workspace inside the
// import's transaction, the file's header and formats, and the ways to
// reject a row or clear a value with a reason.

#include "csv/csv_reader.h"
#include "csv/csv_sniffer.h"
#include "import/import_types.h"
#include "import/rejects_writer.h"
#include "import/user_index.h"

#include <QJsonObject>
#include <QStringList>

#include <memory>
#include <string>
#include <vector>

namespace cwb::model {

class Workspace;
class Database;
class ImportContext;

// One kind of import: a canonical table, or a preset for a known dataset.
class RowHandler {
public:
    virtual ~RowHandler() = default;
    virtual QString target() const = 0;
    // The header is known and the transaction open. A returned error stops the import.
    virtual Status begin(ImportContext& ctx) = 0;
    // One data record with the right number of fields and clean text.
    virtual void row(const CsvRecord& record, ImportContext& ctx) = 0;
    // After the last record: write what was aggregated.
    virtual Status finish(ImportContext& ctx) = 0;
    // How columns were used, for the import log.
    virtual QJsonObject describeMapping() const { return {}; }
    // True when every reference the handler writes (uid, campaign_id, ...)
    // was resolved against the workspace inside the import's transaction,
    // so SQLite's per-row foreign-key lookup can be skipped for this import.
    virtual bool resolvesAllReferences() const { return false; }
    // The currency of the amounts (ISO 4217) when the source is known to use one, else empty;
    // recorded in the workspace when it has none yet (reports print it).
    virtual QString currency() const { return {}; }
};

class ImportContext {
public:
    ImportContext(Workspace& workspace, const ImportOptions& options, ImportReport& report,
                  const FileInspection& inspection, RejectsWriter& rejects);
    ~ImportContext();

    Workspace& workspace;
    Database& db;
    const ImportOptions& options;
    ImportReport& report;
    const FileInspection& inspection;
    NumberFormat numbers;
    DateOrder dates = DateOrder::MonthFirst;
    // Plausible times of shop activity, fixed when the import starts.
    const std::int64_t earliestTime;
    const std::int64_t latestTime;

    const QStringList& header() const { return inspection.header; }
    QString columnName(int column) const;   // 0-based

    // Rejects the record: counted under `reason`, written to the rejects file
    // with the full message. `column` is 0-based, -1 for the whole record.
    void reject(const CsvRecord& record, int column, const QString& reason, const QString& message);
    // Drops one optional value and keeps the row.
    void clearValue(const CsvRecord& record, int column, const QString& message);
    void accepted() { ++report.rowsImported; }
    void countInserted(const QString& table, qint64 n = 1) { report.inserted[table] += n; }
    void countUpdated(const QString& table, qint64 n = 1) { report.updated[table] += n; }
    void note(const QString& text) { report.notes << text; }

    UserIndex& users();
    // Adds a user with only an id (for --create-users and presets); returns its uid.
    std::int64_t createUser(std::string_view userId);

    // For a load that is large next to what `table` holds, drops its
    // secondary indexes now and rebuilds them in finishBulkLoads(): sorting
    // once is much faster than updating a B-tree per row. Both happen inside
    // the import's transaction.
    void prepareBulkLoad(const std::string& table, qint64 incomingRows);
    void finishBulkLoads();
    // Rows of the file, estimated from its size and the sampled rows.
    qint64 estimatedRecords() const;

    static constexpr std::size_t kMaxTextBytes = 64 * 1024;

private:
    std::unique_ptr<UserIndex> users_;
    std::unique_ptr<class Statement> insertUser_;
    RejectsWriter& rejects_;
    std::vector<std::string> droppedIndexSql_;
    QMap<QString, int> reasonIndex_;
};

} // namespace cwb::model
