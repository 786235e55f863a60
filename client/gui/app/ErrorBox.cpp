#include "client/gui/app/ErrorBox.h"

#include <QLabel>

namespace sen::gui {

void ErrorBox::show(QWidget* parent, const QString& title, const Status& status,
                    const client::ErrorContext& context, QMessageBox::Icon icon)
{
    QMessageBox box(icon, title, client::ErrorText::sentence(status, context), QMessageBox::Ok, parent);
    box.setObjectName(QStringLiteral("errorBox"));
    box.setDetailedText(client::ErrorText::details(status));
    box.exec();
}

void ErrorBox::showIn(QLabel& label, const Status& status, const client::ErrorContext& context)
{
    label.setText(client::ErrorText::sentence(status, context));
    label.setToolTip(client::ErrorText::details(status));
    label.setVisible(true);
}

} // namespace sen::gui
