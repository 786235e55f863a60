#pragma once

// The keyboard shortcuts of a page of the main window (issue #14: Ctrl+N, Ctrl+E, Ctrl+S,
// Ctrl+P, Ctrl+F, Delete; F9 is the window's). A page's shortcut works while the page is the
// current tab, wherever the focus is in the window: Qt ignores the shortcuts of hidden
// widgets (and of hidden actions), so the other tabs' own do not compete. Every shortcut is
// named in its action's tooltip.
//
// GUI thread only.

class QAction;
class QKeySequence;
class QWidget;

namespace sen::gui {

// Gives `action` the shortcut `keys`, the tooltip "<text> (<keys>)", and adds it to `page`.
void setPageShortcut(QWidget& page, QAction& action, const QKeySequence& keys);

} // namespace sen::gui
