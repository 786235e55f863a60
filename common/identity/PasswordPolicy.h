#pragma once

// The minimum strength of an ID file's password (docs/id-file.md, "Password policy"): one
// rule, applied wherever a password is chosen — `sen-server init` and `register`, and every
// password change (IdFile::changePassword). Opening an existing ID file never checks it.
//
// A password is strong enough when it has at least kMinPasswordLength characters, or at
// least kMinShortPasswordLength characters drawn from at least three of the four classes
// lowercase letters, uppercase letters, digits and anything else (spaces, punctuation,
// symbols). Characters are Unicode code points, so "mật khẩu" counts 8, and a Vietnamese
// letter with a tone mark is a letter of its case.

#include "common/core/Result.h"

#include <QString>

namespace sen::identity {

inline constexpr int kMinPasswordLength = 10;
inline constexpr int kMinShortPasswordLength = 8;
inline constexpr int kMinCharacterClasses = 3;

// Ok, or InvalidArgument with an English sentence saying what the rule asks for (the client
// shows its own Vietnamese wording: client/core/PasswordPolicyText.h).
[[nodiscard]] Status checkPasswordStrength(const QString& password);

} // namespace sen::identity
