#pragma once

// The ID file's constants and its clear header, read by IdFile and by anything that wants
// to show whose file it is before asking for the password. The format is written out in
// docs/id-file.md; change the prose and kIdFileVersion in the same commit.
//
//   magic(8) version(u16) headerLength(u32) header  ciphertextLength(u32) ciphertext  sha256(32)
//
// Integers are big-endian. The AEAD's associated data is everything before ciphertextLength.

#include "common/core/Result.h"
#include "common/crypto/Argon2id.h"
#include "common/identity/CertificateRole.h"
#include "common/identity/HierarchicalName.h"

#include <QByteArray>
#include <QList>

namespace sen::identity {

inline constexpr char kIdFileMagic[8] = {'\x89', 'S', 'E', 'N', '-', 'I', 'D', '\n'};
inline constexpr quint16 kIdFileVersion = 1;

// Bounds checked before anything is allocated.
inline constexpr qsizetype kMaxIdFileSize = 256 * 1024;
inline constexpr qsizetype kMaxHeaderSize = 128 * 1024;
inline constexpr int kMaxChainLength = 4;
inline constexpr qsizetype kMaxCertificateSize = 16 * 1024;
inline constexpr qsizetype kMaxSealedKeySize = 8 * 1024;
inline constexpr qsizetype kSaltSize = 16;
inline constexpr quint32 kMaxKdfMemoryKiB = 1024 * 1024; // 1 GiB
inline constexpr quint32 kMaxKdfIterations = 64;
inline constexpr quint32 kMaxKdfParallelism = 16;

// Persisted: the numbers never change.
enum class KdfAlgorithm : quint8
{
    Argon2id = 1,
};

struct IdFileHeader
{
    HierarchicalName name;
    CertificateRole role = CertificateRole::User;
    QList<QByteArray> chainDer; // leaf first
    KdfAlgorithm kdf = KdfAlgorithm::Argon2id;
    crypto::Argon2idParams kdfParams;
    QByteArray salt;  // kSaltSize bytes
    QByteArray nonce; // 12 bytes, AES-256/GCM

    QByteArray encode() const;
    // Corruption with "the ID file is damaged" for anything out of bounds or malformed.
    [[nodiscard]] static Result<IdFileHeader> decode(QByteArrayView bytes);
};

} // namespace sen::identity
