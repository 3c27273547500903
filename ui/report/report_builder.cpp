#include "report/report_builder.h"

#include "report/campaign_charts.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <cmath>

namespace cwb::ui {

namespace {

class Builder {
    Q_DECLARE_TR_FUNCTIONS(ReportBuilder)

public:
    Builder(const model::ReportData& data, const ReportFormat& format, ReportDocument& doc) : data_(data), f_(format), doc_(doc) {}

    void build()
    {
        const bool comparison = data_.campaigns.size() > 1;
        doc_.title = comparison ? tr("Campaign comparison: %1 campaigns").arg(data_.campaigns.size())
                                : tr("Campaign report: %1").arg(data_.campaigns.first().campaign.name);
        doc_.headerRight = tr("Workspace %1").arg(data_.workspace.name);
        doc_.footerLeft = tr("Campaign Workbench · generated %1").arg(f_.dateTime(data_.generatedAt));
        ReportBlock& title = doc_.add(ReportBlock::Kind::Title, doc_.title);
        title.subtitle = comparison ? campaignNames() : campaignLine(data_.campaigns.first());
        workspaceFacts();
        if (comparison) comparisonSection();
        for (qsizetype i = 0; i < data_.campaigns.size(); ++i) campaignSection(data_.campaigns[i], comparison, i);
    }

private:
    const model::ReportData& data_;
    const ReportFormat& f_;
    ReportDocument& doc_;

    static QString typeName(const QString& key) { return campaignTypeName(key); }
    static QString statusName(const QString& key) { return campaignStatusName(key); }

    QString campaignLine(const model::CampaignReportData& c) const
    {
        return tr("%1 · %2 · created %3").arg(typeName(c.campaign.type), statusName(c.campaign.status), f_.date(c.campaign.createdAt));
    }

    QString campaignNames() const
    {
        QStringList names;
        for (const model::CampaignReportData& c : data_.campaigns) names << c.campaign.name;
        return names.join(QStringLiteral(" · "));
    }

    void workspaceFacts()
    {
        const model::ReportWorkspace& w = data_.workspace;
        ReportBlock& b = doc_.add(ReportBlock::Kind::KeyValues);
        b.pairs << qMakePair(tr("Generated"), f_.dateTime(data_.generatedAt));
        b.pairs << qMakePair(tr("Workspace"), QStringLiteral("%1 (%2)").arg(w.name, w.path));
        b.pairs << qMakePair(tr("Data period"), w.firstTs > 0 ? QStringLiteral("%1 – %2").arg(f_.date(w.firstTs), f_.date(w.lastTs)) : tr("no dated orders or events"));
        b.pairs << qMakePair(tr("Data"), tr("%1 users, %2 orders, %3 events").arg(f_.integer(w.users), f_.integer(w.orders), f_.integer(w.events)));
        b.pairs << qMakePair(tr("Currency"), w.currency.isEmpty() ? tr("not recorded in the workspace (amounts in the data's own unit)") : w.currency);
    }

    // ---- several campaigns --------------------------------------------------------------------

    void comparisonSection()
    {
        doc_.add(ReportBlock::Kind::Heading, tr("The campaigns side by side"));
        ReportBlock& t = doc_.add(ReportBlock::Kind::Table);
        t.table.header << tr("Expected (%1 % interval)").arg(qRound(100 * level()));
        for (const model::CampaignReportData& c : data_.campaigns) t.table.header << c.campaign.name;
        t.table.numeric << false;
        for (qsizetype i = 0; i < data_.campaigns.size(); ++i) t.table.numeric << true;
        t.table.widths << 1.4;
        for (qsizetype i = 0; i < data_.campaigns.size(); ++i) t.table.widths << 1.0;
        using Get = std::function<QString(const model::CampaignReportData&)>;
        auto row = [&](const QString& label, const Get& get) {
            QStringList cells{label};
            for (const model::CampaignReportData& c : data_.campaigns) cells << (c.preview ? get(c) : tr("no forecast"));
            t.table.rows << cells;
        };
        auto money = [&](engine::Estimate engine::PreviewTotals::*m) {
            return [this, m](const model::CampaignReportData& c) { return estimateText(c.preview->result.totals.*m, Money); };
        };
        row(tr("Type"), [](const model::CampaignReportData& c) { return typeName(c.campaign.type); });
        row(tr("Users reached"), [this](const model::CampaignReportData& c) { return f_.integer(c.preview->result.totals.targeted); });
        row(tr("Redemptions"), [this](const model::CampaignReportData& c) { return estimateText(c.preview->result.totals.redemptions, Count); });
        row(tr("Incremental conversions"),
            [this](const model::CampaignReportData& c) { return estimateText(c.preview->result.totals.incrementalConversions, Count); });
        row(tr("Revenue"), money(&engine::PreviewTotals::revenue));
        row(tr("Total cost"), money(&engine::PreviewTotals::totalCost));
        row(tr("Incremental profit"), money(&engine::PreviewTotals::incrementalProfit));
        row(tr("Incremental ROI"), [this](const model::CampaignReportData& c) { return estimateText(c.preview->result.totals.incrementalRoi, Ratio); });
        QList<QPair<QString, engine::PreviewTotals>> totals;
        for (const model::CampaignReportData& c : data_.campaigns)
            if (c.preview) totals << qMakePair(c.campaign.name, c.preview->result.totals);
        if (totals.size() > 1) {
            ReportBlock& chart = doc_.add(ReportBlock::Kind::Chart, tr("Expected incremental profit and total cost of each campaign"));
            const ReportFormat format = f_;
            chart.chart = [totals, format] { return campaignComparisonChart(totals, format); };
        }
    }

    // ---- one campaign -------------------------------------------------------------------------

    enum Unit { Money, Count, Ratio };

    double level() const
    {
        for (const model::CampaignReportData& c : data_.campaigns)
            if (c.preview) return c.preview->level;
        return 0.9;
    }

    QString format(double v, Unit unit) const { return unit == Money ? f_.money(v) : unit == Count ? f_.count(v) : f_.ratio(v); }

    QString estimateText(const engine::Estimate& e, Unit unit) const
    {
        return QStringLiteral("%1 (%2)").arg(format(e.value, unit), f_.interval(e.low, e.high, [&](double v) { return format(v, unit); }));
    }

    ReportFigure figure(const QString& key, const QString& label, const engine::Estimate& e, Unit unit, bool goodWhenPositive = false) const
    {
        ReportFigure fig;
        fig.key = key;
        fig.label = label;
        fig.value = format(e.value, unit);
        fig.interval = tr("%1 % interval %2").arg(qRound(100 * level())).arg(f_.interval(e.low, e.high, [&](double v) { return format(v, unit); }));
        fig.raw = e.value;
        fig.rawLow = e.low;
        fig.rawHigh = e.high;
        fig.hasInterval = true;
        if (goodWhenPositive && std::isfinite(e.value)) fig.tone = e.high < 0 ? -1 : e.low > 0 ? 1 : 0;
        return fig;
    }

    void campaignSection(const model::CampaignReportData& c, bool comparison, qsizetype index)
    {
        const QString anchor = QStringLiteral("campaign-%1").arg(c.campaign.id);
        if (comparison) {
            ReportBlock& h = doc_.add(ReportBlock::Kind::Heading, tr("Campaign %1: %2").arg(index + 1).arg(c.campaign.name));
            h.newPage = true;
            h.anchor = anchor;
            doc_.add(ReportBlock::Kind::Paragraph, campaignLine(c));
        }
        offerSection(c);
        targetSection(c);
        if (c.preview) forecastSection(c);
        else doc_.add(ReportBlock::Kind::Heading, tr("Forecast")), doc_.add(ReportBlock::Kind::Paragraph, tr("No forecast: %1").arg(c.previewProblem));
        if (c.readout) readoutSection(c, *c.readout);
        else if (!c.readoutProblem.isEmpty())
            doc_.add(ReportBlock::Kind::Heading, tr("Results")), doc_.add(ReportBlock::Kind::Paragraph, tr("No read-out: %1").arg(c.readoutProblem));
        if (c.model || c.redemptionModel) modelSection(c);
        if (c.preview) assumptionsSection(c);
    }

    void offerSection(const model::CampaignReportData& c)
    {
        doc_.add(ReportBlock::Kind::Heading, tr("The offer"));
        if (!c.spec) {
            ReportBlock& b = doc_.add(ReportBlock::Kind::KeyValues);
            b.pairs << qMakePair(tr("Type"), typeName(c.campaign.type));
            if (c.campaign.startTs > 0) b.pairs << qMakePair(tr("Ran"), QStringLiteral("%1 – %2").arg(f_.dateTime(c.campaign.startTs), c.campaign.endTs > 0 ? f_.dateTime(c.campaign.endTs) : QString()));
            const QJsonArray arms = c.campaign.spec.value(QStringLiteral("arms")).toArray();
            QStringList names;
            for (const QJsonValue& a : arms) names << a.toString();
            if (!names.isEmpty()) b.pairs << qMakePair(tr("Arms"), names.join(QStringLiteral(", ")));
            const QString source = c.campaign.spec.value(QStringLiteral("source")).toString();
            if (!source.isEmpty()) b.pairs << qMakePair(tr("Source"), source);
            return;
        }
        const engine::CampaignSpec& s = *c.spec;
        doc_.add(ReportBlock::Kind::Paragraph, sentence(c.specText));
        ReportBlock& b = doc_.add(ReportBlock::Kind::KeyValues);
        b.pairs << qMakePair(tr("Type"), typeName(QString::fromLatin1(engine::campaignTypeKey(s.type))));
        b.pairs << qMakePair(tr("Starts"), s.startTs > 0 ? f_.dateTime(s.startTs) : tr("not set"));
        const double hours = s.durationHours();
        b.pairs << qMakePair(tr("Duration"), hours >= 48 && std::fmod(hours, 24) == 0 ? tr("%1 days").arg(int(hours / 24))
                                                                                      : tr("%1 hours").arg(f_.decimal(hours, hours == std::floor(hours) ? 0 : 1)));
        b.pairs << qMakePair(tr("Channel, cost per contact"), QStringLiteral("%1, %2").arg(QString::fromStdString(s.channel), f_.money(s.costPerContact)));
        b.pairs << qMakePair(tr("Budget"), s.budget > 0 ? f_.money(s.budget) : tr("no cap"));
        b.pairs << qMakePair(tr("Control group"), tr("%1 of the reached users, held out at random").arg(f_.percent(s.controlShare)));
        b.pairs << qMakePair(tr("Targeting depth"), tr("the best %1 of the eligible users").arg(f_.percent(s.targetShare)));
    }

    void targetSection(const model::CampaignReportData& c)
    {
        if (!c.spec) return;
        doc_.add(ReportBlock::Kind::Heading, tr("Who it targets"));
        if (c.segments.isEmpty()) {
            doc_.add(ReportBlock::Kind::Paragraph, tr("Every user of the workspace: %1.").arg(f_.integer(c.targetUsers)));
        } else {
            ReportBlock& t = doc_.add(ReportBlock::Kind::Table);
            t.table.header << tr("Segment") << tr("Role") << tr("Users");
            t.table.numeric << false << false << true;
            t.table.widths << 3 << 1.2 << 1;
            for (const model::ReportSegment& s : c.segments)
                t.table.rows << QStringList{s.name, s.excluded ? tr("excluded") : tr("included"), f_.integer(s.users)};
            doc_.add(ReportBlock::Kind::Paragraph, tr("Together the segments select %1 users.").arg(f_.integer(c.targetUsers)));
        }
    }

    void forecastSection(const model::CampaignReportData& c)
    {
        const model::CampaignPreview& p = *c.preview;
        const engine::PreviewTotals& t = p.result.totals;
        const engine::CampaignSpec& s = *c.spec;
        doc_.add(ReportBlock::Kind::Heading, tr("Forecast"));
        if (c.readout)
            doc_.add(ReportBlock::Kind::Paragraph, tr("This campaign has run. The forecast below is what today's models say of its terms, from the "
                                                      "history before its start; the results further on are what happened."));
        QString reach = tr("The campaign reaches %1 of %2 eligible users: %3 get the offer and %4 are held out as the control group.")
                            .arg(f_.integer(t.targeted), f_.integer(t.eligible), f_.count(t.offered), f_.count(t.heldOut));
        if (p.result.stoppedBy == engine::StopReason::Budget)
            reach += QLatin1Char(' ') + tr("The budget of %1 is reached at %2 users.").arg(f_.money(s.budget), f_.integer(p.result.reached));
        else if (p.result.stoppedBy == engine::StopReason::Quantity)
            reach += QLatin1Char(' ') + tr("The quantity on offer runs out at %1 users.").arg(f_.integer(p.result.reached));
        doc_.add(ReportBlock::Kind::Paragraph, reach);
        ReportBlock& figs = doc_.add(ReportBlock::Kind::Figures);
        ReportFigure reached;
        reached.key = QStringLiteral("targeted_users");
        reached.label = tr("Users reached");
        reached.value = f_.integer(t.targeted);
        reached.interval = tr("of %1 eligible").arg(f_.integer(t.eligible));
        reached.raw = double(t.targeted);
        figs.figures << reached;
        figs.figures << figure(QStringLiteral("redemptions"), tr("Redemptions"), t.redemptions, Count)
                     << figure(QStringLiteral("incremental_conversions"), tr("Incremental conversions"), t.incrementalConversions, Count)
                     << figure(QStringLiteral("revenue"), tr("Revenue"), t.revenue, Money)
                     << figure(QStringLiteral("incremental_revenue"), tr("Incremental revenue"), t.incrementalRevenue, Money)
                     << figure(QStringLiteral("total_cost"), tr("Total cost"), t.totalCost, Money)
                     << figure(QStringLiteral("discount_on_incremental"), tr("Discount to incremental buyers"), t.incrementalDiscount, Money)
                     << figure(QStringLiteral("subsidy"), tr("Subsidy to buyers who would buy anyway"), t.subsidy, Money)
                     << figure(QStringLiteral("contact_cost"), tr("Contact cost"), t.contactCost, Money)
                     << figure(QStringLiteral("profit"), tr("Profit"), t.profit, Money, true)
                     << figure(QStringLiteral("incremental_profit"), tr("Incremental profit"), t.incrementalProfit, Money, true)
                     << figure(QStringLiteral("roi"), tr("ROI"), t.roi, Ratio)
                     << figure(QStringLiteral("incremental_roi"), tr("Incremental ROI"), t.incrementalRoi, Ratio, true);
        doc_.add(ReportBlock::Kind::Paragraph,
                 tr("Incremental figures are what the campaign adds over not running it; ROI = (revenue − cost) / cost, incremental ROI = "
                    "incremental profit / cost. Predictions: %1.")
                     .arg(p.sourceText));
        warningsSection(c);

        const ReportFormat format = f_;
        const double margin = s.grossMargin;
        ReportBlock& waterfall = doc_.add(ReportBlock::Kind::Chart, tr("Where the incremental profit comes from"));
        waterfall.chart = [t, margin, format] { return profitWaterfallChart(t, margin, format); };
        if (!p.result.depthCurve.empty()) {
            const std::vector<engine::DepthPoint> curve = p.result.depthCurve;
            const double share = t.eligible > 0 ? double(p.result.reached) / double(t.eligible) : 0;
            ReportBlock& depth = doc_.add(ReportBlock::Kind::Chart, tr("Incremental profit by targeting depth"));
            depth.chart = [curve, share, format] { return profitByDepthChart(curve, share, format); };
        }
        if (!p.discountSweep.isEmpty()) {
            const QList<model::DiscountPoint> sweep = p.discountSweep;
            const QString parameter = p.sweepParameter;
            const double current = p.sweepCurrent;
            ReportBlock& roi = doc_.add(ReportBlock::Kind::Chart, tr("ROI by discount depth"));
            roi.chart = [sweep, parameter, current, format] { return roiByDiscountChart(sweep, parameter, current, format); };
        }
        if (!p.hourly.isEmpty()) {
            const QList<model::HourPoint> hours = p.hourly;
            ReportBlock& hourly = doc_.add(ReportBlock::Kind::Chart, tr("Expected redemptions by hour"));
            hourly.chart = [hours, format] { return hourlyUptakeChart(hours, format); };
        }
        if (!p.segments.isEmpty()) {
            doc_.add(ReportBlock::Kind::Subheading, tr("By segment"));
            ReportBlock& table = doc_.add(ReportBlock::Kind::Table);
            table.table.header << tr("Segment") << tr("Users reached") << tr("Redemptions") << tr("Incremental conversions") << tr("Total cost")
                               << tr("Incremental profit");
            table.table.numeric << false << true << true << true << true << true;
            table.table.widths << 2.4 << 1.2 << 1.3 << 1.4 << 1.2 << 1.3;
            for (const model::SegmentPreview& sp : p.segments)
                table.table.rows << QStringList{sp.name, f_.integer(sp.totals.targeted), f_.count(sp.totals.redemptions.value),
                                                f_.count(sp.totals.incrementalConversions.value), f_.money(sp.totals.totalCost.value),
                                                f_.money(sp.totals.incrementalProfit.value)};
            const QList<model::SegmentPreview> segments = p.segments;
            ReportBlock& chart = doc_.add(ReportBlock::Kind::Chart, tr("Incremental profit by segment"));
            chart.chartAspect = std::clamp(0.16 + 0.045 * double(segments.size()), 0.3, 0.9);
            chart.chart = [segments, format] { return segmentBreakdownChart(segments, format); };
        }
    }

    void readoutSection(const model::CampaignReportData& c, const model::CampaignReadout& r)
    {
        doc_.add(ReportBlock::Kind::Heading, tr("Results: treatment against control"));
        doc_.add(ReportBlock::Kind::Paragraph,
                 tr("What the campaign did, from its %1 exposures and the responses recorded after it. Rates with %2 % intervals; "
                    "each treated arm against the control group with the difference, its interval and p-value (below 0.05: a "
                    "difference this large would be rare if the offer made none). Margin %3, cost per contact %4.")
                     .arg(f_.integer(c.campaign.treated + c.campaign.control))
                     .arg(qRound(100 * r.level))
                     .arg(f_.percent(r.grossMargin), f_.money(r.costPerContact)));
        auto rateRow = [&](const QString& label, const engine::Proportion& p, const engine::Difference* d) {
            return QStringList{label, f_.percent(p.rate), f_.interval(p.interval.low, p.interval.high, [&](double v) { return f_.percent(v); }),
                               d ? f_.percentagePoints(d->value) : QString(),
                               d ? f_.interval(d->interval.low, d->interval.high, [&](double v) { return f_.percentagePoints(v); }) : QString(),
                               d ? pValue(d->pValue) : QString()};
        };
        auto meanRow = [&](const QString& label, const engine::Mean& m, const engine::Difference* d) {
            return QStringList{label, f_.money(m.mean), f_.interval(m.interval.low, m.interval.high, [&](double v) { return f_.money(v); }),
                               d ? f_.money(d->value) : QString(),
                               d ? f_.interval(d->interval.low, d->interval.high, [&](double v) { return f_.money(v); }) : QString(),
                               d ? pValue(d->pValue) : QString()};
        };
        for (const model::ArmReadout& a : r.arms) {
            const QString group = a.control ? tr("control") : a.pooled ? tr("all treated arms") : tr("treatment");
            // Arms named after their group ("control", "treatment") are not named twice.
            const bool plain = a.name == QLatin1String("control") || a.name == QLatin1String("treatment");
            doc_.add(ReportBlock::Kind::Subheading, plain ? tr("%1: %2 users").arg(sentence(group), f_.integer(a.users()))
                                                          : tr("%1 (%2): %3 users").arg(a.name, group, f_.integer(a.users())));
            ReportBlock& t = doc_.add(ReportBlock::Kind::Table);
            t.table.header << tr("Outcome") << tr("Value") << tr("Interval") << tr("Against control") << tr("Interval") << tr("p-value");
            t.table.numeric << false << true << true << true << true << true;
            t.table.widths << 1.6 << 1 << 1.6 << 1.2 << 1.8 << 0.9;
            const model::ArmDifference* d = a.versusControl ? &*a.versusControl : nullptr;
            if (r.hasVisited) t.table.rows << rateRow(tr("Visited"), a.visited, d ? &d->visited : nullptr);
            t.table.rows << rateRow(tr("Converted"), a.converted, d ? &d->converted : nullptr);
            if (r.hasRedeemed) t.table.rows << rateRow(tr("Redeemed"), a.redeemed, d ? &d->redeemed : nullptr);
            if (r.hasRevenue) t.table.rows << meanRow(tr("Revenue per user"), a.revenue, d ? &d->revenue : nullptr);
            t.table.rows << meanRow(tr("Profit per user"), a.profit, d ? &d->profit : nullptr);
            if (a.thompsonShare >= 0)
                doc_.add(ReportBlock::Kind::Paragraph, tr("Next wave: give this arm %1 of the treated traffic (Thompson sampling on %2).")
                                                           .arg(f_.percent(a.thompsonShare), model::readoutMetricKey(r.thompsonMetric)));
        }
        if (r.model) {
            const model::ModelCheck& m = *r.model;
            doc_.add(ReportBlock::Kind::Subheading, tr("Predicted against actual"));
            ReportBlock& kv = doc_.add(ReportBlock::Kind::KeyValues);
            kv.pairs << qMakePair(tr("Model"), tr("%1 (model %2)").arg(m.description, QString::number(m.modelId)));
            kv.pairs << qMakePair(tr("Treated users who %1").arg(model::outcomeKey(m.target)),
                                  tr("predicted %1, observed %2").arg(f_.count(m.predicted), f_.count(m.actual)));
            kv.pairs << qMakePair(tr("AUC on this campaign"), f_.decimal(m.evaluation.auc, 3));
            if (m.inTraining) kv.pairs << qMakePair(tr("Caution"), tr("the model was trained on this campaign: the check is in-sample"));
            ReportBlock& t = doc_.add(ReportBlock::Kind::Table);
            t.table.header << tr("Predicted probability band") << tr("Users") << tr("Mean predicted") << tr("Observed rate");
            t.table.numeric << false << true << true << true;
            for (const auto& b : m.evaluation.calibration)
                t.table.rows << QStringList{f_.interval(b.lower, b.upper, [&](double v) { return f_.percent(v); }), f_.integer(qint64(b.count)),
                                            f_.percent(b.meanPredicted), f_.percent(b.observedRate)};
        }
        if (!r.notes.isEmpty()) {
            ReportBlock& n = doc_.add(ReportBlock::Kind::Notes);
            for (const QString& note : r.notes) n.notes << sentence(note);
        }
    }

    // A message as a sentence: capital first letter (the engine's messages start in lower case).
    static QString sentence(const QString& s) { return s.isEmpty() ? s : s.left(1).toUpper() + s.mid(1); }

    static QString pValue(double p) { return p < 1e-4 ? QStringLiteral("< 0.0001") : QLocale().toString(p, 'f', 4); }

    void modelSection(const model::CampaignReportData& c)
    {
        doc_.add(ReportBlock::Kind::Heading, tr("The model behind the forecast"));
        auto describe = [&](const model::ReportModel& m, const QString& role) {
            ReportBlock& kv = doc_.add(ReportBlock::Kind::KeyValues);
            kv.pairs << qMakePair(role, tr("%1 — model %2, trained %3").arg(m.description, QString::number(m.id), f_.dateTime(m.trainedAt)));
            const QJsonObject& mt = m.metrics;
            const double auc = mt.value(QStringLiteral("auc")).toDouble(std::nan(""));
            kv.pairs << qMakePair(tr("AUC on the test rows"), tr("%1 (0.5 is guessing, 1 is perfect; 0.6–0.75 is usual for offers)").arg(f_.decimal(auc, 3)));
            const double calibration = mt.value(QStringLiteral("calibration_error")).toDouble(std::nan(""));
            if (std::isfinite(calibration))
                kv.pairs << qMakePair(tr("Calibration"), tr("predictions are off by %1 on average across ten bins (mean predicted %2, observed %3)")
                                                             .arg(f_.percentagePoints(calibration).remove(QLatin1Char('+')),
                                                                  f_.percent(mt.value(QStringLiteral("mean_predicted")).toDouble()),
                                                                  f_.percent(mt.value(QStringLiteral("base_rate")).toDouble())));
            const QJsonObject up = mt.value(QStringLiteral("uplift")).toObject();
            if (!up.isEmpty()) {
                kv.pairs << qMakePair(tr("Qini coefficient"), tr("%1 (above 0: ranks users by their response to the offer better than chance)")
                                                                  .arg(f_.decimal(up.value(QStringLiteral("qini")).toDouble(), 3)));
                kv.pairs << qMakePair(tr("Uplift in the top 30 %"), tr("%1, against %2 over all users")
                                                                       .arg(f_.percentagePoints(up.value(QStringLiteral("uplift_at_30")).toDouble()),
                                                                            f_.percentagePoints(up.value(QStringLiteral("observed_effect")).toDouble())));
            }
            const QJsonArray calib = mt.value(QStringLiteral("calibration")).toArray();
            if (!calib.isEmpty()) {
                const ReportFormat format = f_;
                ReportBlock& chart = doc_.add(ReportBlock::Kind::Chart, tr("Calibration of %1").arg(m.name.isEmpty() ? m.description : m.name));
                chart.chartAspect = 0.5;
                chart.chart = [calib, format] { return calibrationChart(calib, format); };
            }
        };
        if (c.model) describe(*c.model, tr("Purchase model"));
        if (c.redemptionModel) describe(*c.redemptionModel, tr("Redemption model"));
    }

    void assumptionsSection(const model::CampaignReportData& c)
    {
        const engine::CampaignSpec& s = *c.spec;
        const model::CampaignAudience& a = c.session->audience();
        doc_.add(ReportBlock::Kind::Heading, tr("Assumptions"));
        ReportBlock& kv = doc_.add(ReportBlock::Kind::KeyValues);
        kv.pairs << qMakePair(tr("Gross margin"), tr("%1 of revenue, before the discount").arg(f_.percent(s.grossMargin)));
        kv.pairs << qMakePair(tr("Order value"), s.basketSource == engine::BasketSource::Given
                                                      ? tr("%1 per order, as given").arg(f_.money(s.givenBasket))
                                                      : tr("each user's average paid order; %1 (the median) for users without orders").arg(f_.money(a.medianOrderValue)));
        kv.pairs << qMakePair(tr("Cost per contact"), f_.money(s.costPerContact));
        if (s.type == engine::CampaignType::Member) kv.pairs << qMakePair(tr("Value of a point"), f_.money(s.member.pointValue));
        kv.pairs << qMakePair(tr("History used"), tr("up to %1").arg(f_.date(a.asOf)));
        kv.pairs << qMakePair(tr("Intervals"), tr("%1 %: the spread of outcomes and the model's measured error on campaigns it had not seen").arg(qRound(100 * c.preview->level)));
    }

    void warningsSection(const model::CampaignReportData& c)
    {
        QStringList warnings;
        if (c.preview) warnings = c.preview->warnings;
        if (warnings.isEmpty()) return;
        doc_.add(ReportBlock::Kind::Subheading, tr("Read this before deciding"));
        ReportBlock& n = doc_.add(ReportBlock::Kind::Notes);
        for (const QString& w : warnings) n.notes << sentence(w);
        n.warning = true;
    }
};

} // namespace

QString campaignTypeName(const QString& key)
{
    if (key == QLatin1String("coupon")) return Builder::tr("Coupon");
    if (key == QLatin1String("flash_sale")) return Builder::tr("Flash sale");
    if (key == QLatin1String("member")) return Builder::tr("Member-exclusive offer");
    if (key == QLatin1String("email")) return Builder::tr("E-mail campaign");
    return key;
}

QString campaignStatusName(const QString& key)
{
    if (key == QLatin1String("draft")) return Builder::tr("draft");
    if (key == QLatin1String("scheduled")) return Builder::tr("scheduled");
    if (key == QLatin1String("running")) return Builder::tr("running");
    if (key == QLatin1String("completed")) return Builder::tr("completed");
    if (key == QLatin1String("archived")) return Builder::tr("archived");
    return key;
}

ReportDocument buildReportDocument(const model::ReportData& data, const ReportFormat& format, const QString& language)
{
    ReportDocument doc;
    doc.language = language;
    if (data.campaigns.isEmpty()) return doc;
    Builder(data, format, doc).build();
    return doc;
}

} // namespace cwb::ui
