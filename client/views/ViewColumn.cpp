#include "client/views/ViewColumn.h"

#include <QCoreApplication>

namespace sen::views {

QString ViewColumn::translatedTitle() const
{
    return title ? QCoreApplication::translate("sen::views", title) : QString();
}

} // namespace sen::views
