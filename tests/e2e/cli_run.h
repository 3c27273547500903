#pragma once
// Runs the cwb executable as a user would, for the end-to-end tests.

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QStringList>

#include <gtest/gtest.h>

namespace cwb::test {

struct CliRun {
    int code = -1;
    QString out, err;
};

inline CliRun runCwb(const QStringList& args, const QString& workdir = {})
{
    QProcess p;
    if (!workdir.isEmpty()) p.setWorkingDirectory(workdir);
    p.start(QStringLiteral(CWB_EXECUTABLE), args);
    EXPECT_TRUE(p.waitForFinished(300000)) << args.join(QLatin1Char(' ')).toStdString();
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

inline QJsonObject json(const CliRun& r)
{
    QJsonParseError e;
    const QJsonDocument d = QJsonDocument::fromJson(r.out.toUtf8(), &e);
    EXPECT_EQ(e.error, QJsonParseError::NoError) << r.out.toStdString();
    return d.object();
}

// Any program, run to its end; `crashed` when it did not exit normally.
struct Finished {
    bool crashed = false;
    int code = -1;
    QString out, err;
};

inline Finished runProgram(const QString& program, const QStringList& args)
{
    QProcess p;
    p.start(program, args);
    EXPECT_TRUE(p.waitForFinished(300000)) << program.toStdString() << " " << args.join(QLatin1Char(' ')).toStdString();
    return {p.exitStatus() != QProcess::NormalExit, p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

// The sqlite3 shell (Debian's sqlite3 package), empty when it is not installed.
inline QString sqlite3Shell()
{
    static const QString exe = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
    return exe;
}

// What the sqlite3 shell reads from a workspace: an independent look at the
// file, not through the product's own code. Read-only unless told otherwise
// (opening for writing is what replays a journal left by a killed process).
inline QString sqlite(const QString& workspace, const QString& command, bool readOnly = true)
{
    QStringList args;
    if (readOnly) args << QStringLiteral("-readonly");
    args << workspace << command;
    const Finished r = runProgram(sqlite3Shell(), args);
    EXPECT_EQ(r.code, 0) << r.err.toStdString();
    return r.out;
}

} // namespace cwb::test
