#include "campaigns/campaign_json.h"

#include "core/text.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <limits>

namespace cwb::model {

using engine::CampaignSpec;
using engine::CampaignType;

namespace {

// Reads fields of one JSON object, remembering the first problem and which keys were read.
class Reader {
public:
    Reader(QJsonObject o, QString path, QString& error) : o_(std::move(o)), path_(std::move(path)), error_(error) {}

    QString field(const QString& key) const { return path_.isEmpty() ? key : path_ + QLatin1Char('.') + key; }
    bool has(const QString& key) const { return o_.contains(key) && !o_.value(key).isNull(); }

    template <class T>
    void number(const QString& key, T& out)
    {
        known_ << key;
        if (!has(key)) return;
        const QJsonValue v = o_.value(key);
        if (!v.isDouble()) return fail(Text::tr("%1: expected a number, got %2").arg(field(key), describe(v)));
        if constexpr (std::is_integral_v<T>) {
            const double d = v.toDouble();
            if (d != std::floor(d)) return fail(Text::tr("%1: expected a whole number, got %2").arg(field(key), describe(v)));
            // Found by fuzz_campaign_spec: 7,555,555,555,551 validity days converted to an int is undefined.
            const double lowest = std::max(static_cast<double>(std::numeric_limits<T>::lowest()), -9.0e15);
            const double highest = std::min(static_cast<double>(std::numeric_limits<T>::max()), 9.0e15);
            if (d < lowest || d > highest)
                return fail(Text::tr("%1: %2 is out of range (%3 to %4)")
                                .arg(field(key), QString::number(d, 'g', 15), QString::number(lowest, 'f', 0), QString::number(highest, 'f', 0)));
            out = static_cast<T>(d);
        } else {
            out = v.toDouble();
        }
    }
    void boolean(const QString& key, bool& out)
    {
        known_ << key;
        if (!has(key)) return;
        if (!o_.value(key).isBool()) return fail(Text::tr("%1: expected true or false, got %2").arg(field(key), describe(o_.value(key))));
        out = o_.value(key).toBool();
    }
    void text(const QString& key, std::string& out)
    {
        known_ << key;
        if (!has(key)) return;
        if (!o_.value(key).isString()) return fail(Text::tr("%1: expected a text, got %2").arg(field(key), describe(o_.value(key))));
        out = o_.value(key).toString().trimmed().toStdString();
    }
    void texts(const QString& key, std::vector<std::string>& out)
    {
        known_ << key;
        if (!has(key)) return;
        const QJsonValue v = o_.value(key);
        if (v.isString()) {   // one name alone is a list of one
            out = {v.toString().trimmed().toStdString()};
            return;
        }
        if (!v.isArray()) return fail(Text::tr("%1: expected a list of names, got %2").arg(field(key), describe(v)));
        out.clear();
        for (const QJsonValue& e : v.toArray()) {
            if (!e.isString()) return fail(Text::tr("%1: expected a list of names, and %2 is not one").arg(field(key), describe(e)));
            out.push_back(e.toString().trimmed().toStdString());
        }
    }
    void time(const QString& key, std::int64_t& out)
    {
        known_ << key;
        if (!has(key)) return;
        const QJsonValue v = o_.value(key);
        QDateTime t;
        if (v.isString()) {
            t = QDateTime::fromString(v.toString().trimmed(), Qt::ISODate);
            if (t.isValid() && t.timeSpec() == Qt::LocalTime) t.setTimeSpec(Qt::UTC);   // no zone given: UTC
        }
        if (!t.isValid())
            return fail(Text::tr("%1: expected a date and time such as \"2026-09-01T10:00:00+08:00\", got %2").arg(field(key), describe(v)));
        out = t.toSecsSinceEpoch();
    }
    // A nested object (absent = empty).
    QJsonObject object(const QString& key)
    {
        known_ << key;
        if (!has(key)) return {};
        if (!o_.value(key).isObject()) {
            fail(Text::tr("%1: expected an object { ... }, got %2").arg(field(key), describe(o_.value(key))));
            return {};
        }
        return o_.value(key).toObject();
    }
    void ignore(const QStringList& keys) { known_ << keys; }
    // Keys nobody read: most likely misspelt.
    void checkUnknown()
    {
        for (auto it = o_.begin(); it != o_.end(); ++it)
            if (!known_.contains(it.key())) {
                QString hint;
                for (const QString& k : known_)
                    if (close(k, it.key())) hint = Text::tr(" (did you mean \"%1\"?)").arg(k);
                return fail(Text::tr("%1: unknown field%2; known here: %3").arg(field(it.key()), hint, known_.join(QStringLiteral(", "))));
            }
    }
    void fail(const QString& message)
    {
        if (error_.isEmpty()) error_ = message;
    }

private:
    static QString describe(const QJsonValue& v)
    {
        switch (v.type()) {
        case QJsonValue::String: return QStringLiteral("\"%1\"").arg(v.toString());
        case QJsonValue::Double: return QString::number(v.toDouble());
        case QJsonValue::Bool: return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        case QJsonValue::Array: return Text::tr("a list");
        case QJsonValue::Object: return Text::tr("an object");
        default: return Text::tr("nothing");
        }
    }
    // Edit distance at most 2, for "did you mean".
    static bool close(const QString& a, const QString& b)
    {
        if (std::abs(a.size() - b.size()) > 2) return false;
        std::vector<qsizetype> prev(static_cast<std::size_t>(b.size() + 1)), cur(prev.size());
        for (qsizetype j = 0; j <= b.size(); ++j) prev[static_cast<std::size_t>(j)] = j;
        for (qsizetype i = 1; i <= a.size(); ++i) {
            cur[0] = i;
            for (qsizetype j = 1; j <= b.size(); ++j) {
                const auto uj = static_cast<std::size_t>(j);
                cur[uj] = std::min({prev[uj] + 1, cur[uj - 1] + 1, prev[uj - 1] + (a[i - 1].toLower() == b[j - 1].toLower() ? 0 : 1)});
            }
            std::swap(prev, cur);
        }
        return prev.back() <= 2;
    }

    const QJsonObject o_;
    QString path_;
    QString& error_;
    QStringList known_;
};

QJsonArray names(const std::vector<std::string>& v)
{
    QJsonArray a;
    for (const std::string& s : v) a.append(QString::fromStdString(s));
    return a;
}

// The history format of past campaigns: "offer": {percent_off | amount_off | points_multiplier},
// "min_spend", "duration_hours", "categories", "eligible_tiers", "target": {"rule", "share"}, "arms".
void readHistoryFormat(const QJsonObject& o, CampaignSpec& s, QString& error)
{
    Reader r(o, {}, error);
    std::string typeKey, channel;
    r.text(QStringLiteral("name"), s.name);
    r.text(QStringLiteral("type"), typeKey);
    r.time(QStringLiteral("start"), s.startTs);
    r.text(QStringLiteral("channel"), channel);
    if (!channel.empty()) s.channel = channel;
    r.number(QStringLiteral("control_share"), s.controlShare);
    double minSpend = 0, hours = -1;
    r.number(QStringLiteral("min_spend"), minSpend);
    r.number(QStringLiteral("duration_hours"), hours);
    std::vector<std::string> categories, tiers;
    r.texts(QStringLiteral("categories"), categories);
    r.texts(QStringLiteral("eligible_tiers"), tiers);
    Reader offer(r.object(QStringLiteral("offer")), QStringLiteral("offer"), error);
    double percent = 0, amount = 0, points = 1;
    offer.number(QStringLiteral("percent_off"), percent);
    offer.number(QStringLiteral("amount_off"), amount);
    offer.number(QStringLiteral("points_multiplier"), points);
    if (typeKey == "flash_sale") {
        s.type = CampaignType::FlashSale;
        s.flashSale.percentOff = percent;
        if (hours >= 0) s.flashSale.durationHours = hours;
        s.flashSale.categories = categories;
    } else if (typeKey == "member") {
        s.type = CampaignType::Member;
        s.member.percentOff = percent;
        s.member.pointsMultiplier = points;
        s.member.tiers = tiers;
        if (hours >= 0) s.member.durationDays = hours / 24.0;
    } else {   // coupon, email
        s.type = CampaignType::Coupon;
        s.coupon.percentOff = percent;
        s.coupon.amountOff = amount;
        s.coupon.minSpend = minSpend;
        if (hours >= 0) s.coupon.validityDays = std::max(1, static_cast<int>(std::lround(hours / 24.0)));
    }
    s.measureUplift = s.controlShare > 0;
}

QString money(double v) { return QLocale().toString(v, 'f', v == std::floor(v) ? 0 : 2); }
QString num(double v) { return QLocale().toString(v, 'g', 6); }
QString list(const std::vector<std::string>& v)
{
    QStringList out;
    for (const std::string& s : v) out << QString::fromStdString(s);
    return out.join(QStringLiteral(", "));
}
QString quoted(const std::vector<std::string>& v)
{
    QStringList out;
    for (const std::string& s : v) out << QStringLiteral("\"%1\"").arg(QString::fromStdString(s));
    return out.join(QStringLiteral(", "));
}

} // namespace

Result<CampaignSpec> campaignSpecFromJson(const QJsonObject& o)
{
    CampaignSpec s;
    QString error;
    if (o.contains(QStringLiteral("offer")) && !o.contains(QStringLiteral("coupon")) && !o.contains(QStringLiteral("flash_sale"))
        && !o.contains(QStringLiteral("member"))) {
        readHistoryFormat(o, s, error);
        if (!error.isEmpty()) return makeError(error);
        return s;
    }
    Reader r(o, {}, error);
    r.text(QStringLiteral("name"), s.name);
    std::string typeKey;
    r.text(QStringLiteral("type"), typeKey);
    if (error.isEmpty() && !engine::parseCampaignType(typeKey, s.type))
        return makeError(typeKey.empty() ? Text::tr("type: missing; give \"coupon\", \"flash_sale\" or \"member\"")
                                         : Text::tr("type: \"%1\" is not a campaign type; give \"coupon\", \"flash_sale\" or \"member\"")
                                               .arg(QString::fromStdString(typeKey)));
    r.time(QStringLiteral("start"), s.startTs);
    if (error.isEmpty() && !r.has(QStringLiteral("start")))
        return makeError(Text::tr("start: missing; give the start as a date and time such as \"2026-09-01T10:00:00+08:00\""));

    const QString block = QString::fromLatin1(engine::campaignTypeKey(s.type));
    for (const QString& other : {QStringLiteral("coupon"), QStringLiteral("flash_sale"), QStringLiteral("member")})
        if (other != block && r.has(other))
            r.fail(Text::tr("%1: this is a %2 campaign; its terms go in \"%2\"").arg(other, block));
    Reader t(r.object(block), block, error);
    r.ignore({QStringLiteral("coupon"), QStringLiteral("flash_sale"), QStringLiteral("member")});
    switch (s.type) {
    case CampaignType::Coupon:
        t.number(QStringLiteral("amount_off"), s.coupon.amountOff);
        t.number(QStringLiteral("percent_off"), s.coupon.percentOff);
        t.number(QStringLiteral("min_spend"), s.coupon.minSpend);
        t.number(QStringLiteral("validity_days"), s.coupon.validityDays);
        t.number(QStringLiteral("per_user_limit"), s.coupon.perUserLimit);
        t.number(QStringLiteral("total_quantity"), s.coupon.totalQuantity);
        break;
    case CampaignType::FlashSale:
        t.number(QStringLiteral("percent_off"), s.flashSale.percentOff);
        t.number(QStringLiteral("duration_hours"), s.flashSale.durationHours);
        t.number(QStringLiteral("stock_limit"), s.flashSale.stockLimit);
        t.texts(QStringLiteral("categories"), s.flashSale.categories);
        break;
    case CampaignType::Member:
        t.texts(QStringLiteral("tiers"), s.member.tiers);
        t.number(QStringLiteral("percent_off"), s.member.percentOff);
        t.number(QStringLiteral("points_multiplier"), s.member.pointsMultiplier);
        t.number(QStringLiteral("duration_days"), s.member.durationDays);
        t.number(QStringLiteral("point_value"), s.member.pointValue);
        break;
    }
    t.checkUnknown();

    Reader target(r.object(QStringLiteral("target")), QStringLiteral("target"), error);
    target.texts(QStringLiteral("include"), s.includeSegments);
    target.texts(QStringLiteral("exclude"), s.excludeSegments);
    target.number(QStringLiteral("share"), s.targetShare);
    target.checkUnknown();
    r.number(QStringLiteral("control_share"), s.controlShare);
    r.boolean(QStringLiteral("measure_uplift"), s.measureUplift);
    r.text(QStringLiteral("channel"), s.channel);
    r.number(QStringLiteral("cost_per_contact"), s.costPerContact);
    r.number(QStringLiteral("budget"), s.budget);
    r.number(QStringLiteral("gross_margin"), s.grossMargin);
    Reader basket(r.object(QStringLiteral("basket")), QStringLiteral("basket"), error);
    std::string source = "history";
    basket.text(QStringLiteral("source"), source);
    basket.number(QStringLiteral("value"), s.givenBasket);
    basket.checkUnknown();
    if (source == "given") s.basketSource = engine::BasketSource::Given;
    else if (source != "history") r.fail(Text::tr("basket.source: \"%1\" is neither \"history\" nor \"given\"").arg(QString::fromStdString(source)));
    r.checkUnknown();
    if (!error.isEmpty()) return makeError(error);
    return s;
}

Result<CampaignSpec> parseCampaignSpec(const QByteArray& json, const QString& file)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
        Error e = makeError(pe.error != QJsonParseError::NoError ? Text::tr("not valid JSON: %1").arg(pe.errorString())
                                                                 : Text::tr("the spec must be one JSON object { ... }"));
        e.file = file;
        if (pe.error != QJsonParseError::NoError) {
            // Line and column of the offset (1-based; columns count characters).
            const QByteArray before = json.left(pe.offset);
            e.line = before.count('\n') + 1;
            e.column = static_cast<int>(QString::fromUtf8(before.mid(before.lastIndexOf('\n') + 1)).size()) + 1;
        }
        return e;
    }
    auto spec = campaignSpecFromJson(doc.object());
    if (!spec) {
        Error e = spec.error();
        e.file = file;
        return e;
    }
    return spec;
}

QJsonObject campaignSpecToJson(const CampaignSpec& s)
{
    QJsonObject o{{QStringLiteral("name"), QString::fromStdString(s.name)},
                  {QStringLiteral("type"), QString::fromLatin1(engine::campaignTypeKey(s.type))},
                  {QStringLiteral("start"), QDateTime::fromSecsSinceEpoch(s.startTs, Qt::UTC).toString(Qt::ISODate)},
                  {QStringLiteral("target"), QJsonObject{{QStringLiteral("include"), names(s.includeSegments)},
                                                         {QStringLiteral("exclude"), names(s.excludeSegments)},
                                                         {QStringLiteral("share"), s.targetShare}}},
                  {QStringLiteral("control_share"), s.controlShare},
                  {QStringLiteral("measure_uplift"), s.measureUplift},
                  {QStringLiteral("channel"), QString::fromStdString(s.channel)},
                  {QStringLiteral("cost_per_contact"), s.costPerContact},
                  {QStringLiteral("budget"), s.budget},
                  {QStringLiteral("gross_margin"), s.grossMargin}};
    o.insert(QStringLiteral("basket"), s.basketSource == engine::BasketSource::Given
                                           ? QJsonObject{{QStringLiteral("source"), QStringLiteral("given")}, {QStringLiteral("value"), s.givenBasket}}
                                           : QJsonObject{{QStringLiteral("source"), QStringLiteral("history")}});
    switch (s.type) {
    case CampaignType::Coupon: {
        QJsonObject c{{QStringLiteral("min_spend"), s.coupon.minSpend}, {QStringLiteral("validity_days"), s.coupon.validityDays},
                      {QStringLiteral("per_user_limit"), s.coupon.perUserLimit}, {QStringLiteral("total_quantity"), qint64(s.coupon.totalQuantity)}};
        if (s.coupon.amountOff > 0) c.insert(QStringLiteral("amount_off"), s.coupon.amountOff);
        else c.insert(QStringLiteral("percent_off"), s.coupon.percentOff);
        o.insert(QStringLiteral("coupon"), c);
        break;
    }
    case CampaignType::FlashSale:
        o.insert(QStringLiteral("flash_sale"), QJsonObject{{QStringLiteral("percent_off"), s.flashSale.percentOff},
                                                           {QStringLiteral("duration_hours"), s.flashSale.durationHours},
                                                           {QStringLiteral("stock_limit"), qint64(s.flashSale.stockLimit)},
                                                           {QStringLiteral("categories"), names(s.flashSale.categories)}});
        break;
    case CampaignType::Member:
        o.insert(QStringLiteral("member"), QJsonObject{{QStringLiteral("tiers"), names(s.member.tiers)},
                                                       {QStringLiteral("percent_off"), s.member.percentOff},
                                                       {QStringLiteral("points_multiplier"), s.member.pointsMultiplier},
                                                       {QStringLiteral("duration_days"), s.member.durationDays},
                                                       {QStringLiteral("point_value"), s.member.pointValue}});
        break;
    }
    return o;
}

QString describeIssue(const engine::SpecIssue& i)
{
    using engine::SpecProblem;
    const QString f = QString::fromStdString(i.field);
    QString why;
    switch (i.problem) {
    case SpecProblem::MissingName: why = Text::tr("give the campaign a name"); break;
    case SpecProblem::NoDiscount: why = Text::tr("the offer gives nothing: set a percent off, an amount off or (member offers) a points multiplier above 1"); break;
    case SpecProblem::BothAmountAndPercent: why = Text::tr("a coupon is either an amount off (%1) or a percent off (%2 %), not both").arg(num(i.value), num(i.limit)); break;
    case SpecProblem::PercentOutOfRange: why = Text::tr("%1 % is not a discount we can preview: give 0 to %2 %").arg(num(i.value), num(i.limit)); break;
    case SpecProblem::NegativeValue: why = Text::tr("%1 must not be negative").arg(num(i.value)); break;
    case SpecProblem::ThresholdBelowAmount:
        why = Text::tr("the minimum spend (%1) must be above the amount off (%2), or the coupon pays for whole orders").arg(money(i.value), money(i.limit));
        break;
    case SpecProblem::DurationOutOfRange: why = Text::tr("%1 is outside the allowed range (more than 0, at most %2)").arg(num(i.value), num(i.limit)); break;
    case SpecProblem::PerUserLimitTooSmall: why = Text::tr("each user must be able to use the coupon at least once (got %1)").arg(num(i.value)); break;
    case SpecProblem::PointsMultiplierTooSmall: why = Text::tr("a points multiplier below 1 (%1) takes points away; give 1 for none").arg(num(i.value)); break;
    case SpecProblem::ControlShareOutOfRange: why = Text::tr("the control share must be between 0 and %1 (got %2)").arg(num(i.limit), num(i.value)); break;
    case SpecProblem::NoControlForUplift:
        why = Text::tr("a control share of 0 leaves nobody to measure the campaign's effect against: hold out 5-20 % of the "
                       "target, or set \"measure_uplift\": false");
        break;
    case SpecProblem::MarginOutOfRange: why = Text::tr("the gross margin is a share between 0 and 1, such as 0.35 (got %1)").arg(num(i.value)); break;
    case SpecProblem::GivenBasketMissing: why = Text::tr("with \"source\": \"given\", give the expected order value as a positive \"value\""); break;
    case SpecProblem::SegmentBothIncludedAndExcluded:
        why = Text::tr("segment \"%1\" is both included and excluded").arg(QString::fromStdString(i.text));
        break;
    case SpecProblem::UnknownChannel:
        why = Text::tr("\"%1\" is not a channel: give sms, push, email or app").arg(QString::fromStdString(i.text));
        break;
    case SpecProblem::TargetShareOutOfRange:
        why = Text::tr("the targeting depth is the share of the target reached, best first: give more than 0 and at most 1 (got %1)").arg(num(i.value));
        break;
    }
    return f + QStringLiteral(": ") + why;
}

QStringList describeIssues(const std::vector<engine::SpecIssue>& issues)
{
    QStringList out;
    for (const auto& i : issues) out << describeIssue(i);
    return out;
}

QString offerTerms(const CampaignSpec& s)
{
    QString offer;
    switch (s.type) {
    case CampaignType::Coupon: {
        const auto& c = s.coupon;
        offer = c.amountOff > 0 ? Text::tr("coupon: %1 off").arg(money(c.amountOff)) : Text::tr("coupon: %1 % off").arg(num(c.percentOff));
        offer += c.minSpend > 0 ? Text::tr(" orders of %1 or more").arg(money(c.minSpend)) : Text::tr(" any order");
        offer += c.validityDays == 1 ? Text::tr(", valid 1 day") : Text::tr(", valid %1 days").arg(c.validityDays);
        if (c.perUserLimit > 1) offer += Text::tr(", up to %1 uses per user").arg(c.perUserLimit);
        if (c.totalQuantity > 0) offer += Text::tr(", %1 coupons in all").arg(QLocale().toString(qlonglong(c.totalQuantity)));
        break;
    }
    case CampaignType::FlashSale: {
        const auto& f = s.flashSale;
        offer = Text::tr("flash sale: %1 % off for %2 hours").arg(num(f.percentOff), num(f.durationHours));
        offer += f.categories.empty() ? Text::tr(" on the whole shop") : Text::tr(" on %1").arg(list(f.categories));
        if (f.stockLimit > 0) offer += Text::tr(", %1 units in stock").arg(QLocale().toString(qlonglong(f.stockLimit)));
        break;
    }
    case CampaignType::Member: {
        const auto& m = s.member;
        QStringList parts;
        if (m.percentOff > 0) parts << Text::tr("%1 % off").arg(num(m.percentOff));
        if (m.pointsMultiplier > 1) parts << Text::tr("points x%1").arg(num(m.pointsMultiplier));
        offer = Text::tr("member offer: %1 for %2 days, for %3")
                    .arg(parts.join(Text::tr(" and ")), num(m.durationDays),
                         m.tiers.empty() ? Text::tr("every member") : Text::tr("tiers %1").arg(list(m.tiers)));
        break;
    }
    }
    return offer;
}

QString describeSpec(const CampaignSpec& s)
{
    const QString offer = offerTerms(s);
    QString who = s.includeSegments.empty() ? Text::tr("every user") : Text::tr("segments %1").arg(quoted(s.includeSegments));
    if (!s.excludeSegments.empty()) who += Text::tr(" except %1").arg(quoted(s.excludeSegments));
    QString text = Text::tr("%1; starts %2 UTC; sent to %3 by %4")
                       .arg(offer, QDateTime::fromSecsSinceEpoch(s.startTs, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm")), who,
                            QString::fromStdString(s.channel));
    if (s.costPerContact > 0) text += Text::tr(" at %1 per contact").arg(money(s.costPerContact));
    text += s.controlShare > 0 ? Text::tr("; %1 % held out as a control group").arg(num(100 * s.controlShare)) : Text::tr("; no control group");
    if (s.budget > 0) text += Text::tr("; budget %1").arg(money(s.budget));
    text += Text::tr("; gross margin %1 %").arg(num(100 * s.grossMargin));
    text += s.basketSource == engine::BasketSource::Given ? Text::tr("; expected order value %1").arg(money(s.givenBasket))
                                                          : Text::tr("; order values from each user's history");
    return text;
}

} // namespace cwb::model
