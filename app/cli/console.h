#pragma once
// Printing for cwb: UTF-8 text to stdout/stderr, JSON documents, numbers with
// thousands separators, and a progress line on terminals.

#include <QJsonObject>
#include <QString>

#include <atomic>

namespace cwb::cli {

void printOut(const QString& text);   // adds no newline
void printErr(const QString& text);
void printJson(const QJsonObject& object);

QString number(qint64 n);             // 1,234,567
QString number(double x, int decimals);

// Columns on a terminal: the width counts Chinese and other wide characters
// as two cells, so names in any script line up.
int displayWidth(const QString& text);
QString padRight(const QString& text, int width);

// A "\r..." line on stderr when it is a terminal; cleared by done().
class ProgressLine {
public:
    ProgressLine();
    void show(const QString& text);
    void done();

private:
    bool tty_;
    bool shown_ = false;
    qint64 lastMs_ = -1000;
};

// Set by Ctrl-C while a long command runs; the command cancels cleanly.
std::atomic<bool>& interrupted();
void installInterruptHandler();

} // namespace cwb::cli
