// cwb profile
#include "commands.h"
#include "console.h"

#include "profile/user_profile.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace cwb::cli {

namespace {

QString day(qint64 t) { return QDateTime::fromSecsSinceEpoch(t, Qt::UTC).date().toString(Qt::ISODate); }

int runProfile(const ParsedArgs& args)
{
    const auto weeks = integerOption(args, QStringLiteral("weeks"), 26, 1, 520);
    if (!weeks) return usageError(weeks.error().message);
    auto ws = openWorkspace(args.positional[0]);
    if (!ws) return fail(ws.error());
    auto p = model::loadUserProfile(ws.value(), args.positional[1], static_cast<int>(weeks.value()));
    if (!p) return fail(p.error());
    if (args.has(QStringLiteral("json"))) {
        QJsonArray interests, timeline;
        for (const auto& t : p->interests)
            interests.append(QJsonObject{{QStringLiteral("category"), t.category}, {QStringLiteral("views"), t.views},
                                         {QStringLiteral("purchases"), t.purchases}, {QStringLiteral("view_share"), t.viewShare},
                                         {QStringLiteral("purchase_share"), t.purchaseShare}});
        for (const auto& w : p->timeline)
            timeline.append(QJsonObject{{QStringLiteral("week"), day(w.weekStart)}, {QStringLiteral("orders"), w.orders}, {QStringLiteral("events"), w.events}});
        QJsonObject basic{{QStringLiteral("gender"), p->gender}, {QStringLiteral("region"), p->region}, {QStringLiteral("city"), p->city},
                          {QStringLiteral("occupation"), p->occupation}, {QStringLiteral("member_tier"), p->memberTier}};
        basic.insert(QStringLiteral("age"), p->age ? QJsonValue(*p->age) : QJsonValue(QJsonValue::Null));
        basic.insert(QStringLiteral("signup_date"), p->signupDate ? QJsonValue(day(*p->signupDate)) : QJsonValue(QJsonValue::Null));
        QJsonObject rfm{{QStringLiteral("group"), p->rfmGroup}};
        if (p->rfmR > 0) {
            rfm.insert(QStringLiteral("r"), p->rfmR);
            rfm.insert(QStringLiteral("f"), p->rfmF);
            rfm.insert(QStringLiteral("m"), p->rfmM);
        }
        QJsonObject churn;
        if (p->churnRisk) {
            churn.insert(QStringLiteral("risk"), *p->churnRisk);
            churn.insert(QStringLiteral("band"), p->churnBand);
        }
        printJson({{QStringLiteral("user_id"), p->userId}, {QStringLiteral("as_of"), day(p->asOf)}, {QStringLiteral("attributes"), basic},
                   {QStringLiteral("shop_attributes"), p->attributes}, {QStringLiteral("features"), p->features},
                   {QStringLiteral("rfm"), rfm}, {QStringLiteral("churn"), churn}, {QStringLiteral("interests"), interests},
                   {QStringLiteral("top_searches"), QJsonArray::fromStringList(p->topSearches)},
                   {QStringLiteral("timeline"), timeline}, {QStringLiteral("segments"), QJsonArray::fromStringList(p->segments)}});
        return Success;
    }
    printOut(QStringLiteral("%1 (as of %2)\n").arg(p->userId, day(p->asOf)));
    QStringList who;
    if (p->age) who << QStringLiteral("%1 years").arg(*p->age);
    for (const QString& s : {p->gender, p->city, p->region, p->occupation}) if (!s.isEmpty()) who << s;
    if (!p->memberTier.isEmpty()) who << QStringLiteral("tier %1").arg(p->memberTier);
    if (p->signupDate) who << QStringLiteral("joined %1").arg(day(*p->signupDate));
    printOut(QStringLiteral("  %1\n").arg(who.join(QStringLiteral(", "))));
    if (!p->attributes.isEmpty()) printOut(QStringLiteral("  shop attributes: %1\n").arg(QString::fromUtf8(QJsonDocument(p->attributes).toJson(QJsonDocument::Compact))));
    const auto f = [&](const char* name) { return p->features.value(QLatin1String(name)).toDouble(); };
    printOut(QStringLiteral("  RFM: %1%2\n").arg(p->rfmGroup, p->rfmR > 0 ? QStringLiteral(" (R %1, F %2, M %3)").arg(p->rfmR).arg(p->rfmF).arg(p->rfmM) : QString()));
    printOut(QStringLiteral("  orders %1, spend %2, last order %3 days ago; %4 visits per week, %5 active days\n")
                 .arg(number(static_cast<qint64>(f("orders"))), number(f("monetary"), 2),
                      p->features.value(QStringLiteral("recency_days")).isNull() ? QStringLiteral("-") : number(static_cast<qint64>(f("recency_days"))),
                      number(f("sessions_per_week"), 2), number(static_cast<qint64>(f("active_days")))));
    if (p->churnRisk) printOut(QStringLiteral("  churn risk: %1 / 100 (%2)\n").arg(number(*p->churnRisk, 0), p->churnBand));
    QStringList tags;
    for (qsizetype i = 0; i < p->interests.size() && i < 3; ++i)
        tags << QStringLiteral("%1 (%2 views, %3 bought)").arg(p->interests[i].category).arg(p->interests[i].views).arg(p->interests[i].purchases);
    if (!tags.isEmpty()) printOut(QStringLiteral("  interests: %1\n").arg(tags.join(QStringLiteral(", "))));
    if (!p->topSearches.isEmpty()) printOut(QStringLiteral("  searches: %1\n").arg(p->topSearches.join(QStringLiteral(", "))));
    QString spark;
    for (const auto& w : p->timeline) spark += w.orders > 0 ? QLatin1Char('$') : w.events > 0 ? QLatin1Char('.') : QLatin1Char(' ');
    printOut(QStringLiteral("  last %1 weeks ($ order, . visit): [%2]\n").arg(p->timeline.size()).arg(spark));
    printOut(QStringLiteral("  segments: %1\n").arg(p->segments.isEmpty() ? QStringLiteral("none") : p->segments.join(QStringLiteral(", "))));
    return Success;
}

} // namespace

CommandSpec profileCommand()
{
    return {QStringLiteral("profile"), QStringLiteral("WS USER_ID [--weeks N] [--json]"),
            QStringLiteral("one customer: attributes, RFM, interests, activity, churn risk, segments"),
            {},
            {{QStringLiteral("weeks"), QStringLiteral("N"), QStringLiteral("weeks of activity shown (default 26)")},
             {QStringLiteral("json"), {}, QStringLiteral("print the result as JSON")}},
            2, 2, runProfile};
}

} // namespace cwb::cli
