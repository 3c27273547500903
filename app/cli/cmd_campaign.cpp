// cwb campaign WS create --spec F.json | list | show ID | delete ID
#include "commands.h"
#include "console.h"

#include "campaigns/campaign_json.h"
#include "campaigns/campaign_store.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace cwb::cli {

namespace {

QString when(qint64 t) { return t ? QDateTime::fromSecsSinceEpoch(t, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QStringLiteral("-"); }
QString count(qint64 n) { return QLocale::system().toString(n); }

QJsonObject infoJson(const model::CampaignInfo& c)
{
    return {{QStringLiteral("campaign_id"), c.id},
            {QStringLiteral("name"), c.name},
            {QStringLiteral("type"), c.type},
            {QStringLiteral("status"), c.status},
            {QStringLiteral("created_at"), when(c.createdAt)},
            {QStringLiteral("start"), c.startTs ? QJsonValue(when(c.startTs)) : QJsonValue()},
            {QStringLiteral("end"), c.endTs ? QJsonValue(when(c.endTs)) : QJsonValue()},
            {QStringLiteral("treated"), c.treated},
            {QStringLiteral("control"), c.control}};
}

int create(model::Workspace& ws, const ParsedArgs& args)
{
    const QString path = args.value(QStringLiteral("spec"));
    if (path.isEmpty()) return usageError(QStringLiteral("campaign create needs --spec FILE.json"));
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return fail(model::makeError(QStringLiteral("%1: cannot read: %2").arg(path, f.errorString())));
    auto spec = model::parseCampaignSpec(f.readAll(), path);
    if (!spec) return fail(spec.error());
    auto created = model::createCampaign(ws.db(), spec.value());
    if (!created) {
        model::Error e = created.error();
        e.file = path;
        return fail(e);
    }
    const qint64 id = created->id, users = created->targetUsers;
    if (args.has(QStringLiteral("json"))) {
        printJson({{QStringLiteral("campaign_id"), id}, {QStringLiteral("target_users"), users},
                   {QStringLiteral("spec"), model::campaignSpecToJson(spec.value())}});
        return Success;
    }
    printOut(QStringLiteral("created campaign %1 \"%2\" (draft): %3\n  target: %4 users\n")
                 .arg(id)
                 .arg(QString::fromStdString(spec->name), model::describeSpec(spec.value()), count(users)));
    return Success;
}

int list(model::Workspace& ws, const ParsedArgs& args)
{
    const auto all = model::listCampaigns(ws.db());
    if (args.has(QStringLiteral("json"))) {
        QJsonArray arr;
        for (const auto& c : all) arr.append(infoJson(c));
        printJson({{QStringLiteral("campaigns"), arr}});
        return Success;
    }
    if (all.isEmpty()) {
        printOut(QStringLiteral("no campaigns yet (cwb campaign WS create --spec F.json)\n"));
        return Success;
    }
    printOut(QStringLiteral("  %1  %2 %3 %4 %5 %6  %7\n")
                 .arg(QStringLiteral("id").rightJustified(4), QStringLiteral("type").leftJustified(10), QStringLiteral("status").leftJustified(10),
                      QStringLiteral("start (UTC)").leftJustified(16), QStringLiteral("treated").rightJustified(10), QStringLiteral("control").rightJustified(9),
                      QStringLiteral("name")));
    for (const auto& c : all)
        printOut(QStringLiteral("  %1  %2 %3 %4 %5 %6  %7\n")
                     .arg(QString::number(c.id).rightJustified(4), c.type.leftJustified(10), c.status.leftJustified(10), when(c.startTs).leftJustified(16),
                          count(c.treated).rightJustified(10), count(c.control).rightJustified(9), c.name));
    return Success;
}

int show(model::Workspace& ws, const ParsedArgs& args)
{
    if (args.positional.size() < 3) return usageError(QStringLiteral("campaign show needs the campaign's id or name"));
    auto c = model::findCampaign(ws.db(), args.positional[2]);
    if (!c) return fail(c.error());
    auto spec = model::campaignSpecFromJson(c->spec);
    qint64 users = -1;
    if (spec && c->status == QLatin1String("draft"))
        if (auto target = model::targetUsers(ws.db(), spec.value())) users = qint64(target->size());
    if (args.has(QStringLiteral("json"))) {
        QJsonObject o = infoJson(c.value());
        o.insert(QStringLiteral("spec"), spec ? model::campaignSpecToJson(spec.value()) : c->spec);
        if (spec) {
            QJsonArray problems;
            for (const QString& p : model::describeIssues(engine::validate(spec.value()))) problems.append(p);
            o.insert(QStringLiteral("problems"), problems);
        }
        if (users >= 0) o.insert(QStringLiteral("target_users"), users);
        printJson(o);
        return Success;
    }
    printOut(QStringLiteral("campaign %1 \"%2\": %3, %4\n").arg(c->id).arg(c->name, c->type, c->status));
    if (spec) printOut(QStringLiteral("  %1\n").arg(model::describeSpec(spec.value())));
    else printOut(QStringLiteral("  spec (not readable as a campaign spec: %1): %2\n").arg(spec.error().message, QString::fromUtf8(QJsonDocument(c->spec).toJson(QJsonDocument::Compact))));
    if (users >= 0) printOut(QStringLiteral("  target: %1 users\n").arg(count(users)));
    if (c->treated + c->control > 0)
        printOut(QStringLiteral("  sent: %1 treated, %2 control (%3 to %4)\n").arg(count(c->treated), count(c->control), when(c->startTs), when(c->endTs)));
    return Success;
}

int remove(model::Workspace& ws, const ParsedArgs& args)
{
    if (args.positional.size() < 3) return usageError(QStringLiteral("campaign delete needs the campaign's id or name"));
    auto c = model::findCampaign(ws.db(), args.positional[2]);
    if (!c) return fail(c.error());
    if (auto err = model::deleteCampaign(ws.db(), c->id, args.has(QStringLiteral("with-history")))) return fail(*err);
    printOut(QStringLiteral("deleted campaign %1 \"%2\"\n").arg(c->id).arg(c->name));
    return Success;
}

int runCampaign(const ParsedArgs& args)
{
    const QString action = args.positional.value(1);
    if (action != QLatin1String("create") && action != QLatin1String("list") && action != QLatin1String("show") && action != QLatin1String("delete"))
        return usageError(QStringLiteral("campaign: unknown action \"%1\"; give create, list, show or delete").arg(action));
    if (action == QLatin1String("create") || action == QLatin1String("list")) {
        if (args.positional.size() > 2) return usageError(QStringLiteral("campaign %1 takes no id").arg(action));
    }
    auto ws = openWorkspace(args.positional[0]);
    if (!ws) return fail(ws.error());
    if (action == QLatin1String("create")) return create(ws.value(), args);
    if (action == QLatin1String("list")) return list(ws.value(), args);
    if (action == QLatin1String("show")) return show(ws.value(), args);
    return remove(ws.value(), args);
}

} // namespace

CommandSpec campaignCommand()
{
    return {QStringLiteral("campaign"),
            QStringLiteral("WS create --spec F.json | list | show ID | delete ID [--with-history] [--json]"),
            QStringLiteral("create, list, show or delete campaigns"),
            QStringLiteral(
                "create: validates a campaign spec (JSON) against its rules and the workspace (segments exist,\n"
                "the target is not empty, the name is free), reporting every problem at once, and saves it as a draft.\n"
                "The spec:\n"
                "  {\"name\": \"Autumn 20% off over 199\", \"type\": \"coupon\", \"start\": \"2026-09-01T10:00:00+08:00\",\n"
                "   \"coupon\": {\"percent_off\": 20, \"min_spend\": 199, \"validity_days\": 7, \"per_user_limit\": 1, \"total_quantity\": 5000},\n"
                "   \"target\": {\"include\": [\"Champions\"], \"exclude\": [\"Lost\"]},\n"
                "   \"control_share\": 0.1, \"channel\": \"sms\", \"cost_per_contact\": 0.05, \"budget\": 20000,\n"
                "   \"gross_margin\": 0.35, \"basket\": {\"source\": \"history\"}}\n"
                "  flash sales: \"type\": \"flash_sale\", \"flash_sale\": {\"percent_off\", \"duration_hours\", \"stock_limit\", \"categories\"};\n"
                "  member offers: \"type\": \"member\", \"member\": {\"tiers\", \"percent_off\", \"points_multiplier\", \"duration_days\"}.\n"
                "  Amount-off coupons: \"amount_off\" instead of \"percent_off\". A start without a zone is UTC.\n"
                "  \"measure_uplift\": false allows a campaign without a control group.\n"
                "list: every campaign, designed or past, with its exposures. show: one, in plain words.\n"
                "delete: a designed campaign; one with exposures (history) only with --with-history."),
            {{QStringLiteral("spec"), QStringLiteral("F.json"), QStringLiteral("create: the campaign spec")},
             {QStringLiteral("with-history"), {}, QStringLiteral("delete: also a campaign that was sent, with its exposures and responses")},
             {QStringLiteral("json"), {}, QStringLiteral("print the result as JSON")}},
            2, 3, runCampaign};
}

} // namespace cwb::cli
