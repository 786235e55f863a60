#include "common/core/Check.h"

#include <cstdlib>

namespace sen::detail {

void checkFailed(const char* file, int line, const char* condition, const char* what) noexcept
{
    // The location is in the message itself: release builds carry no QMessageLogContext.
    qFatal("%s:%d: check failed: %s (%s)", file, line, what, condition);
    std::abort(); // qFatal aborts after the message handler; this tells the compiler so
}

} // namespace sen::detail
