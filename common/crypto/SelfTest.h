#pragma once

// Known-answer tests of every primitive common/crypto offers, run once at start-up by every
// executable before it touches a key or a replica (KeePassXC Crypto::init). A failure means
// the Botan or libsodium build is broken; the caller must refuse to run.

#include "common/core/Result.h"

namespace sen::crypto {

Status runSelfTests();

} // namespace sen::crypto
