#include "commands.h"
#include "console.h"

namespace cwb::cli {

QList<CommandSpec> allCommands() { return {initCommand(), demoCommand(), importCommand(), statsCommand(), featuresCommand(),
            segmentCommand(), segmentsCommand(), profileCommand(), lookalikeCommand(), trainCommand(),
            evaluateCommand(), modelsCommand(), campaignCommand(), previewCommand(), optimizeCommand()}; }

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

} // namespace cwb::cli
