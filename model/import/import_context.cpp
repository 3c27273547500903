#include "import/import_context.h"

#include "import/canonical_schema.h"

#include "sql/database.h"
#include "sql/statement.h"
#include "workspace/workspace.h"

namespace cwb::model {

ImportContext::ImportContext(Workspace& ws, const ImportOptions& opts, ImportReport& rep,
                             const FileInspection& insp, RejectsWriter& rejects)
    : workspace(ws), db(ws.db()), options(opts), report(rep), inspection(insp), earliestTime(earliestPlausibleTime()),
      latestTime(latestPlausibleTime()), rejects_(rejects)
{
}

ImportContext::~ImportContext() = default;

QString ImportContext::columnName(int column) const
{
    return column >= 0 && column < header().size() ? header()[column] : QString();
}

void ImportContext::reject(const CsvRecord& record, int column, const QString& reason, const QString& message)
{
    ++report.rowsRejected;
    auto it = reasonIndex_.find(reason);
    if (it == reasonIndex_.end()) {
        it = reasonIndex_.insert(reason, static_cast<int>(report.rejects.size()));
        report.rejects.push_back({reason, 0, record.line, message});
    }
    ++report.rejects[it.value()].count;
    const std::string_view value =
        column >= 0 && static_cast<std::size_t>(column) < record.size() ? record[static_cast<std::size_t>(column)] : std::string_view();
    rejects_.write(record.line, column + 1, columnName(column), value, message, RejectsWriter::Action::RowRejected,
                   record.fields);
}

void ImportContext::clearValue(const CsvRecord& record, int column, const QString& message)
{
    ++report.valuesCleared;
    rejects_.write(record.line, column + 1, columnName(column), record[static_cast<std::size_t>(column)], message,
                   RejectsWriter::Action::ValueCleared, record.fields);
}

UserIndex& ImportContext::users()
{
    if (!users_) {
        users_ = std::make_unique<UserIndex>();
        users_->load(db);
    }
    return *users_;
}

std::int64_t ImportContext::createUser(std::string_view userId)
{
    if (!insertUser_) insertUser_ = std::make_unique<Statement>(db.prepare("INSERT INTO users (user_id) VALUES (?)"));
    insertUser_->bind(1, userId, false);
    insertUser_->run();
    const std::int64_t uid = db.lastInsertRowId();
    users().add(userId, uid);
    countInserted(QStringLiteral("users"));
    return uid;
}

void ImportContext::prepareBulkLoad(const std::string& table, qint64 incomingRows)
{
    const qint64 existing = db.queryInt("SELECT count(*) FROM " + table);   // fixed table names only
    if (incomingRows < 50000 || incomingRows < existing / 4) return;
    Statement st = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL");
    st.bind(1, std::string_view(table));
    std::vector<std::pair<std::string, std::string>> indexes;
    while (st.step()) indexes.emplace_back(std::string(st.textView(0)), std::string(st.textView(1)));
    for (const auto& [name, sql] : indexes) {
        db.exec("DROP INDEX \"" + name + "\"");
        droppedIndexSql_.push_back(sql);
    }
}

void ImportContext::finishBulkLoads()
{
    for (const std::string& sql : droppedIndexSql_) db.exec(sql);
    droppedIndexSql_.clear();
}

qint64 ImportContext::estimatedRecords() const
{
    if (inspection.sampleIsWholeFile || inspection.rows.isEmpty()) return inspection.rows.size();
    // Bytes per row in the sample (compressed files: assume 5:1).
    qint64 sampleBytes = 0;
    for (const QStringList& row : inspection.rows)
        for (const QString& f : row) sampleBytes += f.size() + 1;
    const double perRow = double(sampleBytes) / inspection.rows.size();
    const double bytes = double(inspection.fileSize) * (inspection.compressed ? 5.0 : 1.0);
    return static_cast<qint64>(bytes / std::max(perRow, 1.0));
}

} // namespace cwb::model
