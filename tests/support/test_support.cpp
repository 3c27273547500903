#include "test_support.h"

#include "import/importer.h"
#include "sql/statement.h"
#include "workspace/workspace.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

#include <gtest/gtest.h>

namespace cwb::test {

TempDir::TempDir() { EXPECT_TRUE(dir_.isValid()); }

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate)) << path.toStdString();
    ASSERT_EQ(f.write(bytes), bytes.size());
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return f.readAll();
}

QString sharedDataRoot() { return QDir::cleanPath(QStringLiteral(CWB_SHARED_DATA)); }

std::unique_ptr<model::Workspace> importedWorkspace(const TempDir& dir, const QString& csv, const QString& preset)
{
    auto ws = model::Workspace::create(dir.path(preset + QStringLiteral(".cwb")));
    if (!ws) {
        ADD_FAILURE() << ws.error().message.toStdString();
        return nullptr;
    }
    model::ImportOptions o;
    o.preset = preset;
    const model::ImportReport r = model::importFile(ws.value(), csv, o);
    if (!r.ok()) {
        ADD_FAILURE() << "importing " << csv.toStdString() << ": " << (r.error ? r.error->toString().toStdString() : std::string("failed"));
        return nullptr;
    }
    return std::make_unique<model::Workspace>(std::move(ws.value()));
}

std::optional<QString> sharedData(const QString& relative)
{
    const QString path = QDir(sharedDataRoot()).filePath(relative);
    if (!QFileInfo::exists(path)) return std::nullopt;
    return path;
}

bool pythonHas(const QStringList& modules)
{
    if (!QFileInfo::exists(QStringLiteral("/usr/bin/python3"))) return false;
    QProcess p;
    p.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), QStringLiteral("import ") + modules.join(QStringLiteral(", "))});
    return p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

std::optional<QByteArray> runPython(const QStringList& args, QString* error)
{
    QProcess p;
    p.start(QStringLiteral("/usr/bin/python3"), args);
    if (!p.waitForFinished(600000) || p.exitCode() != 0) {
        if (error) *error = QString::fromUtf8(p.readAllStandardError());
        return std::nullopt;
    }
    return p.readAllStandardOutput();
}

QString referenceScript(const QString& name) { return QStringLiteral(CWB_TEST_REFERENCE_DIR "/") + name; }

QByteArray contentHash(model::Workspace& ws)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    model::Statement tables = ws.db().prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    std::vector<std::string> names;
    while (tables.step()) names.emplace_back(tables.textView(0));
    for (const std::string& name : names) {
        hash.addData(QByteArray::fromStdString("#" + name));
        model::Statement rows = ws.db().prepare("SELECT * FROM \"" + name + "\" ORDER BY 1, 2");
        while (rows.step()) {
            for (int c = 0; c < rows.columnCount(); ++c) {
                const std::string_view v = rows.isNull(c) ? std::string_view("\x01NULL") : rows.textView(c);
                hash.addData(QByteArrayView(v.data(), static_cast<qsizetype>(v.size())));
                hash.addData(QByteArrayView("\x1f", 1));
            }
        }
    }
    return hash.result().toHex();
}

} // namespace cwb::test
