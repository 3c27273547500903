#include "campaigns/campaign_readout.h"

#include "campaigns/campaign_store.h"
#include "core/text.h"
#include "sql/sql_error.h"
#include "training/audience_scoring.h"
#include "training/model_store.h"
#include "workspace/workspace.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <unordered_map>

namespace cwb::model {

namespace {

struct Row {
    qint64 uid = 0;
    bool treated = false;
    QString arm;
    bool visited = false, converted = false, redeemed = false;
    double revenue = 0;
};

struct Counts {
    qint64 users = 0, visited = 0, converted = 0, redeemed = 0;
    engine::SampleMoments revenue, profit;
};

QJsonValue num(double v) { return std::isfinite(v) ? QJsonValue(v) : QJsonValue(); }

// A number the campaign's spec states: top level, or inside one of its type blocks.
std::optional<double> specNumber(const QJsonObject& spec, const char* key)
{
    const QString k = QString::fromLatin1(key);
    if (spec.value(k).isDouble()) return spec.value(k).toDouble();
    for (const char* block : {"coupon", "flash_sale", "member", "offer"}) {
        const QJsonObject b = spec.value(QString::fromLatin1(block)).toObject();
        if (b.value(k).isDouble()) return b.value(k).toDouble();
    }
    return std::nullopt;
}

// The discount paid on a redeemed order for which the user paid `paid`.
double discountOn(const engine::OfferDescription& o, double paid, double pointValue)
{
    double discount = 0;
    if (o.amountOff > 0) discount = o.amountOff;
    else if (o.percentOff > 0 && o.percentOff < 100) discount = paid * (o.percentOff / 100.0) / (1.0 - o.percentOff / 100.0);
    const double list = paid + discount;
    if (o.pointsMultiplier > 1) discount += (o.pointsMultiplier - 1.0) * pointValue * list;
    return discount;
}

ArmReadout armFrom(const QString& name, bool control, bool pooled, const Counts& c, double level)
{
    ArmReadout a;
    a.name = name;
    a.control = control;
    a.pooled = pooled;
    a.visited = engine::proportion(c.visited, c.users, level);
    a.converted = engine::proportion(c.converted, c.users, level);
    a.redeemed = engine::proportion(c.redeemed, c.users, level);
    a.revenueMoments = c.revenue;
    a.profitMoments = c.profit;
    a.revenue = engine::meanOf(c.revenue, level);
    a.profit = engine::meanOf(c.profit, level);
    return a;
}

ArmDifference against(const ArmReadout& arm, const ArmReadout& control, double level)
{
    ArmDifference d;
    d.visited = engine::twoProportionTest(arm.visited, control.visited, level);
    d.converted = engine::twoProportionTest(arm.converted, control.converted, level);
    d.redeemed = engine::twoProportionTest(arm.redeemed, control.redeemed, level);
    if (arm.users() > 1 && control.users() > 1) {
        d.revenue = engine::welchTest(arm.revenueMoments, control.revenueMoments, level);
        d.profit = engine::welchTest(arm.profitMoments, control.profitMoments, level);
    }
    return d;
}

Result<std::vector<Row>> readRows(Database& db, qint64 campaignId, CampaignReadout& out)
{
    std::vector<Row> rows;
    Statement st = db.prepare(
        "SELECT x.uid, x.grp, coalesce(x.variant, ''), r.visited, r.converted, r.redeemed, r.revenue, r.campaign_id IS NOT NULL "
        "FROM exposures x LEFT JOIN responses r ON r.campaign_id = x.campaign_id AND r.uid = x.uid "
        "WHERE x.campaign_id = ? ORDER BY x.uid");
    st.bind(1, campaignId);
    qint64 responses = 0;
    while (st.step()) {
        Row r;
        r.uid = st.int64(0);
        r.treated = st.textView(1) == "treatment";
        r.arm = st.text(2);
        r.visited = !st.isNull(3) && st.int64(3) != 0;
        r.converted = !st.isNull(4) && st.int64(4) != 0;
        r.redeemed = !st.isNull(5) && st.int64(5) != 0;
        r.revenue = st.isNull(6) ? 0.0 : st.real(6);
        out.hasVisited = out.hasVisited || !st.isNull(3);
        out.hasRedeemed = out.hasRedeemed || !st.isNull(5);
        out.hasRevenue = out.hasRevenue || !st.isNull(6);
        responses += st.int64(7);
        rows.push_back(std::move(r));
    }
    if (rows.empty())
        return makeError(Text::tr("campaign \"%1\" has no exposures yet: import who was sent the offer and who was held out "
                                  "(cwb import WS --table exposures FILE), then the responses (--table responses)")
                             .arg(out.campaign.name));
    if (responses == 0)
        return makeError(Text::tr("campaign \"%1\" has %2 exposures but no responses: import what the users did "
                                  "(cwb import WS --table responses FILE)")
                             .arg(out.campaign.name)
                             .arg(rows.size()));
    return rows;
}

// The model's predictions for this campaign's users against what they did.
Result<ModelCheck> checkModel(Workspace& ws, const CampaignReadout& r, const std::vector<Row>& rows, const ReadoutOptions& options,
                              QStringList& notes)
{
    QStringList warnings;
    auto model = loadModel(ws, options.modelId, &warnings);
    if (!model) return model.error();
    notes << warnings;
    auto scores = scorePastAudience(ws, model.value(), r.campaign.id, r.campaign, true);
    if (!scores) return scores.error();
    ModelCheck check;
    check.modelId = model->id;
    check.description = model->describe();
    check.target = model->target;
    for (const QJsonValue& c : model->spec.value(QStringLiteral("campaigns")).toArray()) {
        const QJsonObject o = c.toObject();
        if (o.value(QStringLiteral("id")).toInteger() == r.campaign.id && !o.value(QStringLiteral("test")).toBool()) check.inTraining = true;
    }
    std::unordered_map<qint64, std::size_t> byUid;
    byUid.reserve(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) byUid.emplace(rows[i].uid, i);
    const auto n = static_cast<Eigen::Index>(scores->uids.size());
    Eigen::VectorXd y(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        const Row& row = rows[byUid.at(scores->uids[std::size_t(i)])];
        y[i] = check.target == Outcome::Visited ? row.visited : check.target == Outcome::Redeemed ? row.redeemed : row.converted;
        if (row.treated) {
            check.predicted += scores->scores.treated[i];
            check.actual += y[i];
        }
    }
    const bool uplift = scores->scores.uplift.size() == n && std::count(scores->treated.begin(), scores->treated.end(), 0) > 0;
    check.evaluation = evaluatePredictions(scores->scores.treated, uplift ? scores->scores.uplift : Eigen::VectorXd(), y, scores->treated, 0.5);
    return check;
}

QJsonObject proportionJson(const engine::Proportion& p)
{
    return {{QStringLiteral("count"), qint64(p.successes)},
            {QStringLiteral("rate"), p.rate},
            {QStringLiteral("low"), p.interval.low},
            {QStringLiteral("high"), p.interval.high}};
}

QJsonObject meanJson(const engine::Mean& m)
{
    return {{QStringLiteral("mean"), m.mean}, {QStringLiteral("sd"), m.sd}, {QStringLiteral("low"), m.interval.low}, {QStringLiteral("high"), m.interval.high}};
}

QJsonObject differenceJson(const engine::Difference& d, bool welch)
{
    QJsonObject o{{QStringLiteral("difference"), d.value},
                  {QStringLiteral("low"), d.interval.low},
                  {QStringLiteral("high"), d.interval.high},
                  {QStringLiteral("relative"), num(d.relative)},
                  {welch ? QStringLiteral("t") : QStringLiteral("z"), d.statistic},
                  {QStringLiteral("p_value"), d.pValue}};
    if (welch) o.insert(QStringLiteral("df"), d.degreesOfFreedom);
    return o;
}

} // namespace

QString readoutMetricKey(ReadoutMetric m)
{
    switch (m) {
    case ReadoutMetric::Visited: return QStringLiteral("visited");
    case ReadoutMetric::Converted: return QStringLiteral("converted");
    case ReadoutMetric::Redeemed: return QStringLiteral("redeemed");
    case ReadoutMetric::Revenue: return QStringLiteral("revenue");
    case ReadoutMetric::Profit: return QStringLiteral("profit");
    }
    return {};
}

std::optional<ReadoutMetric> parseReadoutMetric(const QString& key)
{
    for (ReadoutMetric m : {ReadoutMetric::Visited, ReadoutMetric::Converted, ReadoutMetric::Redeemed, ReadoutMetric::Revenue, ReadoutMetric::Profit})
        if (readoutMetricKey(m) == key) return m;
    return std::nullopt;
}

const ArmReadout* CampaignReadout::control() const
{
    for (const ArmReadout& a : arms)
        if (a.control) return &a;
    return nullptr;
}

Result<CampaignReadout> readCampaign(Workspace& ws, qint64 campaignId, const ReadoutOptions& options)
{
    if (!(options.level > 0 && options.level < 1)) return makeError(Text::tr("the confidence level must lie between 0 and 1"));
    auto info = findCampaign(ws.db(), QString::number(campaignId));
    if (!info) return info.error();
    CampaignReadout out;
    out.level = options.level;
    out.status = info->status;
    out.campaign = campaignOffer(info->id, info->name, info->type, info->startTs,
                                 info->endTs > 0 ? std::optional<qint64>(info->endTs) : std::nullopt, info->spec);
    auto pick = [&](const std::optional<double>& given, const char* key, double fallback, const QString& assumed) {
        if (given) return *given;
        if (auto v = specNumber(info->spec, key)) return *v;
        if (!assumed.isEmpty()) out.notes << assumed;
        return fallback;
    };
    out.grossMargin = pick(options.grossMargin, "gross_margin", 0.3, Text::tr("the campaign does not state its gross margin: profit assumes 30 %"));
    out.marginAssumed = !options.grossMargin && !specNumber(info->spec, "gross_margin");
    out.costPerContact = pick(options.costPerContact, "cost_per_contact", 0.0, {});
    out.pointValue = pick(std::nullopt, "point_value", 0.01, {});
    if (!(out.grossMargin >= 0 && out.grossMargin <= 1)) return makeError(Text::tr("the gross margin must lie between 0 and 1"));
    if (!(out.costPerContact >= 0)) return makeError(Text::tr("the cost per contact cannot be negative"));

    try {
        auto rows = readRows(ws.db(), campaignId, out);
        if (!rows) return rows.error();

        // Group the users: the control (whatever its variant says), each treated arm, and their pool.
        Counts control, pooled;
        std::map<QString, Counts> treatedArms;
        QString controlName;
        bool controlNamed = true;
        for (const Row& r : rows.value()) {
            const engine::OfferDescription& offer = out.campaign.offerFor(r.arm);
            const double discount = r.treated && r.redeemed ? discountOn(offer, r.revenue, out.pointValue) : 0.0;
            const double profit = r.treated ? out.grossMargin * (r.revenue + discount) - discount - out.costPerContact
                                            : out.grossMargin * r.revenue;
            auto add = [&](Counts& c) {
                ++c.users;
                c.visited += r.visited;
                c.converted += r.converted;
                c.redeemed += r.redeemed;
                c.revenue.add(r.revenue);
                c.profit.add(profit);
            };
            if (!r.treated) {
                add(control);
                if (control.users == 1) controlName = r.arm;
                else if (controlName != r.arm) controlNamed = false;
                continue;
            }
            add(treatedArms[r.arm.isEmpty() ? Text::tr("treatment") : r.arm]);
            add(pooled);
        }
        if (control.users > 0)
            out.arms << armFrom(controlNamed && !controlName.isEmpty() ? controlName : Text::tr("control"), true, false, control, options.level);
        // Treated arms in the order the spec lists them (a depth test reads 5 %, 10 %, 20 %), others by name.
        auto position = [&](const QString& name) {
            qsizetype i = out.campaign.arms.indexOf(name);
            for (qsizetype k = 0; i < 0 && k < out.campaign.armOffers.size(); ++k)
                if (out.campaign.armOffers[k].first == name) i = k;
            return i < 0 ? std::numeric_limits<qsizetype>::max() : i;
        };
        std::vector<std::pair<QString, const Counts*>> ordered;
        for (const auto& [name, counts] : treatedArms) ordered.emplace_back(name, &counts);
        std::stable_sort(ordered.begin(), ordered.end(), [&](const auto& a, const auto& b) { return position(a.first) < position(b.first); });
        for (const auto& [name, counts] : ordered) out.arms << armFrom(name, false, false, *counts, options.level);
        if (treatedArms.size() > 1) out.arms << armFrom(Text::tr("all treated"), false, true, pooled, options.level);

        if (const ArmReadout* c = out.control()) {
            const ArmReadout base = *c;
            for (ArmReadout& a : out.arms)
                if (!a.control && a.users() > 0) a.versusControl = against(a, base, options.level);
        } else {
            out.notes << Text::tr("no control group: the differences the campaign made cannot be measured, only its rates");
        }
        if (!out.hasRedeemed) out.notes << Text::tr("redemptions are not recorded for this campaign");
        if (!out.hasVisited) out.notes << Text::tr("visits are not recorded for this campaign");

        // Thompson sampling over the treated arms, for the next wave.
        out.thompsonMetric = options.thompsonMetric;
        if (treatedArms.size() > 1) {
            std::vector<ArmReadout*> candidates;
            for (ArmReadout& a : out.arms)
                if (!a.control && !a.pooled) candidates.push_back(&a);
            std::vector<double> shares;
            const auto metric = options.thompsonMetric;
            if (metric == ReadoutMetric::Revenue || metric == ReadoutMetric::Profit) {
                std::vector<engine::SampleMoments> m;
                for (const ArmReadout* a : candidates) m.push_back(metric == ReadoutMetric::Profit ? a->profitMoments : a->revenueMoments);
                shares = engine::thompsonShares(m, options.thompsonDraws, options.seed);
            } else {
                std::vector<engine::Proportion> p;
                for (const ArmReadout* a : candidates)
                    p.push_back(metric == ReadoutMetric::Visited ? a->visited : metric == ReadoutMetric::Redeemed ? a->redeemed : a->converted);
                shares = engine::thompsonShares(p, options.thompsonDraws, options.seed);
            }
            out.thompsonDraws = options.thompsonDraws;
            for (std::size_t k = 0; k < candidates.size(); ++k) candidates[k]->thompsonShare = shares[k];
            if (metric == ReadoutMetric::Profit && out.control()) {
                bool anyPays = false;
                for (const ArmReadout* a : candidates) anyPays = anyPays || (a->versusControl && a->versusControl->profit.interval.high > 0);
                if (!anyPays) out.notes << Text::tr("no arm's incremental profit can be above zero at this confidence: consider not sending the next wave");
            }
        }

        // The churn model is kept in the same table but predicts something else.
        const bool uptakeModel = options.modelId || ws.db().queryInt("SELECT count(*) FROM models WHERE kind IN ('response', 'uplift')") > 0;
        if (options.useModel && uptakeModel) {
            auto check = checkModel(ws, out, rows.value(), options, out.notes);
            if (!check) out.notes << Text::tr("the model could not be checked against this campaign: %1").arg(check.error().message);
            else {
                if (check->inTraining)
                    out.notes << Text::tr("model %1 was trained on this campaign: its agreement with the outcome is in-sample and flatters it")
                                     .arg(check->modelId);
                out.model = std::move(check.value());
            }
        }
    } catch (const SqlError& e) {
        return makeError(Text::tr("reading the campaign's results failed: %1").arg(QString::fromUtf8(e.what())));
    } catch (const std::invalid_argument& e) {
        return makeError(Text::tr("reading the campaign's results failed: %1").arg(QString::fromUtf8(e.what())));
    }
    return out;
}

QJsonObject readoutToJson(const CampaignReadout& r)
{
    QJsonArray arms;
    for (const ArmReadout& a : r.arms) {
        QJsonObject o{{QStringLiteral("name"), a.name},
                      {QStringLiteral("group"), a.control ? QStringLiteral("control") : a.pooled ? QStringLiteral("pooled") : QStringLiteral("treatment")},
                      {QStringLiteral("users"), a.users()},
                      {QStringLiteral("converted"), proportionJson(a.converted)},
                      {QStringLiteral("revenue_per_user"), meanJson(a.revenue)},
                      {QStringLiteral("profit_per_user"), meanJson(a.profit)}};
        if (r.hasVisited) o.insert(QStringLiteral("visited"), proportionJson(a.visited));
        if (r.hasRedeemed) o.insert(QStringLiteral("redeemed"), proportionJson(a.redeemed));
        if (a.versusControl) {
            const ArmDifference& d = *a.versusControl;
            QJsonObject v{{QStringLiteral("converted"), differenceJson(d.converted, false)},
                          {QStringLiteral("revenue_per_user"), differenceJson(d.revenue, true)},
                          {QStringLiteral("profit_per_user"), differenceJson(d.profit, true)}};
            if (r.hasVisited) v.insert(QStringLiteral("visited"), differenceJson(d.visited, false));
            if (r.hasRedeemed) v.insert(QStringLiteral("redeemed"), differenceJson(d.redeemed, false));
            o.insert(QStringLiteral("versus_control"), v);
        }
        if (a.thompsonShare >= 0) o.insert(QStringLiteral("next_wave_share"), a.thompsonShare);
        arms.append(o);
    }
    QJsonObject o{{QStringLiteral("campaign"), QJsonObject{{QStringLiteral("id"), r.campaign.id},
                                                           {QStringLiteral("name"), r.campaign.name},
                                                           {QStringLiteral("type"), QString::fromStdString(r.campaign.offer.type)},
                                                           {QStringLiteral("status"), r.status}}},
                  {QStringLiteral("level"), r.level},
                  {QStringLiteral("assumptions"), QJsonObject{{QStringLiteral("gross_margin"), r.grossMargin},
                                                              {QStringLiteral("cost_per_contact"), r.costPerContact},
                                                              {QStringLiteral("point_value"), r.pointValue}}},
                  {QStringLiteral("arms"), arms},
                  {QStringLiteral("notes"), QJsonArray::fromStringList(r.notes)}};
    if (r.thompsonDraws > 0)
        o.insert(QStringLiteral("next_wave"), QJsonObject{{QStringLiteral("method"), QStringLiteral("thompson_sampling")},
                                                          {QStringLiteral("metric"), readoutMetricKey(r.thompsonMetric)},
                                                          {QStringLiteral("draws"), r.thompsonDraws}});
    if (r.model) {
        const ModelCheck& m = *r.model;
        QJsonObject mo{{QStringLiteral("id"), m.modelId},
                       {QStringLiteral("description"), m.description},
                       {QStringLiteral("target"), outcomeKey(m.target)},
                       {QStringLiteral("trained_on_this_campaign"), m.inTraining},
                       {QStringLiteral("predicted_treated_outcomes"), m.predicted},
                       {QStringLiteral("actual_treated_outcomes"), m.actual},
                       {QStringLiteral("evaluation"), m.evaluation.toJson()}};
        o.insert(QStringLiteral("model"), mo);
    }
    return o;
}

} // namespace cwb::model
