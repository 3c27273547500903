#pragma once
// Imports one CSV file into a workspace, in one transaction: either every
// accepted row is committed (and every rejected one written to the rejects
// file with its reason), or — on a fatal problem, a cancel or a dry run —
// the workspace is left exactly as it was.

#include "import/import_types.h"

namespace cwb::model {

class Workspace;

ImportReport importFile(Workspace& workspace, const QString& path, const ImportOptions& options,
                        const ImportProgressFn& progress = {});

QStringList importPresetNames();   // "hillstrom", "online-retail"

} // namespace cwb::model
