#pragma once

// The one rule for attachment file names, applied by the server to every pushed version and
// by the client to every file it stores, opens or saves: an attachment's name is a plain file
// name that is safe to create in any folder on Windows and Linux. A name received from a peer
// is never trusted to be one: "../../.bashrc" must not write outside the folder it is saved in.
//
// A plain file name has no '/' or '\\', is not "." or "..", holds no control characters
// (Unicode Cc), format characters (Cf: U+200B, U+202E, ...), line or paragraph separators or
// lone surrogates, none of Windows' forbidden characters (< > : " | ? *), does not end in a dot
// or a space, is not one of Windows' device names (CON, PRN, AUX, NUL, COM1–9, LPT1–9, with or
// without an extension) and is at most kMaxAttachmentNameLength UTF-16 code units.

#include <QString>

namespace sen {

inline constexpr int kMaxAttachmentNameLength = 200;

// The plain file name closest to `name`: its last path component, forbidden characters
// replaced by '_', invisible ones removed, trailing dots and spaces dropped, a device name
// prefixed with '_', shortened keeping the extension. Never empty ("attachment" when nothing
// is left). Idempotent: plainFileName(plainFileName(x)) == plainFileName(x).
QString plainFileName(const QString& name);

// Whether `name` is already a plain file name (plainFileName(name) == name).
bool isPlainFileName(const QString& name);

} // namespace sen
