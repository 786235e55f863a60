#pragma once

// Sen's icons: one consistent set (Adwaita, bundled as resources — see
// client/gui/resources/icons/README.md) for the toolbars, menus, markers and status of every
// screen. The icons are compiled into the executable, so they look the same on Windows, which
// has no icon theme, as on Linux; nothing here asks the platform's theme.
//
// GUI thread only (QIcon); the icons are made once and shared.

#include <QIcon>

namespace sen::gui {

enum class Icon
{
    New,           // a new document, database
    Open,          // open a document, database
    Edit,          // edit mode
    Save,          // save
    Print,         // print, print preview
    Delete,        // delete a document
    Find,          // search
    Copy,          // copy a link
    Respond,       // a new response
    MarkRead,      // mark read
    MarkUnread,    // mark unread
    Refresh,       // read again
    Sync,          // replicate now
    Online,        // the status bar after a successful sync
    Offline,       // the status bar while syncs fail or the user works offline
    FileInDossier, // file in a dossier
    Close,         // close a page
    Add,           // add a replica
    Properties,    // a database's properties
    Urgent,        // a document's urgency marker (Khẩn, Thượng khẩn, Hỏa tốc)
    Classified,    // a document's secrecy marker (Mật, Tối mật, Tuyệt mật)
    Warning,       // an unreadable database's tile
    Language,      // the language menu
    SwitchId,      // switch ID
    Quit,          // quit
    About,         // about Sen
    Password,      // change the ID password
};

// The icon (24 and 48 pixel images; Qt scales them for menus and tiles). Never null.
QIcon icon(Icon which);
// The resource path of its 24-pixel image (for tests and rich text).
QString iconPath(Icon which);

} // namespace sen::gui
