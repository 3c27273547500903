#include "reports/campaign_report.h"

#include "campaigns/campaign_json.h"
#include "core/random.h"
#include "core/text.h"
#include "csv/csv_reader.h"
#include "segments/segment_store.h"
#include "sql/sql_error.h"
#include "sql/statement.h"
#include "workspace/meta.h"
#include "workspace/workspace.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFileInfo>
#include <QHash>
#include <QMessageAuthenticationCode>
#include <QSaveFile>

#include <algorithm>
#include <functional>

namespace cwb::model {

namespace {

ReportModel reportModel(const UptakeModel& m)
{
    return {m.id, m.name, m.describe(), m.trainedAt, m.kind == ModelKind::Uplift, m.metrics};
}

ReportWorkspace summarize(Workspace& ws, const QString& currency)
{
    ReportWorkspace out;
    out.name = ws.name();
    out.path = QFileInfo(ws.path()).absoluteFilePath();
    Database& db = ws.db();
    out.users = db.queryInt("SELECT COUNT(*) FROM users");
    out.orders = db.queryInt("SELECT COUNT(*) FROM orders");
    out.events = db.queryInt("SELECT COUNT(*) FROM events");
    // MIN and MAX of an indexed column's leading key would need an index on ts alone; these are
    // one scan of each table, done once per report.
    Statement st = db.prepare("SELECT MIN(t0), MAX(t1) FROM (SELECT MIN(ts) AS t0, MAX(ts) AS t1 FROM orders "
                              "UNION ALL SELECT MIN(ts), MAX(ts) FROM events)");
    if (st.step() && !st.isNull(0)) {
        out.firstTs = st.int64(0);
        out.lastTs = st.int64(1);
    }
    out.currency = currency.isEmpty() ? workspaceCurrency(db) : currency.toUpper();
    return out;
}

QList<ReportSegment> segmentSizes(Database& db, const engine::CampaignSpec& spec)
{
    QList<ReportSegment> out;
    auto add = [&](const std::vector<std::string>& names, bool excluded) {
        for (const std::string& n : names) {
            const QString name = QString::fromStdString(n);
            const auto s = findSegment(db, name);
            out.append({name, s ? s->size : 0, excluded});
        }
    };
    add(spec.includeSegments, false);
    add(spec.excludeSegments, true);
    return out;
}

void forecast(Workspace& ws, CampaignReportData& c, const ReportOptions& options, const AudienceProgress& progress)
{
    auto session = PreviewSession::open(ws, *c.spec, options.preview, progress);
    if (!session) {
        c.previewProblem = session.error().message;
        return;
    }
    auto preview = session->preview(*c.spec);
    if (!preview) {
        c.previewProblem = preview.error().message;
        return;
    }
    if (const UptakeModel* m = session->model()) c.model = reportModel(*m);
    if (const UptakeModel* m = session->redemptionModel()) c.redemptionModel = reportModel(*m);
    c.session = std::move(session.value());
    c.preview = std::move(preview.value());
}

} // namespace

Result<ReportData> gatherReport(Workspace& ws, const QStringList& campaigns, const ReportOptions& options, const AudienceProgress& progress)
{
    if (campaigns.isEmpty()) return makeError(Text::tr("choose at least one campaign for the report"));
    ReportData out;
    bool cancelled = false;
    out.generatedAt = QDateTime::currentSecsSinceEpoch();
    try {
        out.workspace = summarize(ws, options.currency);
        for (qsizetype k = 0; k < campaigns.size(); ++k) {
            auto info = findCampaign(ws.db(), campaigns[k]);
            if (!info) return info.error();
            CampaignReportData c;
            c.campaign = info.value();
            const double from = double(k) / double(campaigns.size()), step = 1.0 / double(campaigns.size());
            auto part = [&](double start, double width) -> AudienceProgress {
                return [&, start, width](const QString& what, double f) {
                    if (!progress || progress(QStringLiteral("%1: %2").arg(c.campaign.name, what), from + step * (start + width * f))) return true;
                    cancelled = true;
                    return false;
                };
            };
            if (auto spec = campaignSpecFromJson(c.campaign.spec)) {
                c.spec = spec.value();
                // Specs of past campaigns (history format) carry no name of their own.
                if (c.spec->name.empty()) c.spec->name = c.campaign.name.toStdString();
                c.specText = describeSpec(*c.spec);
                c.segments = segmentSizes(ws.db(), *c.spec);
                if (auto users = targetUsers(ws.db(), *c.spec)) c.targetUsers = static_cast<qint64>(users->size());
                forecast(ws, c, options, part(0, 0.8));
            } else {
                c.specProblem = spec.error().message;
                c.previewProblem = c.campaign.type == QLatin1String("email")
                                       ? Text::tr("an e-mail campaign without offer terms has nothing to forecast; what it did follows")
                                       : Text::tr("its spec cannot be read (%1)").arg(spec.error().message);
            }
            if (!cancelled && !part(0.8, 0.2)(Text::tr("reading the results"), 0)) cancelled = true;
            if (cancelled) return makeError(Text::tr("cancelled"));
            if (c.campaign.treated + c.campaign.control > 0) {
                auto r = readCampaign(ws, c.campaign.id, options.readout);
                if (r) c.readout = std::move(r.value());
                else c.readoutProblem = r.error().message;
            }
            out.campaigns.append(std::move(c));
        }
    } catch (const SqlError& e) {
        return makeError(Text::tr("the workspace could not be read: %1").arg(QString::fromUtf8(e.what())));
    }
    return out;
}

QString currencySymbol(const QString& isoCode)
{
    static const QHash<QString, QString> symbols{{QStringLiteral("CNY"), QStringLiteral("¥")}, {QStringLiteral("JPY"), QStringLiteral("¥")},
                                                 {QStringLiteral("USD"), QStringLiteral("$")}, {QStringLiteral("GBP"), QStringLiteral("£")},
                                                 {QStringLiteral("EUR"), QStringLiteral("€")}, {QStringLiteral("HKD"), QStringLiteral("HK$")},
                                                 {QStringLiteral("TWD"), QStringLiteral("NT$")}, {QStringLiteral("KRW"), QStringLiteral("₩")},
                                                 {QStringLiteral("INR"), QStringLiteral("₹")}, {QStringLiteral("SGD"), QStringLiteral("S$")},
                                                 {QStringLiteral("AUD"), QStringLiteral("A$")}, {QStringLiteral("CAD"), QStringLiteral("C$")}};
    const QString code = isoCode.toUpper();
    return symbols.value(code, code.isEmpty() ? QString() : code + QLatin1Char(' '));
}

QString pseudonymizeUserId(const QString& userId, const QString& salt)
{
    const QByteArray mac = QMessageAuthenticationCode::hash(userId.toUtf8(), salt.toUtf8(), QCryptographicHash::Sha256);
    return QString::fromLatin1(mac.left(8).toHex());
}

QStringList targetListHeader(const TargetListOptions& options)
{
    return {QStringLiteral("campaign"), options.salt.isEmpty() ? QStringLiteral("user_id") : QStringLiteral("user_pseudonym"), QStringLiteral("rank"),
            QStringLiteral("group"), QStringLiteral("offer"), QStringLiteral("segment"), QStringLiteral("uptake"), QStringLiteral("buy_with_offer"),
            QStringLiteral("buy_without_offer"), QStringLiteral("uplift"), QStringLiteral("expected_incremental_profit")};
}

namespace {

// Hands every row of the target list to `row` (cells already safe for spreadsheets); stops when
// it returns false. Throws SqlError.
void forEachTarget(Database& db, const QList<CampaignReportData>& campaigns, const TargetListOptions& options,
                   const std::function<bool(const std::vector<std::string_view>&)>& row)
{
    const bool pseudonyms = !options.salt.isEmpty();
    Statement idOf = db.prepare("SELECT user_id FROM users WHERE uid = ?");
    for (const CampaignReportData& c : campaigns) {
        const std::string name = spreadsheetSafe(c.campaign.name.toStdString());
        if (!c.preview || !c.session || !c.spec) {
            // A campaign that ran without offer terms to forecast: the users it went to, each
            // with the group and arm they were in; no predictions.
            Statement sent = db.prepare("SELECT u.user_id, e.grp, COALESCE(e.variant, '') FROM exposures e JOIN users u ON u.uid = e.uid "
                                        "WHERE e.campaign_id = ? ORDER BY u.user_id");
            sent.bind(1, c.campaign.id);
            while (sent.step()) {
                QString id = sent.text(0);
                if (pseudonyms) id = pseudonymizeUserId(id, options.salt);
                const std::string userId = spreadsheetSafe(id.toStdString()), group = sent.text(1).toStdString();
                const std::string arm = spreadsheetSafe(sent.text(2).toStdString());
                if (!row({name, userId, {}, group, arm, {}, {}, {}, {}, {}, {}})) return;
            }
            continue;
        }
        const CampaignPreview& p = *c.preview;
        const CampaignAudience& a = c.session->audience();
        const std::string offer = spreadsheetSafe(offerTerms(*c.spec).toStdString());
        // Each user's segment: the first of the campaign's segments (all, when it names none) they are in.
        std::vector<std::string> segmentNames;
        std::vector<int> segmentOf(a.size(), -1);
        for (qsizetype k = 0; k < a.segmentNames.size(); ++k) {
            segmentNames.push_back(spreadsheetSafe(a.segmentNames[k].toStdString()));
            for (const Eigen::Index r : a.segmentRows[static_cast<std::size_t>(k)])
                if (segmentOf[static_cast<std::size_t>(r)] < 0) segmentOf[static_cast<std::size_t>(r)] = int(k);
        }
        for (std::int64_t k = 0; k < p.result.reached && k < std::int64_t(p.result.ranking.size()); ++k) {
            const Eigen::Index i = p.result.ranking[static_cast<std::size_t>(k)];
            const qint64 uid = a.uids[static_cast<std::size_t>(i)];
            idOf.bind(1, uid);
            QString id = idOf.step() ? idOf.text(0) : QString();
            idOf.reset();
            if (pseudonyms) id = pseudonymizeUserId(id, options.salt);
            // The control group: a seeded draw per user, the same for the same seed and user.
            const double draw = double(engine::mix64(options.seed ^ engine::mix64(static_cast<std::uint64_t>(uid))) >> 11) * 0x1.0p-53;
            const bool control = draw < c.spec->controlShare;
            const std::string userId = spreadsheetSafe(id.toStdString()), rank = std::to_string(k + 1);
            const std::string uptake = formatDecimal(std::min(p.users.redeem[i], p.users.buyTreated[i]), 6);
            const std::string with = formatDecimal(p.users.buyTreated[i], 6), without = formatDecimal(p.users.buyControl[i], 6);
            const std::string uplift = formatDecimal(p.uplift[i], 6), profit = formatDecimal(p.result.incrementalProfit[i], 4);
            const int segment = segmentOf[static_cast<std::size_t>(i)];
            if (!row({name, userId, rank, control ? "control" : "treatment", control ? std::string_view() : std::string_view(offer),
                      segment >= 0 ? std::string_view(segmentNames[std::size_t(segment)]) : std::string_view(), uptake, with, without, uplift, profit}))
                return;
        }
    }
}

} // namespace

Result<qint64> exportTargetList(Database& db, const QList<CampaignReportData>& campaigns, const QString& path, const TargetListOptions& options)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return makeError(Text::tr("cannot write %1: %2").arg(path, file.errorString()));
    if (options.byteOrderMark) file.write("\xEF\xBB\xBF");
    file.write((targetListHeader(options).join(QLatin1Char(',')) + QLatin1Char('\n')).toUtf8());
    qint64 written = 0;
    bool ok = true;
    std::string line;
    try {
        forEachTarget(db, campaigns, options, [&](const std::vector<std::string_view>& cells) {
            line = formatCsvLine(cells);
            line.push_back('\n');
            ok = file.write(line.data(), static_cast<qint64>(line.size())) == static_cast<qint64>(line.size());
            written += ok;
            return ok;
        });
    } catch (const SqlError& e) {
        return makeError(Text::tr("the users could not be read: %1").arg(QString::fromUtf8(e.what())));
    }
    if (!ok || !file.commit()) return makeError(Text::tr("cannot write %1: %2").arg(path, file.errorString()));
    return written;
}

Result<QList<QStringList>> targetListRows(Database& db, const QList<CampaignReportData>& campaigns, const TargetListOptions& options, qsizetype limit)
{
    QList<QStringList> rows;
    try {
        forEachTarget(db, campaigns, options, [&](const std::vector<std::string_view>& cells) {
            QStringList r;
            for (std::string_view c : cells) r << QString::fromUtf8(c.data(), qsizetype(c.size()));
            rows << r;
            return rows.size() < limit;
        });
    } catch (const SqlError& e) {
        return makeError(Text::tr("the users could not be read: %1").arg(QString::fromUtf8(e.what())));
    }
    return rows;
}

} // namespace cwb::model
