#pragma once

// How the desktop client shows an error (issue #12 point 4): client::ErrorText's translated
// sentence is the message; the engine's English words (ErrorText::details) are offered only
// apart from it, for the IT office — in a message box's "Show Details..." disclosure, or as
// the tooltip of a label or of the status bar. Widgets report a failed Status through these
// and never paste Status::message() into a sentence.

#include "client/core/ErrorText.h"

#include <QMessageBox>
#include <QString>

class QLabel;

namespace sen::gui {

class ErrorBox
{
public:
    // A modal message box titled `title`: the sentence for `status` in `context`, and the
    // details behind "Show Details...". Returns when the user closes it.
    static void show(QWidget* parent, const QString& title, const Status& status,
                     const client::ErrorContext& context, QMessageBox::Icon icon = QMessageBox::Warning);

    // Puts the sentence into `label` (and shows it), the details into its tooltip.
    static void showIn(QLabel& label, const Status& status, const client::ErrorContext& context);
};

} // namespace sen::gui
