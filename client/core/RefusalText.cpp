#include "client/core/RefusalText.h"

#include <QCoreApplication>

namespace sen::client {

QString refusalReasonText(ErrorCode code, const QString& serverMessage)
{
    // The server's messages (common/acl) are stable English sentences; match their phrases,
    // most specific first (a secrecy refusal also names a document).
    const auto says = [&](const char* phrase) {
        return serverMessage.contains(QLatin1String(phrase), Qt::CaseInsensitive);
    };
    if (says("is classified"))
        return QCoreApplication::translate(
            "sen::client::RefusalText",
            "A classified document (Mật, Tối mật, Tuyệt mật) may be kept only as a register "
            "entry, without a body or attachments.");
    if (says("may delete only own documents"))
        return QCoreApplication::translate("sen::client::RefusalText",
                                           "You may delete only the documents that name you as an author.");
    if (says("right to delete documents"))
        return QCoreApplication::translate("sen::client::RefusalText",
                                           "You do not have the right to delete documents in this database.");
    if (says("may not create documents"))
        return QCoreApplication::translate("sen::client::RefusalText",
                                           "You may not create documents in this database.");
    if (says("may not change documents"))
        return QCoreApplication::translate(
            "sen::client::RefusalText",
            "Your access to this database lets you read documents but not change them.");
    if (says("is not named in an Authors item"))
        return QCoreApplication::translate("sen::client::RefusalText",
                                           "You may change only the documents that name you as an author.");
    if (says("is not named in the Readers"))
        return QCoreApplication::translate("sen::client::RefusalText",
                                           "You are not among the readers of this document.");
    if (says("cannot read documents"))
        return QCoreApplication::translate("sen::client::RefusalText",
                                           "You have no access to the documents of this database.");
    if (code == ErrorCode::PermissionDenied)
        return QCoreApplication::translate("sen::client::RefusalText",
                                           "The server does not allow this change.");
    return QCoreApplication::translate("sen::client::RefusalText", "The server could not store this change.");
}

} // namespace sen::client
