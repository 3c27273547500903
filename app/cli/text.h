#pragma once
// The translation context of the command line's own messages.

#include <QCoreApplication>

namespace cwb::cli {

class Text {
    Q_DECLARE_TR_FUNCTIONS(cwb::cli)
};

} // namespace cwb::cli
