#include "training/training_set.h"

#include "core/random.h"
#include "core/text.h"
#include "sql/sql_error.h"
#include "sql/statement.h"
#include "training/exposure_features.h"
#include "training/model_inputs.h"
#include "workspace/workspace.h"

#include <QCryptographicHash>
#include <QHash>

#include <unordered_map>

namespace cwb::model {

QString outcomeKey(Outcome o)
{
    switch (o) {
    case Outcome::Redeemed: return QStringLiteral("redeemed");
    case Outcome::Converted: return QStringLiteral("converted");
    case Outcome::Visited: return QStringLiteral("visited");
    }
    return {};
}

std::optional<Outcome> parseOutcome(const QString& key)
{
    for (Outcome o : {Outcome::Redeemed, Outcome::Converted, Outcome::Visited})
        if (key.compare(outcomeKey(o), Qt::CaseInsensitive) == 0) return o;
    return std::nullopt;
}

namespace {

struct Cancel {};

QList<CampaignOffer> selectCampaigns(const QList<CampaignOffer>& all, const QStringList& wanted, QString* error)
{
    if (wanted.isEmpty()) return all;
    QList<CampaignOffer> out;
    for (const QString& w : wanted) {
        bool found = false;
        for (const CampaignOffer& c : all) {
            if (c.name == w || QString::number(c.id) == w) {
                if (std::none_of(out.begin(), out.end(), [&](const CampaignOffer& o) { return o.id == c.id; })) out << c;
                found = true;
            }
        }
        if (!found) {
            QStringList names;
            for (const CampaignOffer& c : all) names << c.name;
            *error = Text::tr("no campaign with exposures is called \"%1\"; there are: %2").arg(w, names.join(QStringLiteral(", ")));
            return {};
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const CampaignOffer& a, const CampaignOffer& b) { return a.startTs < b.startTs; });
    return out;
}

double realOr(const Statement& st, int col, double fallback) { return st.isNull(col) ? fallback : st.real(col); }

} // namespace

const std::string_view kHistoryColumns =
    "f.orders, f.paid_spend, f.avg_order_value, f.recency_days, f.orders_90d, f.events, f.events_30d, f.views, f.searches, "
    "f.carts, f.favorites, f.purchases, f.active_days_30d, f.mean_dwell_seconds, f.days_since_signup, f.prior_offers, "
    "f.prior_redemptions, f.prior_conversions, f.category_views, f.h0, f.h1, f.h2, f.h3, f.h4, f.h5, f.h6, f.h7, "
    "u.age, u.gender, u.region, u.city, u.occupation, u.member_tier, u.attributes, f.active_days, f.weeks_observed";

Statement exposureQuery(Database& db, qint64 campaignId, std::optional<Outcome> target)
{
    Statement st = db.prepare(
        "SELECT x.uid, x.grp, x.variant, x.channel, " + (target ? "r." + outcomeKey(*target).toStdString() : std::string("NULL")) + ", " +
        std::string(kHistoryColumns) + " "
        "FROM exposures x "
        "JOIN exposure_features f ON f.campaign_id = x.campaign_id AND f.uid = x.uid "
        "JOIN users u ON u.uid = x.uid "
        "LEFT JOIN responses r ON r.campaign_id = x.campaign_id AND r.uid = x.uid "
        "WHERE x.campaign_id = ? ORDER BY x.uid");
    st.bind(1, campaignId);
    return st;
}

void readExposureRow(const Statement& st, HistoryRow& hist, UserRow& user)
{
    hist.orders = st.real(5);
    hist.paidSpend = st.real(6);
    hist.averageOrderValue = realOr(st, 7, kMissing);
    hist.recencyDays = realOr(st, 8, kMissing);
    hist.orders90d = st.real(9);
    hist.events = st.real(10);
    hist.events30d = st.real(11);
    hist.views = st.real(12);
    hist.searches = st.real(13);
    hist.carts = st.real(14);
    hist.favorites = st.real(15);
    hist.purchases = st.real(16);
    hist.activeDays30d = st.real(17);
    hist.meanDwellSeconds = realOr(st, 18, kMissing);
    hist.daysSinceSignup = realOr(st, 19, kMissing);
    hist.priorOffers = st.real(20);
    hist.priorRedemptions = st.real(21);
    hist.priorConversions = st.real(22);
    hist.categoryViews = realOr(st, 23, kMissing);
    for (int b = 0; b < 8; ++b) hist.hours[static_cast<std::size_t>(b)] = st.real(24 + b);
    user.age = realOr(st, 32, kMissing);
    user.gender = st.text(33);
    user.region = st.text(34);
    user.city = st.text(35);
    user.occupation = st.text(36);
    user.memberTier = st.text(37);
    hist.activeDays = st.real(39);
    hist.weeksObserved = st.real(40);
}

const AttributeValues& cachedAttributes(std::unordered_map<qint64, AttributeValues>& cache, const AttributeSchema& schema, qint64 uid,
                                        const Statement& st)
{
    auto it = cache.find(uid);
    if (it == cache.end()) {
        const std::string_view doc = st.textView(38);
        it = cache.emplace(uid, AttributeValues::parse(schema, QByteArray(doc.data(), static_cast<qsizetype>(doc.size())))).first;
    }
    return it->second;
}

Result<TrainingSet> buildTrainingSet(Workspace& ws, const TrainingSetRequest& req, const std::function<bool(const QString&, double)>& progress)
{
    Database& db = ws.db();
    auto step = [&](const QString& what, double f) {
        if (progress && !progress(what, f)) throw Cancel{};
    };
    try {
        auto built = ensureExposureFeatures(ws, false, [&](const QString& what, double f) { return !progress || progress(what, 0.6 * f); });
        if (!built) return built.error();
        if (built->cancelled) return makeError(Text::tr("cancelled"));

        TrainingSet set;
        set.dataVersion = ws.dataVersion();
        QString error;
        const QList<CampaignOffer> all = exposedCampaigns(db);
        if (all.isEmpty())
            return makeError(Text::tr("the workspace has no campaign exposures to learn from: import past campaigns (exposures and responses) "
                                      "or create a demo workspace"));
        QList<CampaignOffer> chosen = selectCampaigns(all, req.campaigns, &error);
        if (!error.isEmpty()) return makeError(error);

        const QString target = outcomeKey(req.target);
        // Campaigns that recorded the target, and (with an arm) that ran that arm.
        QList<CampaignOffer> usable;
        QStringList armsSeen;
        for (const CampaignOffer& c : chosen) {
            Statement recorded = db.prepare("SELECT count(*) FROM responses WHERE campaign_id = ? AND " + target.toStdString() + " IS NOT NULL");
            recorded.bind(1, c.id);
            recorded.step();
            if (recorded.int64(0) == 0) {
                set.notes << Text::tr("\"%1\" left out: it did not record %2").arg(c.name, target);
                continue;
            }
            Statement arms = db.prepare("SELECT DISTINCT variant FROM exposures WHERE campaign_id = ? AND grp = 'treatment' AND variant IS NOT NULL ORDER BY variant");
            arms.bind(1, c.id);
            QStringList variants;
            while (arms.step()) variants << arms.text(0);
            armsSeen << variants;
            if (!req.arm.isEmpty() && !variants.contains(req.arm)) {
                set.notes << Text::tr("\"%1\" left out: it has no arm \"%2\"").arg(c.name, req.arm);
                continue;
            }
            if (req.arm.isEmpty() && variants.size() > 1 && c.armOffers.isEmpty())
                set.notes << Text::tr("\"%1\": its treated arms (%2) are taken together; --arm picks one").arg(c.name, variants.join(QStringLiteral(", ")));
            usable << c;
        }
        if (usable.isEmpty()) {
            if (!req.arm.isEmpty()) {
                armsSeen.removeDuplicates();
                return makeError(Text::tr("no campaign has the arm \"%1\"%2").arg(req.arm,
                    armsSeen.isEmpty() ? QString() : Text::tr("; arms: %1").arg(armsSeen.join(QStringLiteral(", ")))));
            }
            return makeError(Text::tr("no campaign recorded %1; choose another target (--target redeemed, converted or visited)").arg(target));
        }

        // How many exposures, to sample beyond maxRows.
        for (const CampaignOffer& c : usable) {
            Statement count = db.prepare("SELECT count(*) FROM exposures WHERE campaign_id = ? AND (grp = 'control' OR ? = '' OR variant = ?)");
            count.bind(1, c.id).bind(2, req.arm).bind(3, req.arm);
            count.step();
            set.exposures += count.int64(0);
        }
        const double keep = set.exposures > req.maxRows && req.maxRows > 0 ? double(req.maxRows) / double(set.exposures) : 1.0;
        if (keep < 1.0)
            set.notes << Text::tr("%1 exposures: a random sample of about %2 is used").arg(QString::number(set.exposures), QString::number(req.maxRows));

        // The shop's own fields: which keys, and which are numbers.
        step(Text::tr("reading the users' attributes"), 0.62);
        std::vector<QByteArray> sample;
        {
            Statement st = db.prepare("SELECT attributes FROM users u WHERE attributes <> '{}' AND EXISTS (SELECT 1 FROM exposures x WHERE x.uid = u.uid) "
                                      "AND uid % ? = 0 LIMIT 50000");
            const qint64 exposedUsers = db.queryInt("SELECT count(DISTINCT uid) FROM exposures");
            st.bind(1, std::max<qint64>(1, exposedUsers / 50000));
            while (st.step()) sample.emplace_back(st.textView(0).data(), static_cast<qsizetype>(st.textView(0).size()));
        }
        ModelInputs inputs(AttributeSchema::infer(sample));
        std::unordered_map<qint64, AttributeValues> attributeCache;

        QCryptographicHash hash(QCryptographicHash::Sha256);
        hash.addData(QByteArray::number(set.dataVersion) + '/' + target.toUtf8() + '/' + req.arm.toUtf8());
        std::vector<double> y;
        for (qsizetype k = 0; k < usable.size(); ++k) {
            const CampaignOffer& c = usable[k];
            step(Text::tr("reading exposures of \"%1\"").arg(c.name), 0.62 + 0.35 * double(k) / double(usable.size()));
            Statement st = exposureQuery(db, c.id, req.target);
            CampaignRows rows;
            rows.id = c.id;
            rows.name = c.name;
            rows.startTs = c.startTs;
            const int campaignIndex = static_cast<int>(set.campaigns.size());
            // A test of several offers: control users had none, so each is given one of the arms at
            // random (in the arms' proportions) — their inputs then say nothing about their group.
            QStringList armNames;
            std::vector<double> armCumulative;
            if (!c.armOffers.isEmpty()) {
                Statement arms = db.prepare("SELECT variant, count(*) FROM exposures WHERE campaign_id = ? AND grp = 'treatment' "
                                            "AND variant IS NOT NULL GROUP BY variant ORDER BY variant");
                arms.bind(1, c.id);
                double total = 0;
                while (arms.step()) {
                    armNames << arms.text(0);
                    total += double(arms.int64(1));
                    armCumulative.push_back(total);
                }
                for (double& v : armCumulative) v /= total;
                if (!armNames.isEmpty())
                    set.notes << Text::tr("\"%1\" tested %2 offers; its control users are compared with each at random")
                                     .arg(c.name).arg(armNames.size());
            }
            while (st.step()) {
                const qint64 uid = st.int64(0);
                const bool treated = st.textView(1) == "treatment";
                if (treated && !req.arm.isEmpty() && st.text(2) != req.arm) continue;
                if (keep < 1.0) {
                    const std::uint64_t h = engine::mix64(req.seed ^ engine::mix64(static_cast<std::uint64_t>(c.id) * 0x9E3779B97F4A7C15ULL + static_cast<std::uint64_t>(uid)));
                    if (double(h >> 11) * 0x1.0p-53 >= keep) continue;
                }
                const double outcome = st.isNull(4) ? 0.0 : double(st.int64(4));
                HistoryRow hist;
                UserRow user;
                readExposureRow(st, hist, user);
                if (!inputs.schema().keys.isEmpty()) user.attributes = &cachedAttributes(attributeCache, inputs.schema(), uid, st);
                QString variant = st.text(2);
                if (!treated && !armNames.isEmpty()) {
                    const std::uint64_t h = engine::mix64(req.seed ^ 0xA5A5ULL ^ engine::mix64(static_cast<std::uint64_t>(c.id) * 0x9E3779B97F4A7C15ULL + static_cast<std::uint64_t>(uid)));
                    const double u = double(h >> 11) * 0x1.0p-53;
                    std::size_t arm = 0;
                    while (arm + 1 < armCumulative.size() && u >= armCumulative[arm]) ++arm;
                    variant = armNames[static_cast<qsizetype>(arm)];
                }
                inputs.add(hist, user, c.offerFor(variant), st.text(3));
                y.push_back(outcome);
                set.treated.push_back(treated ? 1 : 0);
                set.campaign.push_back(campaignIndex);
                set.uids.push_back(uid);
                (treated ? rows.treated : rows.control) += 1;
                (treated ? rows.treatedPositives : rows.controlPositives) += outcome;
                const qint64 record[4] = {c.id, uid, treated ? 1 : 0, static_cast<qint64>(outcome)};
                hash.addData(QByteArrayView(reinterpret_cast<const char*>(record), sizeof record));
            }
            if (rows.treated + rows.control == 0) continue;
            set.campaigns << rows;
            set.offers << c;
        }
        if (y.empty()) return makeError(Text::tr("the chosen campaigns have no exposures to learn from"));
        set.inputs = inputs.take();
        set.y = Eigen::Map<const Eigen::VectorXd>(y.data(), static_cast<Eigen::Index>(y.size()));
        set.campaignInputs = ModelInputs::offerInputs();
        set.fingerprint = QString::fromLatin1(hash.result().toHex());
        step(Text::tr("training set ready"), 1.0);
        return set;
    } catch (const Cancel&) {
        return makeError(Text::tr("cancelled"));
    } catch (const SqlError& e) {
        return makeError(Text::tr("reading the training data failed: %1").arg(QString::fromUtf8(e.what())));
    }
}

} // namespace cwb::model
