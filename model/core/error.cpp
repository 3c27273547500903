#include "core/error.h"

namespace cwb::model {

QString Error::toString() const
{
    QString where = file;
    if (line > 0) {
        where += (where.isEmpty() ? QStringLiteral("line %1") : QStringLiteral(":%1")).arg(line);
        if (column > 0) where += QStringLiteral(":%1").arg(column);
    }
    return where.isEmpty() ? message : where + QStringLiteral(": ") + message;
}

Error makeError(QString message) { return Error{std::move(message), {}, 0, 0}; }

} // namespace cwb::model
