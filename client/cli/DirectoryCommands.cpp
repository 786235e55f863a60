// senctl directory: the organisation's address book as the last syncs brought it
// (docs/directory.md).
//   directory search QUERY... [--db DB] [--json]
// Searches without diacritics the people, groups, units and roles of every database of the
// workspace that has a server (or of DB only: its roles only). One entry a line, tab-separated:
// kind (person, group, role, unit), the name a names field takes, the label, the unit.

#include "client/cli/CommandContext.h"
#include "client/core/AddressBook.h"
#include "client/core/DirectoryFile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace sen::cli {

namespace {

const QString kHome = QStringLiteral("--home");
const QString kJson = QStringLiteral("--json");
const QString kDb = QStringLiteral("--db");
constexpr int kLimit = 50;

const QString kUsage = QStringLiteral("directory search QUERY [--db DB] [--json]");

QString kindWord(client::DirectoryEntry::Kind kind)
{
    switch (kind) {
    case client::DirectoryEntry::Kind::Person:
        return QStringLiteral("person");
    case client::DirectoryEntry::Kind::Group:
        return QStringLiteral("group");
    case client::DirectoryEntry::Kind::Role:
        return QStringLiteral("role");
    case client::DirectoryEntry::Kind::Unit:
        return QStringLiteral("unit");
    }
    return {};
}

// Adds `more` to `into`: people and groups once each, a role's holders joined.
void merge(protocol::DirectoryListing& into, const protocol::DirectoryListing& more)
{
    for (const QString& p : more.people)
        if (!into.people.contains(p))
            into.people.append(p);
    for (const protocol::DirectoryGroup& g : more.groups)
        if (std::none_of(into.groups.begin(), into.groups.end(),
                         [&](const auto& x) { return x.name == g.name; }))
            into.groups.push_back(g);
    for (const protocol::DirectoryRole& r : more.roles) {
        auto it = std::find_if(into.roles.begin(), into.roles.end(),
                               [&](const auto& x) { return x.role == r.role; });
        if (it == into.roles.end()) {
            into.roles.push_back(r);
            continue;
        }
        for (const QString& h : r.holders)
            if (!it->holders.contains(h))
                it->holders.append(h);
    }
}

} // namespace

Status runDirectoryCommand(CommandContext& ctx)
{
    SEN_TRY(ctx.args.allowOnly({kHome, kJson, kDb}));
    const QStringList positional = ctx.args.positional();
    if (positional.value(1) != u"search" || positional.size() < 3)
        return ctx.args.expectPositional(3, kUsage);
    const QString query = positional.mid(2).join(u' ');

    const client::DirectoryFile file(client::DirectoryFile::pathIn(ctx.workspace.home()));
    protocol::DirectoryListing all;
    bool found = false;
    SEN_ASSIGN_OR_RETURN(const std::vector<client::ReplicaEntry> entries, ctx.workspace.list());
    const QString only = ctx.args.value(kDb);
    for (const client::ReplicaEntry& entry : entries) {
        if (!only.isEmpty() && entry.name != only && entry.info.replicaId.toHex() != only.toLower())
            continue;
        SEN_ASSIGN_OR_RETURN(const auto store, ReplicaStore::open(entry.path));
        SEN_ASSIGN_OR_RETURN(const client::ReplicaSettings settings, client::Replicator::settingsOf(*store));
        if (settings.server.isEmpty())
            continue;
        SEN_ASSIGN_OR_RETURN(const auto listing, file.load(settings.server, entry.info.replicaId.toHex()));
        if (listing) {
            merge(all, *listing);
            found = true;
        }
    }
    if (!found)
        return Status(ErrorCode::NotFound,
                      QStringLiteral("no directory yet: sync a database with its server first"));

    const std::vector<client::DirectoryEntry> hits = client::AddressBook(all).search(query, kLimit);
    QJsonArray array;
    for (const client::DirectoryEntry& e : hits) {
        if (ctx.args.has(kJson)) {
            array.append(QJsonObject{{QStringLiteral("kind"), kindWord(e.kind)},
                                     {QStringLiteral("name"), e.name},
                                     {QStringLiteral("label"), e.label},
                                     {QStringLiteral("unit"), e.unit},
                                     {QStringLiteral("members"), QJsonArray::fromStringList(e.members)}});
            continue;
        }
        ctx.out << kindWord(e.kind) << '\t' << e.name << '\t' << e.label << '\t' << e.unit << '\n';
    }
    if (ctx.args.has(kJson))
        ctx.out << QJsonDocument(array).toJson(QJsonDocument::Compact) << '\n';
    return Status::ok();
}

} // namespace sen::cli
