#pragma once

// The intranet site's one style sheet (/style.css): a readable single column on a desktop
// and at a phone's width, system fonts with Vietnamese glyphs, no external resource.

#include <QByteArray>

namespace sen::server::web {

const QByteArray& styleSheet();

} // namespace sen::server::web
