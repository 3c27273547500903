#include "import/preset_hillstrom.h"
#include "core/text.h"

#include "core/json_text.h"
#include "import/preset_support.h"
#include "import/value_parsers.h"
#include "sql/database.h"
#include "sql/statement.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <charconv>

namespace cwb::model {

namespace {

QString qs(std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }

enum Col { Recency, HistorySegment, History, Mens, Womens, ZipCode, Newbie, Channel, Segment, Visit, Conversion, Spend, ColCount };
const std::vector<const char*> kColumns{"recency", "history_segment", "history", "mens", "womens", "zip_code",
                                        "newbie",  "channel",         "segment", "visit", "conversion", "spend"};

class HillstromPreset final : public RowHandler {
public:
    QString target() const override { return QStringLiteral("preset:hillstrom"); }

    Status begin(ImportContext& ctx) override
    {
        if (Status s = locateColumns(ctx.header(), kColumns, col_, QStringLiteral("Hillstrom"))) return s;
        // The campaign: created once, found again on a re-import.
        QJsonObject spec{{QStringLiteral("type"), QStringLiteral("email")},
                         {QStringLiteral("source"), QStringLiteral("MineThatData E-Mail Analytics Challenge, 2008")},
                         {QStringLiteral("arms"), QJsonArray{QStringLiteral("Mens E-Mail"), QStringLiteral("Womens E-Mail"), QStringLiteral("No E-Mail")}},
                         {QStringLiteral("control_arm"), QStringLiteral("No E-Mail")},
                         {QStringLiteral("outcome_window_days"), 14},
                         {QStringLiteral("channel"), QStringLiteral("email")}};
        Statement upsert = ctx.db.prepare(
            "INSERT INTO campaigns (name, type, spec, status, created_at) VALUES (?, 'email', ?, 'completed', ?) "
            "ON CONFLICT (name) DO UPDATE SET spec = excluded.spec");
        upsert.bind(1, kHillstromCampaignName)
            .bind(2, QString::fromUtf8(QJsonDocument(spec).toJson(QJsonDocument::Compact)))
            .bind(3, QDateTime::currentSecsSinceEpoch());
        const bool existed = ctx.db.queryInt("SELECT count(*) FROM campaigns WHERE name = 'Hillstrom e-mail test (2008)'") > 0;
        upsert.run();
        campaignId_ = ctx.db.queryInt("SELECT campaign_id FROM campaigns WHERE name = 'Hillstrom e-mail test (2008)'");
        existed ? ctx.countUpdated(QStringLiteral("campaigns")) : ctx.countInserted(QStringLiteral("campaigns"));

        user_ = ctx.db.prepare("INSERT INTO users (user_id, attributes) VALUES (?, ?) "
                               "ON CONFLICT (user_id) DO UPDATE SET attributes = json_patch(users.attributes, excluded.attributes)");
        exposure_ = ctx.db.prepare("INSERT INTO exposures (campaign_id, uid, grp, variant, channel) VALUES (?, ?, ?, ?, 'email') "
                                   "ON CONFLICT (campaign_id, uid) DO UPDATE SET grp = excluded.grp, variant = excluded.variant");
        response_ = ctx.db.prepare("INSERT INTO responses (campaign_id, uid, visited, converted, revenue) VALUES (?, ?, ?, ?, ?) "
                                   "ON CONFLICT (campaign_id, uid) DO UPDATE SET visited = excluded.visited, "
                                   "converted = excluded.converted, revenue = excluded.revenue");
        ctx.prepareBulkLoad("exposures", ctx.estimatedRecords());
        for (int c = 0; c < ColCount; ++c) ctx.report.mapping << QStringLiteral("%1 \u2190 %2").arg(QString::fromLatin1(kColumns[static_cast<std::size_t>(c)]), ctx.header()[col_[static_cast<std::size_t>(c)]]);
        return std::nullopt;
    }

    void row(const CsvRecord& rec, ImportContext& ctx) override
    {
        auto field = [&](Col c) { return trimmed(rec[static_cast<std::size_t>(col_[c])]); };
        auto bad = [&](Col c, const QString& reason, const QString& what) {
            ctx.reject(rec, col_[c], reason, presetWhere(rec, col_[c], ctx) + QStringLiteral(": \"") + qs(field(c)) + QStringLiteral("\" ") + what);
        };
        auto flag = [&](Col c, std::int64_t& out) {
            const auto v = parseBool(field(c));
            if (!v) {
                bad(c, Text::tr("not allowed"), Text::tr("is not 0 or 1"));
                return false;
            }
            out = *v;
            return true;
        };
        const auto recency = parseInteger(field(Recency), ctx.numbers);
        if (!recency || *recency < 1 || *recency > 12) return bad(Recency, Text::tr("out of range"), Text::tr("is not a number of months from 1 to 12"));
        const auto history = parseNumber(field(History), ctx.numbers);
        if (!history || *history < 0) return bad(History, Text::tr("not a number"), Text::tr("is not a spend amount"));
        const auto spend = parseNumber(field(Spend), ctx.numbers);
        if (!spend || *spend < 0) return bad(Spend, Text::tr("not a number"), Text::tr("is not a spend amount"));
        std::int64_t mens = 0, womens = 0, newbie = 0, visit = 0, conversion = 0;
        if (!flag(Mens, mens) || !flag(Womens, womens) || !flag(Newbie, newbie) || !flag(Visit, visit) || !flag(Conversion, conversion))
            return;
        const std::string_view arm = field(Segment);
        const bool control = arm == "No E-Mail";
        if (!control && arm != "Mens E-Mail" && arm != "Womens E-Mail")
            return bad(Segment, Text::tr("not allowed"), Text::tr("is not one of the test's arms (Mens E-Mail, Womens E-Mail, No E-Mail)"));

        // The data row number is the customer's only identity.
        char id[24];
        std::snprintf(id, sizeof id, "HS%05lld", static_cast<long long>(ctx.report.records));
        // The file's own columns, kept as typed attributes (keys in sorted order,
        // as the users table's JSON keeps them).
        json_.assign("{\"channel\":");
        appendJsonString(json_, field(Channel));
        json_ += ",\"history\":";
        appendJsonNumber(json_, *history);
        json_ += ",\"history_segment\":";
        appendJsonString(json_, field(HistorySegment));
        json_ += ",\"mens\":" + std::to_string(mens) + ",\"newbie\":" + std::to_string(newbie)
                 + ",\"recency\":" + std::to_string(*recency) + ",\"womens\":" + std::to_string(womens) + ",\"zip_code\":";
        appendJsonString(json_, field(ZipCode));
        json_.push_back('}');

        std::optional<std::int64_t> uid = ctx.users().find(id);
        user_.bind(1, std::string_view(id)).bind(2, std::string_view(json_), false);
        user_.run();
        const bool existed = uid.has_value();
        if (!existed) {
            uid = ctx.db.lastInsertRowId();
            ctx.users().add(id, *uid);
        }
        exposure_.bind(1, campaignId_).bind(2, *uid).bind(3, control ? "control" : "treatment").bind(4, arm);
        exposure_.run();
        response_.bind(1, campaignId_).bind(2, *uid).bind(3, visit).bind(4, conversion).bind(5, *spend);
        response_.run();
        for (const char* table : {"users", "exposures", "responses"})
            existed ? ctx.countUpdated(QString::fromLatin1(table)) : ctx.countInserted(QString::fromLatin1(table));
        ctx.accepted();
    }

    Status finish(ImportContext& ctx) override
    {
        ctx.note(Text::tr("the Hillstrom data has no dates: the campaign, its exposures and responses carry no time "
                    "(the e-mails went out in 2008; outcomes cover the two weeks after)"));
        return std::nullopt;
    }

    QJsonObject describeMapping() const override { return {{QStringLiteral("preset"), QStringLiteral("hillstrom")}}; }

    // Users are created or found in memory, the campaign once, and each
    // response follows its own exposure.
    bool resolvesAllReferences() const override { return true; }
    QString currency() const override { return QStringLiteral("USD"); }

private:
    std::vector<int> col_;
    std::int64_t campaignId_ = 0;
    std::string json_;
    Statement user_, exposure_, response_;
};

} // namespace

std::unique_ptr<RowHandler> makeHillstromPreset() { return std::make_unique<HillstromPreset>(); }

const std::vector<const char*>& hillstromColumns() { return kColumns; }

} // namespace cwb::model
