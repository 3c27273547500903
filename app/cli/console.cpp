#include "console.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QLocale>

#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace cwb::cli {

void printOut(const QString& text)
{
    const QByteArray utf8 = text.toUtf8();
    std::fwrite(utf8.constData(), 1, static_cast<std::size_t>(utf8.size()), stdout);
    std::fflush(stdout);
}

void printErr(const QString& text)
{
    const QByteArray utf8 = text.toUtf8();
    std::fwrite(utf8.constData(), 1, static_cast<std::size_t>(utf8.size()), stderr);
    std::fflush(stderr);
}

void printJson(const QJsonObject& object) { printOut(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented))); }

QString number(qint64 n) { return QLocale(QLocale::English).toString(n); }

QString number(double x, int decimals) { return QLocale(QLocale::English).toString(x, 'f', decimals); }

ProgressLine::ProgressLine() : tty_(isatty(STDERR_FILENO) == 1) {}

void ProgressLine::show(const QString& text)
{
    if (!tty_) return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (now - lastMs_ < 200) return;
    lastMs_ = now;
    printErr(QStringLiteral("\r\x1b[2K") + text);
    shown_ = true;
}

void ProgressLine::done()
{
    if (tty_ && shown_) printErr(QStringLiteral("\r\x1b[2K"));
    shown_ = false;
}

std::atomic<bool>& interrupted()
{
    static std::atomic<bool> flag{false};
    return flag;
}

namespace {
extern "C" void onInterrupt(int)
{
    // A second Ctrl-C stops at once.
    if (interrupted().exchange(true)) std::_Exit(130);
}
} // namespace

void installInterruptHandler() { std::signal(SIGINT, onInterrupt); }

int displayWidth(const QString& text)
{
    int width = 0;
    for (const char32_t c : text.toUcs4()) {
        const bool wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0xA4CF)
                          || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F)
                          || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F)
                          || (c >= 0x20000 && c <= 0x3FFFD);
        width += wide ? 2 : 1;
    }
    return width;
}

QString padRight(const QString& text, int width)
{
    const int w = displayWidth(text);
    return w >= width ? text : text + QString(width - w, QLatin1Char(' '));
}

} // namespace cwb::cli
