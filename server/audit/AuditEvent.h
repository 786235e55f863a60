#pragma once

// What the server records in its audit log: one event, before AuditLog gives it a sequence
// number, a time and its place in the hash chain (docs/audit-log.md).

#include <QString>

namespace sen::server {

struct AuditEvent
{
    QString kind;   // see below; [a-z][a-z0-9_.]*, at most 64 characters
    QString actor;  // hierarchical name of who acted, or empty for "-"
    QString peer;   // network address of the peer ("192.0.2.7:1352"), or empty for "-"
    QString detail; // free text; cut to kMaxDetailChars

    static constexpr int kMaxKindChars = 64;
    static constexpr int kMaxActorChars = 1024;
    static constexpr int kMaxPeerChars = 256;
    static constexpr int kMaxDetailChars = 8192;
};

// Event kinds written by the server. Admin actions are "admin." plus the action name
// ("admin.acl_set", "admin.replica_create"); AuditLog syncs them to disk by default.
namespace audit {
inline constexpr char16_t kLogin[] = u"login";
inline constexpr char16_t kLoginRefused[] = u"login_refused";
inline constexpr char16_t kRequestRefused[] = u"request_refused";
// A sign-in to the intranet site with a web password, and a refused one (docs/web.md).
inline constexpr char16_t kWebLogin[] = u"web_login";
inline constexpr char16_t kWebLoginRefused[] = u"web_login_refused";
inline constexpr char16_t kAdminPrefix[] = u"admin.";
// Written by AuditLog itself when opening finds the log damaged (docs/audit-log.md).
inline constexpr char16_t kLogTornTail[] = u"log_torn_tail";
inline constexpr char16_t kLogTailMissing[] = u"log_tail_missing";
inline constexpr char16_t kLogHeadMissing[] = u"log_head_missing";
inline constexpr char16_t kLogHeadInvalid[] = u"log_head_invalid";
// What the server did with a peer's push (docs/audit-log.md §Kinds).
inline constexpr char16_t kPushRefused[] = u"push_refused";
inline constexpr char16_t kDocumentDeleted[] = u"document_deleted";
inline constexpr char16_t kDocumentRemoved[] = u"document_removed";
// An office's bundle imported by `sen-server bundle import`, or refused whole (docs/audit-log.md).
inline constexpr char16_t kBundleImported[] = u"bundle_imported";
inline constexpr char16_t kBundleRefused[] = u"bundle_refused";
// Sessions this server started with another server (docs/servers.md §Connections): one
// database's session started, finished (with its counts), failed or refused by the peer;
// a connection document's run, and its failure with the next try (back-off).
inline constexpr char16_t kReplicationStarted[] = u"replication_started";
inline constexpr char16_t kReplicationFinished[] = u"replication_finished";
inline constexpr char16_t kReplicationFailed[] = u"replication_failed";
inline constexpr char16_t kReplicationRefused[] = u"replication_refused";
inline constexpr char16_t kConnectionRun[] = u"connection_run";
inline constexpr char16_t kConnectionRetry[] = u"connection_retry";
// A number the server gave in a register (docs/registers.md §Numbering).
inline constexpr char16_t kNumberGiven[] = u"number_given";
// An administrator's acknowledgement of a log_tail_missing, log_head_missing or
// log_head_invalid record ("admin.audit_acknowledge", detail "seq N: note").
inline constexpr char16_t kAuditAcknowledge[] = u"admin.audit_acknowledge";
} // namespace audit

bool isValidAuditKind(QStringView kind);
bool isAdminAuditKind(QStringView kind);
// Kinds AuditLog writes about itself.
bool isLogAuditKind(QStringView kind);
// Kinds that say the log may have lost records, which `audit verify` reports as a failure
// until an administrator acknowledges them (log_tail_missing, log_head_missing,
// log_head_invalid).
bool needsAcknowledgement(QStringView kind);

} // namespace sen::server
