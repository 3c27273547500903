// Fuzz target: importing a file — encoding and dialect detection, matching
// columns to fields, date and number format detection, validating every
// value, resolving users and campaigns, and writing the rows (in a dry run,
// which does all of that and then rolls back).
//
// The workspace is a small shop made once from tests/data/bad/base (users,
// orders, campaigns, exposures), so that references to known users and
// campaigns are there to be resolved.
//
// Input: one control byte, then the file. The control byte picks
//   bits 0-3  the target: one of the importable tables or a preset
//   bit  4    the encoding: detected, or gb18030 given
//   bit  5    the delimiter: detected, or ';' given
//   bit  6    create missing users
//   bit  7    the header: detected, or said to be absent
//
// Besides not crashing: the import ends as a dry run or a failure with a
// message; a dry run's counts add up; and the workspace is exactly as it was.

#include "fuzz_support.h"

#include "import/canonical_schema.h"
#include "import/importer.h"

#include <QDir>
#include <QFile>

using namespace cwb::model;
using cwb::fuzz::require;

namespace {

void fillBaseShop(Workspace& ws)
{
    const QDir base(QStringLiteral(CWB_FUZZ_BASE_DIR));
    for (const char* table : {"users", "orders", "campaigns", "exposures"}) {
        ImportOptions o;
        o.table = QString::fromLatin1(table);
        o.rejectsPath = cwb::fuzz::scratchDir() + QStringLiteral("/base-rejects.csv");
        const ImportReport r = importFile(ws, base.filePath(o.table + QStringLiteral(".csv")), o);
        if (!r.ok()) {
            std::fprintf(stderr, "fuzz set-up: importing %s: %s\n", table, r.error ? qPrintable(r.error->toString()) : "failed");
            std::abort();
        }
    }
}

QStringList targets()
{
    QStringList t = importableTableNames();
    t << importPresetNames();
    return t;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0) return 0;
    Workspace& ws = cwb::fuzz::sharedWorkspace("shop", fillBaseShop);
    static const QStringList kTargets = targets();
    static const QString kInput = cwb::fuzz::scratchDir() + QStringLiteral("/input.csv");
    static const QString kRejects = cwb::fuzz::scratchDir() + QStringLiteral("/rejects.csv");
    static const QList<TableCount> kCounts = ws.tableCounts();
    static const qint64 kVersion = ws.dataVersion();

    const std::uint8_t control = data[0];
    {
        QFile f(kInput);
        require(f.open(QIODevice::WriteOnly | QIODevice::Truncate), "the scratch input can be written");
        require(f.write(reinterpret_cast<const char*>(data + 1), static_cast<qint64>(size - 1)) == static_cast<qint64>(size - 1),
                "the scratch input is written whole");
    }

    ImportOptions o;
    const QString& target = kTargets[(control & 15) % kTargets.size()];
    if (findTable(target))
        o.table = target;
    else
        o.preset = target;
    if (control & 16) o.encoding = QStringLiteral("gb18030");
    if (control & 32) o.delimiter = ';';
    o.createMissingUsers = (control & 64) != 0;
    if (control & 128) o.header = false;
    o.rejectsPath = kRejects;
    o.dryRun = true;
    o.force = true;

    const ImportReport r = importFile(ws, kInput, o);
    require(r.outcome == ImportReport::Outcome::DryRun || r.outcome == ImportReport::Outcome::Failed,
            "a dry run ends as a dry run or a failure");
    if (r.outcome == ImportReport::Outcome::Failed)
        require(r.error && !r.error->message.isEmpty(), "a failed import says why");
    else
        require(r.rowsRejected >= 0 && r.rowsRejected <= r.records && r.valuesCleared >= 0,
                "a dry run's counts add up");
    require(ws.dataVersion() == kVersion, "a dry run leaves the data version as it was");
    require(ws.tableCounts() == kCounts, "a dry run leaves every table as it was");
    return 0;
}
