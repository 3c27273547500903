// cwb: the Campaign Workbench command line. Argument parsing and dispatch
// only; the work happens in the model and engine libraries.

#include "arguments.h"
#include "commands.h"
#include "console.h"

#include "core/memory.h"
#include "sql/sql_error.h"

#include <QApplication>
#include <QCoreApplication>

#include <cstring>
#include <memory>

using namespace cwb::cli;

namespace {

QString overview()
{
    QString text = QStringLiteral("usage: cwb COMMAND [ARGS] [--help]\n\n"
                                  "Campaign Workbench on the command line: load a shop's data into a workspace file (WS),\n"
                                  "look at it, segment its users, and learn from past campaigns who responds to an offer and\n"
                                  "who responds because of it.\n\ncommands:\n");
    for (const CommandSpec& c : allCommands()) text += QStringLiteral("  ") + c.name.leftJustified(12) + c.summary + QLatin1Char('\n');
    text += QStringLiteral("\nRun \"cwb COMMAND --help\" for a command's options.\n");
    return text;
}

// Runs a command; what SQLite reports in the middle of it (a workspace damaged
// past its first pages, which opening it cannot see; a disk gone full; a lock
// held too long) ends the command with a message, never with an abort. Each
// command writes inside transactions, so what it had begun is rolled back.
int runCommand(const CommandSpec& c, const ParsedArgs& args)
{
    try {
        return c.run(args);
    } catch (const cwb::model::SqlError& e) {
        // what() says what to do about a damaged file or a lock (SqlError's advice).
        return fail(cwb::model::makeError(QStringLiteral("the workspace could not be read or written; what this command began was "
                                                         "not kept: %1").arg(QString::fromUtf8(e.what()))));
    } catch (const std::exception& e) {
        return fail(cwb::model::makeError(QStringLiteral("the command failed: %1").arg(QString::fromUtf8(e.what()))));
    }
}

} // namespace

int main(int argc, char** argv)
{
    cwb::engine::keepLargeBlocksForReuse();
    // Reports draw charts and lay out text, which needs a GUI application; it never opens a
    // window, so it runs on the offscreen platform unless one is chosen. Every other command
    // is a plain console program.
    std::unique_ptr<QCoreApplication> application;
    if (argc > 1 && std::strcmp(argv[1], "report") == 0) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
        application = std::make_unique<QApplication>(argc, argv);
    } else {
        application = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("cwb"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CWB_VERSION));
    QStringList args = QCoreApplication::arguments().mid(1);

    if (args.isEmpty() || args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h")
        || args.first() == QLatin1String("help")) {
        if (args.size() >= 2 && args.first() == QLatin1String("help")) args = {args[1], QStringLiteral("--help")};
        else {
            printOut(overview());
            return args.isEmpty() ? Usage : Success;
        }
    }
    if (args.first() == QLatin1String("--version")) {
        printOut(QStringLiteral("cwb %1\n").arg(QStringLiteral(CWB_VERSION)));
        return Success;
    }
    const QString name = args.takeFirst();
    for (const CommandSpec& c : allCommands()) {
        if (c.name != name) continue;
        if (args.contains(QLatin1String("--help")) || args.contains(QLatin1String("-h"))) {
            printOut(helpText(c));
            return Success;
        }
        auto parsed = parseArguments(c, args);
        if (!parsed) return usageError(parsed.error().message);
        installInterruptHandler();
        return runCommand(c, parsed.value());
    }
    return usageError(QStringLiteral("unknown command \"%1\"; run cwb --help for the list").arg(name));
}
