#include "import/rejects_writer.h"
#include "core/text.h"

#include "csv/csv_reader.h"

#include <QCoreApplication>

namespace cwb::model {


RejectsWriter::~RejectsWriter() { close(); }

void RejectsWriter::write(qint64 line, int column, const QString& field, std::string_view value, const QString& reason,
                          Action action, const std::vector<std::string_view>& record)
{
    if (!file_.isOpen()) {
        file_.setFileName(path_);
        if (!file_.open(QIODevice::WriteOnly | QIODevice::Truncate))
            throw std::runtime_error("cannot write the rejects file " + path_.toStdString() + ": "
                                     + file_.errorString().toStdString());
        file_.write("\xEF\xBB\xBF");
        const QByteArray header = (Text::tr("line") + QLatin1Char(',') + Text::tr("column") + QLatin1Char(',') + Text::tr("field")
                                   + QLatin1Char(',') + Text::tr("value") + QLatin1Char(',') + Text::tr("reason") + QLatin1Char(',')
                                   + Text::tr("action") + QLatin1Char(',') + Text::tr("record") + QLatin1Char('\n'))
                                      .toUtf8();
        file_.write(header);
    }
    const QByteArray lineText = QByteArray::number(line);
    const QByteArray columnText = column > 0 ? QByteArray::number(column) : QByteArray();
    const QByteArray fieldText = field.toUtf8();
    const QByteArray reasonText = reason.toUtf8();
    const QByteArray actionText =
        (action == Action::RowRejected ? Text::tr("row rejected") : Text::tr("value cleared, row kept")).toUtf8();
    const std::string original = formatCsvLine(record);
    auto view = [](const QByteArray& b) { return std::string_view(b.constData(), static_cast<std::size_t>(b.size())); };
    line_ = formatCsvLine({view(lineText), view(columnText), view(fieldText), value, view(reasonText), view(actionText),
                           std::string_view(original)});
    line_.push_back('\n');
    if (file_.write(line_.data(), static_cast<qint64>(line_.size())) != static_cast<qint64>(line_.size()))
        throw std::runtime_error("cannot write the rejects file " + path_.toStdString() + ": "
                                 + file_.errorString().toStdString());
}

bool RejectsWriter::close()
{
    if (!file_.isOpen()) return true;
    const bool ok = file_.flush();
    file_.close();
    return ok;
}

void RejectsWriter::discard()
{
    if (file_.isOpen()) file_.close();
    QFile::remove(path_);
}

} // namespace cwb::model
