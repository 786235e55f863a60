#pragma once

// The icon of each kind of database (documents, calendar, news), painted rather than loaded
// so it needs no image plug-in and scales to any size.

#include "common/model/ReplicaInfo.h"

#include <QIcon>

namespace sen::gui {

QIcon kindIcon(DatabaseKind kind);
// The kind's name for people ("Văn bản", "Lịch công tác", "Tin tức" in Vietnamese).
QString kindTitle(DatabaseKind kind);

} // namespace sen::gui
