#include "arguments.h"
#include "text.h"

#include <QCoreApplication>

namespace cwb::cli {


model::Result<ParsedArgs> parseArguments(const CommandSpec& spec, const QStringList& args)
{
    ParsedArgs out;
    bool onlyPositional = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        QString a = args[i];
        if (!onlyPositional && a.size() == 2 && a[0] == QLatin1Char('-') && a[1] != QLatin1Char('-'))
            for (const OptionSpec& o : spec.options)
                if (o.shortName && a[1] == QLatin1Char(o.shortName)) a = QStringLiteral("--") + o.name;
        if (onlyPositional || !a.startsWith(QLatin1String("--")) || a == QLatin1String("--")) {
            if (a == QLatin1String("--") && !onlyPositional) {
                onlyPositional = true;
                continue;
            }
            out.positional << a;
            continue;
        }
        QString name = a.mid(2);
        QString value;
        bool inlineValue = false;
        if (const qsizetype eq = name.indexOf(QLatin1Char('=')); eq >= 0) {
            value = name.mid(eq + 1);
            name = name.left(eq);
            inlineValue = true;
        }
        const OptionSpec* opt = nullptr;
        for (const OptionSpec& o : spec.options)
            if (o.name == name) opt = &o;
        if (!opt) return model::makeError(Text::tr("unknown option --%1 for \"cwb %2\" (see cwb %2 --help)").arg(name, spec.name));
        if (opt->valueName.isEmpty()) {
            if (inlineValue) return model::makeError(Text::tr("--%1 takes no value").arg(name));
            out.flags << name;
            continue;
        }
        if (!inlineValue) {
            if (i + 1 >= args.size()) return model::makeError(Text::tr("--%1 needs a value (%2)").arg(name, opt->valueName));
            value = args[++i];
        }
        out.values.insert(name, value);
    }
    if (out.positional.size() < spec.minPositional)
        return model::makeError(Text::tr("missing arguments; usage: cwb %1 %2").arg(spec.name, spec.usage));
    if (out.positional.size() > spec.maxPositional)
        return model::makeError(Text::tr("unexpected argument \"%1\"; usage: cwb %2 %3")
                                    .arg(out.positional.value(spec.maxPositional), spec.name, spec.usage));
    return out;
}

QString helpText(const CommandSpec& spec)
{
    QString text = Text::tr("usage: cwb %1 %2\n\n%3\n").arg(spec.name, spec.usage, spec.summary);
    if (!spec.details.isEmpty()) text += QLatin1Char('\n') + spec.details + QLatin1Char('\n');
    if (!spec.options.isEmpty()) {
        text += QLatin1Char('\n') + Text::tr("options:") + QLatin1Char('\n');
        for (const OptionSpec& o : spec.options) {
            QString left = o.shortName ? QStringLiteral("  -%1, --%2").arg(QLatin1Char(o.shortName)).arg(o.name) : QStringLiteral("  --") + o.name;
            if (!o.valueName.isEmpty()) left += QLatin1Char(' ') + o.valueName;
            text += left.leftJustified(28) + QLatin1Char(' ') + o.help + QLatin1Char('\n');
        }
    }
    text += QLatin1Char('\n') + Text::tr("exit codes: 0 success, 1 the work failed (message on stderr), 2 bad usage") + QLatin1Char('\n');
    return text;
}

model::Result<qint64> integerOption(const ParsedArgs& args, const QString& name, qint64 fallback, qint64 min, qint64 max)
{
    if (!args.values.contains(name)) return fallback;
    QString text = args.value(name);
    text.remove(QLatin1Char(',')).remove(QLatin1Char('_'));
    bool ok = false;
    const qint64 v = text.toLongLong(&ok);
    if (!ok || v < min || v > max)
        return model::makeError(Text::tr("--%1 must be a whole number from %2 to %3 (got \"%4\")").arg(name).arg(min).arg(max).arg(args.value(name)));
    return v;
}

model::Result<double> numberOption(const ParsedArgs& args, const QString& name, double fallback, double min, double max)
{
    if (!args.values.contains(name)) return fallback;
    bool ok = false;
    const double v = args.value(name).toDouble(&ok);
    if (!ok || v < min || v > max)
        return model::makeError(Text::tr("--%1 must be a number from %2 to %3 (got \"%4\")").arg(name).arg(min).arg(max).arg(args.value(name)));
    return v;
}

} // namespace cwb::cli
