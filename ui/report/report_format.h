#pragma once
// How a report (and the designer) writes numbers for a reader: the
// language's thousands separators and decimal mark, money with the
// workspace's currency symbol, percentages and counts with as many digits as
// they deserve, intervals as "low – high", dates in the reader's format.

#include <QLocale>
#include <QString>

namespace cwb::ui {

class ReportFormat {
public:
    explicit ReportFormat(QLocale locale = QLocale(), QString currencySymbol = {});

    // Money: no decimals from 100 up, two below ("¥12,345", "¥4.56", "-¥80").
    QString money(double v) const;
    // Money in a chart's axis title: "Incremental profit (¥)".
    QString moneyUnit() const;
    // Expected counts: whole numbers from 100 up, one decimal below.
    QString count(double v) const;
    QString integer(qint64 v) const;
    // Shares as percentages: whole ones as such, else one decimal, two below 1 % ("10 %", "12.5 %", "0.45 %").
    QString percent(double share) const;
    QString percentagePoints(double difference) const;   // "+1.2 pp"
    // A ratio such as ROI: two decimals ("1.35"); "–" when not finite.
    QString ratio(double v) const;
    QString decimal(double v, int digits) const;
    // "low – high" of the formatter given.
    template <typename F>
    QString interval(double low, double high, F f) const
    {
        return QStringLiteral("%1 – %2").arg(f(low), f(high));
    }
    QString date(qint64 unixSeconds) const;        // in UTC
    QString dateTime(qint64 unixSeconds) const;    // in UTC, "2026-09-01 10:00 UTC"
    const QLocale& locale() const { return locale_; }
    const QString& currencySymbol() const { return symbol_; }

private:
    QLocale locale_;
    QString symbol_;
};

} // namespace cwb::ui
