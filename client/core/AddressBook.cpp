#include "client/core/AddressBook.h"

#include "common/acl/NameMatch.h"
#include "common/fts/SenTokenizer.h"
#include "common/identity/HierarchicalName.h"

#include <QMap>
#include <QSet>

#include <algorithm>

namespace sen::client {

namespace {

QString fold(const QString& text)
{
    return fts::foldForSearch(text.simplified());
}

QStringList wordsOf(const QString& folded)
{
    QStringList words;
    QString word;
    for (const QChar c : folded) {
        if (c.isLetterOrNumber() || c.category() == QChar::Mark_NonSpacing) {
            word.append(c);
        } else if (!word.isEmpty()) {
            words.append(word);
            word.clear();
        }
    }
    if (!word.isEmpty())
        words.append(word);
    return words;
}

// "[LanhDao]" -> "Lanh Dao": roles are written in camel case, people search their words.
QString splitCamelCase(const QString& text)
{
    QString out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (i > 0 && text[i].isUpper() && text[i - 1].isLower())
            out.append(u' ');
        out.append(text[i]);
    }
    return out;
}

QString initialsOf(const QStringList& words)
{
    QString out;
    for (const QString& w : words)
        out.append(w.front());
    return out;
}

// How well `q` (folded query, its words) matches an entry; lower is better, -1 not at all.
int rank(const QString& q, const QStringList& qWords, const QString& foldedLabel, const QString& foldedName,
         const QStringList& words, const QString& initials)
{
    if (foldedLabel == q || foldedName == q)
        return 0;
    if (foldedLabel.startsWith(q) || foldedName.startsWith(q))
        return 1;
    if (!qWords.isEmpty() && std::all_of(qWords.begin(), qWords.end(), [&](const QString& w) {
            return std::any_of(words.begin(), words.end(), [&](const QString& e) { return e.startsWith(w); });
        }))
        return 2;
    if (qWords.size() == 1 && q.size() >= 2 && initials.startsWith(q))
        return 3;
    return -1;
}

NameResolution decide(std::vector<DirectoryEntry> found)
{
    NameResolution r;
    if (found.empty())
        return r;
    if (found.size() == 1) {
        r.outcome = NameResolution::Outcome::Resolved;
        r.name = found.front().name;
        return r;
    }
    r.outcome = NameResolution::Outcome::Ambiguous;
    r.candidates = std::move(found);
    return r;
}

} // namespace

AddressBook::AddressBook(const protocol::DirectoryListing& listing)
{
    QMap<QString, QString> units; // key -> spelling, sorted
    for (const QString& person : listing.people) {
        const auto parsed = identity::HierarchicalName::parse(person);
        if (!parsed)
            continue; // the decoder refused such listings; a file edited by hand may hold one
        const QStringList parts = parsed->parts();
        const QString unit = parts.mid(1).join(u'/');
        m_entries.push_back({DirectoryEntry::Kind::Person, person, parts.front(), unit, {}});
        for (qsizetype i = 1; i < parts.size(); ++i) {
            const QString suffix = parts.mid(i).join(u'/');
            units.insert(acl::nameKey(suffix), suffix);
        }
    }
    for (const protocol::DirectoryGroup& g : listing.groups) {
        m_entries.push_back({DirectoryEntry::Kind::Group, g.name, g.name, {}, g.members});
    }
    for (const protocol::DirectoryRole& r : listing.roles) {
        m_entries.push_back({DirectoryEntry::Kind::Role, r.role, r.role, {}, r.holders});
    }
    for (const QString& unit : units)
        m_entries.push_back({DirectoryEntry::Kind::Unit, QStringLiteral("*/") + unit, unit, {}, {}});
    std::stable_sort(m_entries.begin(), m_entries.end(),
                     [](const DirectoryEntry& a, const DirectoryEntry& b) {
                         if (a.kind != b.kind)
                             return a.kind < b.kind;
                         const int byLabel = QString::localeAwareCompare(a.label, b.label);
                         return byLabel != 0 ? byLabel < 0 : a.name < b.name;
                     });
    m_index.reserve(m_entries.size());
    for (const DirectoryEntry& e : m_entries) {
        Indexed i;
        i.foldedLabel = fold(e.label);
        i.foldedName = fold(e.name);
        if (e.kind == DirectoryEntry::Kind::Role) {
            i.words = wordsOf(fold(splitCamelCase(e.label)));
            i.initials = initialsOf(i.words);
            i.words.append(wordsOf(i.foldedLabel)); // "lanhdao" too
        } else {
            i.words = wordsOf(i.foldedLabel);
            i.initials = initialsOf(i.words);
        }
        m_index.push_back(std::move(i));
    }
}

std::vector<DirectoryEntry> AddressBook::search(const QString& query, int limit) const
{
    std::vector<DirectoryEntry> out;
    if (limit <= 0)
        return out;
    const QString q = fold(query);
    if (q.isEmpty()) {
        out.assign(m_entries.begin(), m_entries.begin() + std::min<std::size_t>(limit, m_entries.size()));
        return out;
    }
    const QStringList qWords = wordsOf(q);
    std::vector<std::pair<int, std::size_t>> hits;
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        const Indexed& x = m_index[i];
        const int r = rank(q, qWords, x.foldedLabel, x.foldedName, x.words, x.initials);
        if (r >= 0)
            hits.emplace_back(r, i);
    }
    std::stable_sort(hits.begin(), hits.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [r, i] : hits) {
        if (std::ssize(out) >= limit)
            break;
        out.push_back(m_entries[i]);
    }
    return out;
}

NameResolution AddressBook::resolve(const QString& text) const
{
    const QString value = text.trimmed();
    NameResolution unknown;
    if (value.isEmpty())
        return unknown;
    const QString key = acl::nameKey(value);
    const auto where = [&](auto&& pick) {
        std::vector<DirectoryEntry> found;
        for (std::size_t i = 0; i < m_entries.size(); ++i)
            if (pick(m_entries[i], m_index[i]))
                found.push_back(m_entries[i]);
        return found;
    };
    using Kind = DirectoryEntry::Kind;

    if (acl::isRoleName(value))
        return decide(where([&](const DirectoryEntry& e, const Indexed&) {
            return e.kind == Kind::Role && acl::nameKey(e.name) == key;
        }));
    if (acl::isWildcardName(value)) {
        NameResolution r;
        r.outcome = NameResolution::Outcome::Resolved;
        r.name = value; // "everyone in the unit": the wildcard is its own meaning
        return r;
    }
    const QString folded = fold(value);
    // Tier by tier, the first that finds anything decides: the name as spelled (case aside),
    // then without diacritics, then (a short name) by its words.
    if (value.contains(u'/')) {
        auto found = where([&](const DirectoryEntry& e, const Indexed&) {
            return e.kind != Kind::Role && acl::nameKey(e.name) == key;
        });
        if (found.empty())
            found = where([&](const DirectoryEntry& e, const Indexed& x) {
                return (e.kind == Kind::Person || e.kind == Kind::Group) && x.foldedName == folded;
            });
        if (found.empty()) // a unit typed without its wildcard
            found = where([&](const DirectoryEntry& e, const Indexed& x) {
                return e.kind == Kind::Unit && x.foldedLabel == folded;
            });
        if (found.empty() && acl::isAccessName(value)) {
            // A full name the directory does not list (a server, another organisation's
            // cadre): it names itself, as typed.
            NameResolution r;
            r.outcome = NameResolution::Outcome::Resolved;
            r.name = value;
            return r;
        }
        return decide(std::move(found));
    }
    const auto named = [](const DirectoryEntry& e) {
        return e.kind == Kind::Person || e.kind == Kind::Group;
    };
    auto found = where(
        [&](const DirectoryEntry& e, const Indexed&) { return named(e) && acl::nameKey(e.label) == key; });
    if (found.empty())
        found = where(
            [&](const DirectoryEntry& e, const Indexed& x) { return named(e) && x.foldedLabel == folded; });
    if (found.empty()) {
        const QStringList qWords = wordsOf(folded);
        found = where([&](const DirectoryEntry& e, const Indexed& x) {
            return named(e) && !qWords.isEmpty() &&
                   std::all_of(qWords.begin(), qWords.end(),
                               [&](const QString& w) { return x.words.contains(w); });
        });
    }
    return decide(std::move(found));
}

} // namespace sen::client
