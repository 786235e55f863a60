#pragma once

// A version vector {instance -> counter}: the edits a document version includes
// (docs/merge.md §Vocabulary). Entries are kept sorted by instance ID with no zero
// counters, so two equal vectors are equal as values and encode to the same bytes.

#include "common/core/Ids.h"
#include "common/core/Result.h"

#include <QCborArray>

#include <cstdint>
#include <utility>
#include <vector>

namespace sen {

// The largest counter a decoder accepts (2^53, also exact as a double): a replica making a
// million saves a day would need 24 million years to reach it, and the next edit after a
// counter near 2^64 would overflow.
constexpr std::uint64_t kMaxCounter = std::uint64_t(1) << 53;

// A dot: the edit numbered `counter` made at `instance`.
struct Dot
{
    InstanceId instance;
    std::uint64_t counter = 0;
    friend bool operator==(const Dot&, const Dot&) = default;
};

class VersionVector
{
public:
    enum class Order
    {
        Equal,
        Dominates,  // this includes every edit of the other, and more
        Dominated,  // the other includes every edit of this, and more
        Concurrent, // each has an edit the other lacks
    };

    using Entry = std::pair<InstanceId, std::uint64_t>;

    VersionVector() = default;

    std::uint64_t get(const InstanceId& instance) const;
    // Sets the entry (0 removes it). Keeps the entries sorted.
    void set(const InstanceId& instance, std::uint64_t counter);
    // True when the edit `dot` is part of this version.
    bool knows(const Dot& dot) const { return get(dot.instance) >= dot.counter; }

    Order compare(const VersionVector& other) const;
    bool dominatesOrEquals(const VersionVector& other) const;
    // Element-wise maximum.
    void mergeWith(const VersionVector& other);
    static VersionVector merged(VersionVector a, const VersionVector& b);

    bool isEmpty() const { return m_entries.empty(); }
    const std::vector<Entry>& entries() const { return m_entries; }
    // Sum of all counters: a cheap "how much history" figure for logs.
    std::uint64_t total() const;

    // Canonical CBOR: an array of [instance bytes, counter] pairs sorted by instance.
    QCborArray toCbor() const;
    // Refuses unsorted or duplicated instances, zero counters, counters above kMaxCounter and
    // wrong id sizes.
    static Result<VersionVector> fromCbor(const QCborArray& array);
    // The same checks on entries already read (model/DocumentCodec.h decodeVersions).
    static Result<VersionVector> fromEntries(std::vector<Entry> entries);

    // "0a1b2c3d4e5f6071:12,..." for logs and tests.
    QString toString() const;

    friend bool operator==(const VersionVector&, const VersionVector&) = default;

private:
    std::vector<Entry> m_entries;
};

} // namespace sen
