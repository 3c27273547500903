#include "campaigns/campaign_preview.h"

#include "campaigns/campaign_json.h"
#include "core/civil_time.h"
#include "core/parallel.h"
#include "core/random.h"
#include "core/text.h"
#include "csv/csv_reader.h"
#include "segments/segment_store.h"
#include "sql/sql_error.h"
#include "sql/statement.h"
#include "stats/distributions.h"
#include "training/audience_scoring.h"
#include "training/campaign_offer.h"
#include "workspace/workspace.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLocale>
#include <QSaveFile>

#include <algorithm>
#include <cmath>

namespace cwb::model {

using engine::CampaignSpec;
using engine::CampaignType;

namespace {

// The newest model of the given kind and target among `models` (newest first), if any.
std::optional<qint64> newestModel(const QList<ModelSummary>& models, const QString& kind, const QString& target)
{
    for (const ModelSummary& m : models)
        if (m.kind == kind && m.target == target) return m.id;
    return std::nullopt;
}

// Why a preview falls back on past campaigns' rates: models turned off, none trained, or
// only models of something else than purchases (visits, redemptions), which cannot stand in.
QString noPurchaseModelReason(const QList<ModelSummary>& models, const PreviewOptions& options)
{
    if (!options.useModels) return Text::tr("models are not used, as asked");
    QStringList others;
    for (const ModelSummary& m : models)
        if ((m.kind == QLatin1String("response") || m.kind == QLatin1String("uplift")) && !others.contains(m.target)) others << m.target;
    if (others.isEmpty()) return Text::tr("no model of purchases (target converted) is trained");
    return Text::tr("no model of purchases (target converted) is trained; the models there are of %1, which cannot stand in for it")
        .arg(others.join(QStringLiteral(", ")));
}

double metric(const QJsonObject& o, const char* key) { return o.value(QLatin1String(key)).toVariant().toDouble(); }

// Relative error of the model's predicted level on its test rows: the gap
// between mean prediction and observed rate, and the observed rate's sampling error.
// How far the model's forecasts of campaigns it had not seen were off (log scale), when training
// measured it by leaving each campaign out (cross_campaign in the metrics).
std::optional<double> crossCampaignSd(const QJsonObject& metrics, const char* key)
{
    const QJsonValue v = metrics.value(QStringLiteral("cross_campaign")).toObject().value(QString::fromLatin1(key));
    return v.isDouble() ? std::optional<double>(v.toDouble()) : std::nullopt;
}

// Without it: the gap between predicted and observed rates on the test rows, and the latter's sampling error.
double levelUncertainty(const QJsonObject& metrics)
{
    if (auto sd = crossCampaignSd(metrics, "level_log_sd")) return *sd;
    const double rows = metric(metrics, "rows"), rate = metric(metrics, "base_rate"), pred = metric(metrics, "mean_predicted");
    if (!(rows > 0) || !(pred > 0)) return 0.25;
    const double gap = (pred - rate) / pred, se = std::sqrt(rate * (1 - rate) / rows) / pred;
    return std::min(1.0, std::hypot(gap, se));
}

// The same for the predicted effect (uplift models): predicted vs observed
// treated-minus-control difference on the test rows, and the latter's sampling error.
double effectUncertainty(const QJsonObject& metrics)
{
    if (auto sd = crossCampaignSd(metrics, "effect_log_sd")) return *sd;
    const QJsonObject u = metrics.value(QStringLiteral("uplift")).toObject();
    const double nt = metric(u, "treated_rows"), nc = metric(u, "control_rows");
    const double obs = metric(u, "observed_effect"), pred = metric(u, "predicted_effect");
    const double pt = metric(metrics, "base_rate"), pc = std::clamp(pt - obs, 0.0, 1.0);
    if (!(nt > 0 && nc > 0) || std::fabs(pred) < 1e-9) return 1.0;
    const double se = std::sqrt(pt * (1 - pt) / nt + pc * (1 - pc) / nc);
    return std::min(1.0, std::hypot(pred - obs, se) / std::fabs(pred));
}

// Treated and control conversion and treated redemption rates of past campaigns of one type,
// over the users of a segment (0: every user).
struct Rates {
    double treated = 0, control = 0, redeem = 0;
    qint64 treatedUsers = 0, controlUsers = 0;
};

Rates historicalRates(Database& db, const QString& type, qint64 segmentId)
{
    Statement st = db.prepare(
        "SELECT x.grp, count(*), sum(coalesce(r.converted, 0)), sum(coalesce(r.redeemed, 0)) FROM exposures x "
        "JOIN campaigns c ON c.campaign_id = x.campaign_id "
        "LEFT JOIN responses r ON r.campaign_id = x.campaign_id AND r.uid = x.uid "
        "WHERE c.type = ?1 AND (?2 = 0 OR x.uid IN (SELECT uid FROM segment_members WHERE segment_id = ?2)) GROUP BY x.grp");
    st.bind(1, type).bind(2, segmentId);
    Rates r;
    while (st.step()) {
        const double n = st.real(1);
        if (st.textView(0) == "treatment") {
            r.treatedUsers = st.int64(1);
            r.treated = st.real(2) / n;
            r.redeem = st.real(3) / n;
        } else {
            r.controlUsers = st.int64(1);
            r.control = st.real(2) / n;
        }
    }
    return r;
}

QString money(double v) { return QLocale().toString(v, 'f', 0); }
QString pct(double v) { return QLocale().toString(100.0 * v, 'f', 1) + QStringLiteral(" %"); }

} // namespace

QString predictionSourceKey(PredictionSource s)
{
    switch (s) {
    case PredictionSource::UpliftModel: return QStringLiteral("uplift_model");
    case PredictionSource::ResponseModel: return QStringLiteral("response_model");
    case PredictionSource::History: return QStringLiteral("history");
    }
    return {};
}

Result<PreviewSession> PreviewSession::open(Workspace& ws, const CampaignSpec& spec, const PreviewOptions& options, const AudienceProgress& progress)
{
    if (const auto issues = engine::validate(spec); !issues.empty()) {
        const QStringList problems = describeIssues(issues);
        return makeError(problems.size() == 1 ? problems.front()
                                              : Text::tr("the campaign spec has %1 problems:").arg(problems.size()) + QStringLiteral("\n  ") +
                                                    problems.join(QStringLiteral("\n  ")));
    }
    auto state = std::make_shared<State>();
    state->loadedFor = spec;
    state->options = options;
    Database& db = ws.db();
    const QString converted = outcomeKey(Outcome::Converted), redeemed = outcomeKey(Outcome::Redeemed);

    const QList<ModelSummary> models = options.useModels ? listModels(db) : QList<ModelSummary>{};
    if (options.useModels) {
        std::optional<qint64> id = options.modelId;
        if (!id) id = newestModel(models, QStringLiteral("uplift"), converted);
        if (!id) id = newestModel(models, QStringLiteral("response"), converted);
        if (id) {
            QStringList warnings;
            auto m = loadModel(ws, id, &warnings);
            if (!m) return m.error();
            if (m->target != Outcome::Converted)
                return makeError(Text::tr("model %1 predicts \"%2\"; a preview needs a model of \"converted\" (cwb train --target converted)")
                                     .arg(*id)
                                     .arg(outcomeKey(m->target)));
            state->loadWarnings << warnings;
            state->model = std::make_shared<const UptakeModel>(std::move(m.value()));
        }
        std::optional<qint64> rid = options.redemptionModelId;
        if (!rid) rid = newestModel(models, QStringLiteral("response"), redeemed);
        if (rid && state->model) {
            QStringList warnings;
            auto m = loadModel(ws, rid, &warnings);
            if (!m) return m.error();
            if (m->target != Outcome::Redeemed)
                return makeError(Text::tr("model %1 predicts \"%2\", not \"redeemed\"").arg(*rid).arg(outcomeKey(m->target)));
            state->loadWarnings << warnings;
            state->redemption = std::make_shared<const UptakeModel>(std::move(m.value()));
            // Unless asked for, a redemption model is used only if it forecast past campaigns at least as
            // well as the purchase model; otherwise redemptions follow from purchases and the threshold.
            const auto own = crossCampaignSd(state->redemption->metrics, "level_log_sd");
            const auto main = crossCampaignSd(state->model->metrics, "level_log_sd");
            if (!options.redemptionModelId && own && main && *own > *main) {
                state->loadWarnings << Text::tr("redemption model %1 forecast past campaigns less well (off by a factor of %2 typically) than "
                                                "model %3 (%4): redemptions follow from its purchases and the threshold instead")
                                           .arg(state->redemption->id)
                                           .arg(std::exp(*own), 0, 'f', 1)
                                           .arg(state->model->id)
                                           .arg(std::exp(*main), 0, 'f', 1);
                state->redemption.reset();
            }
        }
    }

    AttributeSchema schema;
    if (state->model) schema = attributeSchemaOf(*state->model);
    if (state->redemption) schema = mergeSchemas(schema, attributeSchemaOf(*state->redemption));
    auto audience = loadAudience(ws, spec, schema, progress);
    if (!audience) return audience.error();
    state->audience = std::make_unique<CampaignAudience>(std::move(audience.value()));
    const CampaignAudience& a = *state->audience;
    state->ownBasket.resize(static_cast<Eigen::Index>(a.size()));
    for (std::size_t i = 0; i < a.size(); ++i) {
        const double aov = a.averageOrderValue[i];
        state->ownBasket[static_cast<Eigen::Index>(i)] = std::isnan(aov) || aov <= 0 ? a.medianOrderValue : aov;
    }
    state->logOwnBasket = state->ownBasket.array().max(1e-9).log();

    if (state->model) {
        state->scorer = std::make_unique<OfferScorer>(*state->model, a);
        if (state->redemption) state->redemptionScorer = std::make_unique<OfferScorer>(*state->redemption, a);
        const bool uplift = state->model->kind == ModelKind::Uplift;
        state->source = uplift ? PredictionSource::UpliftModel : PredictionSource::ResponseModel;
        state->sourceText = Text::tr("model %1 (%2)").arg(state->model->id).arg(state->model->describe());
        if (state->redemption) state->sourceText += Text::tr("; redemptions from model %1").arg(state->redemption->id);
        state->levelSd = levelUncertainty(state->model->metrics);
        if (state->redemption) state->levelSd = std::max(state->levelSd, levelUncertainty(state->redemption->metrics));
        // A response model cannot test its own baseline; half the effect either way is assumed.
        state->effectSd = uplift ? effectUncertainty(state->model->metrics) : 0.5;
    } else {
        // Historical rates of past campaigns of this type, per breakdown segment (the first one a user is in).
        state->source = PredictionSource::History;
        const QString type = QString::fromLatin1(engine::campaignTypeKey(spec.type));
        const QString why = noPurchaseModelReason(models, options);
        try {
            const Rates all = historicalRates(db, type, 0);
            if (all.treatedUsers == 0)
                return makeError(Text::tr("%1, and no past %2 campaign has exposures to take rates from: "
                                          "train a model with cwb train --target converted, or import past campaigns")
                                     .arg(why, type));
            state->loadWarnings << Text::tr("%1: these are past rates of similar campaigns, which do not change with the discount, threshold or timing")
                                       .arg(why);
            const auto n = static_cast<Eigen::Index>(a.size());
            state->historyTreated = Eigen::VectorXd::Constant(n, all.treated);
            state->historyControl = Eigen::VectorXd::Constant(n, all.controlUsers > 0 ? all.control : all.treated);
            state->historyRedeem = Eigen::VectorXd::Constant(n, all.redeem);
            std::vector<char> assigned(static_cast<std::size_t>(n), 0);
            for (qsizetype s = 0; s < a.segmentNames.size(); ++s) {
                const auto seg = findSegment(db, a.segmentNames[s]);
                if (!seg) continue;
                const Rates r = historicalRates(db, type, seg->id);
                if (r.treatedUsers < 100) continue;   // too few to beat the overall rate
                for (Eigen::Index i : a.segmentRows[static_cast<std::size_t>(s)]) {
                    if (assigned[static_cast<std::size_t>(i)]) continue;
                    assigned[static_cast<std::size_t>(i)] = 1;
                    state->historyTreated[i] = r.treated;
                    state->historyControl[i] = r.controlUsers >= 100 ? r.control : all.control;
                    state->historyRedeem[i] = r.redeem;
                }
            }
            state->sourceText = Text::tr("historical rates of %L1 past %2 offers").arg(all.treatedUsers).arg(type);
            state->levelSd = std::sqrt(all.treated * (1 - all.treated) / double(all.treatedUsers)) / std::max(all.treated, 1e-9);
            state->effectSd = 0.5;
        } catch (const SqlError& e) {
            return makeError(Text::tr("reading past campaign rates failed: %1").arg(QString::fromUtf8(e.what())));
        }
    }

    // What the model learned from: the depth and duration of its training campaigns.
    if (state->model) {
        QSet<qint64> trained;
        for (const QJsonValue v : state->model->spec.value(QStringLiteral("campaigns")).toArray()) trained.insert(v.toObject().value(QStringLiteral("id")).toInteger());
        try {
            for (const CampaignOffer& c : exposedCampaigns(db)) {
                if (!trained.contains(c.id)) continue;
                auto widen = [](Range& r, double v) {
                    r.low = r.known ? std::min(r.low, v) : v;
                    r.high = r.known ? std::max(r.high, v) : v;
                    r.known = true;
                };
                widen(state->historyDepth, c.offer.depthPercent());
                for (const auto& arm : c.armOffers) widen(state->historyDepth, arm.second.depthPercent());
                if (c.offer.durationHours > 0) widen(state->historyDuration, c.offer.durationHours);
            }
        } catch (const SqlError&) {
        }
    }
    PreviewSession session;
    session.state_ = std::move(state);
    return session;
}

PreviewSession PreviewSession::sample(std::size_t users, std::uint64_t seed) const
{
    const State& st = *state_;
    const CampaignAudience& a = *st.audience;
    if (users >= a.size()) return *this;
    const std::vector<Eigen::Index> rows = engine::sampleRows(static_cast<Eigen::Index>(a.size()), static_cast<Eigen::Index>(users), seed);
    auto state = std::make_shared<State>();
    state->model = st.model;
    state->redemption = st.redemption;
    state->source = st.source;
    state->sourceText = st.sourceText;
    state->loadWarnings = st.loadWarnings;
    state->loadedFor = st.loadedFor;
    state->options = st.options;
    state->levelSd = st.levelSd;
    state->effectSd = st.effectSd;
    state->historyDepth = st.historyDepth;
    state->historyDuration = st.historyDuration;
    state->limitScale = st.limitScale * double(users) / double(a.size());
    state->audience = std::make_unique<CampaignAudience>(a.subset(rows));
    auto pick = [&](const Eigen::VectorXd& v) { return v.size() == 0 ? Eigen::VectorXd() : Eigen::VectorXd(v(rows)); };
    state->historyTreated = pick(st.historyTreated);
    state->historyControl = pick(st.historyControl);
    state->historyRedeem = pick(st.historyRedeem);
    state->ownBasket = pick(st.ownBasket);
    state->logOwnBasket = pick(st.logOwnBasket);
    if (state->model) state->scorer = std::make_unique<OfferScorer>(*state->model, *state->audience);
    if (state->redemption) state->redemptionScorer = std::make_unique<OfferScorer>(*state->redemption, *state->audience);
    PreviewSession session;
    session.state_ = std::move(state);
    return session;
}

bool PreviewSession::serves(const CampaignSpec& spec) const { return CampaignAudience::sameUsers(state_->loadedFor, spec); }

engine::PreviewParams PreviewSession::params(const CampaignSpec& spec) const
{
    engine::PreviewParams p;
    p.controlShare = spec.controlShare;
    p.costPerContact = spec.costPerContact;
    p.grossMargin = spec.grossMargin;
    p.budget = spec.budget * state_->limitScale;
    p.targetShare = spec.targetShare;
    if (spec.type == CampaignType::Coupon) p.redemptionCap = double(spec.coupon.totalQuantity) * state_->limitScale;
    if (spec.type == CampaignType::FlashSale) p.redemptionCap = double(spec.flashSale.stockLimit) * state_->limitScale;
    p.level = state_->options.level;
    p.modelLevelSd = state_->levelSd;
    p.modelEffectSd = state_->effectSd;
    p.curvePoints = state_->options.curvePoints;
    return p;
}

// What a spec's per-user economics need, worked out once: the scorers' prepared offers (or,
// for boosted trees, every user's scores), and the constants of the discount and threshold.
struct PreviewSession::Plan {
    std::optional<OfferScorer::Prepared> main, redemption;
    UptakeModel::Scores mainScores, redemptionScores;   // scorers without the linear shortcut
    double days = 0, minSpend = 0, givenBasket = 0, percent = 0, amount = 0, basketFactor = 0;
    bool given = false;
    // Without a redemption model and with a threshold: P(order >= threshold), per user or for the given basket.
    std::shared_ptr<const State::ThresholdReach> reach;
    double givenReach = 1;
};

std::shared_ptr<const PreviewSession::State::ThresholdReach> PreviewSession::thresholdReach(double minSpend) const
{
    const State& st = *state_;
    {
        std::lock_guard lock(st.reachMutex);
        if (st.reach && st.reach->minSpend == minSpend) return st.reach;
    }
    // The order LogNormal around the user's basket, with the audience's spread.
    auto r = std::make_shared<State::ThresholdReach>();
    r->minSpend = minSpend;
    const auto n = st.logOwnBasket.size();
    r->q.resize(n);
    const double logMin = std::log(minSpend), sigma = st.audience->basketLogSd;
    engine::parallelFor(n, 1 << 15, [&](std::int64_t b, std::int64_t e, std::int64_t) {
        for (Eigen::Index i = b; i < e; ++i) r->q[i] = 1.0 - engine::normalCdf((logMin - st.logOwnBasket[i]) / sigma);
    });
    std::lock_guard lock(st.reachMutex);
    st.reach = r;
    return r;
}

PreviewSession::Plan PreviewSession::plan(const CampaignSpec& spec) const
{
    const State& st = *state_;
    const engine::OfferDescription offer = spec.offer();
    Plan p;
    if (st.scorer) {
        if (st.scorer->linear()) p.main = st.scorer->prepare(offer);
        else p.mainScores = st.scorer->score(offer);
    }
    if (st.redemptionScorer) {
        if (st.redemptionScorer->linear()) p.redemption = st.redemptionScorer->prepare(offer);
        else p.redemptionScores = st.redemptionScorer->score(offer);
    }
    p.days = spec.durationHours() / 24.0;
    p.given = spec.basketSource == engine::BasketSource::Given;
    p.minSpend = spec.type == CampaignType::Coupon ? spec.coupon.minSpend : 0.0;
    if (st.scorer && !st.redemptionScorer && p.minSpend > 0) {
        if (p.given)
            p.givenReach = 1.0 - engine::normalCdf((std::log(p.minSpend) - std::log(std::max(spec.givenBasket, 1e-9))) / st.audience->basketLogSd);
        else
            p.reach = thresholdReach(p.minSpend);
    }
    // The discount per redemption: amount, or percent of max(order, threshold), or a factor of the order.
    switch (spec.type) {
    case CampaignType::Coupon:
        if (spec.coupon.amountOff > 0) p.amount = spec.coupon.amountOff;
        else p.percent = spec.coupon.percentOff / 100.0;
        break;
    case CampaignType::FlashSale: p.basketFactor = spec.flashSale.percentOff / 100.0; break;
    case CampaignType::Member: p.basketFactor = spec.member.percentOff / 100.0 + (spec.member.pointsMultiplier - 1.0) * spec.member.pointValue; break;
    }
    p.givenBasket = spec.givenBasket;
    return p;
}

void PreviewSession::economicsBlock(const Plan& p, Eigen::Index from, Eigen::Index m, BlockEconomics& e) const
{
    const State& st = *state_;
    const CampaignAudience& a = *st.audience;
    if (st.scorer) {
        bool control = false;
        if (p.main) {
            st.scorer->scoreBlock(*p.main, from, m, e.scores);
            e.buyTreated.swap(e.scores.treated);
            if ((control = e.scores.control.size() == m)) e.buyControl.swap(e.scores.control);
        } else {
            e.buyTreated = p.mainScores.treated.segment(from, m).array();
            if ((control = p.mainScores.control.size() > 0)) e.buyControl = p.mainScores.control.segment(from, m).array();
        }
        if (!control) {
            // Response model: the user's own purchase rate over the offer's window.
            e.buyControl.resize(m);
            for (Eigen::Index i = 0; i < m; ++i) e.buyControl[i] = 1.0 - std::exp(-a.ordersPerDay[static_cast<std::size_t>(from + i)] * p.days);
        }
    } else {
        e.buyTreated = st.historyTreated.segment(from, m).array();
        e.buyControl = st.historyControl.segment(from, m).array();
    }

    if (p.given) e.basket.setConstant(m, p.givenBasket);
    else e.basket = st.ownBasket.segment(from, m).array();
    if (p.amount > 0) e.discount.setConstant(m, p.amount);
    else if (p.percent > 0) e.discount = p.percent * e.basket.max(p.minSpend);
    else e.discount = p.basketFactor * e.basket;

    if (st.redemptionScorer) {
        if (p.redemption) {
            st.redemptionScorer->scoreBlock(*p.redemption, from, m, e.scores);
            e.redeem.swap(e.scores.treated);
        } else {
            e.redeem = p.redemptionScores.treated.segment(from, m).array();
        }
        e.buyTreated = e.buyTreated.max(e.redeem);   // whoever redeems buys
    } else if (st.scorer) {
        // Incremental buyers redeem; a buyer who would have bought anyway does when the order
        // reaches the threshold: P(order >= threshold), the order LogNormal around the basket.
        const Eigen::ArrayXd p0 = e.buyControl.min(e.buyTreated);
        if (p.reach) e.redeem = e.buyTreated.min(e.buyTreated - p0 + p0 * p.reach->q.segment(from, m).array());
        else e.redeem = e.buyTreated.min(e.buyTreated - p0 + p0 * p.givenReach);
    } else {
        e.redeem = st.historyRedeem.segment(from, m).array().min(e.buyTreated);
    }
}

namespace {
constexpr std::int64_t kEconomicsChunk = 1 << 12;   // users per task; each fits the caches with its temporaries
}

engine::UserEconomics PreviewSession::economics(const CampaignSpec& spec, Eigen::VectorXd* upliftOut) const
{
    const auto n = static_cast<Eigen::Index>(state_->audience->size());
    const Plan p = plan(spec);
    engine::UserEconomics e;
    for (Eigen::VectorXd* v : {&e.buyTreated, &e.buyControl, &e.redeem, &e.basket, &e.discount}) v->resize(n);
    if (upliftOut) upliftOut->resize(n);
    engine::parallelFor(n, kEconomicsChunk, [&](std::int64_t b, std::int64_t end, std::int64_t) {
        BlockEconomics block;
        economicsBlock(p, b, end - b, block);
        const Eigen::Index m = end - b;
        e.buyTreated.segment(b, m) = block.buyTreated.matrix();
        e.buyControl.segment(b, m) = block.buyControl.matrix();
        e.redeem.segment(b, m) = block.redeem.matrix();
        e.basket.segment(b, m) = block.basket.matrix();
        e.discount.segment(b, m) = block.discount.matrix();
        if (upliftOut) upliftOut->segment(b, m) = (block.buyTreated - block.buyControl).matrix();
    });
    return e;
}

Result<engine::PreviewTotals> PreviewSession::totals(const CampaignSpec& spec) const
{
    if (!serves(spec))
        return makeError(Text::tr("this preview was loaded for other users (segments, categories, channel or start changed): open a new one"));
    if (const auto issues = engine::validate(spec); !issues.empty()) return makeError(describeIssues(issues).join(QStringLiteral("\n")));
    try {
        return addUp(spec);
    } catch (const std::exception& e) {
        return makeError(Text::tr("the preview failed: %1").arg(QString::fromUtf8(e.what())));
    }
}

engine::PreviewTotals PreviewSession::addUp(const CampaignSpec& spec) const
{
    engine::PreviewParams prm = params(spec);
    prm.ranking = false;
    prm.curvePoints = 1;
    if (prm.limited()) return engine::computePreview(economics(spec), prm).totals;
    const auto n = static_cast<Eigen::Index>(state_->audience->size());
    const Plan p = plan(spec);
    std::vector<engine::TotalsAccumulator> parts(static_cast<std::size_t>(engine::chunkCount(n, kEconomicsChunk)));
    engine::parallelFor(n, kEconomicsChunk, [&](std::int64_t b, std::int64_t end, std::int64_t c) {
        BlockEconomics block;
        economicsBlock(p, b, end - b, block);
        parts[static_cast<std::size_t>(c)].add(block.buyTreated, block.buyControl, block.redeem, block.basket, block.discount, b);
    });
    engine::TotalsAccumulator all;
    for (const engine::TotalsAccumulator& part : parts) all.merge(part);
    return all.totals(prm);
}

Result<CampaignPreview> PreviewSession::preview(const CampaignSpec& spec, Detail detail) const
{
    if (!serves(spec))
        return makeError(Text::tr("this preview was loaded for other users (segments, categories, channel or start changed): open a new one"));
    if (const auto issues = engine::validate(spec); !issues.empty()) return makeError(describeIssues(issues).join(QStringLiteral("\n")));
    const State& st = *state_;
    const CampaignAudience& a = *st.audience;
    CampaignPreview out;
    out.level = st.options.level;
    out.source = st.source;
    out.sourceText = st.sourceText;
    engine::PreviewParams prm = params(spec);
    prm.ranking = detail == Detail::Full || detail == Detail::Ranked;
    try {
        if (detail == Detail::Headline && !prm.limited()) {
            out.result.totals = addUp(spec);
            out.result.reached = out.result.budgetUsers = out.result.totals.eligible;
        } else {
            out.users = economics(spec, &out.uplift);
            out.result = engine::computePreview(out.users, prm);
            if (detail == Detail::Headline) {
                out.users = {};
                out.uplift.resize(0);
                out.result.ranking = {};
                out.result.incrementalProfit.resize(0);
                out.result.expectedCost.resize(0);
            }
        }
    } catch (const std::exception& e) {
        return makeError(Text::tr("the preview failed: %1").arg(QString::fromUtf8(e.what())));
    }
    const engine::PreviewTotals& t = out.result.totals;

    // Warnings, most important first.
    QStringList& w = out.warnings;
    if (st.source == PredictionSource::ResponseModel)
        w << Text::tr("no uplift model: who would have bought anyway is estimated from each user's past purchase rate, not measured against a control group");
    w << st.loadWarnings;
    if (out.result.stoppedBy == engine::StopReason::Budget)
        w << Text::tr("the budget of %1 is reached at %L2 users of %L3").arg(money(spec.budget)).arg(out.result.reached).arg(t.eligible);
    if (out.result.stoppedBy == engine::StopReason::Quantity)
        w << Text::tr("the quantity on offer runs out at %L1 users of %L2").arg(out.result.reached).arg(t.eligible);
    if (prm.budget > 0 && t.totalCost.high > prm.budget)
        w << Text::tr("the cost may exceed the budget: its %1 % upper bound is %2").arg(qRound(100 * out.level)).arg(money(t.totalCost.high));
    if (spec.controlShare == 0) w << Text::tr("no control group: the campaign's effect cannot be measured after launch");
    const double depth = spec.offer().depthPercent();
    const Range& historyDepth = st.historyDepth;
    const Range& historyDuration = st.historyDuration;
    if (historyDepth.known && depth > 0 && (depth < historyDepth.low - 1e-9 || depth > historyDepth.high + 1e-9))
        w << Text::tr("a discount of %1 % is outside what the model learned from (%2-%3 %): the forecast extrapolates")
                 .arg(QLocale().toString(depth, 'g', 3), QLocale().toString(historyDepth.low, 'g', 3), QLocale().toString(historyDepth.high, 'g', 3));
    if (historyDuration.known && (spec.durationHours() < historyDuration.low * 0.999 || spec.durationHours() > historyDuration.high * 1.001))
        w << Text::tr("a duration of %1 hours is outside what the model learned from (%2-%3 hours)")
                 .arg(QLocale().toString(spec.durationHours(), 'g', 4), QLocale().toString(historyDuration.low, 'g', 4),
                      QLocale().toString(historyDuration.high, 'g', 4));
    if (a.ineligible > 0) w << Text::tr("%L1 targeted users are outside the offer's member tiers and are left out").arg(a.ineligible);
    if (t.incrementalProfit.value < 0) w << Text::tr("the campaign is expected to lose money: incremental profit %1").arg(money(t.incrementalProfit.value));
    else if (t.incrementalProfit.low < 0) w << Text::tr("the campaign may lose money: the incremental profit's interval includes losses");
    if (t.discountCost.value > 0 && t.subsidy.value > 0.5 * t.discountCost.value)
        w << Text::tr("%1 of the discount goes to buyers who would have bought anyway").arg(pct(t.subsidy.value / t.discountCost.value));
    if (st.model) {
        const double auc = metric(st.model->metrics, "auc");
        if (auc > 0 && auc < 0.6) w << Text::tr("the model barely ranks users (AUC %1): treat the per-user figures with care").arg(auc, 0, 'f', 3);
        if (st.levelSd > 0.5)
            w << Text::tr("forecasts of past campaigns the model had not seen were off by a factor of %1 typically: the intervals, "
                          "not the central figures, say what to expect")
                     .arg(std::exp(st.levelSd), 0, 'f', 1);
    }

    if (detail != Detail::Full) return out;

    // Breakdown by segment, over the reached users.
    std::vector<char> reached(a.size(), 0);
    for (std::int64_t k = 0; k < out.result.reached; ++k) reached[static_cast<std::size_t>(out.result.ranking[static_cast<std::size_t>(k)])] = 1;
    for (qsizetype s = 0; s < a.segmentNames.size(); ++s) {
        std::vector<Eigen::Index> rows;
        for (Eigen::Index i : a.segmentRows[static_cast<std::size_t>(s)])
            if (reached[static_cast<std::size_t>(i)]) rows.push_back(i);
        out.segments.append(SegmentPreview{a.segmentNames[s], engine::totalsOver(out.users, prm, rows)});
    }

    // ROI by discount depth: the same spec at other depths.
    CampaignSpec v = spec;
    double lo = 0, hi = 0;
    double* knob = nullptr;
    switch (spec.type) {
    case CampaignType::Coupon:
        if (spec.coupon.amountOff > 0) {
            out.sweepParameter = QStringLiteral("amount_off");
            knob = &v.coupon.amountOff;
            hi = spec.coupon.minSpend > 0 ? 0.9 * spec.coupon.minSpend : 3 * spec.coupon.amountOff;
            lo = hi / st.options.sweepSteps;
        } else {
            out.sweepParameter = QStringLiteral("percent_off");
            knob = &v.coupon.percentOff;
        }
        break;
    case CampaignType::FlashSale:
        out.sweepParameter = QStringLiteral("percent_off");
        knob = &v.flashSale.percentOff;
        break;
    case CampaignType::Member:
        if (spec.member.percentOff > 0) {
            out.sweepParameter = QStringLiteral("percent_off");
            knob = &v.member.percentOff;
        } else {
            out.sweepParameter = QStringLiteral("points_multiplier");
            knob = &v.member.pointsMultiplier;
            lo = 1.25;
            hi = 6;
        }
        break;
    }
    if (out.sweepParameter == QLatin1String("percent_off")) {
        lo = 2.5;
        hi = 50;
    }
    out.sweepCurrent = *knob;
    for (int k = 0; k < st.options.sweepSteps; ++k) {
        *knob = st.options.sweepSteps == 1 ? hi : lo + (hi - lo) * k / (st.options.sweepSteps - 1);
        const engine::PreviewTotals at = addUp(v);
        out.discountSweep.append(DiscountPoint{*knob, at.redemptions.value, at.incrementalProfit.value, at.totalCost.value, at.roi.value,
                                               at.incrementalRoi.value, at.targeted});
    }

    // Flash sales: expected redemptions by hour of the sale, spreading each user's
    // redemption over the sale's hours in proportion to their activity at that time of day
    // (activity counts per three-hour block; each hour of a block gets its share of them).
    if (spec.type == CampaignType::FlashSale) {
        const int hours = std::max(1, static_cast<int>(std::ceil(spec.flashSale.durationHours)));
        const qint64 start = spec.startTs - spec.startTs % 3600;
        std::array<int, 8> perBlock{};
        // The three-hour block of the day (UTC) that hour h of the sale falls in.
        auto blockOf = [&](int h) { return static_cast<std::size_t>(((start / 3600 + h) % 24) / 3); };
        for (int h = 0; h < hours; ++h) ++perBlock[blockOf(h)];
        std::array<double, 8> byBlock{};
        for (std::size_t i = 0; i < a.size(); ++i) {
            if (!reached[i]) continue;
            const engine::DayBlocks& hb = a.fit[i].hours;
            double total = 0, window = 0;
            for (std::size_t b = 0; b < 8; ++b) {
                total += hb[b];
                window += hb[b] * perBlock[b];
            }
            // A user never active at the sale's hours (or at all) redeems evenly across them.
            const bool even = !(total > 0 && window > 0);
            const double r = (1.0 - spec.controlShare) * std::min(out.users.redeem[static_cast<Eigen::Index>(i)], out.users.buyTreated[static_cast<Eigen::Index>(i)]);
            for (std::size_t b = 0; b < 8; ++b) byBlock[b] += even ? r / hours : r * hb[b] / window;
        }
        for (int h = 0; h < hours; ++h)
            out.hourly.append(HourPoint{start + 3600 * h, byBlock[blockOf(h)]});
    }
    return out;
}

namespace {

QJsonValue finite(double v) { return std::isfinite(v) ? QJsonValue(v) : QJsonValue(); }

QJsonObject totalsJson(const engine::PreviewTotals& t)
{
    return QJsonObject{{QStringLiteral("eligible_users"), qint64(t.eligible)},
                       {QStringLiteral("targeted_users"), qint64(t.targeted)},
                       {QStringLiteral("offered_users"), t.offered},
                       {QStringLiteral("control_users"), t.heldOut},
                       {QStringLiteral("redemptions"), estimateJson(t.redemptions)},
                       {QStringLiteral("conversions"), estimateJson(t.conversions)},
                       {QStringLiteral("incremental_conversions"), estimateJson(t.incrementalConversions)},
                       {QStringLiteral("revenue"), estimateJson(t.revenue)},
                       {QStringLiteral("incremental_revenue"), estimateJson(t.incrementalRevenue)},
                       {QStringLiteral("discount_cost"), estimateJson(t.discountCost)},
                       {QStringLiteral("discount_on_incremental"), estimateJson(t.incrementalDiscount)},
                       {QStringLiteral("subsidy"), estimateJson(t.subsidy)},
                       {QStringLiteral("contact_cost"), estimateJson(t.contactCost)},
                       {QStringLiteral("total_cost"), estimateJson(t.totalCost)},
                       {QStringLiteral("profit"), estimateJson(t.profit)},
                       {QStringLiteral("incremental_profit"), estimateJson(t.incrementalProfit)},
                       {QStringLiteral("roi"), estimateJson(t.roi)},
                       {QStringLiteral("incremental_roi"), estimateJson(t.incrementalRoi)}};
}

QString stopKey(engine::StopReason r)
{
    switch (r) {
    case engine::StopReason::None: return {};
    case engine::StopReason::TargetShare: return QStringLiteral("target_share");
    case engine::StopReason::Budget: return QStringLiteral("budget");
    case engine::StopReason::Quantity: return QStringLiteral("quantity");
    }
    return {};
}

} // namespace

QJsonObject estimateJson(const engine::Estimate& e)
{
    return QJsonObject{{QStringLiteral("value"), finite(e.value)}, {QStringLiteral("low"), finite(e.low)}, {QStringLiteral("high"), finite(e.high)}};
}

QJsonObject previewToJson(const CampaignPreview& p, const CampaignSpec& spec, const PreviewSession& session, const QStringList& topUserIds)
{
    const CampaignAudience& a = session.audience();
    QJsonArray segments, depth, sweep, hourly, users, warnings;
    for (const SegmentPreview& s : p.segments) {
        QJsonObject o = totalsJson(s.totals);
        o.insert(QStringLiteral("name"), s.name);
        segments.append(o);
    }
    for (const engine::DepthPoint& d : p.result.depthCurve)
        depth.append(QJsonObject{{QStringLiteral("share"), d.share}, {QStringLiteral("users"), qint64(d.users)},
                                 {QStringLiteral("incremental_profit"), d.incrementalProfit}, {QStringLiteral("total_cost"), d.totalCost},
                                 {QStringLiteral("redemptions"), d.redemptions}});
    for (const DiscountPoint& d : p.discountSweep)
        sweep.append(QJsonObject{{p.sweepParameter, d.value}, {QStringLiteral("redemptions"), d.redemptions},
                                 {QStringLiteral("incremental_profit"), d.incrementalProfit}, {QStringLiteral("total_cost"), d.totalCost},
                                 {QStringLiteral("roi"), finite(d.roi)}, {QStringLiteral("incremental_roi"), finite(d.incrementalRoi)},
                                 {QStringLiteral("reached_users"), qint64(d.reached)}});
    for (const HourPoint& h : p.hourly)
        hourly.append(QJsonObject{{QStringLiteral("hour"), QDateTime::fromSecsSinceEpoch(h.hourStart, Qt::UTC).toString(Qt::ISODate)},
                                  {QStringLiteral("redemptions"), h.redemptions}});
    for (qsizetype k = 0; k < topUserIds.size() && k < qsizetype(p.result.ranking.size()); ++k) {
        const Eigen::Index i = p.result.ranking[static_cast<std::size_t>(k)];
        users.append(QJsonObject{{QStringLiteral("user_id"), topUserIds[k]},
                                 {QStringLiteral("uptake"), p.users.redeem[i]},
                                 {QStringLiteral("buy_with_offer"), p.users.buyTreated[i]},
                                 {QStringLiteral("buy_without_offer"), p.users.buyControl[i]},
                                 {QStringLiteral("uplift"), p.uplift[i]},
                                 {QStringLiteral("expected_incremental_profit"), p.result.incrementalProfit[i]},
                                 {QStringLiteral("targeted"), k < p.result.reached}});
    }
    for (const QString& w : p.warnings) warnings.append(w);
    QJsonObject source{{QStringLiteral("kind"), predictionSourceKey(p.source)}, {QStringLiteral("description"), p.sourceText}};
    if (const UptakeModel* m = session.model()) source.insert(QStringLiteral("model_id"), m->id);
    if (const UptakeModel* m = session.redemptionModel()) source.insert(QStringLiteral("redemption_model_id"), m->id);
    const engine::PreviewParams prm = session.params(spec);
    source.insert(QStringLiteral("model_level_sd"), prm.modelLevelSd);
    source.insert(QStringLiteral("model_effect_sd"), prm.modelEffectSd);
    return QJsonObject{
        {QStringLiteral("campaign"), campaignSpecToJson(spec)},
        {QStringLiteral("history_as_of"), QDateTime::fromSecsSinceEpoch(a.asOf, Qt::UTC).toString(Qt::ISODate)},
        {QStringLiteral("source"), source},
        {QStringLiteral("level"), p.level},
        {QStringLiteral("totals"), totalsJson(p.result.totals)},
        {QStringLiteral("limits"), QJsonObject{{QStringLiteral("budget"), spec.budget},
                                               {QStringLiteral("target_share"), spec.targetShare},
                                               {QStringLiteral("reached_users"), qint64(p.result.reached)},
                                               {QStringLiteral("budget_users"), qint64(p.result.budgetUsers)},
                                               {QStringLiteral("stopped_by"), stopKey(p.result.stoppedBy).isEmpty() ? QJsonValue() : QJsonValue(stopKey(p.result.stoppedBy))}}},
        {QStringLiteral("ineligible_users"), a.ineligible},
        {QStringLiteral("assumptions"), QJsonObject{{QStringLiteral("gross_margin"), spec.grossMargin},
                                                    {QStringLiteral("cost_per_contact"), spec.costPerContact},
                                                    {QStringLiteral("basket"), spec.basketSource == engine::BasketSource::Given ? QStringLiteral("given") : QStringLiteral("history")},
                                                    {QStringLiteral("median_order_value"), a.medianOrderValue},
                                                    {QStringLiteral("order_value_log_sd"), a.basketLogSd}}},
        {QStringLiteral("segments"), segments},
        {QStringLiteral("curves"), QJsonObject{{QStringLiteral("profit_by_depth"), depth},
                                               {QStringLiteral("roi_by_discount"), QJsonObject{{QStringLiteral("parameter"), p.sweepParameter},
                                                                                               {QStringLiteral("current"), p.sweepCurrent},
                                                                                               {QStringLiteral("points"), sweep}}},
                                               {QStringLiteral("redemptions_by_hour"), hourly}}},
        {QStringLiteral("top_users"), users},
        {QStringLiteral("warnings"), warnings}};
}

namespace {

// uid -> the shop's user id, for the given uids.
QHash<qint64, QString> userIdMap(Database& db, const std::vector<qint64>& uids)
{
    QHash<qint64, QString> out;
    out.reserve(static_cast<qsizetype>(uids.size()));
    Statement st = db.prepare("SELECT uid, user_id FROM users");
    std::vector<qint64> sorted = uids;
    std::sort(sorted.begin(), sorted.end());
    while (st.step()) {
        const qint64 uid = st.int64(0);
        if (std::binary_search(sorted.begin(), sorted.end(), uid)) out.insert(uid, st.text(1));
    }
    return out;
}

} // namespace

QStringList rankedUserIds(Database& db, const CampaignPreview& p, const CampaignAudience& a, qsizetype count)
{
    // A few users: looked up by key, not by reading the whole users table.
    Statement st = db.prepare("SELECT user_id FROM users WHERE uid = ?");
    QStringList out;
    for (qsizetype k = 0; k < count && k < qsizetype(p.result.ranking.size()); ++k) {
        st.bind(1, a.uids[static_cast<std::size_t>(p.result.ranking[static_cast<std::size_t>(k)])]);
        out << (st.step() ? st.text(0) : QString());
        st.reset();
    }
    return out;
}

Result<qint64> exportTargetList(Database& db, const CampaignPreview& p, const CampaignAudience& a, const QString& path, bool byteOrderMark)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return makeError(Text::tr("cannot write %1: %2").arg(path, file.errorString()));
    QHash<qint64, QString> ids;
    try {
        ids = userIdMap(db, a.uids);
    } catch (const SqlError& e) {
        return makeError(Text::tr("the users could not be read: %1").arg(QString::fromUtf8(e.what())));
    }
    if (byteOrderMark) file.write("\xEF\xBB\xBF");
    file.write("user_id,rank,targeted,uptake,buy_with_offer,buy_without_offer,uplift,expected_incremental_profit\n");
    qint64 written = 0;
    std::string line;
    for (std::size_t k = 0; k < p.result.ranking.size(); ++k) {
        const Eigen::Index i = p.result.ranking[k];
        const std::string id = ids.value(a.uids[static_cast<std::size_t>(i)]).toStdString();
        line = formatCsvLine({spreadsheetSafe(id), std::to_string(k + 1), std::int64_t(k) < p.result.reached ? "1" : "0",
                              formatDecimal(std::min(p.users.redeem[i], p.users.buyTreated[i]), 6), formatDecimal(p.users.buyTreated[i], 6),
                              formatDecimal(p.users.buyControl[i], 6), formatDecimal(p.uplift[i], 6), formatDecimal(p.result.incrementalProfit[i], 4)});
        line.push_back('\n');
        if (file.write(line.data(), static_cast<qint64>(line.size())) != static_cast<qint64>(line.size()))
            return makeError(Text::tr("cannot write %1: %2").arg(path, file.errorString()));
        ++written;
    }
    if (!file.commit()) return makeError(Text::tr("cannot write %1: %2").arg(path, file.errorString()));
    return written;
}

} // namespace cwb::model
