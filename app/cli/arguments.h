#pragma once
// Command-line parsing for cwb: each command declares its options once; the
// parser and the --help text both come from that declaration.

#include "core/error.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <functional>

namespace cwb::cli {

struct OptionSpec {
    QString name;        // without the leading dashes
    QString valueName;   // empty for a flag
    QString help;
    char shortName = 0;  // e.g. 'o' for -o, or 0
};

struct ParsedArgs;

struct CommandSpec {
    QString name;
    QString usage;       // e.g. "WS [--users N] [--seed S]"
    QString summary;     // one line for "cwb --help"
    QString details;     // paragraphs for "cwb NAME --help"
    QList<OptionSpec> options;
    int minPositional = 0;
    int maxPositional = 0;
    std::function<int(const ParsedArgs&)> run;
};

struct ParsedArgs {
    QStringList positional;
    QMap<QString, QString> values;
    QStringList flags;

    bool has(const QString& name) const { return flags.contains(name) || values.contains(name); }
    QString value(const QString& name, const QString& fallback = {}) const { return values.value(name, fallback); }
};

// Parses `args` (after the command word). Errors are usage errors (exit code 2).
model::Result<ParsedArgs> parseArguments(const CommandSpec& spec, const QStringList& args);
QString helpText(const CommandSpec& spec);

// Integer / number options with a range; the error names the option.
model::Result<qint64> integerOption(const ParsedArgs& args, const QString& name, qint64 fallback, qint64 min, qint64 max);
model::Result<double> numberOption(const ParsedArgs& args, const QString& name, double fallback, double min, double max);

enum ExitCode { Success = 0, Failure = 1, Usage = 2 };

} // namespace cwb::cli
