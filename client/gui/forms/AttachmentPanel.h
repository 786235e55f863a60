#pragma once

// The attachment list of a document form: each file's name, size and whether this replica
// holds its bytes; add (file dialog, or drag and drop onto the list), remove, open with the
// system's application, and save as. Files are imported into and exported from the replica's
// chunk store on a worker thread (client/app/AttachmentTransfer.h) with a progress bar, one
// transfer at a time, further ones queued. Changes are kept in the panel until the form saves: applyTo()
// adds them to the DocumentEdit (items "$File:<name>", client/core/DocumentJson.h). A file
// added under a name already listed replaces that attachment, as `senctl doc update --attach`
// does.
//
// A summary-only replica may lack an attachment's chunks: the list says "not downloaded
// yet", and opening or saving it says so instead of failing.
//
// GUI thread only. Destroying the panel cancels a running transfer and waits for it.

#include "client/app/ReplicaTypes.h"
#include "client/core/ErrorText.h"
#include "common/core/Result.h"
#include "common/model/AttachmentRef.h"
#include "common/model/Document.h"

#include <QUrl>
#include <QWidget>

#include <deque>
#include <functional>
#include <memory>
#include <optional>

class QLabel;
class QProgressBar;
class QPushButton;
class QTreeWidget;

namespace sen::app {
class AttachmentTransfer;
class DatabaseSession;
} // namespace sen::app

namespace sen::gui {

class AttachmentPanel : public QWidget
{
    Q_OBJECT
public:
    explicit AttachmentPanel(QWidget* parent = nullptr);
    ~AttachmentPanel() override;

    // The database the document lives in (needed before anything is added or opened).
    void setSession(std::shared_ptr<app::DatabaseSession> session);
    // Lists the document's attachments and forgets unsaved changes.
    void load(const Document& doc);
    void setReadOnly(bool readOnly);
    // Closes adding with a reason shown on the panel (a classified document); empty reopens.
    void setClosedReason(const QString& reason);

    QStringList names() const;
    // The attachment as it stands in the panel (saved or just added), or nullopt.
    std::optional<AttachmentRef> find(const QString& name) const;
    bool hasAttachments() const { return !m_entries.empty(); }
    bool isChanged() const;
    // Sets the added attachments and removes the removed ones.
    void applyTo(DocumentEdit& edit) const;

    // Queues the files for import (what the dialog and a drop do).
    void addFiles(const QStringList& paths);
    // Imports a small file (an image for rich text) at once, on this thread, under a name of
    // its own ("image-<8 hex>.<ext>"), and lists it; returns that name.
    Result<QString> addImage(const QString& path);
    void removeAttachment(const QString& name);
    // Exports to a temporary file and opens it with the system's application.
    void openAttachment(const QString& name);
    // Exports to `path` (the dialog's choice).
    void saveAttachment(const QString& name, const QString& path);
    // Where "Save as…" proposes to write attachment `name`: the user's documents folder and
    // the attachment's plain file name (model/AttachmentName.h), whatever the peer named it.
    QString suggestedSavePath(const QString& name) const;

    // A transfer is running or queued.
    bool isBusy() const { return m_running || !m_queue.empty(); }
    // Tests replace the system's "open with" (QDesktopServices::openUrl).
    void setOpener(std::function<bool(const QUrl&)> opener) { m_opener = std::move(opener); }

Q_SIGNALS:
    void changed();
    void busyChanged(bool busy);
    // Bytes of the running transfer done so far, of `total`.
    void progressed(qint64 done, qint64 total);
    // A transfer or an action failed; `message` is for people (also shown on the panel).
    void failed(const QString& message);
    // A transfer finished well (an import listed, an export written, a file opened).
    void transferred(const QString& name);
    // The user chose attachment `name` in the list (the document page shows a PDF so chosen).
    void chosen(const QString& name);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    struct Entry
    {
        QString name;
        AttachmentRef ref;
        bool present = true; // this replica holds every chunk
    };
    struct Job
    {
        bool import = true;
        QString name;
        QString path;      // import: the source; export: the target
        AttachmentRef ref; // export
        bool open = false; // export: open it afterwards
    };

    void refreshList();
    void updateButtons();
    void startNext();
    void finishJob(const Job& job, const Status& status, const std::optional<AttachmentRef>& ref);
    void report(const QString& message);
    void report(const Status& status, const client::ErrorContext& context); // details as tooltip
    QString selectedName() const;
    void chooseFiles();
    void saveSelected();
    Entry* entry(const QString& name);
    const Entry* entry(const QString& name) const;
    bool isPresent(const AttachmentRef& ref) const;

    std::shared_ptr<app::DatabaseSession> m_session;
    std::vector<Entry> m_saved;   // as loaded
    std::vector<Entry> m_entries; // as shown
    bool m_readOnly = true;
    QString m_closedReason;
    std::function<bool(const QUrl&)> m_opener;

    std::deque<Job> m_queue;
    bool m_running = false;
    Job m_current;                                 // the running one
    app::AttachmentTransfer* m_transfer = nullptr; // made with the session

    QTreeWidget* m_list;
    QPushButton* m_add;
    QPushButton* m_remove;
    QPushButton* m_open;
    QPushButton* m_save;
    QProgressBar* m_progress;
    QLabel* m_status;
};

} // namespace sen::gui
