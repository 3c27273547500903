#include "report/report_format.h"

#include <QDateTime>

#include <cmath>

namespace cwb::ui {

namespace {
const QString kNotANumber = QStringLiteral("–");
}

ReportFormat::ReportFormat(QLocale locale, QString currencySymbol) : locale_(std::move(locale)), symbol_(std::move(currencySymbol))
{
    locale_.setNumberOptions(locale_.numberOptions() & ~QLocale::OmitGroupSeparator);
}

QString ReportFormat::money(double v) const
{
    if (!std::isfinite(v)) return kNotANumber;
    const int digits = std::fabs(v) >= 100 ? 0 : 2;
    const QString number = locale_.toString(std::fabs(v), 'f', digits);
    const bool negative = v < 0 && number != locale_.toString(0.0, 'f', digits);
    return (negative ? QStringLiteral("-") : QString()) + symbol_ + number;
}

QString ReportFormat::moneyUnit() const { return symbol_.trimmed(); }

QString ReportFormat::count(double v) const
{
    if (!std::isfinite(v)) return kNotANumber;
    return locale_.toString(v, 'f', std::fabs(v) >= 100 ? 0 : 1);
}

QString ReportFormat::integer(qint64 v) const { return locale_.toString(v); }

QString ReportFormat::percent(double share) const
{
    if (!std::isfinite(share)) return kNotANumber;
    const double p = 100 * share;
    // Whole percentages as such ("10 %"), else one decimal, two below 1 %.
    const int digits = std::fabs(p - std::round(p)) < 1e-9 ? 0 : std::fabs(p) >= 1 ? 1 : 2;
    return locale_.toString(p, 'f', digits) + QStringLiteral(" %");
}

QString ReportFormat::percentagePoints(double difference) const
{
    if (!std::isfinite(difference)) return kNotANumber;
    const double p = 100 * difference;
    return (p > 0 ? QStringLiteral("+") : QString()) + locale_.toString(p, 'f', std::fabs(p) >= 1 ? 1 : 2) + QStringLiteral(" pp");
}

QString ReportFormat::ratio(double v) const { return std::isfinite(v) ? locale_.toString(v, 'f', 2) : kNotANumber; }

QString ReportFormat::decimal(double v, int digits) const { return std::isfinite(v) ? locale_.toString(v, 'f', digits) : kNotANumber; }

// ISO dates read the same in both languages and sort in a table.
QString ReportFormat::date(qint64 unixSeconds) const { return QDateTime::fromSecsSinceEpoch(unixSeconds, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd")); }

QString ReportFormat::dateTime(qint64 unixSeconds) const
{
    return QDateTime::fromSecsSinceEpoch(unixSeconds, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm")) + QStringLiteral(" UTC");
}

} // namespace cwb::ui
