#pragma once
// The rejects file: one CSV row per rejected record or cleared value, with
// line, column, field, value, reason and the original record, so nothing
// the user gave us silently disappears. UTF-8 with a byte-order mark so
// spreadsheet programs show Chinese text correctly. Created on first use.

#include <QFile>
#include <QString>

#include <string_view>
#include <vector>

namespace cwb::model {

class RejectsWriter {
public:
    explicit RejectsWriter(QString path) : path_(std::move(path)) {}
    ~RejectsWriter();

    enum class Action { RowRejected, ValueCleared };
    // `column` is 1-based (0 = the whole record).
    void write(qint64 line, int column, const QString& field, std::string_view value, const QString& reason,
               Action action, const std::vector<std::string_view>& record);

    const QString& path() const { return path_; }
    bool used() const { return file_.isOpen(); }
    // Flushes and closes; false (with errorString) if writing failed.
    bool close();
    void discard();   // close and delete
    QString errorString() const { return file_.errorString(); }

private:
    QString path_;
    QFile file_;
    std::string line_;
};

} // namespace cwb::model
