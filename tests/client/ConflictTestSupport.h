#pragma once

// Helpers shared by the conflict-resolution tests: load a resolution or a document, failing
// the test with the store's message when it cannot.

#include "client/core/ConflictResolution.h"
#include "common/store/ReplicaStore.h"

#include <catch2/catch.hpp>

namespace sen::test {

inline QString S(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

inline client::ConflictResolution load(ReplicaStore& store, const Unid& conflict)
{
    auto loaded = client::ConflictResolution::load(store, conflict);
    INFO(loaded.status().toString().toStdString());
    REQUIRE(loaded.isOk());
    return std::move(loaded).value();
}

inline Document get(ReplicaStore& store, const Unid& unid)
{
    auto doc = store.get(unid);
    REQUIRE(doc.isOk());
    return std::move(doc).value();
}

} // namespace sen::test
