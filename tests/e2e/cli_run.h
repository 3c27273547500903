#pragma once
// Runs the cwb executable as a user would, for the end-to-end tests.

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
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

} // namespace cwb::test
