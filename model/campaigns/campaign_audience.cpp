#include "campaigns/campaign_audience.h"

#include "campaigns/campaign_store.h"
#include "core/parallel.h"
#include "core/text.h"
#include "features/feature_builder.h"
#include "segments/segment_store.h"
#include "sql/sql_error.h"
#include "sql/statement.h"
#include "sql/transaction.h"
#include "training/exposure_features.h"
#include "training/training_set.h"
#include "workspace/workspace.h"

#include <QSet>

#include <algorithm>
#include <cmath>
#include <unordered_set>

namespace cwb::model {

namespace {

constexpr int kMaxBreakdownSegments = 24;

QStringList categoriesOf(const engine::CampaignSpec& s)
{
    QStringList out;
    if (s.type == engine::CampaignType::FlashSale)
        for (const std::string& c : s.flashSale.categories) out << QString::fromStdString(c);
    return out;
}

// The UTC day of a start time: the history is read up to the start's day, so hours may move freely.
std::int64_t dayOf(std::int64_t ts) { return ts >= 0 ? ts / 86400 : (ts - 86399) / 86400; }

void dropTemporaries(Database& db)
{
    try {
        db.exec("DROP TABLE IF EXISTS temp.audience");
        db.exec("DROP TABLE IF EXISTS temp.audience_history");
        db.exec("DROP TABLE IF EXISTS temp.x_categories");
    } catch (const SqlError&) {
    }
}

// Pooled within-user standard deviation of log order values, from up to 200,000 paid orders.
double basketLogSd(Database& db)
{
    Statement st = db.prepare("SELECT uid, amount FROM orders WHERE status = 'paid' AND amount > 0 AND uid IS NOT NULL "
                              "ORDER BY uid LIMIT 200000");
    double sumSq = 0, dof = 0;
    qint64 current = -1;
    std::vector<double> logs;
    auto flush = [&] {
        if (logs.size() < 2) return;
        double mean = 0;
        for (double v : logs) mean += v;
        mean /= double(logs.size());
        for (double v : logs) sumSq += (v - mean) * (v - mean);
        dof += double(logs.size() - 1);
    };
    while (st.step()) {
        if (st.int64(0) != current) {
            flush();
            logs.clear();
            current = st.int64(0);
        }
        logs.push_back(std::log(st.real(1)));
    }
    flush();
    return dof >= 30 ? std::sqrt(sumSq / dof) : 0.5;
}

} // namespace

bool CampaignAudience::sameUsers(const engine::CampaignSpec& a, const engine::CampaignSpec& b)
{
    return a.includeSegments == b.includeSegments && a.excludeSegments == b.excludeSegments && a.type == b.type &&
           categoriesOf(a) == categoriesOf(b) && (a.type != engine::CampaignType::Member || a.member.tiers == b.member.tiers) &&
           a.channel == b.channel && dayOf(a.startTs) == dayOf(b.startTs);
}

AttributeSchema mergeSchemas(const AttributeSchema& a, const AttributeSchema& b)
{
    AttributeSchema out = a;
    for (qsizetype k = 0; k < b.keys.size(); ++k)
        if (!out.keys.contains(b.keys[k])) {
            out.keys << b.keys[k];
            out.numeric.push_back(b.numeric[static_cast<std::size_t>(k)]);
        }
    return out;
}

CampaignAudience CampaignAudience::subset(const std::vector<Eigen::Index>& rows) const
{
    CampaignAudience s;
    s.asOf = asOf;
    s.schema = schema;
    s.ineligible = ineligible;
    s.categories = categories;
    s.channel = channel;
    s.segmentNames = segmentNames;
    s.basketLogSd = basketLogSd;
    s.medianOrderValue = medianOrderValue;
    s.inputs = inputs.rowsAt(rows);
    std::vector<Eigen::Index> newRow(size(), -1);
    for (std::size_t k = 0; k < rows.size(); ++k) {
        const auto i = static_cast<std::size_t>(rows[k]);
        newRow[i] = static_cast<Eigen::Index>(k);
        s.uids.push_back(uids[i]);
        s.fit.push_back(fit[i]);
        s.averageOrderValue.push_back(averageOrderValue[i]);
        s.ordersPerDay.push_back(ordersPerDay[i]);
    }
    for (const std::vector<Eigen::Index>& members : segmentRows) {
        std::vector<Eigen::Index> kept;
        for (Eigen::Index i : members)
            if (newRow[static_cast<std::size_t>(i)] >= 0) kept.push_back(newRow[static_cast<std::size_t>(i)]);
        s.segmentRows.push_back(std::move(kept));
    }
    return s;
}

Result<CampaignAudience> loadAudience(Workspace& ws, const engine::CampaignSpec& spec, const AttributeSchema& schema, const AudienceProgress& progress)
{
    Database& db = ws.db();
    auto target = targetUsers(db, spec);
    if (!target) return target.error();
    if (target->empty()) return makeError(Text::tr("the campaign reaches nobody: its included segments are empty or all excluded"));
    if (progress && !progress(Text::tr("reading the history of %L1 users").arg(qint64(target->size())), 0.0))
        return makeError(Text::tr("cancelled"));

    CampaignAudience a;
    a.schema = schema;
    a.categories = categoriesOf(spec);
    a.channel = QString::fromStdString(spec.channel);
    QSet<QString> tiers;
    if (spec.type == engine::CampaignType::Member)
        for (const std::string& t : spec.member.tiers) tiers.insert(QString::fromStdString(t).trimmed().toLower());
    try {
        const auto [first, last] = activitySpan(db);
        const qint64 dataStart = first.value_or(0), dataEnd = last.value_or(0);
        a.asOf = spec.startTs > 0 ? std::min<qint64>(dayOf(spec.startTs) * 86400, dataEnd + 1) : dataEnd + 1;

        dropTemporaries(db);
        Transaction tx(db);
        db.exec("CREATE TEMP TABLE audience (campaign_id INTEGER NOT NULL, uid INTEGER NOT NULL, PRIMARY KEY (campaign_id, uid)) WITHOUT ROWID");
        db.exec("CREATE TEMP TABLE audience_history AS SELECT * FROM exposure_features WHERE 0");
        db.exec("CREATE TEMP TABLE x_categories (category TEXT PRIMARY KEY)");
        {
            Statement add = db.prepare("INSERT INTO temp.audience (campaign_id, uid) VALUES (0, ?)");
            for (qint64 uid : target.value()) {
                add.bind(1, uid);
                add.run();
            }
            Statement cat = db.prepare("INSERT OR IGNORE INTO temp.x_categories (category) VALUES (?)");
            for (const QString& c : a.categories) {
                cat.bind(1, c);
                cat.run();
            }
        }
        Statement history = db.prepare(historyInsertSql("temp.audience_history", "temp.audience"));
        history.bindNamed(":c", std::int64_t{0})
            .bindNamed(":start", static_cast<std::int64_t>(a.asOf))
            .bindNamed(":data_start", static_cast<std::int64_t>(std::min(dataStart, a.asOf)))
            .bindNamed(":has_categories", static_cast<std::int64_t>(a.categories.isEmpty() ? 0 : 1));
        history.run();
        if (progress && !progress(Text::tr("preparing the model inputs"), 0.8)) {
            tx.rollback();
            dropTemporaries(db);
            return makeError(Text::tr("cancelled"));
        }

        Statement st = db.prepare("SELECT f.uid, NULL, NULL, NULL, NULL, " + std::string(kHistoryColumns) +
                                  " FROM temp.audience_history f JOIN users u ON u.uid = f.uid ORDER BY f.uid");
        ModelInputs inputs(schema);
        const engine::OfferDescription offer = spec.offer();
        a.uids.reserve(target->size());
        a.fit.reserve(target->size());
        while (st.step()) {
            HistoryRow hist;
            UserRow user;
            readExposureRow(st, hist, user);
            if (!tiers.isEmpty() && !tiers.contains(user.memberTier.trimmed().toLower())) {
                ++a.ineligible;
                continue;
            }
            AttributeValues attributes;
            if (!schema.keys.isEmpty()) {
                const std::string_view doc = st.textView(38);
                attributes = AttributeValues::parse(schema, QByteArray(doc.data(), static_cast<qsizetype>(doc.size())));
                user.attributes = &attributes;
            }
            inputs.add(hist, user, offer, a.channel);
            a.uids.push_back(st.int64(0));
            a.fit.push_back(OfferFitHistory::of(hist));
            a.averageOrderValue.push_back(hist.averageOrderValue);
            a.ordersPerDay.push_back(hist.orders / (7.0 * std::max(1.0, hist.weeksObserved)));
        }
        a.inputs = inputs.take();
        tx.commit();
        dropTemporaries(db);

        a.basketLogSd = basketLogSd(db);
        std::vector<double> aov;
        for (double v : a.averageOrderValue)
            if (!std::isnan(v) && v > 0) aov.push_back(v);
        if (!aov.empty()) {
            std::nth_element(aov.begin(), aov.begin() + static_cast<std::ptrdiff_t>(aov.size() / 2), aov.end());
            a.medianOrderValue = aov[aov.size() / 2];
        } else {
            // No order history (a test export such as Hillstrom's): what past converters spent.
            Statement avg = db.prepare("SELECT coalesce((SELECT avg(amount) FROM orders WHERE status = 'paid'), "
                                       "(SELECT avg(revenue) FROM responses WHERE converted = 1 AND revenue > 0), 0)");
            a.medianOrderValue = avg.step() ? avg.real(0) : 0.0;
        }

        // Segments for the breakdown, with the audience rows of their members.
        QStringList names;
        for (const std::string& s : spec.includeSegments) names << QString::fromStdString(s);
        if (names.isEmpty())
            for (const SegmentInfo& s : listSegments(db))
                if (names.size() < kMaxBreakdownSegments) names << s.name;
        for (const QString& name : names) {
            const auto seg = findSegment(db, name);
            if (!seg) continue;
            std::vector<Eigen::Index> rows;
            for (qint64 uid : segmentMembers(db, seg->id)) {
                const auto it = std::lower_bound(a.uids.begin(), a.uids.end(), uid);
                if (it != a.uids.end() && *it == uid) rows.push_back(it - a.uids.begin());
            }
            if (rows.empty()) continue;
            a.segmentNames << name;
            a.segmentRows.push_back(std::move(rows));
        }
    } catch (const SqlError& e) {
        dropTemporaries(db);
        return makeError(Text::tr("reading the target's history failed: %1").arg(QString::fromUtf8(e.what())));
    }
    if (a.uids.empty())
        return makeError(Text::tr("none of the %L1 targeted users is in the offer's member tiers (%2)")
                             .arg(qint64(target->size()))
                             .arg(QStringList(tiers.begin(), tiers.end()).join(QStringLiteral(", "))));
    if (progress) progress(Text::tr("ready"), 1.0);
    return a;
}

namespace {

constexpr Eigen::Index kBlock = 2048;   // users encoded at a time (their columns stay in cache)

// One learner's weight times the encoded value, plus the missing indicator's weight when missing.
double weighedValue(const engine::EncodedInput& in, double weight, double missingWeight, double v)
{
    return weight * in.encodeNumber(v) + (std::isnan(v) ? missingWeight : 0.0);
}

// For offer-fit input j with raw values x over a block of users: each learner's weighed
// encoded values added to its sum, on Eigen arrays (SIMD). The signed log is taken as
// sign(x) log(1 + |x|): Eigen's log is vectorised, its log1p is not, and the absolute
// error, which is what a weighted sum feels, stays at the last bit.
template <class Learners, class X>
void addWeighed(const engine::EncodedInput& in, std::size_t j, const Learners& learners, const X& x, Eigen::ArrayXd& encoded,
                std::vector<Eigen::ArrayXd>& sum)
{
    const Eigen::Index m = x.size();
    encoded.head(m) = x.isNaN().select(in.fill, x.max(in.low).min(in.high));
    if (in.logScale) encoded.head(m) = encoded.head(m).sign() * (1.0 + encoded.head(m).abs()).log();
    for (std::size_t k = 0; k < learners.size(); ++k) {
        sum[k] += learners[k].fitWeight[j] * encoded.head(m);
        if (in.indicator) sum[k] += learners[k].fitMissingWeight[j] * x.isNaN().template cast<double>();
    }
}

} // namespace

OfferScorer::OfferScorer(const UptakeModel& model, const CampaignAudience& audience, bool linearShortcut) : model_(&model), audience_(&audience)
{
    std::vector<const engine::LogisticModel*> parts;
    if (const auto* c = std::get_if<engine::Classifier>(&model.fitted)) {
        parts = {c->logistic()};
    } else {
        const auto& u = std::get<engine::UpliftModel>(model.fitted);
        parts = {u.first().logistic(), u.second().logistic()};
    }
    for (const QString& n : ModelInputs::offerInputs()) offerInputs_.insert(n.toStdString());
    const QStringList fitNames = ModelInputs::offerFitInputs();
    for (const QString& n : fitNames) offerFitInputs_.insert(n.toStdString());
    linear_ = linearShortcut && std::all_of(parts.begin(), parts.end(), [](const engine::LogisticModel* m) { return m != nullptr; });
    if (!linear_) return;
    for (const engine::LogisticModel* m : parts) {
        Learner l;
        l.coef = m->coef();
        l.userPart = model.encoder.linearContribution(audience.inputs, l.coef, [&](const std::string& name) {
            return !offerInputs_.contains(name) && !offerFitInputs_.contains(name);
        });
        l.userPart.array() += m->intercept();
        Eigen::Index col = 0;
        for (const engine::EncodedInput& in : model.encoder.inputs()) {
            const auto at = fitNames.indexOf(QString::fromStdString(in.name));
            if (at >= 0) {
                if (in.kind != engine::RawColumn::Kind::Numeric) {   // never so for the models this product trains
                    linear_ = false;
                    learners_.clear();
                    return;
                }
                const auto j = static_cast<std::size_t>(at);
                fitInputs_[j] = &in;
                l.fitWeight[j] = l.coef[col];
                l.fitMissingWeight[j] = in.indicator ? l.coef[col + 1] : 0.0;
            }
            col += in.outputCount();
        }
        learners_.push_back(std::move(l));
    }
}

std::shared_ptr<const OfferScorer::HabitPart> OfferScorer::habitPart(const OfferFit& fit) const
{
    const OfferFit::HabitKey key = fit.habitKey();
    {
        std::lock_guard lock(habitMutex_);
        if (habit_ && habit_->key == key) return habit_;
    }
    const CampaignAudience& a = *audience_;
    const auto n = static_cast<Eigen::Index>(a.size());
    auto h = std::make_shared<HabitPart>();
    h->key = key;
    h->base.assign(learners_.size(), Eigen::VectorXd(n));
    engine::parallelFor(n, 1 << 14, [&](std::int64_t b, std::int64_t e, std::int64_t) {
        Eigen::Array<double, Eigen::Dynamic, 3> raw(kBlock, 3);
        Eigen::ArrayXd encoded(kBlock);
        std::vector<Eigen::ArrayXd> sum(learners_.size());
        for (Eigen::Index from = b; from < e; from += kBlock) {
            const Eigen::Index m = std::min<Eigen::Index>(kBlock, e - from);
            for (Eigen::Index i = 0; i < m; ++i) raw.row(i) = Eigen::Array<double, 1, 3>(fit.habitValues(a.fit[static_cast<std::size_t>(from + i)]).data());
            for (std::size_t k = 0; k < learners_.size(); ++k) sum[k] = learners_[k].userPart.segment(from, m).array();
            for (std::size_t j = 2; j < 5; ++j)
                if (fitInputs_[j]) addWeighed(*fitInputs_[j], j, learners_, raw.col(static_cast<Eigen::Index>(j - 2)).head(m), encoded, sum);
            for (std::size_t k = 0; k < learners_.size(); ++k) h->base[k].segment(from, m) = sum[k].matrix();
        }
    });
    std::lock_guard lock(habitMutex_);
    habit_ = h;
    return h;
}

engine::RawTable OfferScorer::offerRow(const engine::OfferDescription& offer) const
{
    ModelInputs one(audience_->schema);
    one.add(HistoryRow{}, UserRow{}, offer, audience_->channel);
    return one.take();
}

OfferScorer::Prepared OfferScorer::prepare(const engine::OfferDescription& offer) const
{
    if (!linear_) throw std::logic_error("OfferScorer::prepare: only the linear shortcut scores block by block");
    const engine::RawTable row = offerRow(offer);
    Prepared p{OfferFit(offer), {}, habitPart(OfferFit(offer)), fitInputs_[0] != nullptr};
    for (const Learner& l : learners_)
        p.offerPart.push_back(model_->encoder.linearContribution(row, l.coef, [&](const std::string& s) { return offerInputs_.contains(s); })[0]);
    // The depth of a percent-off offer is the same for every user: encoded once.
    if (p.depthPerUser && p.fit.depthSameForAll()) {
        p.depthPerUser = false;
        const double depth = p.fit.basketValues(kMissing)[0];
        for (std::size_t k = 0; k < learners_.size(); ++k)
            p.offerPart[k] += weighedValue(*fitInputs_[0], learners_[k].fitWeight[0], learners_[k].fitMissingWeight[0], depth);
    }
    return p;
}

void OfferScorer::scoreBlock(const Prepared& p, Eigen::Index from, Eigen::Index m, BlockScores& out) const
{
    const CampaignAudience& a = *audience_;
    // The depth on the basket and the threshold ratio, kBlock users at a time (their columns stay in cache).
    Eigen::Array<double, Eigen::Dynamic, 2> raw(std::min(kBlock, m), 2);
    Eigen::ArrayXd encoded(raw.rows());
    std::vector<Eigen::ArrayXd> sum(learners_.size());
    std::vector<Eigen::ArrayXd> prob(learners_.size(), Eigen::ArrayXd(m));
    for (Eigen::Index at = 0; at < m; at += kBlock) {
        const Eigen::Index k = std::min(kBlock, m - at);
        for (Eigen::Index i = 0; i < k; ++i) {
            const std::array<double, 2> v = p.fit.basketValues(a.averageOrderValue[static_cast<std::size_t>(from + at + i)]);
            raw(i, 0) = v[0];
            raw(i, 1) = v[1];
        }
        for (std::size_t l = 0; l < learners_.size(); ++l) sum[l] = p.habits->base[l].segment(from + at, k).array() + p.offerPart[l];
        for (std::size_t j = 0; j < 2; ++j)
            if (fitInputs_[j] && (j > 0 || p.depthPerUser)) addWeighed(*fitInputs_[j], j, learners_, raw.col(static_cast<Eigen::Index>(j)).head(k), encoded, sum);
        for (std::size_t l = 0; l < learners_.size(); ++l) prob[l].segment(at, k) = 1.0 / (1.0 + (-sum[l]).exp());
    }
    if (std::holds_alternative<engine::Classifier>(model_->fitted)) {
        out.treated = std::move(prob[0]);
        out.control.resize(0);
        out.uplift.resize(0);
        return;
    }
    engine::UpliftPrediction u = engine::UpliftModel::combine(std::get<engine::UpliftModel>(model_->fitted).learner(), std::move(prob[0]).matrix(),
                                                              std::move(prob[1]).matrix());
    out.treated = std::move(u.treated).array();
    out.control = std::move(u.control).array();
    out.uplift = std::move(u.uplift).array();
}

UptakeModel::Scores OfferScorer::score(const engine::OfferDescription& offer) const
{
    const CampaignAudience& a = *audience_;
    const auto n = static_cast<Eigen::Index>(a.size());
    if (!linear_) {
        const engine::RawTable offerOnly = offerRow(offer);
        engine::RawTable t = a.inputs;
        for (const std::string& name : offerInputs_) {
            const engine::RawColumn* from = offerOnly.find(name);
            auto to = std::find_if(t.columns.begin(), t.columns.end(), [&](const engine::RawColumn& c) { return c.name == from->name; });
            if (from->kind == engine::RawColumn::Kind::Numeric) {
                std::fill(to->numbers.begin(), to->numbers.end(), from->numbers[0]);
            } else {
                engine::RawColumn fresh = engine::RawColumn::categorical(from->name);
                const std::string label(from->label(0));
                for (Eigen::Index i = 0; i < n; ++i) fresh.addLabel(label);
                *to = std::move(fresh);
            }
        }
        engine::RawTable fit = ModelInputs::offerFitTable(offer, a.fit.data(), a.size());
        for (engine::RawColumn& c : fit.columns) {
            auto to = std::find_if(t.columns.begin(), t.columns.end(), [&](const engine::RawColumn& x) { return x.name == c.name; });
            *to = std::move(c);
        }
        return model_->score(t);
    }

    const Prepared p = prepare(offer);
    const bool uplift = !std::holds_alternative<engine::Classifier>(model_->fitted);
    UptakeModel::Scores s;
    s.treated.resize(n);
    if (uplift) {
        s.control.resize(n);
        s.uplift.resize(n);
    }
    engine::parallelFor(n, 1 << 14, [&](std::int64_t b, std::int64_t e, std::int64_t) {
        BlockScores block;
        scoreBlock(p, b, e - b, block);
        s.treated.segment(b, e - b) = block.treated.matrix();
        if (!uplift) return;
        s.control.segment(b, e - b) = block.control.matrix();
        s.uplift.segment(b, e - b) = block.uplift.matrix();
    });
    return s;
}

} // namespace cwb::model
