#include "client/app/AttachmentTransfer.h"

#include "common/store/ReplicaStore.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QThread>

namespace sen::app {

Result<AttachmentRef> importAttachment(const QString& replicaPath, const QString& filePath,
                                       const QString& name, const AttachmentStore::Progress& progress)
{
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly))
        return Status(ErrorCode::IoError, QStringLiteral("%1: %2").arg(filePath, file.errorString()));
    SEN_ASSIGN_OR_RETURN(std::unique_ptr<ReplicaStore> store, ReplicaStore::open(replicaPath));
    return store->attachments().importFile(file, name, progress);
}

Status exportAttachment(const QString& replicaPath, const AttachmentRef& ref, const QString& targetPath,
                        const AttachmentStore::Progress& progress, bool ownerOnly)
{
    SEN_ASSIGN_OR_RETURN(std::unique_ptr<ReplicaStore> store, ReplicaStore::open(replicaPath));
    QSaveFile file(targetPath);
    if (!file.open(QIODevice::WriteOnly))
        return Status(ErrorCode::IoError, QStringLiteral("%1: %2").arg(targetPath, file.errorString()));
    if (ownerOnly && !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return Status(ErrorCode::IoError, QStringLiteral("%1: %2").arg(targetPath, file.errorString()));
    const Status status = store->attachments().exportFile(ref, file, progress);
    if (!status) {
        file.cancelWriting();
        return status;
    }
    if (!file.commit())
        return Status(ErrorCode::IoError, QStringLiteral("%1: %2").arg(targetPath, file.errorString()));
    return Status::ok();
}

AttachmentTransfer::AttachmentTransfer(QString replicaPath, QObject* parent)
    : QObject(parent), m_replicaPath(std::move(replicaPath))
{}

AttachmentTransfer::~AttachmentTransfer()
{
    if (m_thread) {
        m_cancel->store(true);
        m_thread->wait();
    }
}

void AttachmentTransfer::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

bool AttachmentTransfer::startImport(const QString& filePath, const QString& name)
{
    const QString replicaPath = m_replicaPath;
    return start(QFileInfo(filePath).size(), [this, replicaPath, filePath, name](const auto& progress) {
        Result<AttachmentRef> ref = importAttachment(replicaPath, filePath, name, progress);
        const Status status = ref ? Status::ok() : ref.status();
        std::optional<AttachmentRef> value;
        if (ref)
            value = *ref;
        QMetaObject::invokeMethod(
            this, [this, status, value] { done(status, value); }, Qt::QueuedConnection);
    });
}

bool AttachmentTransfer::startExport(const AttachmentRef& ref, const QString& targetPath, bool ownerOnly)
{
    const QString replicaPath = m_replicaPath;
    return start(
        static_cast<qint64>(ref.size), [this, replicaPath, ref, targetPath, ownerOnly](const auto& progress) {
            const Status status = exportAttachment(replicaPath, ref, targetPath, progress, ownerOnly);
            QMetaObject::invokeMethod(
                this, [this, status] { done(status, std::nullopt); }, Qt::QueuedConnection);
        });
}

bool AttachmentTransfer::start(qint64 total, Work work)
{
    if (m_thread)
        return false;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    const auto cancel = m_cancel;
    m_thread = QThread::create([this, cancel, total, work = std::move(work)] {
        int lastPermille = -1;
        const AttachmentStore::Progress progress = [&](std::uint64_t bytes) {
            if (cancel->load())
                return false;
            const qint64 done = static_cast<qint64>(bytes);
            const int permille = total > 0 ? static_cast<int>(done * 1000 / total) : 1000;
            if (permille != lastPermille) {
                lastPermille = permille;
                // Queued to this object: its destructor waits for the thread, so `this`
                // outlives it, and events still queued when it goes are dropped with it.
                QMetaObject::invokeMethod(
                    this, [this, done, total, permille] { Q_EMIT progressed(done, total, permille); },
                    Qt::QueuedConnection);
            }
            return true;
        };
        work(progress);
    });
    m_thread->start();
    return true;
}

void AttachmentTransfer::done(const Status& status, const std::optional<AttachmentRef>& imported)
{
    m_thread->wait();
    m_thread->deleteLater();
    m_thread = nullptr;
    Q_EMIT finished(status, imported);
}

} // namespace sen::app
