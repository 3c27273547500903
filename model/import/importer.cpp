#include "import/importer.h"
#include "core/text.h"

#include "csv/byte_source.h"
#include "csv/csv_reader.h"
#include "csv/csv_sniffer.h"
#include "csv/text_decoder.h"
#include "import/import_context.h"
#include "import/preset_hillstrom.h"
#include "import/record_pipeline.h"
#include "import/preset_online_retail.h"
#include "import/table_importer.h"
#include "sql/sql_error.h"
#include "sql/statement.h"
#include "sql/transaction.h"
#include "workspace/meta.h"
#include "workspace/workspace.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>


namespace cwb::model {

namespace {


std::unique_ptr<RowHandler> makeHandler(const ImportOptions& options, Error& error)
{
    if (!options.preset.isEmpty()) {
        const QString p = options.preset.trimmed().toLower();
        if (p == QLatin1String("hillstrom")) return makeHillstromPreset();
        if (p == QLatin1String("online-retail") || p == QLatin1String("online_retail")) return makeOnlineRetailPreset();
        error.message = Text::tr("unknown preset \"%1\"; presets: %2").arg(options.preset, importPresetNames().join(QStringLiteral(", ")));
        return nullptr;
    }
    const TableSpec* table = findTable(options.table);
    if (!table) {
        error.message = options.table.isEmpty()
                            ? Text::tr("say which table the file is for (--table) or use a preset (--preset)")
                            : Text::tr("cannot import into \"%1\"; tables: %2")
                                  .arg(options.table, importableTableNames().join(QStringLiteral(", ")));
        return nullptr;
    }
    return makeTableImporter(*table);
}

QString defaultRejectsPath(const Workspace& ws, const QString& input)
{
    const QFileInfo w(ws.path());
    return w.absoluteDir().filePath(w.completeBaseName() + QLatin1Char('.') + QFileInfo(input).baseName()
                                    + QStringLiteral(".rejects.csv"));
}

// Content fingerprint of a file (decompressed for .gz), to recognise a re-import.
QByteArray contentSha256(const QString& path)
{
    auto src = ByteSource::open(path);
    if (!src) return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    std::vector<char> buf(1 << 20);
    while (const qint64 n = src.value()->read(buf.data(), static_cast<qint64>(buf.size())))
        hash.addData(QByteArrayView(buf.data(), n));
    return hash.result().toHex();
}

// An earlier import of identical content into the same target, if any.
std::optional<QString> findEarlierImport(Database& db, const QString& target, const QString& path, qint64 fileSize,
                                         QByteArray& sha)
{
    Statement st = db.prepare("SELECT import_id, source_sha256, finished_at, source_file FROM imports "
                              "WHERE target = ? AND source_bytes = ? ORDER BY import_id");
    st.bind(1, target).bind(2, fileSize);
    while (st.step()) {
        if (sha.isEmpty()) sha = contentSha256(path);
        if (st.text(1).toLatin1() == sha)
            return Text::tr("this file was already imported into %1 on %2 (import #%3 of %4); nothing was changed")
                .arg(target, QDateTime::fromSecsSinceEpoch(st.int64(2)).toString(Qt::ISODate))
                .arg(st.int64(0))
                .arg(st.text(3));
    }
    return std::nullopt;
}

void detectFormats(ImportContext& ctx)
{
    std::vector<std::string> values;
    for (const QStringList& row : ctx.inspection.rows)
        for (const QString& f : row) values.push_back(f.toStdString());
    std::vector<std::string_view> views(values.begin(), values.end());
    ctx.dates = ctx.options.dateOrder ? *ctx.options.dateOrder : detectDateOrder(views);
    ctx.numbers.decimalComma = ctx.options.decimalComma ? *ctx.options.decimalComma : detectDecimalComma(views);
}

// Checks shared by every kind of import; false when the record was rejected.
bool checkRecord(CsvRecord& rec, int invalidColumn, ImportContext& ctx, const QString& encoding)
{
    const auto columns = static_cast<std::size_t>(ctx.header().size());
    if (rec.problem == CsvRecord::Problem::TextAfterQuote) {
        ctx.reject(rec, rec.problemColumn - 1, Text::tr("malformed quotes"),
                   Text::tr("line %1, column %2: text follows a closing quote; a quote inside a quoted field must be doubled (\"\")")
                       .arg(rec.line)
                       .arg(rec.problemColumn));
        return false;
    }
    if (rec.problem == CsvRecord::Problem::NulByte) {
        ctx.reject(rec, rec.problemColumn - 1, Text::tr("NUL byte"),
                   Text::tr("line %1, column %2: contains a NUL byte (binary data in a text file)").arg(rec.line).arg(rec.problemColumn));
        return false;
    }
    if (rec.size() > columns) {
        // Trailing empty fields (a delimiter at the end of the line) are harmless.
        bool extraEmpty = true;
        for (std::size_t i = columns; i < rec.size(); ++i) extraEmpty = extraEmpty && trimmed(rec[i]).empty();
        if (extraEmpty) rec.fields.resize(columns);
    }
    if (rec.size() != columns) {
        ctx.reject(rec, -1, Text::tr("wrong number of fields"),
                   Text::tr("line %1: expected %2 fields as in the header, found %3").arg(rec.line).arg(columns).arg(rec.size()));
        return false;
    }
    if (invalidColumn > 0) {
        const int i = invalidColumn - 1;
        ctx.reject(rec, i, Text::tr("invalid characters for the encoding"),
                   Text::tr("line %1, column %2 (%3): bytes that are not valid %4; the file may use another encoding "
                            "(try --encoding gb18030 for Chinese files from Excel, or --encoding windows-1252)")
                       .arg(rec.line)
                       .arg(invalidColumn)
                       .arg(ctx.columnName(i), encoding));
        return false;
    }
    return true;
}

} // namespace

QStringList importPresetNames() { return {QStringLiteral("hillstrom"), QStringLiteral("online-retail")}; }

ImportReport importFile(Workspace& ws, const QString& path, const ImportOptions& options, const ImportProgressFn& progress)
{
    QElapsedTimer timer;
    timer.start();
    ImportReport report;
    report.file = path;
    auto fail = [&](Error e) {
        if (e.file.isEmpty()) e.file = path;
        report.outcome = ImportReport::Outcome::Failed;
        report.error = std::move(e);
        report.seconds = timer.elapsed() / 1000.0;
        return report;
    };
    if (ws.readOnly()) return fail(makeError(Text::tr("the workspace is read-only; nothing can be imported into it")));

    Error handlerError = makeError({});
    std::unique_ptr<RowHandler> handler = makeHandler(options, handlerError);
    if (!handler) return fail(handlerError);
    report.target = handler->target();

    auto inspected = inspectFile(path, options.encoding, options.delimiter, options.header);
    if (!inspected) return fail(inspected.error());
    const FileInspection& inspection = inspected.value();
    report.encoding = inspection.encoding.name;
    report.encodingReason = inspection.encoding.reason;
    report.delimiter = delimiterName(inspection.sniff.dialect.delimiter);
    report.header = inspection.sniff.hasHeader;
    report.bytes = inspection.fileSize;

    QByteArray sha;
    if (!options.force && !options.dryRun) {
        try {
            if (auto earlier = findEarlierImport(ws.db(), report.target, path, inspection.fileSize, sha)) {
                report.outcome = ImportReport::Outcome::AlreadyImported;
                report.error = makeError(*earlier);
                report.error->file = path;
                report.seconds = timer.elapsed() / 1000.0;
                return report;
            }
        } catch (const SqlError& e) {
            return fail(makeError(Text::tr("cannot read the workspace: %1").arg(QString::fromUtf8(e.what()))));
        }
    }

    RejectsWriter rejects(options.rejectsPath.isEmpty() ? defaultRejectsPath(ws, path) : options.rejectsPath);
    const qint64 started = QDateTime::currentSecsSinceEpoch();
    try {
        auto source = ByteSource::open(path);
        if (!source) return fail(source.error());
        const auto decoder = TextDecoder::create(inspection.encoding.confident ? inspection.encoding.name : QStringLiteral("auto"));
        // What the file was read as (known at once, or once the first non-ASCII text was seen).
        auto encodingName = [&] {
            const QString e = decoder->encoding();
            return e == QLatin1String("auto") ? QStringLiteral("utf-8") : e;
        };

        // Skip SQLite's per-row foreign-key lookup when the handler resolves
        // every reference itself (it holds the write lock from the start, so
        // nothing can change underneath). It costs more than the insert.
        ForeignKeysOff fkOff(ws.db(), handler->resolvesAllReferences());
        Transaction tx(ws.db());
        ImportContext ctx(ws, options, report, inspection, rejects);
        detectFormats(ctx);
        report.dateOrder = ctx.dates == DateOrder::DayFirst ? QStringLiteral("day/month/year") : QStringLiteral("month/day/year");
        report.decimalComma = ctx.numbers.decimalComma;
        if (Status s = handler->begin(ctx)) return fail(*s);

        // Reading and parsing run on the pipeline's thread; validating and
        // writing here.
        RecordPipeline pipeline(*source.value(), *decoder, inspection.sniff.dialect, inspection.sniff.hasHeader);
        CsvRecord rec;
        ImportProgress p;
        p.bytesTotal = inspection.fileSize;
        qint64 lastReport = 0;
        while (RecordBatch* batch = pipeline.next()) {
            for (std::size_t i = 0; i < batch->records.size(); ++i) {
                batch->load(i, rec);
                ++report.records;
                if (checkRecord(rec, batch->records[i].invalidColumn, ctx, encodingName())) handler->row(rec, ctx);
            }
            p.bytesDone = batch->bytesRead;
            pipeline.recycle(batch);
            if (progress && report.records - lastReport >= 16384) {
                lastReport = report.records;
                p.records = report.records;
                p.seconds = timer.elapsed() / 1000.0;
                if (!progress(p)) {
                    pipeline.stop();
                    rejects.discard();
                    report.outcome = ImportReport::Outcome::Cancelled;
                    report.error = makeError(Text::tr("the import was cancelled; nothing was changed"));
                    report.seconds = timer.elapsed() / 1000.0;
                    return report;   // the transaction rolls back
                }
            }
        }
        if (const auto& fatal = pipeline.fatal()) {
            Error e = *fatal;
            e.file = path;
            rejects.discard();
            return fail(e);
        }
        report.lines = pipeline.lines();
        if (pipeline.bareQuotes() > 0)
            ctx.note(Text::tr("%L1 quote characters inside unquoted fields (like 12\" vinyl) were kept as text").arg(pipeline.bareQuotes()));
        if (decoder->invalidSequences() > 0)
            ctx.note(Text::tr("%L1 byte sequences were not valid %2 (first on line %3); the rows holding them were rejected")
                         .arg(decoder->invalidSequences())
                         .arg(encodingName())
                         .arg(decoder->firstInvalidLine()));
        report.encoding = encodingName();
        if (Status s = handler->finish(ctx)) {
            rejects.discard();
            return fail(*s);
        }
        ctx.finishBulkLoads();
        if (!rejects.close()) return fail(makeError(Text::tr("cannot write the rejects file %1: %2").arg(rejects.path(), rejects.errorString())));
        report.rejectsPath = rejects.used() || report.rowsRejected + report.valuesCleared > 0 ? rejects.path() : QString();

        sha = pipeline.sha256();
        if (options.dryRun) {
            report.outcome = ImportReport::Outcome::DryRun;
            report.seconds = timer.elapsed() / 1000.0;
            return report;   // rolled back
        }
        Statement log = ws.db().prepare(
            "INSERT INTO imports (target, source_file, source_sha256, source_bytes, encoding, delimiter, mapping, rows_read, "
            "rows_imported, rows_rejected, values_cleared, rejects_file, started_at, finished_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        const QByteArray mapping = QJsonDocument(handler->describeMapping()).toJson(QJsonDocument::Compact);
        log.bind(1, report.target)
            .bind(2, QFileInfo(path).absoluteFilePath())
            .bind(3, std::string_view(sha.constData(), static_cast<std::size_t>(sha.size())))
            .bind(4, inspection.fileSize)
            .bind(5, report.encoding)
            .bind(6, report.delimiter)
            .bind(7, std::string_view(mapping.constData(), static_cast<std::size_t>(mapping.size())))
            .bind(8, report.records)
            .bind(9, report.rowsImported)
            .bind(10, report.rowsRejected)
            .bind(11, report.valuesCleared)
            .bind(12, report.rejectsPath)
            .bind(13, started)
            .bind(14, QDateTime::currentSecsSinceEpoch());
        log.run();
        if (const QString currency = handler->currency(); !currency.isEmpty() && workspaceCurrency(ws.db()).isEmpty())
            setWorkspaceCurrency(ws.db(), currency);
        ws.bumpDataVersion();
        tx.commit();
        report.outcome = ImportReport::Outcome::Imported;
    } catch (const SqlError& e) {
        rejects.discard();
        if (e.isDiskFull())
            return fail(makeError(Text::tr("the disk is full; nothing was imported and the workspace is unchanged. Free some space and try again")));
        if (e.isBusy())
            return fail(makeError(Text::tr("the workspace is busy (another program is writing to it); nothing was imported")));
        return fail(makeError(Text::tr("the workspace could not be written (%1); nothing was imported").arg(QString::fromUtf8(e.what()))));
    } catch (const std::exception& e) {
        rejects.discard();
        return fail(makeError(Text::tr("the import failed: %1; nothing was imported").arg(QString::fromUtf8(e.what()))));
    }
    report.seconds = timer.elapsed() / 1000.0;
    return report;
}

} // namespace cwb::model
