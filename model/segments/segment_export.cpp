#include "segments/segment_export.h"

#include "core/text.h"
#include "csv/csv_reader.h"
#include "segments/segment_store.h"
#include "sql/database.h"
#include "sql/sql_error.h"
#include "sql/statement.h"

#include <QSaveFile>


namespace cwb::model {

namespace {
std::string numberText(const Statement& st, int column, int decimals)
{
    return st.isNull(column) ? std::string() : formatDecimal(st.real(column), decimals);
}
} // namespace

Result<qint64> exportSegmentMembers(Database& db, const QString& segment, const QString& path, const SegmentExportOptions& options)
{
    const auto info = findSegment(db, segment);
    if (!info) return makeError(Text::tr("there is no segment called \"%1\"").arg(segment));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return makeError(Text::tr("cannot write %1: %2").arg(path, file.errorString()));
    qint64 written = 0;
    try {
        if (options.byteOrderMark) file.write("\xEF\xBB\xBF");
        file.write("user_id,rfm_group,rfm_r,rfm_f,rfm_m,orders,monetary,recency_days,churn_risk\n");
        Statement st = db.prepare(
            "SELECT u.user_id, f.rfm_group, f.rfm_r, f.rfm_f, f.rfm_m, f.orders, f.monetary, f.recency_days, f.churn_risk "
            "FROM segment_members m JOIN users u ON u.uid = m.uid LEFT JOIN user_features f ON f.uid = m.uid "
            "WHERE m.segment_id = ? ORDER BY m.uid");
        st.bind(1, info->id);
        std::string line;
        while (st.step()) {
            const std::string userId = spreadsheetSafe(st.textView(0));
            const std::string group = spreadsheetSafe(st.textView(1));
            const std::string r = numberText(st, 2, 0), f = numberText(st, 3, 0), m = numberText(st, 4, 0);
            const std::string orders = numberText(st, 5, 0), spend = numberText(st, 6, 2), recency = numberText(st, 7, 0);
            const std::string churn = numberText(st, 8, 1);
            line = formatCsvLine({userId, group, r, f, m, orders, spend, recency, churn});
            line.push_back('\n');
            if (file.write(line.data(), static_cast<qint64>(line.size())) != static_cast<qint64>(line.size()))
                return makeError(Text::tr("cannot write %1: %2").arg(path, file.errorString()));
            ++written;
        }
    } catch (const SqlError& e) {
        file.cancelWriting();
        return makeError(Text::tr("the segment could not be read: %1").arg(QString::fromUtf8(e.what())));
    }
    if (!file.commit()) return makeError(Text::tr("cannot write %1: %2").arg(path, file.errorString()));
    return written;
}

} // namespace cwb::model
