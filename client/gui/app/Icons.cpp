#include "client/gui/app/Icons.h"

#include <QHash>

namespace sen::gui {

namespace {

// The Adwaita names of the bundled images (client/gui/resources/icons/<size>/<name>.png).
QString themeName(Icon which)
{
    switch (which) {
    case Icon::New:
        return QStringLiteral("document-new");
    case Icon::Open:
        return QStringLiteral("document-open");
    case Icon::Edit:
        return QStringLiteral("accessories-text-editor");
    case Icon::Save:
        return QStringLiteral("document-save");
    case Icon::Print:
        return QStringLiteral("document-print");
    case Icon::Delete:
        return QStringLiteral("edit-delete");
    case Icon::Find:
        return QStringLiteral("edit-find");
    case Icon::Copy:
        return QStringLiteral("edit-copy");
    case Icon::Respond:
        return QStringLiteral("mail-reply-sender");
    case Icon::MarkRead:
        return QStringLiteral("mail-mark-read");
    case Icon::MarkUnread:
        return QStringLiteral("mail-mark-unread");
    case Icon::Refresh:
        return QStringLiteral("view-refresh");
    case Icon::Sync:
        return QStringLiteral("mail-send-receive");
    case Icon::Online:
        return QStringLiteral("network-idle");
    case Icon::Offline:
        return QStringLiteral("network-offline");
    case Icon::FileInDossier:
        return QStringLiteral("folder-new");
    case Icon::Close:
        return QStringLiteral("window-close");
    case Icon::Add:
        return QStringLiteral("list-add");
    case Icon::Properties:
        return QStringLiteral("document-properties");
    case Icon::Urgent:
        return QStringLiteral("emblem-important");
    case Icon::Classified:
        return QStringLiteral("changes-prevent");
    case Icon::Warning:
        return QStringLiteral("dialog-warning");
    case Icon::Language:
        return QStringLiteral("preferences-desktop-locale");
    case Icon::SwitchId:
        return QStringLiteral("system-log-out");
    case Icon::Quit:
        return QStringLiteral("application-exit");
    case Icon::About:
        return QStringLiteral("help-about");
    case Icon::Password:
        return QStringLiteral("dialog-password");
    }
    return QStringLiteral("dialog-warning");
}

} // namespace

QString iconPath(Icon which)
{
    return QStringLiteral(":/icons/24/%1.png").arg(themeName(which));
}

QIcon icon(Icon which)
{
    static QHash<int, QIcon> cache;
    const int key = static_cast<int>(which);
    if (const auto found = cache.constFind(key); found != cache.cend())
        return *found;
    QIcon made;
    const QString name = themeName(which);
    for (const int size : {24, 48})
        made.addFile(QStringLiteral(":/icons/%1/%2.png").arg(size).arg(name), QSize(size, size));
    cache.insert(key, made);
    return made;
}

} // namespace sen::gui
