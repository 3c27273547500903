#pragma once
// The translation context of the model layer's messages (import errors,
// workspace errors ...), so that the GUI shows them in the user's language.
// Use Text::tr("...") in model code outside QObject classes.

#include <QCoreApplication>

namespace cwb::model {

class Text {
    Q_DECLARE_TR_FUNCTIONS(cwb::model)
};

} // namespace cwb::model
