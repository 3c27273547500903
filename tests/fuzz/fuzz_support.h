#pragma once
// What the fuzz targets share: a scratch folder that lives as long as the
// process, a workspace made once in it, and a way to stop with a message
// when a property that must hold does not (libFuzzer then saves the input).

#include "workspace/workspace.h"

#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace cwb::fuzz {

// A folder under $TMPDIR, removed when the process ends.
const QString& scratchDir();

// Opens the workspace at scratchDir()/NAME.cwb, creating it with `fill` the
// first time. `fill` aborts on failure: a fuzz run on a broken set-up would
// measure nothing.
model::Workspace& sharedWorkspace(const char* name, void (*fill)(model::Workspace&));

// Stops the run when `ok` is false, saying which property failed.
inline void require(bool ok, const char* property)
{
    if (ok) return;
    std::fprintf(stderr, "fuzz property violated: %s\n", property);
    std::abort();
}

inline std::string_view asText(const std::uint8_t* data, std::size_t size)
{
    return {reinterpret_cast<const char*>(data), size};
}

} // namespace cwb::fuzz
