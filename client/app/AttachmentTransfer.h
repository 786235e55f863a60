#pragma once

// Moving an attachment's bytes between a file and a replica's chunk store on a worker
// thread, so a large file does not freeze the window. ReplicaStore is one connection per
// thread, so the worker opens its own connection to the same replica file; the chunks it
// stores are committed before it reports, and the session's connection then sees them.
// The attachment item itself is written later, with the document (DatabaseSession::save).
//
// importAttachment() and exportAttachment() run one whole transfer on the calling thread and
// report progress through `progress` there; returning false from it cancels.
//
// AttachmentTransfer runs them on a thread of its own, one at a time, for an object of the
// GUI thread: progressed() (at most once per thousandth) and finished() arrive on the thread
// that made it. Destroying it cancels the transfer in progress and waits for it.

#include "common/attachments/AttachmentStore.h"

#include <QObject>

#include <atomic>
#include <memory>
#include <optional>

class QThread;

namespace sen::app {

// Imports the file at `filePath` as attachment `name` into the replica at `replicaPath`.
Result<AttachmentRef> importAttachment(const QString& replicaPath, const QString& filePath,
                                       const QString& name, const AttachmentStore::Progress& progress);
// Writes attachment `ref` to `targetPath`, replacing it only once the whole file is written
// and verified; `ownerOnly` (a copy opened from a temporary folder) makes it 0600 from the
// first byte (the folder itself is owner-only on every system).
Status exportAttachment(const QString& replicaPath, const AttachmentRef& ref, const QString& targetPath,
                        const AttachmentStore::Progress& progress, bool ownerOnly = false);

class AttachmentTransfer : public QObject
{
    Q_OBJECT
public:
    // Transfers to and from the replica file at `replicaPath` (DatabaseSession::path()).
    explicit AttachmentTransfer(QString replicaPath, QObject* parent = nullptr);
    ~AttachmentTransfer() override;

    bool isRunning() const { return m_thread != nullptr; }
    // Start one transfer; false (nothing started) while another runs.
    bool startImport(const QString& filePath, const QString& name);
    bool startExport(const AttachmentRef& ref, const QString& targetPath, bool ownerOnly = false);
    // Asks the running transfer to stop (finished() then reports Cancelled).
    void cancel();

Q_SIGNALS:
    // Bytes done so far of `total`, and the same in thousandths.
    void progressed(qint64 done, qint64 total, int permille);
    // The transfer ended; `imported` holds an import's reference when it worked.
    void finished(const sen::Status& status, const std::optional<sen::AttachmentRef>& imported);

private:
    using Work = std::function<void(const AttachmentStore::Progress&)>;
    bool start(qint64 total, Work work);
    void done(const Status& status, const std::optional<AttachmentRef>& imported);

    QString m_replicaPath;
    QThread* m_thread = nullptr;
    std::shared_ptr<std::atomic_bool> m_cancel;
};

} // namespace sen::app
