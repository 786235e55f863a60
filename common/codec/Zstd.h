#pragma once

// One-shot zstd compression for stored chunks. (The wire uses streaming contexts; see
// replication/.) Decompression is bounded: the caller states the largest size it accepts
// and a frame claiming more is refused before any allocation.

#include "common/core/Result.h"

#include <QByteArray>

namespace sen::zstd {

QByteArray compress(QByteArrayView data, int level = 3);
Result<QByteArray> decompress(QByteArrayView frame, qsizetype maxSize);

} // namespace sen::zstd
