#pragma once

// A fuzz target for the server side of a session (issue #11): an authenticated peer whose
// HELLO was accepted sends any sequence of valid-looking messages — PULL, CHANGES, WANT, DOCS,
// ACK, CHUNK_WANT, CHUNKS, ERROR and raw garbage — built with the project's own encoders from
// the fuzz input, to a Responder session running on a real replica file with the server's
// access policy (an Author without the delete right, not named in a restricted document's
// Readers). After each case the target checks what a server promises whatever a peer sends:
//
//   - it does not crash, and no sanitizer fires (clang builds);
//   - the replica still passes integrity_check (checked every kIntegrityEvery cases);
//   - the restricted document never left the server in DOCS, its attachment's bytes never in
//     CHUNKS;
//   - no document of the template disappeared (the peer may not delete nor purge);
//   - nothing stored breaks the secrecy rule.
//
// Each case starts from a fresh copy of one template replica. Not thread-safe; needs a
// QCoreApplication. A failed check prints what failed and aborts.

#include <cstddef>
#include <cstdint>

namespace sen::fuzz {

// Runs one case. The first call builds the template in a temporary directory.
void runResponderCase(const std::uint8_t* data, std::size_t size);

// Cases run so far, and how many of them ended the session with an error (a refusal).
struct ResponderFuzzStats
{
    long long cases = 0;
    long long refused = 0;
    long long framesIn = 0; // frames the fuzzer sent
};
const ResponderFuzzStats& responderFuzzStats();

} // namespace sen::fuzz
