#include "client/sync/NumberRequests.h"

#include "client/forms/Registration.h"
#include "client/sync/AwaitingNumbers.h"
#include "common/registers/Registers.h"
#include "common/store/ReplicaStore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonDocument>

namespace sen::client {

using namespace registers;

namespace {

const QString kRefusals = QStringLiteral("numbering.refusals");

QString slot(const Unid& book, qint64 period, qint64 number)
{
    return book.toHex() + u'|' + QString::number(period) + u'|' + QString::number(number);
}

// A reason as the server wrote it (at most kMaxNumberMessage characters, the decoder's
// bound), on one line: shown in a list and printed by senctl.
QString oneLine(const QString& message)
{
    QString out = message;
    for (QChar& c : out)
        if (c.category() == QChar::Other_Control || c == QChar::LineSeparator ||
            c == QChar::ParagraphSeparator)
            c = u' ';
    return out;
}

const Register* findRegister(const std::vector<Register>& books, const Unid& unid)
{
    for (const Register& book : books)
        if (book.unid == unid)
            return &book;
    return nullptr;
}

} // namespace

NumberRequests::NumberRequests(ReplicaStore& store) : m_store(store) {}

Result<QJsonObject> NumberRequests::refusals(const ReplicaStore& store)
{
    SEN_ASSIGN_OR_RETURN(const QString text, store.setting(kRefusals));
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

Result<std::vector<protocol::NumberRequest>> NumberRequests::requests()
{
    SEN_ASSIGN_OR_RETURN(const AwaitingNumbers::State state, AwaitingNumbers::update(m_store));
    std::vector<Unid> gone; // purged: no longer in the file
    std::vector<Document> registerDocs;
    for (const Unid& unid : state.registers) {
        SEN_ASSIGN_OR_RETURN(std::optional<Document> doc, m_store.find(unid));
        if (doc)
            registerDocs.push_back(std::move(*doc));
        else
            gone.push_back(unid);
    }
    const std::vector<Register> registers = registersFrom(registerDocs);
    std::vector<protocol::NumberRequest> out;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const Unid& unid : registers.empty() ? std::vector<Unid>() : state.awaiting) {
        SEN_ASSIGN_OR_RETURN(const std::optional<Document> doc, m_store.find(unid));
        if (!doc) {
            gone.push_back(unid);
            continue;
        }
        const Result<std::optional<Registration>> reg = registrationOf(*doc);
        if (!reg.isOk() || !*reg || (*reg)->number)
            continue;
        if (const Register* book = findRegister(registers, (*reg)->registerUnid))
            out.push_back(protocol::NumberRequest{doc->unid, book->unid, periodOf(*book, (*reg)->dateMs, now),
                                                  (*reg)->requested});
    }
    SEN_TRY(AwaitingNumbers::forget(m_store, gone));
    return out;
}

Status NumberRequests::apply(const std::vector<protocol::NumberRequest>& asked,
                             const std::vector<protocol::NumberAnswer>& answers)
{
    if (asked.size() != answers.size())
        return Status(ErrorCode::ProtocolError, QStringLiteral("NUMBERS answers another count than asked"));
    SEN_ASSIGN_OR_RETURN(QJsonObject refused, refusals(m_store));
    const QJsonObject before = refused;
    QHash<QString, int> givenHere; // how often this answer gives each number of a register and period
    for (std::size_t i = 0; i < answers.size(); ++i)
        if (answers[i].number)
            ++givenHere[slot(asked[i].registerUnid, asked[i].period, *answers[i].number)];

    SEN_TRY(m_store.batch([&]() -> Status {
        for (std::size_t i = 0; i < answers.size(); ++i) {
            const protocol::NumberRequest& request = asked[i];
            const protocol::NumberAnswer& answer = answers[i];
            const QString key = answer.unid.toHex();
            // An answer this client does not trust: logged, and kept as the refusal.
            const auto refuse = [&](const QString& why) {
                refused.insert(key, why);
                qWarning("sen: no number for registration %s: %s", qPrintable(key), qPrintable(why));
            };
            if (!answer.number) {
                refused.insert(key, oneLine(answer.message)); // the server's own refusal
                continue;
            }
            const qint64 number = *answer.number;
            const QString where = slot(request.registerUnid, request.period, number);
            SEN_ASSIGN_OR_RETURN(const std::optional<Document> doc, m_store.find(answer.unid));
            const Result<std::optional<Registration>> reg =
                doc ? registrationOf(*doc) : Result<std::optional<Registration>>(std::nullopt);
            if (!reg.isOk() || !*reg) {
                refused.remove(key); // gone, or no longer a registration: nothing awaits
                continue;
            }
            if ((*reg)->number) {
                refused.remove(key); // numbered meanwhile (by a sync); a number never changes here
                if (*(*reg)->number != number)
                    qWarning("sen: registration %s keeps its number %lld; the server answered %lld",
                             qPrintable(key), (*reg)->number.value(), number);
                continue;
            }
            if (request.requested && number != *request.requested) {
                refuse(QCoreApplication::translate(
                           "sen::client::NumberRequests",
                           "the server's answer was not used: it gave number %1 for the number %2 typed")
                           .arg(number)
                           .arg(*request.requested));
                continue;
            }
            if (givenHere.value(where) > 1) {
                refuse(
                    QCoreApplication::translate(
                        "sen::client::NumberRequests",
                        "the server's answer was not used: it gave number %1 to more than one registration "
                        "of the register")
                        .arg(number));
                continue;
            }
            if (m_written.contains(where)) {
                refuse(
                    QCoreApplication::translate("sen::client::NumberRequests",
                                                "the server's answer was not used: it gave number %1 of the "
                                                "register to another registration in this session")
                        .arg(number));
                continue;
            }
            const bool sameDate =
                request.period == 0 || !(*reg)->dateMs || vietnamYear(*(*reg)->dateMs) == request.period;
            if ((*reg)->registerUnid != request.registerUnid || !sameDate) {
                refuse(QCoreApplication::translate(
                    "sen::client::NumberRequests",
                    "the register or the date of the registration changed while its number was "
                    "asked; it asks again at the next sync"));
                continue;
            }
            refused.remove(key);
            DocumentEdit edit = DocumentEdit::update(answer.unid);
            edit.set(Item::number(numberItem(doc->form), double(number)));
            if (doc->item(QLatin1String(kItemRequested)))
                edit.remove(QLatin1String(kItemRequested));
            // An outgoing document's SoKyHieu now carries its number: "NQ/HU" becomes "36-NQ/HU".
            forms::completeRegistration(*doc, edit);
            SEN_TRY(m_store.save(edit).status());
            m_written.insert(where);
        }
        if (refused != before)
            SEN_TRY(m_store.setSetting(
                kRefusals, QString::fromUtf8(QJsonDocument(refused).toJson(QJsonDocument::Compact))));
        return Status::ok();
    }));
    return Status::ok();
}

} // namespace sen::client
