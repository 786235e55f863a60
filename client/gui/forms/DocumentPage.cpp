#include "client/gui/forms/DocumentPage.h"

#include "client/app/OpenDatabases.h"
#include "client/app/PdfAttachments.h"
#include "client/core/Dossiers.h"
#include "client/core/ErrorText.h"
#include "client/core/RefusedChanges.h"
#include "client/core/ReplicaAccess.h"
#include "client/forms/FormCatalog.h"
#include "client/forms/ResponseForms.h"
#include "client/gui/app/ErrorBox.h"
#include "client/gui/app/Icons.h"
#include "client/gui/app/MainWindow.h"
#include "client/gui/app/Shortcuts.h"
#include "client/gui/forms/AttachmentPanel.h"
#include "client/gui/forms/DocumentForm.h"
#include "client/gui/forms/DocumentPreview.h"
#include "client/gui/forms/NameChoiceDialog.h"
#include "client/gui/forms/PageModes.h"
#include "client/gui/forms/PdfViewer.h"
#include "client/gui/forms/ProcessingPane.h"
#include "client/gui/print/DossierPrintPreview.h"
#include "client/gui/print/SlipPrintPreview.h"
#include "common/workflow/Steps.h"

#include <QCloseEvent>
#include <QFrame>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QToolBar>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace sen::gui {

namespace {

Status noForm(const QString& form)
{
    return Status(ErrorCode::Unsupported,
                  DocumentPage::tr("Sen has no form to show documents of form “%1”.").arg(form));
}

} // namespace

DocumentPage::DocumentPage(QString replica, std::shared_ptr<app::DatabaseSession> session,
                           const forms::FormDefinition& form, QWidget* parent)
    : QWidget(parent), m_replica(std::move(replica)), m_session(std::move(session)), m_definition(form)
{
    m_access = m_session->access();
    buildUi();
    connect(m_session.get(), &app::DatabaseSession::changed, this, [this] {
        if (!m_committing)
            reloadFromStore();
    });
}

DocumentPage::~DocumentPage() = default;

Result<DocumentPage*> DocumentPage::open(app::OpenDatabases& databases, const QString& replica,
                                         const Unid& unid, QWidget* parent)
{
    SEN_ASSIGN_OR_RETURN(std::shared_ptr<app::DatabaseSession> session, databases.session(replica));
    SEN_ASSIGN_OR_RETURN(const Document doc, session->document(unid));
    if (doc.isDeleted())
        return Status(ErrorCode::NotFound, tr("The document has been deleted."));
    const forms::FormDefinition* form = forms::FormCatalog::find(doc.form);
    if (!form)
        return noForm(doc.form);
    auto* page = new DocumentPage(replica, std::move(session), *form, parent);
    page->m_unid = unid;
    page->m_parent = doc.parent;
    page->m_form->load(doc);
    page->setEditing(false);
    page->refreshResponses();
    page->refreshRefusal();
    page->refreshPdf();
    page->updateTitle();
    return page;
}

Result<DocumentPage*> DocumentPage::create(app::OpenDatabases& databases, const QString& replica,
                                           const QString& formName, std::optional<Unid> parentUnid,
                                           const QString& userName, QWidget* parent)
{
    const forms::FormDefinition* form = forms::FormCatalog::find(formName);
    if (!form)
        return noForm(formName);
    SEN_ASSIGN_OR_RETURN(std::shared_ptr<app::DatabaseSession> session, databases.session(replica));
    if (session->kind() != form->kind)
        return Status(ErrorCode::InvalidArgument,
                      tr("A %1 does not belong in this database.").arg(form->displayTitle()));
    if (form->response != parentUnid.has_value())
        return Status(ErrorCode::InvalidArgument,
                      form->response ? tr("A %1 answers a document: open that document "
                                          "and choose New response.")
                                           .arg(form->displayTitle())
                                     : tr("A %1 is not a response.").arg(form->displayTitle()));
    if (parentUnid) {
        SEN_ASSIGN_OR_RETURN(const Document parentDoc, session->document(*parentUnid));
        if (parentDoc.isDeleted())
            return Status(ErrorCode::NotFound, tr("The document to answer has been deleted."));
        const forms::FormDefinition* parentForm = forms::FormCatalog::find(parentDoc.form);
        if (!parentForm || !forms::mayRespond(*form, *parentForm))
            return Status(ErrorCode::InvalidArgument,
                          tr("A %1 cannot answer this document.").arg(form->displayTitle()));
    }
    auto* page = new DocumentPage(replica, std::move(session), *form, parent);
    page->m_unid = newUnid();
    page->m_parent = parentUnid;
    page->m_isNew = true;
    page->m_form->loadNew(userName);
    page->m_touched = false;
    page->setEditing(true);
    page->updateTitle();
    return page;
}

QString DocumentPage::documentKey(const QString& replica, const Unid& unid)
{
    return replica + QLatin1Char(':') + unid.toHex();
}

namespace {

void placeInWindow(MainWindow& window, DocumentPage* page)
{
    QTabWidget& tabs = window.tabs();
    page->setProperty("senDocument", DocumentPage::documentKey(page->replicaName(), page->unid()));
    const int index = tabs.addTab(page, page->title());
    tabs.setTabToolTip(index, page->title());
    tabs.setCurrentIndex(index);
    QObject::connect(page, &DocumentPage::titleChanged, &tabs, [&tabs, page](const QString& title) {
        const int at = tabs.indexOf(page);
        if (at >= 0) {
            tabs.setTabText(at, title);
            tabs.setTabToolTip(at, title);
        }
    });
    QObject::connect(page, &DocumentPage::saved, page, [page, &window](const Unid& unid) {
        page->setProperty("senDocument", DocumentPage::documentKey(page->replicaName(), unid));
        window.showStatusMessage(DocumentPage::tr("Saved: %1").arg(page->title()));
    });
    QObject::connect(page, &DocumentPage::syncRequested, &window, [&window](const QString& replica) {
        window.refreshWorkspace(); // the drafts database may be new
        window.syncReplica(replica);
    });
    QObject::connect(page, &DocumentPage::openRequested, &window,
                     [&window](const QString& replica, const Unid& unid) {
                         DocumentPage::openInWindow(window, replica, unid);
                     });
    QObject::connect(page, &DocumentPage::createRequested, &window,
                     [&window](const QString& replica, const QString& form, const Unid& parentUnid) {
                         DocumentPage::createInWindow(window, replica, form, parentUnid);
                     });
}

} // namespace

DocumentPage* DocumentPage::openInWindow(MainWindow& window, const QString& replica, const Unid& unid)
{
    QTabWidget& tabs = window.tabs();
    const QString key = documentKey(replica, unid);
    for (int i = 0; i < tabs.count(); ++i) {
        if (tabs.widget(i)->property("senDocument").toString() == key) {
            tabs.setCurrentIndex(i);
            return qobject_cast<DocumentPage*>(tabs.widget(i));
        }
    }
    Result<DocumentPage*> page = open(window.databases(), replica, unid);
    if (!page) {
        ErrorBox::show(&window, tr("Open document"), page.status(),
                       client::ErrorContext::forDatabase(client::Situation::OpeningDocument, replica));
        return nullptr;
    }
    placeInWindow(window, *page);
    return *page;
}

DocumentPage* DocumentPage::createInWindow(MainWindow& window, const QString& replica, const QString& form,
                                           std::optional<Unid> parentUnid)
{
    Result<DocumentPage*> page =
        create(window.databases(), replica, form, parentUnid, window.session().userName());
    if (!page) {
        ErrorBox::show(&window, tr("New document"), page.status(),
                       client::ErrorContext::forDatabase(client::Situation::CreatingDocument, replica));
        return nullptr;
    }
    placeInWindow(window, *page);
    return *page;
}

void DocumentPage::buildUi()
{
    auto* toolBar = new QToolBar(this);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->setIconSize(QSize(20, 20));
    // Shortcuts work while this page is the current tab (client/gui/app/Shortcuts.h).
    auto withShortcut = [this](QAction* action, const QKeySequence& keys) {
        setPageShortcut(*this, *action, keys);
    };
    m_edit = toolBar->addAction(icon(Icon::Edit), tr("Edit"), this, [this] { setEditing(true); });
    m_edit->setObjectName(QStringLiteral("edit"));
    // Ctrl+E: edit mode, and back to read mode (asking about unsaved changes).
    m_toggleEdit = new QAction(tr("Edit or read"), this);
    m_toggleEdit->setObjectName(QStringLiteral("toggleEditing"));
    withShortcut(m_toggleEdit, QKeySequence(Qt::CTRL | Qt::Key_E));
    m_edit->setToolTip(m_toggleEdit->toolTip().replace(m_toggleEdit->text(), m_edit->text()));
    connect(m_toggleEdit, &QAction::triggered, this, &DocumentPage::toggleEditing);
    m_save = toolBar->addAction(icon(Icon::Save), tr("Save"), this, [this] { (void)save(); });
    m_save->setObjectName(QStringLiteral("save"));
    withShortcut(m_save, QKeySequence::Save);
    m_saveClose = toolBar->addAction(tr("Save and close"), this, [this] { saveAndClose(); });
    m_saveClose->setObjectName(QStringLiteral("saveAndClose"));
    m_close = toolBar->addAction(icon(Icon::Close), tr("Close"), this, [this] { closeAndDelete(); });
    m_close->setObjectName(QStringLiteral("close"));
    toolBar->addSeparator();

    auto* respondMenu = new QMenu(this);
    for (const forms::FormDefinition* response : forms::responseFormsUnder(m_definition)) {
        QAction* action = respondMenu->addAction(response->displayTitle(), this, [this, response] {
            Q_EMIT createRequested(m_replica, response->name, m_unid);
        });
        action->setObjectName(response->name);
    }
    m_respond = toolBar->addAction(icon(Icon::Respond), tr("New response"));
    m_respond->setObjectName(QStringLiteral("newResponse"));
    m_respond->setMenu(respondMenu);
    if (auto* button = qobject_cast<QToolButton*>(toolBar->widgetForAction(m_respond)))
        button->setPopupMode(QToolButton::InstantPopup);
    m_delete = toolBar->addAction(icon(Icon::Delete), tr("Delete"), this, &DocumentPage::deleteDocument);
    m_delete->setObjectName(QStringLiteral("delete"));
    withShortcut(m_delete, QKeySequence::Delete); // asks first; in read mode only (updateActions)
    // A dossier's mục lục văn bản, as stored (docs/registers.md "Dossier table of contents").
    m_printDossier = toolBar->addAction(icon(Icon::Print), tr("Print table of contents…"), this,
                                        [this] { DossierPrintPreview::run(this, *m_session, m_unid); });
    m_printDossier->setObjectName(QStringLiteral("printDossier"));
    withShortcut(m_printDossier, QKeySequence::Print);
    // An incoming document's phiếu giải quyết văn bản đến (docs/workflow.md "Printing").
    m_printSlip = toolBar->addAction(icon(Icon::Print), tr("Print processing slip…"), this,
                                     [this] { SlipPrintPreview::run(this, *m_session, m_unid); });
    m_printSlip->setObjectName(QStringLiteral("printSlip"));
    withShortcut(m_printSlip, QKeySequence::Print); // a dossier's contents or a slip: never both

    // Edit mode is visibly not read mode; a news article reads as an article (PageModes).
    m_modes = new PageModes(this);
    connect(m_modes, &PageModes::attachmentRequested, this, [this](const QString& name) {
        if (AttachmentPanel* panel = m_form->attachments())
            panel->openAttachment(name);
    });

    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("documentTitle"));
    m_title->setWordWrap(true);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_subtitle = new QLabel(this);
    m_subtitle->setStyleSheet(QStringLiteral("color: palette(mid);"));

    m_refusedBanner = new QFrame(this);
    m_refusedBanner->setObjectName(QStringLiteral("refusedBanner"));
    m_refusedBanner->setStyleSheet(QStringLiteral(
        "#refusedBanner { background: #fdecea; border: 1px solid #e0a0a0; border-radius: 4px; }"));
    auto* bannerLayout = new QHBoxLayout(m_refusedBanner);
    m_refusedText = new QLabel(m_refusedBanner);
    m_refusedText->setObjectName(QStringLiteral("refusedText"));
    m_refusedText->setWordWrap(true);
    m_restore = new QPushButton(tr("Restore the server's version"), m_refusedBanner);
    m_restore->setObjectName(QStringLiteral("restoreServerVersion"));
    m_restore->setToolTip(tr("Your version is kept as a draft copy in this computer's drafts database."));
    connect(m_restore, &QPushButton::clicked, this, [this] { (void)restoreServerVersion(); });
    bannerLayout->addWidget(m_refusedText, 1);
    bannerLayout->addWidget(m_restore, 0, Qt::AlignTop);
    m_refusedBanner->setVisible(false);

    m_form = new DocumentForm(m_definition, this);
    m_form->setSession(m_session);
    connect(m_form, &DocumentForm::modified, this, [this] {
        m_touched = true;
        updateTitle();
    });
    m_pdf = new PdfViewer(this);
    m_pdf->setVisible(false);
    if (AttachmentPanel* panel = m_form->attachments()) {
        connect(panel, &AttachmentPanel::busyChanged, this, &DocumentPage::updateActions);
        connect(panel, &AttachmentPanel::chosen, this, [this](const QString& name) { showPdf(name); });
        connect(m_pdf, &PdfViewer::openRequested, panel, &AttachmentPanel::openAttachment);
    }
    // Not downloaded yet: a sync of the database brings what it can (the page reloads then).
    connect(m_pdf, &PdfViewer::fetchRequested, this, [this] { Q_EMIT syncRequested(m_replica); });

    if (m_definition.name == QLatin1String(workflow::kIncomingForm)) {
        m_processing = new ProcessingPane(m_session, this);
        m_processing->setVisible(false); // until the document is stored
    }

    m_responseBox = new QGroupBox(tr("Responses"), this);
    auto* responseLayout = new QVBoxLayout(m_responseBox);
    m_responses = new QTreeWidget(m_responseBox);
    m_responses->setObjectName(QStringLiteral("responses"));
    m_responses->setHeaderLabels({tr("Response"), tr("Summary"), tr("Modified")});
    m_responses->setRootIsDecorated(false);
    m_responses->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_responses->setMinimumHeight(80);
    responseLayout->addWidget(m_responses);
    m_unfile = new QPushButton(tr("Take out of this dossier"), m_responseBox);
    m_unfile->setObjectName(QStringLiteral("unfile"));
    m_unfile->setVisible(m_definition.name == client::Dossiers::kForm);
    connect(m_unfile, &QPushButton::clicked, this, &DocumentPage::unfileSelected);
    connect(m_responses, &QTreeWidget::currentItemChanged, this, &DocumentPage::updateActions);
    responseLayout->addWidget(m_unfile, 0, Qt::AlignRight);
    connect(m_responses, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* row) {
        if (const auto unid = Unid::fromHex(row->data(0, Qt::UserRole).toString()))
            Q_EMIT openRequested(m_replica, *unid);
    });

    auto* content = new QWidget;
    auto* contentLayout = new QVBoxLayout(content);
    contentLayout->addWidget(m_title);
    contentLayout->addWidget(m_subtitle);
    contentLayout->addWidget(m_refusedBanner);
    contentLayout->addWidget(&m_modes->savedBanner());
    contentLayout->addWidget(&m_modes->editingBanner());
    contentLayout->addWidget(&m_modes->article());
    contentLayout->addWidget(m_form);
    if (m_processing)
        contentLayout->addWidget(m_processing);
    contentLayout->addWidget(m_responseBox);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);

    // The form on the left, the scanned document on the right (issue #13).
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("documentSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(scroll);
    splitter->addWidget(m_pdf);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(toolBar);
    layout->addWidget(splitter);
}

QString DocumentPage::title() const
{
    QString title = m_isNew ? tr("New %1").arg(m_definition.displayTitle())
                            : m_definition.documentTitle(m_form->loaded());
    if (m_form->isEditing() && (m_isNew ? m_touched : m_form->isModified()))
        title += QStringLiteral(" *");
    return title;
}

std::vector<Unid> DocumentPage::responseUnids() const
{
    std::vector<Unid> unids;
    for (int i = 0; i < m_responses->topLevelItemCount(); ++i) {
        if (const auto unid = Unid::fromHex(m_responses->topLevelItem(i)->data(0, Qt::UserRole).toString()))
            unids.push_back(*unid);
    }
    return unids;
}

bool DocumentPage::isEditing() const
{
    return m_form->isEditing();
}

bool DocumentPage::mayEdit() const
{
    return m_isNew || client::ReplicaAccess::mayEdit(m_access, m_form->loaded());
}

bool DocumentPage::mayDelete() const
{
    return !m_isNew && client::ReplicaAccess::mayDelete(m_access, m_form->loaded());
}

void DocumentPage::setEditing(bool editing)
{
    if (editing && !mayEdit())
        return; // the server would refuse the save: read mode stays
    m_form->setEditing(editing);
    showMode();
    updateActions();
    updateTitle();
}

void DocumentPage::showMode()
{
    m_modes->show(m_form->isEditing(), !m_isNew && m_definition.kind == DatabaseKind::News, *m_session,
                  m_form->loaded(), {m_form, m_title, m_subtitle}); // the article has its own headline
}

void DocumentPage::toggleEditing()
{
    if (!m_form->isEditing()) {
        setEditing(true);
        return;
    }
    if (m_isNew)
        return; // a new document is written, not read: Close leaves it
    if (m_form->isModified()) {
        const int answer = PageModes::askToSave(this, title());
        if (answer == QMessageBox::Save) {
            if (!save().isOk())
                return;
        } else if (answer == QMessageBox::Discard) {
            const Document stored = m_form->loaded();
            m_form->load(stored);
        } else {
            return;
        }
    }
    setEditing(false);
}

void DocumentPage::updateActions()
{
    const bool editing = m_form->isEditing();
    const bool busy = m_form->attachments() && m_form->attachments()->isBusy();
    m_edit->setVisible(!editing && !m_restored && mayEdit());
    m_save->setVisible(editing);
    m_saveClose->setVisible(editing);
    m_save->setEnabled(!busy);
    m_saveClose->setEnabled(!busy);
    m_save->setToolTip(busy ? tr("Wait until the attachments are stored.") : QString());
    const bool answerable = !m_isNew && !forms::responseFormsUnder(m_definition).empty();
    m_respond->setVisible(answerable);
    m_delete->setVisible(!m_restored && mayDelete());
    m_delete->setEnabled(!editing); // the Delete key edits text while editing
    m_printDossier->setVisible(m_definition.name == client::Dossiers::kForm && !m_isNew);
    m_printSlip->setVisible(m_processing && !m_isNew);
    m_printSlip->setEnabled(m_processing && !m_isNew);
    if (m_processing && !m_isNew && m_processing->isHidden()) {
        m_processing->setDocument(m_unid);
        m_processing->setVisible(true);
    }
    m_responseBox->setVisible((answerable || m_definition.name == client::Dossiers::kForm) && !m_isNew &&
                              m_responses->topLevelItemCount() > 0);
    m_unfile->setEnabled(m_responses->currentItem() != nullptr);
}

void DocumentPage::updateTitle()
{
    const QString text = title();
    m_title->setText(m_isNew ? text : m_definition.documentTitle(m_form->loaded(), 300));
    m_subtitle->setText(m_definition.displayTitle());
    Q_EMIT titleChanged(text);
}

Status DocumentPage::save()
{
    // A save only ever happens from edit mode: what read mode shows is never written.
    if (!m_form->isEditing())
        return Status(ErrorCode::InvalidArgument, tr("The document is not being edited."));
    if (m_form->attachments() && m_form->attachments()->isBusy()) {
        const Status busy(ErrorCode::Busy, tr("Wait until the attachments are stored, then save."));
        m_form->showFormProblem(busy.message());
        return busy;
    }
    DocumentEdit edit = m_isNew ? DocumentEdit::createWithUnid(m_unid, m_definition.name, m_parent)
                                : DocumentEdit::update(m_unid);
    m_form->applyTo(edit);
    if (!m_isNew && edit.sets().empty() && edit.removes().empty()) {
        m_form->showFormProblem(QString());
        return Status::ok(); // nothing changed: nothing to write
    }
    if (!m_form->validate(edit)) {
        const Status invalid(ErrorCode::InvalidArgument, tr("Some fields need attention before saving."));
        return invalid;
    }
    // An ambiguous short name: the user says who is meant; a refusal shows on the form.
    if (const Status names = settleNames(*m_session, edit, *m_form); !names.isOk())
        return names;
    m_committing = true;
    Result<Document> stored = m_session->save(edit);
    if (!stored && stored.code() == ErrorCode::Conflict) {
        // A duplicate registration (the rule is DatabaseSession's): the văn thư decides.
        const Result<std::vector<app::Registration>> existing = m_session->duplicatesOf(edit);
        if (existing && !existing->empty()) {
            if (!confirmDuplicate(existing->front())) {
                m_committing = false;
                m_form->showFormProblem(tr("Not registered: this document is registered already."));
                return Status(ErrorCode::Cancelled, stored.status().message());
            }
            stored = m_session->save(edit, true);
        }
    }
    m_committing = false;
    if (!stored) {
        m_form->showFormError(stored.status(), client::ErrorContext::of(client::Situation::SavingDocument));
        return stored.status();
    }
    m_isNew = false;
    m_touched = false;
    m_form->load(*stored);
    m_form->setEditing(true);
    showMode();
    updateActions();
    updateTitle();
    m_modes->showSaved();
    Q_EMIT saved(m_unid);
    reloadFromStore();
    return Status::ok();
}

bool DocumentPage::confirmDuplicate(const app::Registration& existing)
{
    QMessageBox box(QMessageBox::Warning, tr("Already registered"),
                    tr("This document seems to be registered already: %1, %2.\n\nThe same issuer, number, "
                       "symbol and date issued. Register it again?")
                        .arg(existing.title, app::describeRegistration(existing)),
                    QMessageBox::Save | QMessageBox::Cancel, this);
    box.button(QMessageBox::Save)->setText(tr("Register anyway"));
    box.setDefaultButton(QMessageBox::Cancel);
    return box.exec() == QMessageBox::Save;
}

bool DocumentPage::saveAndClose()
{
    if (!save())
        return false;
    closeAndDelete();
    return true;
}

void DocumentPage::deleteDocument()
{
    if (m_isNew)
        return;
    const auto answer =
        QMessageBox::question(this, tr("Delete document"),
                              tr("Delete “%1”? The deletion replicates to every copy of the database.")
                                  .arg(m_definition.documentTitle(m_form->loaded())),
                              QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    m_closing = true; // the page goes: it does not reload on its own deletion
    if (Result<Document> removed = m_session->remove(m_unid); !removed) {
        m_closing = false;
        m_form->showFormError(removed.status(),
                              client::ErrorContext::of(client::Situation::DeletingDocument));
        return;
    }
    closeAndDelete();
}

void DocumentPage::closeAndDelete()
{
    if (close())
        deleteLater();
}

void DocumentPage::closeEvent(QCloseEvent* event)
{
    const bool unsaved = m_form->isEditing() && (m_isNew ? m_touched : m_form->isModified());
    if (m_closing || !unsaved) {
        m_closing = true;
        event->accept();
        return;
    }
    const int answer = PageModes::askToSave(this, title());
    if (answer == QMessageBox::Save ? save().isOk() : answer == QMessageBox::Discard) {
        m_closing = true;
        event->accept();
    } else {
        event->ignore();
    }
}

void DocumentPage::reloadFromStore()
{
    if (m_closing)
        return;
    m_access = m_session->access(); // a sync may have brought a new one
    refreshResponses();
    refreshRefusal();
    if (m_isNew || m_form->isEditing())
        return; // the user's edit wins for the fields they change; the rest merges on save
    Result<Document> doc = m_session->document(m_unid);
    if (m_restored && (!doc || doc->isDeleted()))
        return; // the server's version has not arrived yet
    if (!doc || doc->isDeleted()) {
        m_form->showFormProblem(tr("This document has been deleted."));
        return;
    }
    if (m_restored) {
        m_restored = false;
        m_form->showFormProblem(QString());
        refreshRefusal();
    }
    if (!(*doc == m_form->loaded())) {
        m_form->load(*doc);
        showMode();
        updateTitle();
    }
    refreshPdf(); // a file may have arrived, or gone
    updateActions();
}

bool DocumentPage::showPdf(const QString& name)
{
    if (m_isNew)
        return false;
    const Result<Document> doc = m_session->document(m_unid);
    if (!doc)
        return false;
    for (const app::PdfAttachment& pdf : app::pdfAttachments(*doc)) {
        if (pdf.name != name)
            continue;
        m_pdf->setVisible(true);
        const bool present = m_session->holdsAttachment(pdf.ref);
        // The same file, in the same state, as shown: a reload (a sync, another page's save)
        // keeps the reader's page and does not read the file again.
        const QByteArray shown = pdf.ref.sha256.toBytes() + (present ? '1' : '0');
        if (name == m_pdf->name() && shown == m_pdfShown)
            return true;
        m_pdfShown = shown;
        if (!present) {
            m_pdf->showNotDownloaded(pdf.name);
            return true;
        }
        const Result<QByteArray> bytes = m_session->readAttachment(pdf.ref);
        if (!bytes && bytes.status().code() == ErrorCode::NotFound)
            m_pdf->showNotDownloaded(pdf.name);
        else
            m_pdf->showPdf(pdf.name, bytes ? *bytes : QByteArray()); // a damaged one says so
        return true;
    }
    return false;
}

void DocumentPage::refreshPdf()
{
    const Result<Document> doc = m_session->document(m_unid);
    const std::vector<app::PdfAttachment> pdfs =
        doc ? app::pdfAttachments(*doc) : std::vector<app::PdfAttachment>();
    if (pdfs.empty()) {
        m_pdfShown.clear();
        m_pdf->clear();
        m_pdf->setVisible(false);
        return;
    }
    // The one shown stays if it is still there (reloaded: its bytes may have arrived).
    const QString shown = m_pdf->name();
    if (!shown.isEmpty() && showPdf(shown))
        return;
    showPdf(pdfs.front().name);
}

void DocumentPage::refreshRefusal()
{
    if (m_isNew || m_restored) {
        m_refusedBanner->setVisible(m_restored);
        return;
    }
    const auto refused = m_session->refusedChange(m_unid);
    if (!refused || !refused->has_value()) {
        m_refusedBanner->setVisible(false);
        return;
    }
    m_refusedText->setText(tr("Change refused by the server: %1").arg((*refused)->reason));
    m_refusedText->setToolTip((*refused)->serverMessage);
    m_restore->setVisible(true);
    m_refusedBanner->setVisible(true);
}

bool DocumentPage::showsRefusal() const
{
    return !m_refusedBanner->isHidden();
}

QString DocumentPage::refusalText() const
{
    return m_refusedText->text();
}

Status DocumentPage::restoreServerVersion()
{
    if (m_form->isEditing() && m_form->isModified()) {
        const Status busy(ErrorCode::Busy,
                          tr("Save or discard your changes before restoring the server's version."));
        m_form->showFormProblem(busy.message());
        return busy;
    }
    m_committing = true;
    const Result<client::RestoredChange> restored = m_session->restoreServerVersion(m_unid);
    m_committing = false;
    if (!restored) {
        m_form->showFormError(restored.status(),
                              client::ErrorContext::of(client::Situation::RestoringRefused));
        return restored.status();
    }
    m_restored = true;
    m_form->setEditing(false);
    showMode();
    updateActions();
    m_refusedText->setText(
        restored->draft ? tr("Your version is kept as a draft in “%1”. The server's version arrives with the "
                             "next synchronisation.")
                              .arg(m_session->draftsName())
                        : tr("The server's version arrives with the next synchronisation."));
    m_restore->setVisible(false);
    m_refusedBanner->setVisible(true);
    reloadFromStore();
    Q_EMIT syncRequested(m_replica);
    return Status::ok();
}

void DocumentPage::refreshResponses()
{
    m_responses->clear();
    if (m_isNew || (m_definition.response && forms::responseFormsUnder(m_definition).empty())) {
        updateActions();
        return;
    }
    if (m_definition.name == client::Dossiers::kForm) {
        refreshDossierMembers();
        return;
    }
    const Result<std::vector<Document>> responses = m_session->responses(m_unid);
    if (!responses)
        m_form->showFormError(responses.status(),
                              client::ErrorContext::of(client::Situation::ReadingResponses));
    for (const Document& doc : responses.valueOr({})) {
        const forms::FormDefinition* form = forms::FormCatalog::find(doc.form);
        auto* row = new QTreeWidgetItem(m_responses);
        row->setText(0, doc.isConflict() ? tr("Replication conflict")
                        : form           ? form->displayTitle()
                                         : doc.form);
        row->setText(1, form ? form->documentTitle(doc, 120) : doc.form);
        row->setText(2, QDateTime::fromMSecsSinceEpoch(hlcPhysicalMs(doc.modifiedTime()))
                            .toString(QStringLiteral("dd/MM/yyyy HH:mm")));
        row->setData(0, Qt::UserRole, doc.unid.toHex());
    }
    updateActions();
}

void DocumentPage::refreshDossierMembers()
{
    // A dossier lists the documents filed in it (its "mục lục văn bản"), oldest filing first.
    static_cast<QGroupBox*>(m_responseBox)->setTitle(tr("Documents in this dossier"));
    m_responses->setHeaderLabels({tr("Document"), tr("Summary"), tr("Filed")});
    const auto members = m_session->dossierMembers(m_unid);
    if (!members) {
        m_form->showFormError(members.status(), client::ErrorContext::of(client::Situation::ReadingDossier));
        updateActions();
        return;
    }
    for (const client::Dossiers::Member& member : *members) {
        const auto doc = m_session->document(member.document);
        if (!doc)
            continue;
        const forms::FormDefinition* form = forms::FormCatalog::find(doc->form);
        auto* row = new QTreeWidgetItem(m_responses);
        row->setText(0, form ? form->displayTitle() : doc->form);
        row->setText(1, form ? form->documentTitle(*doc, 120) : doc->form);
        row->setText(2, member.filed.toLocalTime().toString(QStringLiteral("dd/MM/yyyy HH:mm")));
        row->setData(0, Qt::UserRole, member.document.toHex());
    }
    updateActions();
}

void DocumentPage::unfileSelected()
{
    QTreeWidgetItem* row = m_responses->currentItem();
    const auto unid = row ? Unid::fromHex(row->data(0, Qt::UserRole).toString()) : std::nullopt;
    if (!unid)
        return;
    m_committing = true;
    const Status status = m_session->unfile(m_unid, *unid);
    m_committing = false;
    if (!status.isOk()) {
        m_form->showFormError(status, client::ErrorContext::of(client::Situation::UnfilingFromDossier));
        return;
    }
    reloadFromStore();
    refreshResponses();
}

} // namespace sen::gui
