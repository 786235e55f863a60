#include "server/net/RegisterAuthority.h"

#include "common/acl/AccessCheck.h"
#include "common/registers/Registers.h"
#include "common/store/ReplicaStore.h"
#include "common/store/ReplicaSync.h"
#include "server/audit/AuditEvent.h"

#include <algorithm>

namespace sen::server {

using protocol::NumberAnswer;
using protocol::NumberRequest;

namespace {

NumberAnswer refused(const NumberRequest& r, ErrorCode code, const QString& why)
{
    return NumberAnswer{r.unid, std::nullopt, code, why};
}

NumberAnswer given(const NumberRequest& r, qint64 number)
{
    return NumberAnswer{r.unid, number, ErrorCode::Ok, {}};
}

} // namespace

RegisterAuthority::RegisterAuthority(ReplicaStore& store, acl::EffectiveAccess access, QString database,
                                     QString peerAddress, AuditFn audit,
                                     std::shared_ptr<const std::atomic<bool>> auditFailed, const Clock* clock,
                                     qint64 maxPending)
    : m_store(store), m_access(std::move(access)), m_database(std::move(database)),
      m_peerAddress(std::move(peerAddress)), m_audit(std::move(audit)), m_auditFailed(std::move(auditFailed)),
      m_clock(clock ? *clock : SystemClock::instance()), m_maxPending(std::max<qint64>(1, maxPending))
{}

Result<std::vector<NumberAnswer>> RegisterAuthority::answer(const std::vector<NumberRequest>& requests)
{
    if (m_auditFailed && m_auditFailed->load())
        return Status(ErrorCode::IoError,
                      QStringLiteral("the server cannot write its audit log, so it gives no numbers until an "
                                     "administrator repairs it; your registrations wait for their numbers"));
    std::vector<NumberAnswer> answers;
    answers.reserve(requests.size());
    if (m_elsewhere) {
        for (const NumberRequest& request : requests)
            answers.push_back(
                refused(request, ErrorCode::Unsupported,
                        QStringLiteral("the numbers of this database's registers are given by %1, "
                                       "not by this server; the registration waits for its "
                                       "number until it is synchronised with %1")
                            .arg(*m_elsewhere)));
        return answers;
    }
    // One transaction for the message: the numbers are on disk before the answer leaves.
    const Status done = m_store.batch([&]() -> Status {
        SEN_ASSIGN_OR_RETURN(qint64 pending, m_store.replication().numbers().pendingBy(m_access.userName));
        for (const NumberRequest& request : requests) {
            SEN_ASSIGN_OR_RETURN(NumberAnswer a, decide(request, pending));
            answers.push_back(std::move(a));
        }
        return Status::ok();
    });
    if (!done.isOk())
        return done;
    return answers;
}

Result<NumberAnswer> RegisterAuthority::decide(const NumberRequest& r, qint64& pending)
{
    using namespace registers;
    if (m_access.level < acl::AccessLevel::Author || !m_access.hasRight(acl::CreateDocuments))
        return refused(r, ErrorCode::PermissionDenied,
                       QStringLiteral("registering documents needs Author access with the right to create "
                                      "documents"));
    SEN_ASSIGN_OR_RETURN(const std::optional<Document> regDoc, m_store.find(r.registerUnid));
    if (!regDoc || regDoc->isDeleted() || regDoc->form != QLatin1String(kRegisterForm) ||
        !acl::canRead(m_access, *regDoc).isOk())
        return refused(r, ErrorCode::NotFound,
                       QStringLiteral("there is no register %1 on the server").arg(r.registerUnid.toHex()));
    const Result<Register> book = registerFromDocument(*regDoc);
    if (!book.isOk())
        return refused(r, ErrorCode::InvalidArgument, book.status().message());

    const int thisYear = vietnamYear(m_clock.nowMs());
    const bool periodOk =
        book->cycle == Cycle::Term ? r.period == 0 : r.period == thisYear || r.period == thisYear - 1;
    if (!periodOk)
        return refused(r, ErrorCode::InvalidArgument,
                       QStringLiteral("the register \"%1\" gives no numbers for period %2")
                           .arg(book->name)
                           .arg(r.period));

    SEN_ASSIGN_OR_RETURN(const std::optional<Document> doc, m_store.find(r.unid));
    // A document the peer may not read gets no number from it, and asking does not tell its
    // number (its UNID is all a withdrawn entry ever showed the peer).
    if (doc && !doc->isDeleted() && !acl::canRead(m_access, *doc).isOk())
        return refused(r, ErrorCode::NotFound,
                       QStringLiteral("there is no document %1 to number").arg(r.unid.toHex()));
    if (doc && (doc->isDeleted() || doc->isConflict() || directionOfForm(doc->form) != book->direction))
        return refused(r, ErrorCode::InvalidArgument,
                       QStringLiteral("document %1 is not a registration for the register \"%2\"")
                           .arg(r.unid.toHex(), book->name));

    RegisterNumbers& numbers = m_store.replication().numbers();
    SEN_ASSIGN_OR_RETURN(const std::optional<NumberBinding> bound, numbers.find(r.unid));
    if (bound) {
        const bool same =
            bound->registerUnid == r.registerUnid && (!r.requested || *r.requested == bound->number);
        if (same)
            return given(r, bound->number); // asked again (an answer lost, another replica)
        if (m_access.level < acl::AccessLevel::Manager)
            return refused(
                r, ErrorCode::PermissionDenied,
                QStringLiteral("the document already has number %1; only a Manager of the database "
                               "may change it")
                    .arg(bound->number));
        SEN_TRY(numbers.unbind(r.unid));
    } else if (!doc && pending >= m_maxPending) {
        return refused(
            r, ErrorCode::Busy,
            QStringLiteral("%1 numbers given to you wait for their documents; sync them first").arg(pending));
    }

    qint64 number = 0;
    if (r.requested) {
        SEN_ASSIGN_OR_RETURN(const std::optional<Unid> holder,
                             numbers.holder(r.registerUnid, r.period, *r.requested));
        if (holder)
            return refused(r, ErrorCode::Conflict,
                           QStringLiteral("number %1 is already taken in the register \"%2\"")
                               .arg(*r.requested)
                               .arg(book->name));
        number = *r.requested;
    } else {
        SEN_ASSIGN_OR_RETURN(const qint64 last, numbers.last(r.registerUnid, r.period));
        if (last >= kMaxNumber)
            return refused(r, ErrorCode::InvalidArgument,
                           QStringLiteral("the register \"%1\" is full").arg(book->name));
        number = last + 1;
    }
    SEN_TRY(numbers.bind(
        NumberBinding{r.registerUnid, r.period, number, r.unid, m_access.userName, m_clock.nowMs()}));
    if (!doc && !bound)
        ++pending;
    if (m_audit)
        m_audit(AuditEvent{
            QString::fromUtf16(audit::kNumberGiven), m_access.userName, m_peerAddress,
            QStringLiteral("database %1: register \"%2\" (%3), period %4, number %5, document %6%7")
                .arg(m_database, book->name, r.registerUnid.toHex())
                .arg(r.period)
                .arg(number)
                .arg(r.unid.toHex(), bound ? QStringLiteral(" (was %1)").arg(bound->number) : QString())});
    return given(r, number);
}

} // namespace sen::server
