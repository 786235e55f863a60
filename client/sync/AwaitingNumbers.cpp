#include "client/sync/AwaitingNumbers.h"

#include "common/registers/Registers.h"
#include "common/store/ReplicaStore.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <map>

namespace sen::client {

using namespace registers;

namespace {

const QString kSetting = QStringLiteral("numbering.awaiting");
constexpr int kFormat = 2; // 2: conflict documents no longer listed (format 1 is read again from the feed)

// The cache: feed position covered, and each awaiting registration by UNID with the position
// of its latest change.
struct Cache
{
    std::int64_t seq = 0;
    QHash<Unid, std::int64_t> awaiting;
    QSet<Unid> registers;
};

Cache read(const ReplicaStore& store, std::int64_t lastSeq)
{
    const Result<QString> text = store.setting(kSetting);
    if (!text.isOk() || text->isEmpty())
        return {};
    const QJsonObject json = QJsonDocument::fromJson(text->toUtf8()).object();
    const std::int64_t seq = json.value(QStringLiteral("seq")).toInteger(-1);
    if (json.value(QStringLiteral("format")).toInt() != kFormat || seq < 0 || seq > lastSeq)
        return {};
    Cache cache;
    cache.seq = seq;
    for (const QJsonValue& entry : json.value(QStringLiteral("awaiting")).toArray()) {
        const QJsonArray pair = entry.toArray();
        const auto unid = Unid::fromHex(pair.at(1).toString());
        if (pair.size() != 2 || !unid || unid->isNull())
            return {}; // damaged: read the feed again
        cache.awaiting.insert(*unid, pair.at(0).toInteger());
    }
    for (const QJsonValue& entry : json.value(QStringLiteral("registers")).toArray()) {
        const auto unid = Unid::fromHex(entry.toString());
        if (!unid || unid->isNull())
            return {};
        cache.registers.insert(*unid);
    }
    return cache;
}

Status write(ReplicaStore& store, const Cache& cache)
{
    // Oldest first, so that the order survives the hash.
    std::vector<std::pair<std::int64_t, Unid>> list;
    for (auto it = cache.awaiting.cbegin(); it != cache.awaiting.cend(); ++it)
        list.emplace_back(it.value(), it.key());
    std::sort(list.begin(), list.end());
    QJsonArray awaiting;
    for (const auto& [seq, unid] : list)
        awaiting.append(QJsonArray{qint64(seq), unid.toHex()});
    QJsonArray books;
    for (const Unid& unid : cache.registers)
        books.append(unid.toHex());
    const QJsonObject json{{QStringLiteral("format"), kFormat},
                           {QStringLiteral("seq"), qint64(cache.seq)},
                           {QStringLiteral("awaiting"), awaiting},
                           {QStringLiteral("registers"), books}};
    return store.setSetting(kSetting, QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)));
}

// The items registrationOf reads to tell whether a registration awaits a number.
const QStringList& stateItems()
{
    static const QStringList kItems = [] {
        QStringList items{QLatin1String(kItemRegister)};
        for (const QString& form : registrationForms())
            items << numberItem(form);
        items.removeDuplicates();
        items.sort();
        return items;
    }();
    return kItems;
}

} // namespace

Result<AwaitingNumbers::State> AwaitingNumbers::update(ReplicaStore& store)
{
    SEN_ASSIGN_OR_RETURN(const std::int64_t lastSeq, store.lastSeq());
    Cache cache = read(store, lastSeq);
    bool changed = false;
    SEN_TRY(store.forEachChange(cache.seq, stateItems(), [&](const store::StoredDocument& stored) {
        changed = true;
        cache.seq = std::max(cache.seq, stored.seq);
        const Document& doc = stored.doc;
        cache.awaiting.remove(doc.unid);
        cache.registers.remove(doc.unid);
        if (!doc.isDeleted() && doc.form == QLatin1String(kRegisterForm))
            cache.registers.insert(doc.unid);
        // A conflict document shows its parent's number and never asks one of its own.
        if (doc.isDeleted() || doc.isConflict() || !directionOfForm(doc.form))
            return true;
        const Result<std::optional<Registration>> reg = registrationOf(doc);
        if (reg.isOk() && *reg && !(*reg)->number)
            cache.awaiting.insert(doc.unid, stored.seq);
        return true;
    }));
    if (changed)
        SEN_TRY(write(store, cache));
    std::vector<std::pair<std::int64_t, Unid>> list;
    for (auto it = cache.awaiting.cbegin(); it != cache.awaiting.cend(); ++it)
        list.emplace_back(it.value(), it.key());
    std::sort(list.begin(), list.end());
    State out;
    out.awaiting.reserve(list.size());
    for (const auto& entry : list)
        out.awaiting.push_back(entry.second);
    out.registers.assign(cache.registers.cbegin(), cache.registers.cend());
    return out;
}

Status AwaitingNumbers::forget(ReplicaStore& store, const std::vector<Unid>& gone)
{
    if (gone.empty())
        return Status::ok();
    SEN_ASSIGN_OR_RETURN(const std::int64_t lastSeq, store.lastSeq());
    Cache cache = read(store, lastSeq);
    for (const Unid& unid : gone) {
        cache.awaiting.remove(unid);
        cache.registers.remove(unid);
    }
    return write(store, cache);
}

} // namespace sen::client
