#include "client/gui/forms/AttachmentPanel.h"

#include "client/app/AttachmentTransfer.h"
#include "client/app/DatabaseSession.h"
#include "client/core/DocumentJson.h"
#include "client/core/ErrorText.h"
#include "client/core/Workspace.h"
#include "common/attachments/AttachmentStore.h"
#include "common/core/OwnerOnly.h"
#include "common/crypto/Random.h"
#include "common/model/AttachmentName.h"

#include <QDesktopServices>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace sen::gui {

namespace {

const QString kPrefix = QStringLiteral("$File:");

} // namespace

AttachmentPanel::AttachmentPanel(QWidget* parent) : QWidget(parent)
{
    setAcceptDrops(true);
    m_opener = [](const QUrl& url) {
        return QDesktopServices::openUrl(url);
    };

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("attachmentList"));
    m_list->setHeaderLabels({tr("File"), tr("Size"), tr("State")});
    m_list->setRootIsDecorated(false);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->setMinimumHeight(90);
    m_list->setMaximumHeight(160);

    m_add = new QPushButton(tr("Add…"), this);
    m_remove = new QPushButton(tr("Remove"), this);
    m_open = new QPushButton(tr("Open"), this);
    m_save = new QPushButton(tr("Save as…"), this);
    m_progress = new QProgressBar(this);
    m_progress->setVisible(false);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setVisible(false);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addWidget(m_open);
    buttons->addWidget(m_save);
    buttons->addWidget(m_progress, 1);
    buttons->addStretch();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list);
    layout->addLayout(buttons);
    layout->addWidget(m_status);

    connect(m_add, &QPushButton::clicked, this, &AttachmentPanel::chooseFiles);
    connect(m_remove, &QPushButton::clicked, this, [this] { removeAttachment(selectedName()); });
    connect(m_open, &QPushButton::clicked, this, [this] { openAttachment(selectedName()); });
    connect(m_save, &QPushButton::clicked, this, &AttachmentPanel::saveSelected);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &AttachmentPanel::updateButtons);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, [this] {
        if (const QString name = selectedName(); !name.isEmpty())
            Q_EMIT chosen(name);
    });
    connect(m_list, &QTreeWidget::itemActivated, this, [this] { openAttachment(selectedName()); });
    updateButtons();
}

AttachmentPanel::~AttachmentPanel()
{
    m_queue.clear();
    delete m_transfer; // cancels a running transfer and waits for it
}

void AttachmentPanel::setSession(std::shared_ptr<app::DatabaseSession> session)
{
    m_session = std::move(session);
    delete m_transfer;
    m_transfer = nullptr;
    if (!m_session)
        return;
    m_transfer = new app::AttachmentTransfer(m_session->path(), this);
    connect(m_transfer, &app::AttachmentTransfer::progressed, this,
            [this](qint64 done, qint64 total, int permille) {
                m_progress->setValue(permille);
                Q_EMIT progressed(done, total);
            });
    connect(m_transfer, &app::AttachmentTransfer::finished, this,
            [this](const Status& status, const std::optional<AttachmentRef>& ref) {
                const Job job = m_current; // startNext() replaces m_current
                finishJob(job, status, ref);
            });
}

bool AttachmentPanel::isPresent(const AttachmentRef& ref) const
{
    return m_session && m_session->holdsAttachment(ref);
}

void AttachmentPanel::load(const Document& doc)
{
    m_saved.clear();
    for (const Item& item : doc.items) {
        if (!client::isAttachmentItem(item) || item.isTombstone())
            continue;
        const Result<AttachmentRef> ref = AttachmentRef::fromCbor(item.value);
        if (!ref)
            continue;
        m_saved.push_back({item.name.mid(kPrefix.size()), *ref, isPresent(*ref)});
    }
    m_entries = m_saved;
    m_status->setVisible(false);
    refreshList();
}

void AttachmentPanel::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    setAcceptDrops(!readOnly);
    updateButtons();
}

void AttachmentPanel::setClosedReason(const QString& reason)
{
    m_closedReason = reason;
    updateButtons();
}

QStringList AttachmentPanel::names() const
{
    QStringList names;
    for (const Entry& e : m_entries)
        names << e.name;
    return names;
}

AttachmentPanel::Entry* AttachmentPanel::entry(const QString& name)
{
    auto it =
        std::find_if(m_entries.begin(), m_entries.end(), [&](const Entry& e) { return e.name == name; });
    return it == m_entries.end() ? nullptr : &*it;
}

const AttachmentPanel::Entry* AttachmentPanel::entry(const QString& name) const
{
    return const_cast<AttachmentPanel*>(this)->entry(name);
}

std::optional<AttachmentRef> AttachmentPanel::find(const QString& name) const
{
    if (const Entry* e = entry(name))
        return e->ref;
    return std::nullopt;
}

bool AttachmentPanel::isChanged() const
{
    if (m_saved.size() != m_entries.size())
        return true;
    for (const Entry& e : m_entries) {
        auto it =
            std::find_if(m_saved.begin(), m_saved.end(), [&](const Entry& s) { return s.name == e.name; });
        if (it == m_saved.end() || !(it->ref == e.ref))
            return true;
    }
    return false;
}

void AttachmentPanel::applyTo(DocumentEdit& edit) const
{
    for (const Entry& s : m_saved) {
        if (!entry(s.name))
            edit.remove(client::attachmentItemName(s.name));
    }
    for (const Entry& e : m_entries) {
        auto it =
            std::find_if(m_saved.begin(), m_saved.end(), [&](const Entry& s) { return s.name == e.name; });
        if (it == m_saved.end() || !(it->ref == e.ref))
            edit.set(
                Item::withValue(client::attachmentItemName(e.name), ItemType::Attachment, e.ref.toCbor(), 0));
    }
}

void AttachmentPanel::refreshList()
{
    const QString selected = selectedName();
    m_list->clear();
    for (const Entry& e : m_entries) {
        auto* row = new QTreeWidgetItem(m_list);
        // A name received from a peer is shown (and written to disk) reduced to a plain file
        // name; the item keeps its own.
        row->setText(0, plainFileName(e.name));
        row->setData(0, Qt::UserRole, e.name);
        row->setText(1, locale().formattedDataSize(static_cast<qint64>(e.ref.size)));
        row->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        const bool saved = std::any_of(m_saved.begin(), m_saved.end(),
                                       [&](const Entry& s) { return s.name == e.name && s.ref == e.ref; });
        row->setText(2, !e.present ? tr("not downloaded yet") : saved ? QString() : tr("new, not saved yet"));
        if (e.name == selected)
            row->setSelected(true);
    }
    updateButtons();
}

QString AttachmentPanel::selectedName() const
{
    const auto rows = m_list->selectedItems();
    return rows.isEmpty() ? QString() : rows.first()->data(0, Qt::UserRole).toString();
}

void AttachmentPanel::updateButtons()
{
    const bool selected = !selectedName().isEmpty();
    const bool editable = !m_readOnly && m_closedReason.isEmpty();
    m_add->setVisible(!m_readOnly);
    m_remove->setVisible(!m_readOnly);
    m_add->setEnabled(editable);
    m_add->setToolTip(m_closedReason);
    m_remove->setEnabled(!m_readOnly && selected);
    m_open->setEnabled(selected);
    m_save->setEnabled(selected);
}

void AttachmentPanel::report(const QString& message)
{
    m_status->setText(message);
    m_status->setToolTip(QString());
    m_status->setVisible(!message.isEmpty());
    if (!message.isEmpty())
        Q_EMIT failed(message);
}

void AttachmentPanel::report(const Status& status, const client::ErrorContext& context)
{
    report(client::ErrorText::sentence(status, context));
    m_status->setToolTip(client::ErrorText::details(status)); // the engine's words, for the IT office
}

void AttachmentPanel::chooseFiles()
{
    const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Add attachments"));
    if (!paths.isEmpty())
        addFiles(paths);
}

void AttachmentPanel::saveSelected()
{
    const QString name = selectedName();
    if (name.isEmpty())
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Save attachment"), suggestedSavePath(name));
    if (!path.isEmpty())
        saveAttachment(name, path);
}

QString AttachmentPanel::suggestedSavePath(const QString& name) const
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return QDir(dir).filePath(plainFileName(name));
}

void AttachmentPanel::addFiles(const QStringList& paths)
{
    if (m_readOnly || !m_closedReason.isEmpty()) {
        report(m_closedReason.isEmpty() ? tr("Switch to editing to add attachments.") : m_closedReason);
        return;
    }
    for (const QString& path : paths) {
        const QFileInfo info(path);
        if (!info.isFile()) {
            report(tr("“%1” is not a file.").arg(path));
            continue;
        }
        if (m_session && m_session->isWorkspaceFile(path)) {
            report(tr("“%1” is a database file of this workspace and cannot be attached while Sen "
                      "uses it. Make a backup copy and attach that.")
                       .arg(info.fileName()));
            continue;
        }
        m_queue.push_back({true, plainFileName(info.fileName()), info.absoluteFilePath(), {}, false});
    }
    startNext();
}

Result<QString> AttachmentPanel::addImage(const QString& path)
{
    if (!m_session)
        return Status(ErrorCode::InvalidArgument, QStringLiteral("the document has no database for images"));
    if (QFile file(path); !file.open(QIODevice::ReadOnly)) // the engine's words: details only
        return Status(ErrorCode::IoError, QStringLiteral("%1: %2").arg(path, file.errorString()));
    QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix.isEmpty())
        suffix = QStringLiteral("png");
    QString name;
    do {
        name = plainFileName(
            QStringLiteral("image-%1.%2").arg(QString::fromLatin1(crypto::randomBytes(4).toHex()), suffix));
    } while (entry(name));
    SEN_ASSIGN_OR_RETURN(const AttachmentRef ref, m_session->importAttachment(path, name));
    m_entries.push_back({name, ref, true});
    refreshList();
    Q_EMIT changed();
    return name;
}

void AttachmentPanel::removeAttachment(const QString& name)
{
    if (m_readOnly || name.isEmpty())
        return;
    std::erase_if(m_entries, [&](const Entry& e) { return e.name == name; });
    refreshList();
    Q_EMIT changed();
}

void AttachmentPanel::openAttachment(const QString& name)
{
    const Entry* e = entry(name);
    if (!e)
        return;
    if (!isPresent(e->ref)) {
        report(Status(ErrorCode::NotFound, {}),
               client::ErrorContext::forName(client::Situation::ExportingAttachment, name));
        return;
    }
    // Each opened file gets a directory of its own, so two attachments of the same name from
    // different documents do not overwrite each other while both are open. They stay after
    // the session, as the application may still be reading them.
    QTemporaryDir dir(QDir(QDir::tempPath()).filePath(QStringLiteral("sen-open-XXXXXX")));
    dir.setAutoRemove(false);
    // Owner-only (QTemporaryDir makes it 0700 on POSIX; on Windows this drops inherited
    // entries).
    const Status restricted = dir.isValid() ? restrictToOwner(dir.path()) : Status::ok();
    if (!dir.isValid() || !restricted.isOk()) {
        report(dir.isValid() ? restricted : Status(ErrorCode::IoError, dir.errorString()),
               client::ErrorContext::forName(client::Situation::ExportingAttachment, name));
        return;
    }
    // The file is created under its plain name: a peer's "../../.bashrc" lands in `dir` as
    // ".bashrc", never outside it.
    m_queue.push_back({false, name, dir.filePath(plainFileName(name)), e->ref, true});
    startNext();
}

void AttachmentPanel::saveAttachment(const QString& name, const QString& path)
{
    const Entry* e = entry(name);
    if (!e)
        return;
    if (!isPresent(e->ref)) {
        report(Status(ErrorCode::NotFound, {}),
               client::ErrorContext::forName(client::Situation::ExportingAttachment, name));
        return;
    }
    if (m_session && m_session->isWorkspaceFile(path)) {
        report(tr("“%1” is a database file of this workspace: choose another file to save the attachment to.")
                   .arg(QFileInfo(path).fileName()));
        return;
    }
    m_queue.push_back({false, name, path, e->ref, false});
    startNext();
}

void AttachmentPanel::startNext()
{
    if (m_running || m_queue.empty())
        return;
    if (!m_session) {
        m_queue.clear();
        report(tr("The document has no database for its attachments."));
        return;
    }
    m_current = m_queue.front();
    m_queue.pop_front();
    m_running = true;
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_progress->setFormat(m_current.name + QStringLiteral(" — %p%"));
    m_progress->setVisible(true);
    m_status->setVisible(false);
    Q_EMIT busyChanged(true);
    if (m_current.import)
        m_transfer->startImport(m_current.path, m_current.name);
    else
        m_transfer->startExport(m_current.ref, m_current.path, m_current.open);
}

void AttachmentPanel::finishJob(const Job& job, const Status& status, const std::optional<AttachmentRef>& ref)
{
    m_running = false;
    m_progress->setVisible(false);

    if (!status) {
        report(status, client::ErrorContext::forName(job.import ? client::Situation::ImportingAttachment
                                                                : client::Situation::ExportingAttachment,
                                                     job.name));
    } else if (job.import) {
        if (Entry* existing = entry(job.name))
            *existing = {job.name, *ref, true};
        else
            m_entries.push_back({job.name, *ref, true});
        refreshList();
        Q_EMIT changed();
        Q_EMIT transferred(job.name);
    } else if (job.open && !m_opener(QUrl::fromLocalFile(job.path))) {
        report(tr("No application on this computer opens “%1”. Save it and open it from the folder.")
                   .arg(job.name));
    } else {
        Q_EMIT transferred(job.name);
    }

    if (m_queue.empty())
        Q_EMIT busyChanged(false);
    else
        startNext();
}

void AttachmentPanel::dragEnterEvent(QDragEnterEvent* event)
{
    if (!m_readOnly && m_closedReason.isEmpty() && event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void AttachmentPanel::dropEvent(QDropEvent* event)
{
    QStringList paths;
    for (const QUrl& url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            paths << url.toLocalFile();
    }
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    addFiles(paths);
}

} // namespace sen::gui
