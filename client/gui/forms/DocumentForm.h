#pragma once

// The editors of one document, built from its form (forms/FormDefinition.h): a group per
// section, a labelled editor per field with its problem shown underneath, the attachment
// list when the form has one, and a banner when the document is classified. Read mode shows
// the same editors read-only.
//
// The form keeps the version it loaded; applyTo() adds to a DocumentEdit only the items the
// user changed (and the attachments added or removed), so saving it leaves every other item
// — and any concurrent edit of it — alone. Validation (forms/FormValidation.h) runs on the
// loaded version with those changes applied; its problems appear next to their fields.
//
// Classified documents (DoMat Mật, Tối mật, Tuyệt mật, as chosen in the form): fields that
// are not register fields are closed while empty, the attachment list refuses new files,
// and the banner says why; a non-register field that still holds text stays open so the
// user can clear it, and validation says so.
//
// GUI thread only. The database's session is shared with the page that shows the form.

#include "client/app/ReplicaTypes.h"
#include "client/core/ErrorText.h"
#include "client/forms/FormDefinition.h"
#include "client/forms/FormValidation.h"

#include <QHash>
#include <QWidget>

#include <memory>

class QLabel;

namespace sen::app {
class DatabaseSession;
}

namespace sen::gui {

class AttachmentPanel;
class FieldEditor;

class DocumentForm : public QWidget
{
    Q_OBJECT
public:
    explicit DocumentForm(const forms::FormDefinition& form, QWidget* parent = nullptr);

    const forms::FormDefinition& definition() const { return m_form; }
    // The database the document lives in: attachments and images are read from and stored in it.
    void setSession(std::shared_ptr<app::DatabaseSession> session);

    // Shows a stored version; nothing is changed afterwards.
    void load(const Document& doc);
    // Shows a new, empty document with the form's defaults (first choice of each choice
    // field, else its initial value; today for the registration and assignment dates,
    // `userName` as author of a comment or assignment); the defaults count as changes, so
    // they are saved.
    void loadNew(const QString& userName);
    const Document& loaded() const { return m_loaded; }

    void setEditing(bool editing);
    bool isEditing() const { return m_editing; }

    // The user changed something since load().
    bool isModified() const;
    // Item names of the changed fields (attachments not included).
    QStringList changedItems() const;
    // Adds the changed items and attachments to `edit`.
    void applyTo(DocumentEdit& edit) const;
    // Checks `edit` (from applyTo) against the form, shows each problem next to its field
    // and returns whether there is none.
    bool validate(const DocumentEdit& edit);
    // Shows a problem without a field (a refused save) at the top; empty hides it.
    void showFormProblem(const QString& message);
    // Shows a failure there: ErrorText's sentence, the engine's words as its tooltip.
    void showFormError(const Status& status, const client::ErrorContext& context);

    FieldEditor* editor(const QString& item) const { return m_editors.value(item); }
    AttachmentPanel* attachments() const { return m_attachments; }
    // Stores the image file as an attachment and inserts it into the rich-text field `item`;
    // a failure is also shown at the top of the form (showFormError).
    Status insertImageFile(const QString& item, const QString& path);

Q_SIGNALS:
    void modified();

private:
    // Fills the pick lists from the database's catalogues (docs/catalogues.md).
    void offerCatalogues();
    // Gives the names fields the address book's name picker (NamePicker.h), when there is one.
    void offerNames();
    void build();
    void updateSecrecy();
    void clearProblems();
    void chooseImage(const QString& item);
    Status storeAndInsertImage(const QString& item, const QString& path);

    // The number field's hint: given by the server, awaiting it (docs/registers.md).
    void showNumberState(const Document& doc);

    const forms::FormDefinition& m_form;
    std::shared_ptr<app::DatabaseSession> m_session;
    Document m_loaded;
    bool m_editing = false;
    QLabel* m_banner = nullptr;
    QLabel* m_formProblem = nullptr;
    QHash<QString, FieldEditor*> m_editors;
    QHash<QString, QLabel*> m_problems; // by item name, attachmentsField() included
    AttachmentPanel* m_attachments = nullptr;
};

} // namespace sen::gui
