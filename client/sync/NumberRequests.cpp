#include "client/sync/NumberRequests.h"

#include "client/forms/Registration.h"
#include "common/registers/Registers.h"
#include "common/store/ReplicaStore.h"

#include <QDateTime>
#include <QJsonDocument>

namespace sen::client {

using namespace registers;

namespace {

const QString kRefusals = QStringLiteral("numbering.refusals");

} // namespace

NumberRequests::NumberRequests(ReplicaStore& store) : m_store(store) {}

Result<QJsonObject> NumberRequests::refusals(const ReplicaStore& store)
{
    SEN_ASSIGN_OR_RETURN(const QString text, store.setting(kRefusals));
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

Result<std::vector<protocol::NumberRequest>> NumberRequests::requests()
{
    SEN_ASSIGN_OR_RETURN(const std::vector<Document> registerDocs,
                         m_store.documentsOfForm(QLatin1String(kRegisterForm)));
    const std::vector<Register> registers = registersFrom(registerDocs);
    std::vector<protocol::NumberRequest> out;
    if (registers.empty())
        return out;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const QString& form : registers::registrationForms()) {
        SEN_ASSIGN_OR_RETURN(const std::vector<Document> docs, m_store.documentsOfForm(form));
        for (const Document& doc : docs) {
            const Result<std::optional<Registration>> reg = registrationOf(doc);
            if (!reg.isOk() || !*reg || (*reg)->number)
                continue;
            for (const Register& book : registers) {
                if (book.unid != (*reg)->registerUnid)
                    continue;
                out.push_back(protocol::NumberRequest{
                    doc.unid, book.unid, periodOf(book, (*reg)->dateMs, now), (*reg)->requested});
            }
        }
    }
    return out;
}

Status NumberRequests::apply(const std::vector<protocol::NumberAnswer>& answers)
{
    SEN_ASSIGN_OR_RETURN(QJsonObject refused, refusals(m_store));
    const QJsonObject before = refused;
    SEN_TRY(m_store.batch([&]() -> Status {
        for (const protocol::NumberAnswer& answer : answers) {
            const QString key = answer.unid.toHex();
            if (!answer.number) {
                refused.insert(key, answer.message);
                continue;
            }
            refused.remove(key);
            SEN_ASSIGN_OR_RETURN(const std::optional<Document> doc, m_store.find(answer.unid));
            if (!doc || doc->isDeleted() || !directionOfForm(doc->form) || doc->item(numberItem(doc->form)))
                continue; // gone, or numbered meanwhile (by a sync)
            DocumentEdit edit = DocumentEdit::update(answer.unid);
            edit.set(Item::number(numberItem(doc->form), double(*answer.number)));
            if (doc->item(QLatin1String(kItemRequested)))
                edit.remove(QLatin1String(kItemRequested));
            // An outgoing document's SoKyHieu now carries its number: "NQ/HU" becomes "36-NQ/HU".
            forms::completeRegistration(*doc, edit);
            SEN_TRY(m_store.save(edit).status());
        }
        if (refused != before)
            SEN_TRY(m_store.setSetting(
                kRefusals, QString::fromUtf8(QJsonDocument(refused).toJson(QJsonDocument::Compact))));
        return Status::ok();
    }));
    return Status::ok();
}

} // namespace sen::client
