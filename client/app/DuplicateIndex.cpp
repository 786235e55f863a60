#include "client/app/DuplicateIndex.h"

#include "client/forms/Registration.h"
#include "common/store/DocumentTable.h"
#include "common/store/ReplicaStore.h"

#include <QCoreApplication>

#include <algorithm>

namespace sen::app {

namespace {

const QStringList& readItems()
{
    static const QStringList kItems = [] {
        QStringList items = forms::duplicateKeyItems();
        items << QStringLiteral("SoDen") << QStringLiteral("NgayDen");
        items.sort();
        return items;
    }();
    return kItems;
}

bool arrivalOrder(const Registration& a, const Registration& b)
{
    if (a.arrivalNumber != b.arrivalNumber)
        return a.arrivalNumber < b.arrivalNumber;
    return a.unid < b.unid;
}

} // namespace

void DuplicateIndex::drop(const Unid& unid)
{
    const auto it = m_byUnid.constFind(unid);
    if (it == m_byUnid.cend())
        return;
    auto key = m_byKey.find(it->key);
    if (key != m_byKey.end()) {
        key->removeAll(unid);
        if (key->isEmpty())
            m_byKey.erase(key);
    }
    m_byUnid.erase(it);
}

Status DuplicateIndex::update(const ReplicaStore& store)
{
    std::int64_t last = m_seq;
    SEN_TRY(store.forEachChange(m_seq, readItems(), [&](const store::StoredDocument& stored) {
        last = std::max(last, stored.seq);
        const Document& doc = stored.doc;
        drop(doc.unid);
        if (doc.isDeleted() || doc.parent || doc.form != QLatin1String(forms::kIncomingForm))
            return true;
        Registration r;
        r.key = forms::duplicateKey(doc);
        if (r.key.isEmpty())
            return true;
        r.unid = doc.unid;
        r.title = forms::duplicateTitle(doc);
        if (const Item* n = doc.item(QStringLiteral("SoDen")); n && n->type == ItemType::Number)
            r.arrivalNumber = static_cast<qint64>(n->toNumber());
        if (const Item* d = doc.item(QStringLiteral("NgayDen")))
            r.arrived = d->toDateTime();
        m_byKey[r.key].append(r.unid);
        m_byUnid.insert(r.unid, std::move(r));
        return true;
    }));
    m_seq = last;
    return Status::ok();
}

std::vector<Registration> DuplicateIndex::find(const QString& key) const
{
    std::vector<Registration> found;
    for (const Unid& unid : m_byKey.value(key))
        found.push_back(m_byUnid.value(unid));
    std::sort(found.begin(), found.end(), arrivalOrder);
    return found;
}

std::vector<std::vector<Registration>> DuplicateIndex::groups() const
{
    std::vector<std::vector<Registration>> groups;
    for (auto it = m_byKey.cbegin(); it != m_byKey.cend(); ++it) {
        if (it->size() > 1)
            groups.push_back(find(it.key()));
    }
    std::sort(groups.begin(), groups.end(), [](const auto& a, const auto& b) {
        return a.front().title != b.front().title ? a.front().title < b.front().title
                                                  : a.front().key < b.front().key;
    });
    return groups;
}

QString describeRegistration(const Registration& r)
{
    const QString number = r.arrivalNumber > 0 ? QString::number(r.arrivalNumber) : QStringLiteral("?");
    const QString day =
        r.arrived.isValid() ? r.arrived.toUTC().date().toString(u"dd/MM/yyyy") : QStringLiteral("?");
    return QCoreApplication::translate("sen::app::DatabaseSession", "arrival number %1 of %2 (%3)")
        .arg(number, day, r.unid.toHex());
}

} // namespace sen::app
