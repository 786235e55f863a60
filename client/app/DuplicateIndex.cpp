#include "client/app/DuplicateIndex.h"

#include "client/forms/Registration.h"
#include "common/store/DocumentTable.h"
#include "common/store/ReplicaStore.h"

#include <QCoreApplication>

#include <algorithm>
#include <functional>

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

void unlist(QHash<QString, QList<Unid>>& map, const QString& key, const Unid& unid)
{
    auto it = map.find(key);
    if (it == map.end())
        return;
    it->removeAll(unid);
    if (it->isEmpty())
        map.erase(it);
}

} // namespace

void DuplicateIndex::drop(const Unid& unid)
{
    const auto it = m_byUnid.constFind(unid);
    if (it == m_byUnid.cend())
        return;
    unlist(m_byKey, it->key, unid);
    unlist(m_byId, it->idKey, unid);
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
        r.idKey = forms::documentIdKey(doc);
        if (r.key.isEmpty() && r.idKey.isEmpty())
            return true;
        r.unid = doc.unid;
        r.title = forms::duplicateTitle(doc);
        if (const Item* n = doc.item(QStringLiteral("SoDen")); n && n->type == ItemType::Number)
            r.arrivalNumber = static_cast<qint64>(n->toNumber());
        if (const Item* d = doc.item(QStringLiteral("NgayDen")))
            r.arrived = d->toDateTime();
        if (!r.key.isEmpty())
            m_byKey[r.key].append(r.unid);
        if (!r.idKey.isEmpty())
            m_byId[r.idKey].append(r.unid);
        m_byUnid.insert(r.unid, std::move(r));
        return true;
    }));
    m_seq = last;
    return Status::ok();
}

std::vector<Registration> DuplicateIndex::find(const QString& key, const QString& idKey) const
{
    QList<Unid> unids = key.isEmpty() ? QList<Unid>() : m_byKey.value(key);
    if (!idKey.isEmpty())
        for (const Unid& unid : m_byId.value(idKey))
            if (!unids.contains(unid))
                unids.append(unid);
    std::vector<Registration> found;
    for (const Unid& unid : unids)
        found.push_back(m_byUnid.value(unid));
    std::sort(found.begin(), found.end(), arrivalOrder);
    return found;
}

std::vector<std::vector<Registration>> DuplicateIndex::groups() const
{
    // Union-find over the registrations that share a key or an ID with another.
    QHash<Unid, Unid> parent;
    const std::function<Unid(const Unid&)> root = [&](const Unid& unid) -> Unid {
        Unid at = unid;
        while (parent.value(at, at) != at)
            at = parent.value(at);
        parent.insert(unid, at); // shortens the path walked next time
        return at;
    };
    for (const auto* map : {&m_byKey, &m_byId})
        for (auto it = map->cbegin(); it != map->cend(); ++it) {
            if (it->size() < 2)
                continue;
            const Unid first = root(it->front());
            for (const Unid& unid : *it)
                if (const Unid r = root(unid); r != first)
                    parent.insert(r, first);
        }
    QHash<Unid, std::vector<Registration>> byRoot;
    const QList<Unid> grouped = parent.keys(); // root() writes to `parent`
    for (const Unid& unid : grouped)
        byRoot[root(unid)].push_back(m_byUnid.value(unid));
    std::vector<std::vector<Registration>> groups;
    for (auto& group : byRoot) {
        std::sort(group.begin(), group.end(), arrivalOrder);
        groups.push_back(std::move(group));
    }
    std::sort(groups.begin(), groups.end(), [](const auto& a, const auto& b) {
        return a.front().title != b.front().title ? a.front().title < b.front().title
                                                  : a.front().unid < b.front().unid;
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
