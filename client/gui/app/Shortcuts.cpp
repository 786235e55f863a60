#include "client/gui/app/Shortcuts.h"

#include <QAction>
#include <QKeySequence>
#include <QWidget>

namespace sen::gui {

void setPageShortcut(QWidget& page, QAction& action, const QKeySequence& keys)
{
    action.setShortcut(keys);
    QString text = action.text();
    text.remove(QLatin1Char('&'));
    action.setToolTip(QStringLiteral("%1 (%2)").arg(text, keys.toString(QKeySequence::NativeText)));
    page.addAction(&action);
}

} // namespace sen::gui
