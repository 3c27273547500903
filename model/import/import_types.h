#pragma once
// Options, progress and the report of an import.

#include "core/error.h"
#include "import/column_mapping.h"
#include "import/value_parsers.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace cwb::model {

struct ImportOptions {
    QString table;                      // a canonical table (see importableTables()) ...
    QString preset;                     // ... or a preset: "hillstrom", "online-retail"
    QString encoding = QStringLiteral("auto");
    char delimiter = 0;                 // 0 = detect
    std::optional<bool> header;         // empty = detect
    MappingOverrides mapping;
    QStringList skipColumns;
    std::optional<DateOrder> dateOrder; // empty = detect from the data
    std::optional<bool> decimalComma;   // empty = detect from the data
    QString rejectsPath;                // empty = next to the workspace
    bool force = false;                 // import a file that was imported before
    bool createMissingUsers = false;    // events/orders/...: add unknown user ids as new users
    bool dryRun = false;                // validate everything, then roll back
};

struct ImportProgress {
    qint64 bytesDone = 0;
    qint64 bytesTotal = 0;
    qint64 records = 0;
    double seconds = 0;
};
// Return false to cancel.
using ImportProgressFn = std::function<bool(const ImportProgress&)>;

struct RejectSummary {
    QString reason;       // short, groups rejects ("not a date", "unknown user", ...)
    qint64 count = 0;
    qint64 firstLine = 0;
    QString example;      // the first full message
};

struct AttributeColumn {
    QString name;
    bool numeric = false;
    qint64 values = 0;
};

struct ImportReport {
    enum class Outcome { Imported, DryRun, Cancelled, Failed, AlreadyImported };
    Outcome outcome = Outcome::Failed;
    std::optional<Error> error;        // set when Failed / AlreadyImported

    QString file;
    QString target;                    // table or preset
    QString encoding;
    QString encodingReason;
    QString delimiter;                 // "," ";" "tab" "|"
    bool header = true;
    QString dateOrder;                 // "month/day/year" or "day/month/year"
    bool decimalComma = false;
    QStringList mapping;               // "field ← column" lines
    QStringList ignoredColumns;
    QList<AttributeColumn> attributes;

    qint64 bytes = 0;
    qint64 lines = 0;
    qint64 records = 0;                // data records read (header excluded)
    qint64 rowsImported = 0;           // records that made it in (preset records may feed several tables)
    qint64 rowsRejected = 0;
    qint64 valuesCleared = 0;
    QMap<QString, qint64> inserted;    // per table
    QMap<QString, qint64> updated;     // per table
    QList<RejectSummary> rejects;      // by reason, in order of first appearance
    QStringList notes;                 // things the user should know (guest orders, bare quotes, ...)
    QString rejectsPath;               // empty when nothing was rejected
    double seconds = 0;

    bool ok() const { return outcome == Outcome::Imported || outcome == Outcome::DryRun; }
    double rowsPerSecond() const { return seconds > 0 ? records / seconds : 0; }
};

} // namespace cwb::model
