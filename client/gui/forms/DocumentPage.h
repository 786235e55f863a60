#pragma once

// One open document in a tab of the main window (Notes' document window): a toolbar (Edit,
// Save, Save and close, Close, New response, Delete; a dossier's Print table of contents…; an
// incoming document's Print processing slip…, Ctrl+P), the document's title, its form
// (DocumentForm), an incoming document's processing pane (ProcessingPane) and the list of its
// responses. New response offers only the forms that may answer this document
// (client/forms/ResponseForms.h).
//
// Contract for the database window:
//   DocumentPage::openInWindow(window, replica, unid)          an existing document
//   DocumentPage::createInWindow(window, replica, form, parent) a new one (parent: a response)
// add the page as a tab of window.tabs() (or bring an already open one forward) and return
// it; on failure they show a message box and return null. The page then opens its responses
// and new responses in further tabs of the same window. Without a window (tests, dialogs),
// open() and create() make a page the caller places, and the page asks for others through
// openRequested / createRequested.
//
// The page works on the database's session (app::OpenDatabases::session(name), shared with
// the other pages of that database): saves, deletions, dossier changes and restores go
// through it, and it tells every page of the database (DatabaseSession::changed). When
// another page or a sync changes the database the page shows the new version unless the
// user is editing (a later save writes only the fields the user changed, so it does not
// undo what came in meanwhile).
//
// Closing (close(), the tab's ×, the window) with unsaved changes asks Save / Discard /
// Cancel; Cancel and a failed save make close() return false. A failed save (the document
// was deleted by replication meanwhile, the disk is full, the secrecy rule) is explained in
// plain words at the top of the form and the user's input stays.
//
// GUI thread only. The page is owned by its Qt parent (the tab widget).

#include "client/app/DuplicateIndex.h"
#include "client/forms/FormDefinition.h"
#include "client/gui/forms/PageModes.h"
#include "common/acl/EffectiveAccess.h"
#include "common/core/Ids.h"
#include "common/core/Result.h"

#include <QWidget>

#include <memory>
#include <optional>

class QAction;
class QLabel;
class QPushButton;
class QToolButton;
class QTreeWidget;

namespace sen::app {
class DatabaseSession;
class OpenDatabases;
} // namespace sen::app

namespace sen::gui {

class DocumentForm;
class DocumentPreview;
class MainWindow;
class PdfViewer;
class ProcessingPane;

class DocumentPage : public QWidget
{
    Q_OBJECT
public:
    // A page showing the stored document `unid` of replica `replica`, in read mode.
    // NotFound for an absent or deleted document; Unsupported for a form Sen has no form for.
    static Result<DocumentPage*> open(app::OpenDatabases& databases, const QString& replica, const Unid& unid,
                                      QWidget* parent = nullptr);
    // A page for a new document of `form` (optionally a response to `parentUnid`), in edit
    // mode; `userName` fills the author fields of a response. InvalidArgument for a form that
    // does not belong to the replica's kind or a response form without a parent.
    static Result<DocumentPage*> create(app::OpenDatabases& databases, const QString& replica,
                                        const QString& form, std::optional<Unid> parentUnid = std::nullopt,
                                        const QString& userName = QString(), QWidget* parent = nullptr);

    // The same, as (or brought forward in) a tab of `window`; null after a message box.
    static DocumentPage* openInWindow(MainWindow& window, const QString& replica, const Unid& unid);
    static DocumentPage* createInWindow(MainWindow& window, const QString& replica, const QString& form,
                                        std::optional<Unid> parentUnid = std::nullopt);

    ~DocumentPage() override;

    const QString& replicaName() const { return m_replica; }
    // The document's UNID (a new document's is chosen when the page is made).
    const Unid& unid() const { return m_unid; }
    // "replica:UNID", the value of the page's "senDocument" property.
    static QString documentKey(const QString& replica, const Unid& unid);
    bool isNew() const { return m_isNew; }
    QString title() const;
    DocumentForm& form() const { return *m_form; }
    QTreeWidget& responseList() const { return *m_responses; }
    // The PDF attachment beside the form (hidden when the document has none).
    PdfViewer& pdfViewer() const { return *m_pdf; }
    // Shows PDF attachment `name` of the stored document; false when it has no such PDF.
    bool showPdf(const QString& name);
    // UNIDs of the responses listed.
    std::vector<Unid> responseUnids() const;
    // An incoming document's processing (state, deadline, timeline, the steps offered;
    // client/gui/forms/ProcessingPane.h); null for other forms.
    ProcessingPane* processingPane() const { return m_processing; }

    bool isEditing() const;
    // Edit mode; refused (read mode stays) when the user may not change the document. Edit
    // mode shows the editors under a coloured "Editing" banner; read mode shows the values as
    // text on the page, and a news article as an article (headline, category, date, author,
    // lead, body with its images, attachments) instead of its form.
    void setEditing(bool editing);
    // Ctrl+E: read mode to edit mode, or back (unsaved changes: Save / Discard / Cancel).
    void toggleEditing();
    // Whether read mode shows the article view (a news document) rather than the form.
    bool showsArticle() const { return m_modes->showsArticle(); }
    DocumentPreview& article() const { return m_modes->article(); }
    // The "Saved at HH:mm." banner shown for a few seconds after a save, and the "Editing"
    // banner shown in edit mode.
    QLabel& savedBanner() const { return m_modes->savedBanner(); }
    QLabel& editingBanner() const { return m_modes->editingBanner(); }
    // What the server would accept from this user (client/core/ReplicaAccess.h): Edit and
    // Delete are offered only then. Without a stored access, everything is offered.
    bool mayEdit() const;
    bool mayDelete() const;
    // Validates and saves; on failure the form shows why and keeps the input.
    Status save();
    // Saves, then closes the page when that worked.
    bool saveAndClose();
    // Asks, then deletes the document and closes the page.
    void deleteDocument();
    // The server refused this document's last change (client/core/RefusedChanges.h): the
    // banner above the form says so and why, with a button that restores the server's version
    // (the refused version goes to the drafts database) and asks for a sync.
    bool showsRefusal() const;
    QString refusalText() const;
    Status restoreServerVersion();

Q_SIGNALS:
    void titleChanged(const QString& title);
    void saved(const Unid& unid);
    // The user asked to open a response, or to write a new one.
    void openRequested(const QString& replica, const Unid& unid);
    void createRequested(const QString& replica, const QString& form, const Unid& parentUnid);
    // A restore gave up the local version: the next sync of `replica` brings the server's.
    void syncRequested(const QString& replica);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    DocumentPage(QString replica, std::shared_ptr<app::DatabaseSession> session,
                 const forms::FormDefinition& form, QWidget* parent);
    void buildUi();
    void updateActions();
    // The banner and, for news, the article or the form, as the mode asks.
    void showMode();
    void updateTitle();
    // The database changed: responses, refusal, and the document unless it is being edited.
    void reloadFromStore();
    void refreshResponses();
    void refreshDossierMembers();
    void refreshRefusal();
    // Shows the PDF shown before (or the first) of the stored document, or hides the viewer.
    void refreshPdf();
    void unfileSelected();
    void closeAndDelete();

    QString m_replica;
    std::shared_ptr<app::DatabaseSession> m_session;
    // Asks whether to register a duplicate of `existing` anyway (docs/forms.md "Duplicates").
    bool confirmDuplicate(const app::Registration& existing);
    bool m_committing = false; // a commit of this page runs: it reloads once it is done
    const forms::FormDefinition& m_definition;
    Unid m_unid;
    std::optional<Unid> m_parent;
    bool m_isNew = false;
    bool m_touched = false; // a new document: the user changed something since the defaults
    bool m_closing = false;

    DocumentForm* m_form = nullptr;
    PdfViewer* m_pdf = nullptr;
    QByteArray m_pdfShown; // the file shown (its SHA-256) and whether it was there: not read again
    QLabel* m_title = nullptr;
    QLabel* m_subtitle = nullptr;
    QTreeWidget* m_responses = nullptr;
    QPushButton* m_unfile = nullptr; // a dossier's "take out" button
    QWidget* m_responseBox = nullptr;
    QAction* m_edit = nullptr;
    QAction* m_toggleEdit = nullptr; // Ctrl+E
    PageModes* m_modes = nullptr;    // the banners and a news document's article
    QAction* m_save = nullptr;
    QAction* m_saveClose = nullptr;
    QAction* m_close = nullptr;
    QAction* m_delete = nullptr;
    QAction* m_printDossier = nullptr; // a dossier's table of contents
    QAction* m_printSlip = nullptr;    // an incoming document's phiếu giải quyết
    ProcessingPane* m_processing = nullptr;
    QAction* m_respond = nullptr;
    QWidget* m_refusedBanner = nullptr;
    QLabel* m_refusedText = nullptr;
    QPushButton* m_restore = nullptr;
    bool m_restored = false;                      // waiting for the sync that brings the server's version
    std::optional<acl::EffectiveAccess> m_access; // as the server reported it, if it did
};

} // namespace sen::gui
