// The bad-input catalogue: every file of tests/data/bad/catalogue.tsv is
// imported with `cwb import` into a copy of a small shop (tests/data/bad/base)
// as a user would, and what it gets is checked against the catalogue:
//   - the process ends normally (no crash), with exit code 1 for a fatal
//     problem and 0 otherwise;
//   - a fatal problem names the file (and line and column where it has them)
//     and the reason, and leaves the workspace exactly as it was (the sqlite3
//     shell's .dump before and after);
//   - an import reports the catalogue's counts of rows imported, rows
//     rejected and values cleared; the rejects file lists each of them with
//     its line and column; and the imports log gained exactly one entry;
//   - the reason is found in what the user reads (stderr, the report, the
//     rejects file);
//   - either way the workspace passes PRAGMA integrity_check and
//     foreign_key_check.
// Files named @... are made by the test (a 10 MB field, 10,000 columns).
#include "cli_run.h"
#include "test_support.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>

#include <gtest/gtest.h>

#include <memory>
#include <vector>

using cwb::test::TempDir;

namespace {

struct Case {
    QString file, table, options, outcome, message, what;
    int imported = -1, rejected = -1, cleared = -1;
    int line = 0;   // in catalogue.tsv
};

std::vector<Case> readCatalogue()
{
    std::vector<Case> out;
    QFile f(QStringLiteral(CWB_BAD_INPUT_DIR "/catalogue.tsv"));
    if (!f.open(QIODevice::ReadOnly)) return out;
    int line = 0;
    for (const QByteArray& raw : f.readAll().split('\n')) {
        ++line;
        const QString text = QString::fromUtf8(raw);
        if (text.isEmpty() || text.startsWith(QLatin1Char('#'))) continue;
        const QStringList p = text.split(QLatin1Char('\t'));
        if (p.size() != 9) {
            ADD_FAILURE() << "catalogue.tsv:" << line << ": expected 9 fields, found " << p.size();
            continue;
        }
        Case c{p[0], p[1], p[2], p[3], p[7], p[8]};
        c.imported = p[4].isEmpty() ? -1 : p[4].toInt();
        c.rejected = p[5].isEmpty() ? -1 : p[5].toInt();
        c.cleared = p[6].isEmpty() ? -1 : p[6].toInt();
        c.line = line;
        out.push_back(c);
    }
    return out;
}

// The rejects file's data lines, parsed enough to read the line and column of each.
std::vector<QStringList> rejectLines(const QString& path)
{
    std::vector<QStringList> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return out;
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {   // after the header
        const QString l = QString::fromUtf8(lines[i]);
        // line,column,... : the first two fields are plain numbers (or an empty column).
        const QStringList parts = l.section(QLatin1Char(','), 0, 1).split(QLatin1Char(','));
        if (l.isEmpty() || parts.size() < 2) continue;
        bool isLine = false;
        parts[0].toLongLong(&isLine);
        if (!isLine) continue;   // a record's own line break, inside quotes
        out.push_back(parts);
    }
    return out;
}

class BadInput : public ::testing::TestWithParam<Case> {
protected:
    static void SetUpTestSuite()
    {
        dir_ = std::make_unique<TempDir>();
        base_ = dir_->path(QStringLiteral("base.cwb"));
        ASSERT_EQ(cwb::test::runCwb({QStringLiteral("init"), base_}).code, 0);
        for (const char* table : {"users", "orders", "campaigns", "exposures"}) {
            const cwb::test::CliRun r = cwb::test::runCwb(
                {QStringLiteral("import"), base_, QStringLiteral("--table"), QLatin1String(table),
                 QStringLiteral(CWB_BAD_INPUT_DIR "/base/%1.csv").arg(QLatin1String(table)), QStringLiteral("--rejects"),
                 dir_->path(QStringLiteral("base.rejects.csv"))});
            ASSERT_EQ(r.code, 0) << table << ": " << r.err.toStdString();
        }
        // The made files.
        QByteArray big = "user_id,age,city\nu10,30,";
        big += QByteArray(10 * 1024 * 1024, 'x');
        big += "\nu11,31,Beijing\n";
        cwb::test::writeFile(dir_->path(QStringLiteral("@big_field.csv")), big);
        QByteArray wide = "user_id", first = "u10", second = "u11";
        for (int c = 1; c < 10000; ++c) {
            wide += ",c" + QByteArray::number(c);
            first += "," + QByteArray::number(c);
            second += ",x";
        }
        cwb::test::writeFile(dir_->path(QStringLiteral("@wide_10000_columns.csv")), wide + "\n" + first + "\n" + second + "\n");
    }
    static void TearDownTestSuite() { dir_.reset(); }

    static inline std::unique_ptr<TempDir> dir_;
    static inline QString base_;
};

TEST_P(BadInput, GetsWhatTheCatalogueSays)
{
    const Case& c = GetParam();
    SCOPED_TRACE(QStringLiteral("catalogue.tsv:%1: %2 (%3)").arg(c.line).arg(c.file, c.what).toStdString());
    ASSERT_FALSE(cwb::test::sqlite3Shell().isEmpty()) << "the sqlite3 shell is needed (scripts/install-deps test)";
    const QString file = c.file.startsWith(QLatin1Char('@')) ? dir_->path(c.file) : QStringLiteral(CWB_BAD_INPUT_DIR "/") + c.file;
    ASSERT_TRUE(QFileInfo::exists(file)) << file.toStdString();

    TempDir here;
    const QString ws = here.path(QStringLiteral("shop.cwb")), rejects = here.path(QStringLiteral("rejects.csv"));
    ASSERT_TRUE(QFile::copy(base_, ws));
    const QString before = cwb::test::sqlite(ws, QStringLiteral(".dump"));
    const qint64 importsBefore = cwb::test::sqlite(ws, QStringLiteral("SELECT count(*) FROM imports;")).trimmed().toLongLong();
    ASSERT_FALSE(before.isEmpty());

    QStringList args{QStringLiteral("import"), ws, QStringLiteral("--table"), c.table, file, QStringLiteral("--rejects"), rejects, QStringLiteral("--json")};
    if (!c.options.isEmpty()) args << c.options.split(QLatin1Char(' '));
    const cwb::test::Finished r = cwb::test::runProgram(QStringLiteral(CWB_EXECUTABLE), args);
    ASSERT_FALSE(r.crashed) << r.err.toStdString();

    const QString rejectsText = QFileInfo::exists(rejects) ? QString::fromUtf8(cwb::test::readFile(rejects)) : QString();
    // As the user reads it: on stderr, in the report (a JSON string) or in the rejects file (a CSV field).
    QString asJson = c.message, asCsv = c.message;
    asJson.replace(QLatin1Char('"'), QStringLiteral("\\\""));
    asCsv.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    if (!c.message.isEmpty()) {
        EXPECT_TRUE(r.err.contains(c.message) || r.out.contains(asJson) || rejectsText.contains(asCsv))
            << "\"" << c.message.toStdString() << "\" not in what the user reads:\n"
            << r.err.toStdString() << r.out.left(2000).toStdString() << rejectsText.left(2000).toStdString();
    }

    if (c.outcome == QLatin1String("fatal")) {
        EXPECT_EQ(r.code, 1) << r.out.toStdString();
        EXPECT_EQ(cwb::test::json({r.code, r.out, r.err}).value(QStringLiteral("outcome")).toString(), QStringLiteral("failed"));
        EXPECT_TRUE(r.err.startsWith(QStringLiteral("cwb: ") + file + QLatin1Char(':'))) << r.err.toStdString();
        EXPECT_EQ(cwb::test::sqlite(ws, QStringLiteral(".dump")), before) << "a failed import changed the workspace";
    } else {
        ASSERT_EQ(r.code, 0) << r.err.toStdString();
        const QJsonObject report = cwb::test::json({r.code, r.out, r.err});
        EXPECT_EQ(report.value(QStringLiteral("rows_imported")).toInt(), c.imported);
        EXPECT_EQ(report.value(QStringLiteral("rows_rejected")).toInt(), c.rejected);
        EXPECT_EQ(report.value(QStringLiteral("values_cleared")).toInt(), c.cleared);
        // Each rejected row and cleared value is in the rejects file, with its line (and its
        // column where the problem is one field).
        const auto lines = rejectLines(rejects);
        EXPECT_EQ(int(lines.size()), c.rejected + c.cleared) << rejectsText.left(4000).toStdString();
        for (const QStringList& l : lines) {
            EXPECT_GE(l[0].toLongLong(), 2) << "a reject without its line: " << l.join(QLatin1Char(',')).toStdString();
            if (!l[1].isEmpty()) {
                EXPECT_GE(l[1].toInt(), 1) << "a column that is not a number: " << l.join(QLatin1Char(',')).toStdString();
            }
        }
        EXPECT_EQ(cwb::test::sqlite(ws, QStringLiteral("SELECT count(*) FROM imports;")).trimmed().toLongLong(), importsBefore + 1);
    }
    EXPECT_EQ(cwb::test::sqlite(ws, QStringLiteral("PRAGMA integrity_check;")).trimmed(), QStringLiteral("ok"));
    EXPECT_EQ(cwb::test::sqlite(ws, QStringLiteral("PRAGMA foreign_key_check;")).trimmed(), QString());
}

std::string caseName(const ::testing::TestParamInfo<Case>& info)
{
    QString name = info.param.file.section(QLatin1Char('.'), 0, 0) + (info.param.options.isEmpty() ? QString() : QStringLiteral("_with_options"));
    name.remove(QLatin1Char('@'));
    return QStringLiteral("%1_%2").arg(info.index, 2, 10, QLatin1Char('0')).arg(name).toStdString();
}

INSTANTIATE_TEST_SUITE_P(Catalogue, BadInput, ::testing::ValuesIn(readCatalogue()), caseName);

TEST(BadInputCatalogue, HoldsAtLeastFortyFiles)
{
    const auto cases = readCatalogue();
    EXPECT_GE(cases.size(), 40u);
    QStringList files;
    for (const Case& c : cases)
        if (!files.contains(c.file)) files << c.file;
    EXPECT_GE(files.size(), 40);
    // And every file in the folder is in the catalogue.
    const QStringList onDisk = QDir(QStringLiteral(CWB_BAD_INPUT_DIR)).entryList({QStringLiteral("*.csv")}, QDir::Files);
    for (const QString& f : onDisk) EXPECT_TRUE(files.contains(f)) << f.toStdString() << " is not in catalogue.tsv";
}

} // namespace
