#pragma once

// The live incoming registrations (VanBanDen) of one replica by duplicate key
// (client/forms/Registration.h: issuer, số, ký hiệu and issue date, folded) and by edXML
// DocumentId (forms::documentIdKey), for the check on save and the "duplicates" listing
// (docs/forms.md "Duplicates"): two registrations are the same công văn when either agrees.
//
// Kept in memory and brought up to date by following the replica's change feed: the first
// update reads every change once (only the few items the key needs are decoded), each later
// one only what was committed since, so a save in a large replica costs a hash lookup and the
// feed entries since the previous save, never a walk of the replica.
//
// Thread-safety: none; used by the DatabaseSession that owns it, with its store.

#include "common/core/Ids.h"
#include "common/core/Result.h"

#include <QDateTime>
#include <QHash>
#include <QString>

#include <vector>

namespace sen {
class ReplicaStore;
}

namespace sen::app {

// One incoming registration as a duplicate is named to people.
struct Registration
{
    Unid unid;
    QString key;              // forms::duplicateKey (empty: fields missing)
    QString idKey;            // forms::documentIdKey (empty: no edXML DocumentId)
    QString title;            // forms::duplicateTitle: issuer · số ký hiệu · date issued
    qint64 arrivalNumber = 0; // SoDen (0: none)
    QDateTime arrived;        // NgayDen (invalid: none)
};

class DuplicateIndex
{
public:
    // Reads the changes committed to `store` since the last update.
    Status update(const ReplicaStore& store);
    // The registrations under `key` or `idKey` (either may be empty), oldest arrival number
    // first.
    std::vector<Registration> find(const QString& key, const QString& idKey = {}) const;
    // The registrations that are the same công văn as another, in groups: two registrations
    // sharing a key or an ID are in one group (and so, through them, a third sharing the key
    // of one and the ID of the other). Each group sorted as find(), the groups by title.
    std::vector<std::vector<Registration>> groups() const;
    std::int64_t size() const { return m_byUnid.size(); }

private:
    void drop(const Unid& unid);

    std::int64_t m_seq = 0;
    QHash<Unid, Registration> m_byUnid;
    QHash<QString, QList<Unid>> m_byKey;
    QHash<QString, QList<Unid>> m_byId;
};

// "số đến 1250 of 16/11/2026" naming `r` in a message (translated).
QString describeRegistration(const Registration& r);

} // namespace sen::app
