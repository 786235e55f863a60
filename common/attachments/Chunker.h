#pragma once

// Content-defined chunking, FastCDC (Xia et al., USENIX ATC '16) with normalised chunking:
// a gear rolling hash, a stricter mask before the average size and a looser one after it.
// Boundaries depend only on content, so an edit changes the chunks around it and no others.
// Parameters: minimum 16 KiB, average 64 KiB, maximum 256 KiB. The gear table is fixed (it
// is part of the format: every Sen replica must cut the same file the same way).

#include <QByteArrayView>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace sen {

class Chunker
{
public:
    static constexpr std::size_t kMinSize = 16 * 1024;
    static constexpr std::size_t kAverageSize = 64 * 1024;
    static constexpr std::size_t kMaxSize = 256 * 1024;

    // The length of the first chunk of `data` (all of it when shorter than kMinSize, never
    // more than kMaxSize). With `atEnd` false and no cut found, returns 0: more data needed.
    static std::size_t nextCut(QByteArrayView data, bool atEnd = true);

    // Chunk lengths covering all of `data`.
    static std::vector<std::size_t> split(QByteArrayView data);
};

} // namespace sen
