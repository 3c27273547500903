#include "campaigns/campaign_optimizer.h"

#include "core/text.h"
#include "optimize/grid_search.h"
#include "optimize/offer_allocation.h"

#include <QElapsedTimer>
#include <QHash>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <optional>

namespace cwb::model {

using engine::CampaignSpec;
using engine::CampaignType;

namespace {

std::vector<double> scaled(std::initializer_list<double> shares, double unit, double round)
{
    std::vector<double> out;
    for (double s : shares) {
        const double v = std::max(round, std::round(s * unit / round) * round);
        if (out.empty() || v > out.back()) out.push_back(v);
    }
    return out;
}

int strideFor(const QString& term)
{
    if (term == QLatin1String("percent_off")) return 4;
    if (term == QLatin1String("start_hour")) return 6;
    if (term == QLatin1String("duration_days")) return 2;
    return 3;
}

QStringList termsFor(const CampaignSpec& s)
{
    switch (s.type) {
    case CampaignType::Coupon:
        return {s.coupon.amountOff > 0 ? QStringLiteral("amount_off") : QStringLiteral("percent_off"), QStringLiteral("min_spend"),
                QStringLiteral("validity_days"), QStringLiteral("start_hour"), QStringLiteral("target_share")};
    case CampaignType::FlashSale:
        return {QStringLiteral("percent_off"), QStringLiteral("duration_hours"), QStringLiteral("start_hour"), QStringLiteral("target_share")};
    case CampaignType::Member:
        return {s.member.percentOff > 0 ? QStringLiteral("percent_off") : QStringLiteral("points_multiplier"), QStringLiteral("duration_days"),
                QStringLiteral("start_hour"), QStringLiteral("target_share")};
    }
    return {};
}

void applyTerm(CampaignSpec& s, const QString& term, double v)
{
    if (term == QLatin1String("percent_off")) {
        if (s.type == CampaignType::Coupon) s.coupon.percentOff = v;
        else if (s.type == CampaignType::FlashSale) s.flashSale.percentOff = v;
        else s.member.percentOff = v;
    } else if (term == QLatin1String("amount_off")) {
        s.coupon.amountOff = v;
    } else if (term == QLatin1String("points_multiplier")) {
        s.member.pointsMultiplier = v;
    } else if (term == QLatin1String("min_spend")) {
        s.coupon.minSpend = v;
    } else if (term == QLatin1String("validity_days")) {
        s.coupon.validityDays = static_cast<int>(v);
    } else if (term == QLatin1String("duration_hours")) {
        s.flashSale.durationHours = v;
    } else if (term == QLatin1String("duration_days")) {
        s.member.durationDays = v;
    } else if (term == QLatin1String("start_hour")) {
        s.startTs = s.startTs - ((s.startTs % 86400) + 86400) % 86400 + static_cast<std::int64_t>(v) * 3600;
    }
}

// The most profitable prefix of the preview's ranking at a grid of depths, with ROI at least minRoi. Returns the share and its incremental profit; share 0 when none qualifies.
struct Depth {
    double share = 0, incrementalProfit = 0;
};

// The spec's own depth: its totals say it all.
Depth atOwnDepth(const engine::PreviewTotals& t, std::int64_t eligible, double minRoi)
{
    const double roi = t.totalCost.value > 0 ? t.roi.value : std::numeric_limits<double>::infinity();
    if (t.targeted == 0 || eligible == 0 || roi < minRoi) return Depth{};
    return Depth{double(t.targeted) / double(eligible), t.incrementalProfit.value};
}

Depth bestDepth(const CampaignPreview& p, const CampaignSpec& spec, double minRoi)
{
    const engine::UserEconomics& u = p.users;
    const auto n = static_cast<std::int64_t>(u.size());
    const double w = 1.0 - spec.controlShare;
    std::vector<std::int64_t> stops;
    for (int k = 1; k <= 20; ++k) stops.push_back(std::min<std::int64_t>(p.result.reached, std::llround(0.05 * k * double(n))));
    stops.push_back(p.result.reached);
    std::sort(stops.begin(), stops.end());
    Depth best;
    bool found = false;
    double revenue = 0, cost = 0, profit = 0;
    std::int64_t k = 0;
    for (std::int64_t stop : stops) {
        for (; k < stop; ++k) {
            const Eigen::Index i = p.result.ranking[static_cast<std::size_t>(k)];
            revenue += w * u.buyTreated[i] * u.basket[i];
            cost += w * p.result.expectedCost[i];
            profit += w * p.result.incrementalProfit[i];
        }
        if (stop == 0) continue;
        const double roi = cost > 0 ? (revenue - cost) / cost : std::numeric_limits<double>::infinity();
        if (roi < minRoi) continue;
        if (!found || profit > best.incrementalProfit) {
            best = Depth{double(stop) / double(n), profit};
            found = true;
        }
    }
    if (!found) best.share = 0;
    return best;
}

QString range(const std::vector<double>& v)
{
    return QStringLiteral("%1-%2 (%3 values)").arg(QLocale().toString(v.front(), 'g', 4), QLocale().toString(v.back(), 'g', 4)).arg(v.size());
}

} // namespace

std::vector<double> searchGrid(const QString& term, const CampaignSpec& s, double m)
{
    if (!(m > 0)) m = 100;
    if (term == QLatin1String("percent_off")) {
        std::vector<double> v;
        for (int k = 1; k <= 20; ++k) v.push_back(2.5 * k);
        return v;
    }
    if (term == QLatin1String("amount_off")) return scaled({0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6}, m, 1);
    if (term == QLatin1String("points_multiplier")) return {1.5, 2, 2.5, 3, 4, 5, 6, 8, 10};
    if (term == QLatin1String("min_spend")) {
        std::vector<double> v{0};
        for (double t : scaled({0.5, 0.75, 1, 1.25, 1.5, 2, 2.5, 3}, m, 10))
            if (t > s.coupon.amountOff) v.push_back(t);
        return v;
    }
    if (term == QLatin1String("validity_days")) return {1, 2, 3, 5, 7, 10, 14, 21, 30};
    if (term == QLatin1String("duration_hours")) return {1, 2, 3, 4, 6, 8, 12, 24, 48};
    if (term == QLatin1String("duration_days")) return {1, 2, 3, 5, 7, 14, 30};
    if (term == QLatin1String("start_hour")) {
        std::vector<double> v;
        for (int h = 0; h < 24; ++h) v.push_back(h);
        return v;
    }
    return {};
}

Result<OptimizeResult> optimizeCampaign(const PreviewSession& session, const CampaignSpec& start, const OptimizeOptions& o)
{
    QElapsedTimer timer;
    timer.start();
    auto current = session.totals(start);
    if (!current) return current.error();
    OptimizeResult out;
    out.current = OptimizedSpec{start, current.value(), current->targeted};

    QStringList terms = termsFor(start);
    if (!o.vary.isEmpty()) {
        for (const QString& t : o.vary)
            if (!terms.contains(t))
                return makeError(Text::tr("\"%1\" is not a term of a %2 campaign that can be searched; give: %3")
                                     .arg(t, QString::fromLatin1(engine::campaignTypeKey(start.type)), terms.join(QStringLiteral(", "))));
        terms = o.vary;
    }
    const bool depthFree = terms.removeAll(QStringLiteral("target_share")) > 0;
    std::vector<engine::SearchDimension> dims;
    for (const QString& t : terms) {
        engine::SearchDimension d{t.toStdString(), searchGrid(t, start, session.audience().medianOrderValue), strideFor(t)};
        out.searched << t + QStringLiteral(" ") + range(d.values);
        out.searchedTerms << OptimizeResult::Term{t, d.values.front(), d.values.back(), int(d.values.size())};
        dims.push_back(std::move(d));
    }
    if (depthFree) {
        out.searched << Text::tr("target_share 0.05-1 (20 values, from each candidate's ranking)");
        out.searchedTerms << OptimizeResult::Term{QStringLiteral("target_share"), 0.05, 1, 20};
    }
    if (dims.empty() && !depthFree) return makeError(Text::tr("nothing to search"));

    // The search runs on a seeded sample of the users (the same for every candidate, so candidates
    // differ by their terms alone); its best candidates are then previewed on every user and ranked
    // again by those figures.
    const PreviewSession search = session.sample(o.sampleUsers, o.seed);
    out.searchedUsers = static_cast<std::int64_t>(search.audience().size());
    if (search.audience().size() < session.audience().size())
        out.searched << Text::tr("on a seeded sample of %L1 of the %L2 users; the best %3 candidates previewed on all of them")
                            .arg(out.searchedUsers)
                            .arg(qint64(session.audience().size()))
                            .arg(std::max(o.keep, o.recheck));

    auto specAt = [&](const std::vector<double>& values) {
        CampaignSpec s = start;
        for (std::size_t k = 0; k < dims.size(); ++k) applyTerm(s, QString::fromStdString(dims[k].name), values[k]);
        if (depthFree) s.targetShare = 1.0;
        return s;
    };
    // The candidate's incremental profit on `on`, at its best targeting depth when that is free.
    auto evaluate = [&](const PreviewSession& on, const CampaignSpec& s) -> std::optional<Depth> {
        if (!engine::validate(s).empty()) return std::nullopt;
        Depth d;
        if (depthFree) {
            auto p = on.preview(s, PreviewSession::Detail::Ranked);
            if (!p) return std::nullopt;
            d = bestDepth(p.value(), s, o.minRoi);
        } else {
            auto t = on.totals(s);
            if (!t) return std::nullopt;
            d = atOwnDepth(t.value(), static_cast<std::int64_t>(on.audience().size()), o.minRoi);
        }
        if (d.share <= 0) return std::nullopt;
        return d;
    };
    auto objective = [&](const std::vector<double>& values) -> engine::PointValue {
        const auto d = evaluate(search, specAt(values));
        return d ? engine::PointValue{d->incrementalProfit, true} : engine::PointValue{0, false};
    };
    engine::GridSearchParams gp;
    gp.seed = o.seed;
    gp.annealSteps = o.annealSteps;
    gp.keep = search.audience().size() < session.audience().size() ? std::max(o.keep, o.recheck) : o.keep;
    gp.progress = o.progress;
    std::vector<std::vector<double>> winners;
    if (dims.empty()) {   // only the depth is free
        winners.push_back({});
        out.evaluations = 1;
    } else {
        const engine::GridSearchResult r = engine::gridSearch(dims, objective, gp);
        if (r.cancelled) return makeError(Text::tr("cancelled"));
        out.evaluations = r.evaluations;
        for (const engine::SearchPoint& sp : r.best) winners.push_back(sp.values);
    }
    struct Ranked {
        double profit;
        OptimizedSpec spec;
    };
    std::vector<Ranked> ranked;
    for (const std::vector<double>& values : winners) {
        CampaignSpec s = specAt(values);
        const auto d = evaluate(session, s);
        if (!d) continue;
        if (depthFree) s.targetShare = d->share;
        auto t = session.totals(s);
        if (!t) continue;
        ranked.push_back(Ranked{d->incrementalProfit, OptimizedSpec{s, t.value(), t->targeted}});
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) { return a.profit > b.profit; });
    for (const Ranked& r : ranked)
        if (out.best.size() < o.keep) out.best.append(r.spec);
    if (out.best.isEmpty())
        return makeError(std::isfinite(o.minRoi) ? Text::tr("no terms on the grid reach an ROI of %1").arg(o.minRoi)
                                                 : Text::tr("no valid terms on the grid"));
    out.seconds = double(timer.elapsed()) / 1000.0;
    return out;
}

Result<AllocationResult> allocateCampaigns(const QList<const PreviewSession*>& sessions, const QList<CampaignSpec>& specs, double budget)
{
    if (sessions.size() != specs.size() || sessions.isEmpty()) return makeError(Text::tr("give at least one campaign"));
    // Every user any campaign reaches, by uid.
    QHash<qint64, Eigen::Index> row;
    std::vector<qint64> uids;
    for (const PreviewSession* s : sessions)
        for (qint64 uid : s->audience().uids)
            if (!row.contains(uid)) {
                row.insert(uid, static_cast<Eigen::Index>(uids.size()));
                uids.push_back(uid);
            }
    const auto n = static_cast<Eigen::Index>(uids.size());
    const auto m = static_cast<Eigen::Index>(sessions.size());
    Eigen::MatrixXd value = Eigen::MatrixXd::Zero(n, m), cost = Eigen::MatrixXd::Zero(n, m);
    for (Eigen::Index j = 0; j < m; ++j) {
        CampaignSpec s = specs[j];
        s.budget = 0;   // the shared budget is applied below
        s.targetShare = 1;
        auto p = sessions[j]->preview(s, PreviewSession::Detail::Totals);
        if (!p) return makeError(QString::fromStdString(specs[j].name) + QStringLiteral(": ") + p.error().message);
        const double w = 1.0 - s.controlShare;
        const auto& a = sessions[j]->audience();
        for (std::size_t i = 0; i < a.uids.size(); ++i) {
            const Eigen::Index r = row.value(a.uids[i]);
            value(r, j) = w * p->result.incrementalProfit[static_cast<Eigen::Index>(i)];
            cost(r, j) = w * p->result.expectedCost[static_cast<Eigen::Index>(i)];
        }
        // A user the campaign does not reach cannot get it.
        for (Eigen::Index r = 0; r < n; ++r)
            if (value(r, j) == 0 && cost(r, j) == 0) value(r, j) = -1;
    }
    const engine::Allocation alloc = engine::allocateOffers(value, cost, engine::AllocationParams{budget, 100});
    AllocationResult out;
    out.budget = budget;
    out.candidates = n;
    out.incrementalProfit = alloc.profit;
    out.cost = alloc.cost;
    for (Eigen::Index j = 0; j < m; ++j) out.campaigns.append(CampaignShare{QString::fromStdString(specs[j].name), 0, 0, 0});
    for (Eigen::Index r = 0; r < n; ++r) {
        const int j = alloc.choice[static_cast<std::size_t>(r)];
        if (j < 0) continue;
        ++out.users;
        CampaignShare& c = out.campaigns[j];
        ++c.users;
        c.incrementalProfit += value(r, j);
        c.cost += cost(r, j);
    }
    return out;
}

} // namespace cwb::model
