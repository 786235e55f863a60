#pragma once

// "Which one is meant?" (issue #14; docs/directory.md §Names fields on save): when a save
// meets a short name the address book finds several entries for ("An"), the user chooses
// among the candidates; nothing is guessed, and nothing is saved until they choose.
// settleNames() runs these questions before DocumentPage saves.
//
// GUI thread only.

#include "client/app/NameFields.h"

#include <QDialog>

class QListWidget;

namespace sen::app {
class DatabaseSession;
}

namespace sen::gui {

class DocumentForm;

class NameChoiceDialog : public QDialog
{
    Q_OBJECT
public:
    // `field`: the field's label as the form shows it.
    NameChoiceDialog(const app::NameProblem& problem, const QString& field, QWidget* parent = nullptr);
    // The name of the candidate selected (the first one until the user selects another).
    QString chosen() const;
    QListWidget* list() const { return m_list; }

private:
    QListWidget* m_list;
};

// Before a save of `edit` from `form`: each new value of a names field the address book does
// not resolve is settled — an ambiguous one by asking which candidate is meant (the choice goes
// into `edit` and into the form's field), an unknown one refused with the application layer's
// message (InvalidArgument). Cancelled when the user cancels a question; Ok when every value
// now resolves (or there is no address book). A failure is also shown at the top of `form`.
Status settleNames(const app::DatabaseSession& session, DocumentEdit& edit, DocumentForm& form);

} // namespace sen::gui
