#pragma once

// A test seam at the bottom of the storage stack (LevelDB fault_injection_test): an SQLite
// VFS named "sen-fault" that forwards to the platform VFS and can be told to fail the N-th
// write to any file opened through it, once or from then on, as an I/O error or a full disk.
// Production code never opens a replica through it unless a test asks.
//
// The counters are process-wide and atomic; tests using the VFS must not run in parallel
// threads of one process.

#include "common/core/Result.h"

namespace sen::sql {

class FaultInjectingVfs
{
public:
    static constexpr const char* name = "sen-fault";

    enum class Fault
    {
        IoError,  // SQLITE_IOERR_WRITE
        DiskFull, // SQLITE_FULL
    };

    // Registers the VFS (idempotent, thread-safe).
    static Status install();

    // The write numbered `n` (1-based, counted from this call) fails; with `sticky`, so does
    // every later one until reset().
    static void failWrite(std::int64_t n, Fault fault, bool sticky = false);
    // Stops failing and zeroes the counter.
    static void reset();
    // Writes seen since the last failWrite()/reset().
    static std::int64_t writesSeen();
    // Whether the armed fault has fired.
    static bool fired();
};

} // namespace sen::sql
