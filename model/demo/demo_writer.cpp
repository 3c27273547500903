#include "demo/demo_writer.h"
#include "core/text.h"

#include "demo/shop_generator.h"
#include "import/value_parsers.h"
#include "sql/sql_error.h"
#include "sql/statement.h"
#include "sql/transaction.h"
#include "workspace/meta.h"
#include "workspace/workspace.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <future>

namespace cwb::model {

namespace demo = engine::demo;

namespace {

QString qs(std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }

// The campaign as a spec document (the format `cwb campaign` uses).
QJsonObject offerJson(const demo::Offer& o)
{
    QJsonObject offer;
    if (o.percentOff > 0) offer.insert(QStringLiteral("percent_off"), o.percentOff * 100.0);
    if (o.amountOff > 0) offer.insert(QStringLiteral("amount_off"), o.amountOff);
    if (o.pointsMultiplier > 1) offer.insert(QStringLiteral("points_multiplier"), o.pointsMultiplier);
    return offer;
}

QByteArray campaignSpec(const demo::DemoCampaign& c)
{
    const demo::Offer& o = c.offer;
    const QJsonObject offer = offerJson(o);
    QJsonObject spec{{QStringLiteral("type"), qs(demo::offerTypeName(o.type))},
                     {QStringLiteral("offer"), offer},
                     {QStringLiteral("min_spend"), o.minSpend},
                     {QStringLiteral("duration_hours"), o.durationHours},
                     {QStringLiteral("start"), isoUtc(o.startTs)},
                     {QStringLiteral("channel"), qs(demo::channelName(o.channel))},
                     {QStringLiteral("control_share"), c.controlShare},
                     {QStringLiteral("code"), QString::fromStdString(c.code)}};
    if (o.categoryMask) {
        QJsonArray cats;
        for (int k = 0; k < demo::kCategoryCount; ++k)
            if (o.categoryMask & (1u << k)) cats.append(qs(demo::categoryName(k)));
        spec.insert(QStringLiteral("categories"), cats);
    }
    if (o.tierMask) {
        QJsonArray tiers;
        for (int t = 0; t < demo::kTierCount; ++t)
            if (o.tierMask & (1u << t)) tiers.append(qs(demo::tierName(t)));
        spec.insert(QStringLiteral("eligible_tiers"), tiers);
    }
    if (!c.arms.empty()) {
        // A test: treated customers spread evenly over the arms; the exposure's variant names the arm.
        QJsonArray arms;
        for (const demo::DemoArm& a : c.arms)
            arms.append(QJsonObject{{QStringLiteral("name"), QString::fromStdString(a.name)}, {QStringLiteral("offer"), offerJson(a.offer)}});
        spec.insert(QStringLiteral("arms"), arms);
    }
    static const char* rules[] = {"all", "active_90d", "members", "lapsed_120d"};
    spec.insert(QStringLiteral("target"), QJsonObject{{QStringLiteral("rule"), QString::fromLatin1(rules[static_cast<int>(c.rule)])},
                                                      {QStringLiteral("share"), c.targetShare}});
    return QJsonDocument(spec).toJson(QJsonDocument::Compact);
}

std::string_view view(const QByteArray& b) { return {b.constData(), static_cast<std::size_t>(b.size())}; }

class Writer {
public:
    Writer(Workspace& ws, const demo::ShopGenerator& gen) : db_(ws.db()), gen_(gen)
    {
        user_ = db_.prepare("INSERT INTO users (uid, user_id, signup_date, age, gender, region, city, occupation, "
                            "member_tier, attributes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        event_ = db_.prepare("INSERT INTO events (uid, ts, type, product_id, category, query, dwell_seconds) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?)");
        order_ = db_.prepare("INSERT INTO orders (order_id, uid, ts, amount, item_count, coupon_code) VALUES (?, ?, ?, ?, ?, ?)");
        exposure_ = db_.prepare("INSERT INTO exposures (campaign_id, uid, ts, grp, channel, variant) VALUES (?, ?, ?, ?, ?, ?)");
        response_ = db_.prepare("INSERT INTO responses (campaign_id, uid, visited, redeemed, converted, revenue, ts) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?)");
    }

    void writeCatalogue(QMap<QString, qint64>& rows)
    {
        Statement product = db_.prepare("INSERT INTO products (product_id, name, category, price) VALUES (?, ?, ?, ?)");
        for (const demo::Product& p : gen_.products()) {
            product.bind(1, std::string_view(p.id)).bind(2, std::string_view(p.name)).bind(3, demo::categoryName(p.category)).bind(4, p.price);
            product.run();
        }
        rows[QStringLiteral("products")] = static_cast<qint64>(gen_.products().size());
        Statement campaign = db_.prepare("INSERT INTO campaigns (name, type, spec, status, created_at, start_ts, end_ts) "
                                         "VALUES (?, ?, ?, 'completed', ?, ?, ?)");
        for (const demo::DemoCampaign& c : gen_.campaigns()) {
            const QByteArray spec = campaignSpec(c);
            campaign.bind(1, std::string_view(c.name))
                .bind(2, demo::offerTypeName(c.offer.type))
                .bind(3, view(spec))
                .bind(4, c.offer.startTs - 7 * 86400)
                .bind(5, c.offer.startTs)
                .bind(6, c.offer.endTs());
            campaign.run();
            campaignIds_.push_back(db_.lastInsertRowId());
        }
        rows[QStringLiteral("campaigns")] = static_cast<qint64>(gen_.campaigns().size());
    }

    void writeBatch(const demo::UserBatch& b, QMap<QString, qint64>& rows)
    {
        const auto& cityList = demo::cities();
        static const char* income[] = {"low", "mid", "high"};
        std::string attrs;
        for (const demo::UserRecord& u : b.users) {
            const demo::City& city = cityList[static_cast<std::size_t>(u.city)];
            attrs = "{\"device\":\"" + std::string(demo::deviceName(u.device)) + "\",\"acquisition_channel\":\""
                    + std::string(demo::acquisitionName(u.acquisition)) + "\",\"city_tier\":" + std::to_string(city.tier)
                    + ",\"income_band\":\"" + income[u.incomeBand] + "\"}";
            user_.bind(1, u.uid)
                .bind(2, std::string_view(u.userId))
                .bind(3, u.signupTs)
                .bind(4, u.age)
                .bind(5, u.female ? "female" : "male")
                .bind(6, city.region)
                .bind(7, city.city)
                .bind(8, demo::occupationName(u.occupation))
                .bind(9, demo::tierName(u.tier))
                .bind(10, std::string_view(attrs));
            user_.run();
        }
        for (const demo::EventRecord& e : b.events) {
            event_.bind(1, e.uid).bind(2, e.ts).bind(3, demo::eventTypeName(e.type), false);
            if (e.product >= 0) event_.bind(4, std::string_view(gen_.products()[static_cast<std::size_t>(e.product)].id), false);
            else event_.bindNull(4);
            if (e.category >= 0) event_.bind(5, demo::categoryName(e.category), false);
            else event_.bindNull(5);
            if (e.searchTerm >= 0)
                event_.bind(6, demo::categorySearchTerm(e.searchTerm / demo::kSearchTermsPerCategory, e.searchTerm % demo::kSearchTermsPerCategory), false);
            else event_.bindNull(6);
            if (e.dwellSeconds >= 0) event_.bind(7, double(e.dwellSeconds));
            else event_.bindNull(7);
            event_.run();
        }
        char id[32];
        for (const demo::OrderRecord& o : b.orders) {
            std::snprintf(id, sizeof id, "O%07lld-%d", static_cast<long long>(o.uid), o.seq);
            order_.bind(1, std::string_view(id)).bind(2, o.uid).bind(3, o.ts).bind(4, o.amount).bind(5, o.itemCount);
            if (o.campaign >= 0) order_.bind(6, std::string_view(gen_.campaigns()[static_cast<std::size_t>(o.campaign)].code), false);
            else order_.bindNull(6);
            order_.run();
        }
        for (const demo::ExposureRecord& e : b.exposures) {
            exposure_.bind(1, campaignIds_[static_cast<std::size_t>(e.campaign)])
                .bind(2, e.uid)
                .bind(3, e.ts)
                .bind(4, e.treatment ? "treatment" : "control")
                .bind(5, demo::channelName(gen_.campaigns()[static_cast<std::size_t>(e.campaign)].offer.channel));
            if (e.arm >= 0)
                exposure_.bind(6, std::string_view(gen_.campaigns()[static_cast<std::size_t>(e.campaign)].arms[static_cast<std::size_t>(e.arm)].name), false);
            else
                exposure_.bindNull(6);
            exposure_.run();
        }
        for (const demo::ResponseRecord& r : b.responses) {
            response_.bind(1, campaignIds_[static_cast<std::size_t>(r.campaign)])
                .bind(2, r.uid)
                .bind(3, std::int64_t(r.visited))
                .bind(4, std::int64_t(r.redeemed))
                .bind(5, std::int64_t(r.converted))
                .bind(6, r.revenue);
            if (r.ts >= 0) response_.bind(7, r.ts);
            else response_.bindNull(7);
            response_.run();
        }
        rows[QStringLiteral("users")] += static_cast<qint64>(b.users.size());
        rows[QStringLiteral("events")] += static_cast<qint64>(b.events.size());
        rows[QStringLiteral("orders")] += static_cast<qint64>(b.orders.size());
        rows[QStringLiteral("exposures")] += static_cast<qint64>(b.exposures.size());
        rows[QStringLiteral("responses")] += static_cast<qint64>(b.responses.size());
    }

private:
    Database& db_;
    const demo::ShopGenerator& gen_;
    Statement user_, event_, order_, exposure_, response_;
    std::vector<std::int64_t> campaignIds_;
};

} // namespace

Result<DemoReport> writeDemoData(Workspace& ws, const DemoOptions& options, const std::function<bool(qint64, qint64)>& progress)
{
    demo::ShopParams params;
    params.users = options.users;
    params.seed = options.seed;
    params.eventsPerUser = options.eventsPerUser;
    params.historyDays = options.historyDays;
    if (const auto problems = params.validate(); !problems.empty()) return makeError(qs(problems.front()));
    if (ws.db().queryInt("SELECT count(*) FROM users") > 0)
        return makeError(Text::tr("the workspace already holds users; demo data goes into a new, empty workspace"));

    QElapsedTimer timer;
    timer.start();
    const demo::ShopGenerator gen(params);
    DemoReport report;
    try {
        Transaction tx(ws.db());
        // Bulk load: build the secondary indexes once at the end.
        std::vector<std::string> indexes;
        {
            Statement st = ws.db().prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                                           "AND tbl_name IN ('events', 'orders', 'exposures')");
            std::vector<std::string> names;
            while (st.step()) {
                names.emplace_back(st.textView(0));
                indexes.emplace_back(st.textView(1));
            }
            st.reset();
            for (const auto& n : names) ws.db().exec("DROP INDEX \"" + n + "\"");
        }
        Writer writer(ws, gen);
        writer.writeCatalogue(report.rows);

        // Generate the next batch on a second thread while this one writes.
        constexpr qint64 batchUsers = 4096;
        auto generate = [&gen](qint64 first, qint64 count) {
            demo::UserBatch b;
            gen.generate(first, count, b);
            return b;
        };
        qint64 next = 1;
        std::future<demo::UserBatch> pending =
            std::async(std::launch::async, generate, next, std::min<qint64>(batchUsers, params.users));
        while (next <= params.users) {
            demo::UserBatch batch = pending.get();
            const qint64 done = next + static_cast<qint64>(batch.users.size()) - 1;
            next = done + 1;
            if (next <= params.users)
                pending = std::async(std::launch::async, generate, next, std::min<qint64>(batchUsers, params.users - next + 1));
            writer.writeBatch(batch, report.rows);
            if (progress && !progress(done, params.users)) {
                if (pending.valid()) pending.wait();
                report.cancelled = true;
                report.seconds = timer.elapsed() / 1000.0;
                return report;   // rolled back
            }
        }
        for (const std::string& sql : indexes) ws.db().exec(sql);
        setWorkspaceCurrency(ws.db(), QStringLiteral("CNY"));   // the demo shop sells in yuan
        ws.bumpDataVersion();
        tx.commit();
    } catch (const SqlError& e) {
        if (e.isDiskFull()) return makeError(Text::tr("the disk is full; no demo data was written"));
        return makeError(Text::tr("writing the demo data failed (%1); nothing was written").arg(QString::fromUtf8(e.what())));
    }
    report.seconds = timer.elapsed() / 1000.0;
    return report;
}

} // namespace cwb::model
