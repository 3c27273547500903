#include "commands.h"
#include "console.h"

#include "campaigns/campaign_json.h"
#include "campaigns/campaign_store.h"

#include <QFile>

#include <limits>

namespace cwb::cli {

QList<CommandSpec> allCommands() { return {initCommand(), demoCommand(), importCommand(), statsCommand(), featuresCommand(),
            segmentCommand(), segmentsCommand(), profileCommand(), lookalikeCommand(), trainCommand(),
            evaluateCommand(), modelsCommand(), campaignCommand(), previewCommand(), optimizeCommand(), readoutCommand(), reportCommand()}; }

int fail(const model::Error& error)
{
    printErr(QStringLiteral("cwb: ") + error.toString() + QLatin1Char('\n'));
    return Failure;
}

int usageError(const QString& message)
{
    printErr(QStringLiteral("cwb: ") + message + QLatin1Char('\n'));
    return Usage;
}

model::Result<model::Workspace> openWorkspace(const QString& path, bool readOnly)
{
    return model::Workspace::open(path, model::Workspace::OpenOptions{readOnly});
}


model::Result<engine::CampaignSpec> specFromArguments(model::Workspace& ws, const ParsedArgs& args)
{
    const QString path = args.value(QStringLiteral("spec")), campaign = args.value(QStringLiteral("campaign"));
    if (path.isEmpty() == campaign.isEmpty()) return model::makeError(QStringLiteral("give either --spec F.json or --campaign ID"));
    if (!path.isEmpty()) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) return model::makeError(QStringLiteral("%1: cannot read: %2").arg(path, f.errorString()));
        return model::parseCampaignSpec(f.readAll(), path);
    }
    auto c = model::findCampaign(ws.db(), campaign);
    if (!c) return c.error();
    auto spec = model::campaignSpecFromJson(c->spec);
    if (!spec) return model::makeError(QStringLiteral("campaign %1: its spec cannot be read: %2").arg(c->id).arg(spec.error().message));
    return spec;
}

QList<OptionSpec> previewOptionSpecs()
{
    return {{QStringLiteral("model"), QStringLiteral("ID"), QStringLiteral("the uptake/uplift model of \"converted\" to use")},
            {QStringLiteral("redemption-model"), QStringLiteral("ID"), QStringLiteral("the response model of \"redeemed\" to use")},
            {QStringLiteral("no-model"), {}, QStringLiteral("use past campaigns' rates even when a model exists")},
            {QStringLiteral("level"), QStringLiteral("L"), QStringLiteral("interval level, 0.5 to 0.999 (default 0.90)")}};
}

model::Result<model::PreviewOptions> previewOptions(const ParsedArgs& args)
{
    model::PreviewOptions o;
    if (args.has(QStringLiteral("model"))) {
        auto id = integerOption(args, QStringLiteral("model"), 0, 1, std::numeric_limits<qint64>::max());
        if (!id) return id.error();
        o.modelId = id.value();
    }
    if (args.has(QStringLiteral("redemption-model"))) {
        auto id = integerOption(args, QStringLiteral("redemption-model"), 0, 1, std::numeric_limits<qint64>::max());
        if (!id) return id.error();
        o.redemptionModelId = id.value();
    }
    o.useModels = !args.has(QStringLiteral("no-model"));
    auto level = numberOption(args, QStringLiteral("level"), 0.90, 0.5, 0.999);
    if (!level) return level.error();
    o.level = level.value();
    return o;
}

} // namespace cwb::cli
