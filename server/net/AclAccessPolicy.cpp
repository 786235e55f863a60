#include "server/net/AclAccessPolicy.h"

#include "common/acl/AccessCheck.h"
#include "common/acl/ParentSecrecy.h"
#include "common/acl/PushDecision.h"
#include "common/acl/SecrecyRule.h"
#include "common/catalogues/Catalogues.h"
#include "common/registers/RegisterCheck.h"
#include "common/schedule/Schedule.h"
#include "common/schedule/ScheduleCheck.h"
#include "common/store/ReplicaStore.h"
#include "common/store/ReplicaSync.h"
#include "common/workdays/WorkCalendar.h"
#include "common/workflow/StepCheck.h"
#include "server/audit/AuditEvent.h"

namespace sen::server {

namespace {
// What the audit says about a document: its UNID, form and abstract, in a few words.
QString describe(const Document& doc)
{
    QString text = QStringLiteral("document %1 (form %2").arg(doc.unid.toHex(), doc.form);
    const QString abstract = doc.text(QStringLiteral("TrichYeu"));
    if (!abstract.isEmpty())
        text += QStringLiteral(", \"%1\"").arg(abstract.left(120));
    return text + u')';
}
} // namespace

AclAccessPolicy::AclAccessPolicy(acl::EffectiveAccess access) : m_access(std::move(access)) {}

AclAccessPolicy::AclAccessPolicy(acl::EffectiveAccess access, Context context)
    : m_access(std::move(access)), m_context(std::move(context))
{}

bool AclAccessPolicy::mayRead(const Document& doc) const
{
    return acl::canRead(m_access, doc).isOk();
}

Status AclAccessPolicy::mayStore(const std::optional<Document>& stored, const Document& incoming) const
{
    SEN_TRY(checkAccess(stored, incoming));
    return checkRegisters(stored, incoming);
}

Status AclAccessPolicy::checkAccess(const std::optional<Document>& stored, const Document& incoming) const
{
    if (m_context.auditFailed && m_context.auditFailed->load())
        return Status(
            ErrorCode::IoError,
            QStringLiteral("the server cannot write its audit log, so it accepts no changes until an "
                           "administrator repairs it; your changes stay on your replica"));
    acl::Secrecy inherited = acl::Secrecy::Unclassified;
    if (m_context.store && incoming.parent && !incoming.isDeleted()) {
        const Result<acl::Secrecy> parent = acl::parentSecrecy(*m_context.store, incoming);
        if (!parent.isOk())
            return parent.status();
        inherited = *parent;
    }
    SEN_TRY(acl::decidePush(m_access, stored, incoming, inherited).status);
    // Catalogues are the Designers' data (docs/catalogues.md), as registers are.
    SEN_TRY(catalogues::checkPushedEntry(stored, incoming, m_access.level >= acl::AccessLevel::Designer));
    SEN_TRY(workdays::checkPushedDay(stored, incoming, m_access.level >= acl::AccessLevel::Designer));
    return checkSteps(stored, incoming);
}

Status AclAccessPolicy::mayStoreMerged(const std::optional<Document>& stored, const Document& incoming,
                                       const Document& merged, const std::vector<Document>& conflicts) const
{
    Status allowed = checkAccess(stored, merged);
    if (allowed.isOk()) {
        // The registers judge the merge against the live version it came from (both checked
        // already): a deletion's stub keeps the number that version holds (RegisterCheck.h).
        const bool storedLive = stored && !stored->isDeleted();
        const std::optional<Document> live = storedLive || incoming.isDeleted() ? stored : incoming;
        allowed = checkRegisters(live, merged);
    }
    if (allowed.isOk() && !conflicts.empty()) {
        // A conflict document answers the merged version: it is bound by its classification
        // and by that of its ancestors.
        acl::Secrecy inherited = acl::secrecyOf(merged);
        if (m_context.store && merged.parent) {
            const Result<acl::Secrecy> parent = acl::parentSecrecy(*m_context.store, merged);
            if (!parent.isOk())
                return parent.status();
            inherited = std::max(inherited, *parent);
        }
        for (const Document& conflict : conflicts) {
            allowed = acl::checkSecrecy(conflict, inherited);
            if (!allowed.isOk())
                break;
        }
    }
    if (allowed.isOk() ||
        (allowed.code() != ErrorCode::PermissionDenied && allowed.code() != ErrorCode::InvalidArgument))
        return allowed;
    return Status(allowed.code(),
                  QStringLiteral("merged with the version the server holds, which changed meanwhile: %1; "
                                 "receive the server's version first")
                      .arg(allowed.message()));
}

Status AclAccessPolicy::checkSteps(const std::optional<Document>& stored, const Document& incoming) const
{
    // Without a store nothing can be looked up: a step then finds no parent and is refused.
    const ReplicaStore* store = m_context.store;
    const workflow::StepContext context{m_access,
                                        [store](const Unid& unid) -> Result<std::optional<Document>> {
                                            if (!store)
                                                return std::optional<Document>();
                                            return store->find(unid);
                                        },
                                        QDateTime::currentDateTimeUtc()};
    SEN_TRY(workflow::checkPushedStep(stored, incoming, context));
    // The weekly schedule (docs/schedule.md): its records and the entries of a published week.
    const schedule::ScheduleContext scheduleContext{m_access, context.find,
                                                    [store]() -> Result<std::vector<Document>> {
                                                        if (!store)
                                                            return std::vector<Document>();
                                                        return store->documentsOfForm(
                                                            QLatin1String(schedule::kWeekActionForm));
                                                    },
                                                    context.now};
    return schedule::checkPushedSchedule(stored, incoming, scheduleContext);
}

Status AclAccessPolicy::checkRegisters(const std::optional<Document>& stored, const Document& incoming) const
{
    if (!m_context.store)
        return Status::ok();
    const ReplicaStore& store = *m_context.store;
    registers::RegisterLookup lookup;
    lookup.binding = [&store](const Unid& unid) {
        return store.replication().numbers().find(unid);
    };
    lookup.registerOf = [&store](const Unid& unid) -> Result<std::optional<registers::Register>> {
        SEN_ASSIGN_OR_RETURN(const std::optional<Document> doc, store.find(unid));
        if (!doc || doc->isDeleted() || doc->form != QLatin1String(registers::kRegisterForm))
            return std::optional<registers::Register>();
        const Result<registers::Register> reg = registers::registerFromDocument(*doc);
        return reg.isOk() ? std::optional<registers::Register>(*reg) : std::nullopt;
    };
    lookup.holder = [&store](const Unid& registerUnid, qint64 period, qint64 number) {
        return store.replication().numbers().holder(registerUnid, period, number);
    };
    lookup.stored = [&store](const Unid& unid) {
        return store.find(unid);
    };
    const registers::RegisterRights rights{m_access.level >= acl::AccessLevel::Designer,
                                           m_access.level >= acl::AccessLevel::Manager,
                                           m_context.acceptsRelayedNumbers};
    return registers::checkPushedVersion(stored, incoming, rights, lookup);
}

void AclAccessPolicy::noteRefused(const std::optional<Document>& stored, const Document& incoming,
                                  const Status& why) const
{
    const bool storedLive = stored && !stored->isDeleted();
    const acl::PushAction action = incoming.isDeleted() ? acl::PushAction::Delete
                                   : storedLive         ? acl::PushAction::Update
                                                        : acl::PushAction::Create;
    // A stub says nothing about the document: describe what it would have deleted.
    audit(QString::fromUtf16(audit::kPushRefused),
          QStringLiteral("database %1: %2 %3: %4")
              .arg(m_context.database, acl::pushActionName(action), describe(storedLive ? *stored : incoming),
                   why.message()));
}

void AclAccessPolicy::noteDeleted(const Document& lastLive) const
{
    audit(QString::fromUtf16(audit::kDocumentDeleted),
          QStringLiteral("database %1: %2").arg(m_context.database, describe(lastLive)));
}

void AclAccessPolicy::audit(const QString& kind, const QString& detail) const
{
    if (m_context.audit)
        m_context.audit(AuditEvent{kind, m_access.userName, m_context.peerAddress, detail});
}

} // namespace sen::server
