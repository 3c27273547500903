#pragma once
// The cwb commands. Each returns its CommandSpec; the spec's run() does the work.

#include "arguments.h"

#include "core/error.h"
#include "campaigns/campaign_preview.h"
#include "workspace/workspace.h"

namespace cwb::cli {

QList<CommandSpec> allCommands();

CommandSpec initCommand();
CommandSpec demoCommand();
CommandSpec importCommand();
CommandSpec statsCommand();
CommandSpec featuresCommand();
CommandSpec segmentCommand();
CommandSpec segmentsCommand();
CommandSpec profileCommand();
CommandSpec lookalikeCommand();
CommandSpec trainCommand();
CommandSpec evaluateCommand();
CommandSpec modelsCommand();
CommandSpec campaignCommand();
CommandSpec previewCommand();
CommandSpec optimizeCommand();
CommandSpec readoutCommand();
CommandSpec reportCommand();

// Shared by the commands.
int fail(const model::Error& error);        // prints to stderr, returns Failure
int usageError(const QString& message);     // prints to stderr, returns Usage
model::Result<model::Workspace> openWorkspace(const QString& path, bool readOnly = false);
// --spec F.json or --campaign ID|NAME, for preview and optimize.
model::Result<engine::CampaignSpec> specFromArguments(model::Workspace& ws, const ParsedArgs& args);
// --model, --redemption-model, --no-model, --level: their declarations, and read.
QList<OptionSpec> previewOptionSpecs();
model::Result<model::PreviewOptions> previewOptions(const ParsedArgs& args);

} // namespace cwb::cli
