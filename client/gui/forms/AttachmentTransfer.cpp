#include "client/gui/forms/AttachmentTransfer.h"

#include "common/store/ReplicaStore.h"

#include <QFile>
#include <QSaveFile>

namespace sen::gui {

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

} // namespace sen::gui
