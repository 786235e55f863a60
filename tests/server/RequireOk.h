#pragma once

// Catch2 helpers for Status: a failed check prints the status, not just "false".

#include "common/core/Result.h"

#include <catch2/catch.hpp>

namespace sen::test {

inline void requireOk(const Status& status)
{
    INFO(status.toString().toStdString());
    REQUIRE(status.isOk());
}

// The status failed with `code`, and its text contains `fragment`.
inline void requireError(const Status& status, ErrorCode code, const QString& fragment)
{
    INFO(status.toString().toStdString());
    REQUIRE(status.code() == code);
    REQUIRE(status.message().contains(fragment, Qt::CaseInsensitive));
}

} // namespace sen::test
