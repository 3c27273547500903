#pragma once
// Helpers shared by the test suites.

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

#include <memory>
#include <optional>

namespace cwb::model {
class Workspace;
}

namespace cwb::test {

// A fresh temporary folder, removed at the end of the test.
class TempDir {
public:
    TempDir();
    QString path(const QString& name) const { return dir_.filePath(name); }
    QString root() const { return dir_.path(); }

private:
    QTemporaryDir dir_;
};

void writeFile(const QString& path, const QByteArray& bytes);
QByteArray readFile(const QString& path);

// ../shared/data/<relative>, or nothing when the datasets are not there
// (callers skip with a message naming the folder).
std::optional<QString> sharedData(const QString& relative);
QString sharedDataRoot();

// A new workspace in `dir` with `csv` imported by the named preset (e.g. "hillstrom");
// null, with the test failed and the reason said, when either step fails.
std::unique_ptr<model::Workspace> importedWorkspace(const TempDir& dir, const QString& csv, const QString& preset);

// A hash of every row of every table: equal hashes mean equal content.
QByteArray contentHash(model::Workspace& workspace);

// Runs /usr/bin/python3 with `args`; stdout on success, nothing when Python
// or a module it imports is missing (callers skip with a message) — or the
// script failed, which `error` then says.
std::optional<QByteArray> runPython(const QStringList& args, QString* error = nullptr);
// True when Debian's python3 has these modules (e.g. {"sklearn", "pandas"}).
bool pythonHas(const QStringList& modules);
QString referenceScript(const QString& name);   // tests/reference/<name>

} // namespace cwb::test
