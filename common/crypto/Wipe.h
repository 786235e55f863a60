#pragma once

// Overwrites secret bytes in a way the compiler may not optimise away. QByteArray is
// implicitly shared: wipe only buffers this code owns alone (detach() runs first).

#include <QByteArray>

namespace sen::crypto {

void wipe(QByteArray& secret);

} // namespace sen::crypto
