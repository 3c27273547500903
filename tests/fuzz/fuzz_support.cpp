#include "fuzz_support.h"

#include <QTemporaryDir>

#include <memory>
#include <vector>

namespace cwb::fuzz {

const QString& scratchDir()
{
    static QTemporaryDir dir;
    static const QString path = [] {
        if (!dir.isValid()) {
            std::fprintf(stderr, "fuzz set-up: cannot make a scratch folder: %s\n", qPrintable(dir.errorString()));
            std::abort();
        }
        return dir.path();
    }();
    return path;
}

model::Workspace& sharedWorkspace(const char* name, void (*fill)(model::Workspace&))
{
    // One per name; kept open for the whole run (the fuzzer calls the target millions of times).
    static std::vector<std::pair<QString, std::unique_ptr<model::Workspace>>> open;
    const QString key = QString::fromUtf8(name);
    for (auto& [n, ws] : open)
        if (n == key) return *ws;
    auto created = model::Workspace::create(scratchDir() + QLatin1Char('/') + key + QStringLiteral(".cwb"));
    if (!created) {
        std::fprintf(stderr, "fuzz set-up: %s\n", qPrintable(created.error().toString()));
        std::abort();
    }
    auto ws = std::make_unique<model::Workspace>(std::move(created.value()));
    fill(*ws);
    open.emplace_back(key, std::move(ws));
    return *open.back().second;
}

} // namespace cwb::fuzz
