#pragma once

// The organisation's address book for one database (issue #14; docs/directory.md): the
// people, groups and units of its server and the roles of its ACL, as the last sync brought
// them (client/core/DirectoryFile.h keeps them). GUI-free: the name picker of `sen`, `senctl
// directory search` and the resolution of names fields on save (client/app/NameFields.h) all
// ask it.
//
// Matching ignores case and diacritics, đ/Đ included (fts::foldForSearch):
// - search(query, limit): entries any of whose words starts with each word of the query, or
//   whose full name starts with it, or whose initials are the query ("nva" for
//   "Nguyễn Văn An"); best first.
// - resolve(text): what one typed value of a names field stands for — exactly one name, or
//   Ambiguous with the candidates, or Unknown; never a guess (rules in docs/directory.md).
//
// A value type, immutable once built; safe to read from several threads.

#include "replication/protocol/DirectoryListing.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace sen::client {

struct DirectoryEntry
{
    // Persisted nowhere; the order is the order results of equal rank are listed in.
    enum class Kind
    {
        Person,
        Group,
        Role,
        Unit,
    };
    Kind kind = Kind::Person;
    QString
        name; // what a names field takes: "Nguyễn Văn An/VPTU/HaNoi", "Nhóm A", "[LanhDao]", "*/VPTU/HaNoi"
    QString label;       // what people read: the common name, the group, the role, the unit ("VPTU/HaNoi")
    QString unit;        // a person's organisational part ("VPTU/HaNoi"); empty otherwise
    QStringList members; // a group's direct members, a role's holders

    bool operator==(const DirectoryEntry&) const = default;
};

struct NameResolution
{
    enum class Outcome
    {
        Resolved,  // `name` is what the value stands for
        Ambiguous, // several entries match equally: `candidates`
        Unknown,   // nothing matches
    };
    Outcome outcome = Outcome::Unknown;
    QString name;
    std::vector<DirectoryEntry> candidates;
};

class AddressBook
{
public:
    AddressBook() = default;
    // People, groups and roles as listed; units are the organisational parts of the people's
    // names and each part above them ("Phong/VPTU/HaNoi", "VPTU/HaNoi", "HaNoi"), each taken
    // as the wildcard naming everyone in it ("*/VPTU/HaNoi").
    explicit AddressBook(const protocol::DirectoryListing& listing);

    bool isEmpty() const { return m_entries.empty(); }
    const std::vector<DirectoryEntry>& entries() const { return m_entries; }

    // Entries matching `query`, best first, at most `limit`; every entry (in order) for an
    // empty query.
    std::vector<DirectoryEntry> search(const QString& query, int limit) const;
    // What `text` (one value of a names field) stands for.
    NameResolution resolve(const QString& text) const;

private:
    struct Indexed
    {
        QString foldedLabel;
        QString foldedName;
        QStringList words; // folded words of the label
        QString initials;
    };
    std::vector<DirectoryEntry> m_entries;
    std::vector<Indexed> m_index; // parallel to m_entries
    QStringList m_knownNameKeys;  // every name the directory spells (members and holders too)
};

} // namespace sen::client
