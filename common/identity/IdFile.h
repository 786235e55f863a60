#pragma once

// A user's, server's or certifier's ID file: its credentials with the private key encrypted
// under a password (Argon2id, then AES-256/GCM). The format is docs/id-file.md; the
// constants are in IdFileFormat.h.
//
// Errors are distinct:
//  - not an ID file at all, or a damaged one: ErrorCode::Corruption, "this is not a Sen ID
//    file" or "the ID file is damaged (...)";
//  - a file from a newer Sen: ErrorCode::Unsupported;
//  - an intact file and the wrong password: ErrorCode::PermissionDenied,
//    "wrong password for <name>'s ID file".
//
// Stateless and thread-safe. Opening and sealing take as long as the KDF cost says.

#include "common/identity/Credentials.h"
#include "common/identity/IdFileFormat.h"

#include <QString>

namespace sen::identity {

enum class KdfCost
{
    Interactive, // Argon2id m = 64 MiB, t = 3, p = 1: what people's and servers' files use
    Test,        // m = 256 KiB, t = 1, p = 1: for tests only, never for a real key
};

crypto::Argon2idParams kdfParams(KdfCost cost);

class IdFile
{
public:
    // InvalidArgument if the credentials are incomplete or the key does not match the leaf
    // certificate.
    [[nodiscard]] static Result<QByteArray> seal(const Credentials& credentials, const QString& password,
                                                 KdfCost cost = KdfCost::Interactive);
    [[nodiscard]] static Result<Credentials> open(QByteArrayView file, const QString& password);
    // The same credentials under a new password, with a fresh salt and nonce. A new password
    // weaker than identity/PasswordPolicy.h allows is InvalidArgument, checked first.
    [[nodiscard]] static Result<QByteArray> changePassword(QByteArrayView file, const QString& oldPassword,
                                                           const QString& newPassword,
                                                           KdfCost cost = KdfCost::Interactive);

    // The clear header (name, role, chain, KDF), without the password; checks the checksum.
    [[nodiscard]] static Result<IdFileHeader> readHeader(QByteArrayView file);

    // Writes atomically (QSaveFile) with owner-only permissions.
    [[nodiscard]] static Status save(const QString& path, const QByteArray& file);
    // Reads a file of at most kMaxIdFileSize bytes. NotFound, IoError, or Corruption if larger.
    [[nodiscard]] static Result<QByteArray> load(const QString& path);
};

} // namespace sen::identity
