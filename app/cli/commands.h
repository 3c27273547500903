#pragma once
// The cwb commands. Each returns its CommandSpec; the spec's run() does the work.

#include "arguments.h"

#include "core/error.h"
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

// Shared by the commands.
int fail(const model::Error& error);        // prints to stderr, returns Failure
int usageError(const QString& message);     // prints to stderr, returns Usage
model::Result<model::Workspace> openWorkspace(const QString& path, bool readOnly = false);

} // namespace cwb::cli
