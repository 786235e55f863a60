#pragma once

// SEN_CHECK(condition, what): an invariant whose breach is a programming error, checked in
// every build type (release included, unlike assert()). A breach logs a fatal message with
// the file, the line, the condition and `what` (a string literal) through qFatal, then aborts:
// continuing would read a value that does not exist or hide a failure as a success.
// Cost on the good path: one predicted branch; the failure path is a cold out-of-line call.

#include <QtGlobal>

namespace sen::detail {

[[noreturn]] Q_DECL_COLD_FUNCTION void checkFailed(const char* file, int line, const char* condition,
                                                   const char* what) noexcept;

} // namespace sen::detail

#define SEN_CHECK(condition, what)                                                                           \
    do {                                                                                                     \
        if (Q_UNLIKELY(!(condition)))                                                                        \
            ::sen::detail::checkFailed(__FILE__, __LINE__, #condition, what);                                \
    } while (0)
