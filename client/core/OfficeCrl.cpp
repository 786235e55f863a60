#include "client/core/OfficeCrl.h"

#include "common/identity/PeerVerifier.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>

namespace sen::client {

QString OfficeCrl::pathIn(const QString& workspaceHome)
{
    return QDir(workspaceHome).filePath(QStringLiteral("crl.der"));
}

QByteArray OfficeCrl::load(const QString& workspaceHome)
{
    QFile file(pathIn(workspaceHome));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

Result<bool> OfficeCrl::keep(const QString& workspaceHome, const QByteArray& certifierDer,
                             const QByteArray& crlDer)
{
    if (crlDer.isEmpty() || !identity::PeerVerifier::create(certifierDer, crlDer).isOk())
        return false; // none, or not the certifier's: ignored
    const QByteArray kept = load(workspaceHome);
    if (kept == crlDer)
        return false;
    if (!kept.isEmpty()) {
        SEN_ASSIGN_OR_RETURN(const QByteArray newer,
                             identity::PeerVerifier::newerCrl(certifierDer, kept, crlDer));
        if (newer != crlDer)
            return false;
    }
    const QString path = pathIn(workspaceHome);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(crlDer) != crlDer.size() || !file.commit())
        return Status(ErrorCode::IoError,
                      QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    return true;
}

} // namespace sen::client
