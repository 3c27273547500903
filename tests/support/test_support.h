#pragma once
// Helpers shared by the test suites.

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

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

// A hash of every row of every table: equal hashes mean equal content.
QByteArray contentHash(model::Workspace& workspace);

} // namespace cwb::test
