// ACL entries, name matching, resolution of a user's access, and the acl_entries table.

#include "common/acl/AclTable.h"
#include "common/acl/EffectiveAccess.h"
#include "common/acl/NameMatch.h"
#include "common/sql/SqlDatabase.h"
#include "common/store/ReplicaStore.h"
#include "tests/support/TempDir.h"

#include <catch2/catch.hpp>

using namespace sen;
using namespace sen::acl;

namespace {

const QString kUser = QStringLiteral("Nguyễn Văn A/VPTU/HaNoi");

AclEntry entry(const QString& name, AccessLevel level, EntryKind kind = EntryKind::Unspecified,
               const QStringList& roles = {})
{
    AclEntry e = AclEntry::make(name, level, kind);
    e.roles = roles;
    return e;
}

void add(Acl& acl, const AclEntry& e)
{
    const Status status = acl.setEntry(e);
    INFO(status.toString().toStdString());
    REQUIRE(status.isOk());
}

} // namespace

TEST_CASE("Access levels parse from their command-line spellings in any case and print back", "[acl]")
{
    // Every level prints its lowercase spelling, which parses back in any case; junk does not.
    for (int i = 0; i <= 6; ++i) {
        const auto level = static_cast<AccessLevel>(i);
        REQUIRE(accessLevelFromName(accessLevelName(level)) == level);
        REQUIRE(accessLevelFromName(accessLevelName(level).toUpper()) == level);
        REQUIRE(accessLevelFromName(accessLevelDisplayName(level)) == level);
    }
    REQUIRE(accessLevelName(AccessLevel::NoAccess) == QStringLiteral("noaccess"));
    REQUIRE(accessLevelFromName(u"Manager") == AccessLevel::Manager);
    REQUIRE(accessLevelDisplayName(AccessLevel::NoAccess) == QStringLiteral("No Access"));
    REQUIRE_FALSE(accessLevelFromName(u"owner").has_value());
    REQUIRE_FALSE(isValidAccessLevel(7));
    REQUIRE(entryKindFromName(u"Group") == EntryKind::Group);
    REQUIRE_FALSE(entryKindFromName(u"robot").has_value());
}

TEST_CASE("Each level gets the default rights of Notes and keeps only the rights it can hold", "[acl]")
{
    // Defaults follow the table in AclEntry.h and normalization forces or clears bits per level.
    REQUIRE(defaultRights(AccessLevel::NoAccess) == 0);
    REQUIRE(defaultRights(AccessLevel::Depositor) == CreateDocuments);
    REQUIRE(defaultRights(AccessLevel::Reader) == Replicate);
    REQUIRE(defaultRights(AccessLevel::Author) == (CreateDocuments | Replicate));
    REQUIRE(defaultRights(AccessLevel::Editor) == (CreateDocuments | Replicate));
    REQUIRE(defaultRights(AccessLevel::Manager) == kKnownAclRights);
    REQUIRE(normalizedRights(AccessLevel::Reader, kKnownAclRights) == Replicate);
    REQUIRE(normalizedRights(AccessLevel::Editor, 0) == CreateDocuments);
    REQUIRE(normalizedRights(AccessLevel::Author, 0) == 0);
    REQUIRE(normalizedRights(AccessLevel::Depositor, DeleteDocuments) == CreateDocuments);

    Acl acl;
    AclEntry reader = entry(QStringLiteral("Reader Person/VPTU/HaNoi"), AccessLevel::Reader);
    reader.rights = kKnownAclRights;
    add(acl, reader);
    REQUIRE(acl.entry(reader.name)->rights == Replicate);
}

TEST_CASE("Bad entry: a malformed name, wildcard or role is refused and the ACL stays unchanged", "[acl]")
{
    // Each malformed entry fails with InvalidArgument and nothing is added.
    Acl acl;
    const std::vector<AclEntry> bad{
        entry(QString(), AccessLevel::Reader),
        entry(QStringLiteral("   "), AccessLevel::Reader),
        entry(QString(300, u'x'), AccessLevel::Reader),
        entry(QStringLiteral("A/*/HaNoi"), AccessLevel::Reader),
        entry(QStringLiteral("*/VPTU/HaNoi"), AccessLevel::Reader, EntryKind::Group),
        entry(QStringLiteral("Tab\tName"), AccessLevel::Reader),
        entry(QStringLiteral("A/VPTU"), AccessLevel::Reader, EntryKind::Person,
              {QStringLiteral("NoBrackets")}),
        entry(QStringLiteral("A/VPTU"), AccessLevel::Reader, EntryKind::Person, {QStringLiteral("[a;b]")}),
    };
    for (const AclEntry& e : bad) {
        INFO(e.name.toStdString());
        REQUIRE(acl.setEntry(e).code() == ErrorCode::InvalidArgument);
    }
    AclEntry unknownLevel = entry(QStringLiteral("A/VPTU"), AccessLevel::Reader);
    unknownLevel.level = static_cast<AccessLevel>(9);
    REQUIRE(acl.setEntry(unknownLevel).code() == ErrorCode::InvalidArgument);
    REQUIRE(acl.isEmpty());
}

TEST_CASE("Names match case-insensitively across Unicode normal forms and canonical labels", "[acl]")
{
    // Composed, decomposed, upper-case and CN=/OU=/O= spellings of one name are one name.
    const QString decomposed = kUser.normalized(QString::NormalizationForm_D);
    REQUIRE(decomposed != kUser);
    REQUIRE(namesEqual(kUser, decomposed));
    REQUIRE(namesEqual(kUser, kUser.toUpper()));
    REQUIRE(namesEqual(kUser, QStringLiteral("CN=Nguyễn Văn A/OU=VPTU/O=HaNoi")));
    REQUIRE_FALSE(namesEqual(kUser, QStringLiteral("Nguyen Van A/VPTU/HaNoi")));

    REQUIRE(wildcardMatches(u"*/VPTU/HaNoi", kUser));
    REQUIRE(wildcardMatches(u"*/vptu/hanoi", u"B/Office/VPTU/HaNoi"));
    REQUIRE_FALSE(wildcardMatches(u"*/VPTU/HaNoi", u"VPTU/HaNoi"));
    REQUIRE_FALSE(wildcardMatches(u"*/VPTU/HaNoi", u"C/HaNoi"));
    REQUIRE_FALSE(wildcardMatches(u"*/VPTU/HaNoi", u"C/XVPTU/HaNoi"));

    Acl acl;
    add(acl, entry(decomposed, AccessLevel::Editor, EntryKind::Person));
    add(acl, entry(kUser.toUpper(), AccessLevel::Reader, EntryKind::Person));
    REQUIRE(acl.entries().size() == 1);
    REQUIRE(acl.entry(kUser)->level == AccessLevel::Reader);
}

TEST_CASE("A person's own entry beats the groups they belong to, even when it is lower", "[acl]")
{
    // The user is a Reader by name and an Editor through a group: Reader wins, without the group's roles.
    Acl acl;
    add(acl, entry(kUser, AccessLevel::Reader, EntryKind::Person, {QStringLiteral("[Own]")}));
    add(acl,
        entry(QStringLiteral("VanThu"), AccessLevel::Editor, EntryKind::Group, {QStringLiteral("[Group]")}));
    Directory directory;
    directory.setGroup(QStringLiteral("VanThu"), {kUser});

    const EffectiveAccess access = resolve(acl, kUser, directory);
    REQUIRE(access.level == AccessLevel::Reader);
    REQUIRE(access.roles == QStringList{QStringLiteral("[Own]")});
    REQUIRE(access.groups == QStringList{QStringLiteral("VanThu")});
    REQUIRE(access.decidedBy == kUser);
}

TEST_CASE("A member of several groups gets the highest level and the union of rights and roles", "[acl]")
{
    // An Author group with delete and [A], and an Editor group with [B]: Editor, delete, both roles.
    Acl acl;
    AclEntry authors =
        entry(QStringLiteral("Authors"), AccessLevel::Author, EntryKind::Group, {QStringLiteral("[A]")});
    authors.rights |= DeleteDocuments;
    add(acl, authors);
    add(acl,
        entry(QStringLiteral("Editors"), AccessLevel::Editor, EntryKind::Group, {QStringLiteral("[B]")}));
    add(acl, entry(defaultEntryName(), AccessLevel::Manager));
    Directory directory;
    directory.setGroup(QStringLiteral("Authors"), {kUser});
    directory.setGroup(QStringLiteral("Editors"), {kUser});
    directory.setGroup(QStringLiteral("Unrelated"), {QStringLiteral("Someone/VPTU/HaNoi")});

    const EffectiveAccess access = resolve(acl, kUser, directory);
    REQUIRE(access.level == AccessLevel::Editor);
    REQUIRE(access.hasRight(DeleteDocuments));
    REQUIRE(access.hasRight(CreateDocuments));
    REQUIRE(access.roles == QStringList{QStringLiteral("[A]"), QStringLiteral("[B]")});
    REQUIRE(access.groups == QStringList{QStringLiteral("Authors"), QStringLiteral("Editors")});
}

TEST_CASE("Nested groups are resolved and a cycle of groups ends", "[acl]")
{
    // The user is in Inner, Inner in Middle, Middle in Outer and Outer in Middle again.
    Directory directory;
    directory.setGroup(QStringLiteral("Inner"), {kUser});
    directory.setGroup(QStringLiteral("Middle"), {QStringLiteral("inner"), QStringLiteral("Outer")});
    directory.setGroup(QStringLiteral("Outer"), {QStringLiteral("Middle")});
    REQUIRE(directory.groupsOf(kUser) ==
            QStringList{QStringLiteral("Inner"), QStringLiteral("Middle"), QStringLiteral("Outer")});
    REQUIRE(directory.groupsOf(QStringLiteral("Stranger/VPTU/HaNoi")).isEmpty());

    Acl acl;
    add(acl, entry(QStringLiteral("Outer"), AccessLevel::Designer, EntryKind::Group));
    REQUIRE(resolve(acl, kUser, directory).level == AccessLevel::Designer);
}

TEST_CASE("A wildcard entry applies to names of its organisation and loses to a group entry", "[acl]")
{
    // */VPTU/HaNoi gives Author to its people; two wildcards combine; a group entry still wins.
    Acl acl;
    add(acl, entry(QStringLiteral("*/VPTU/HaNoi"), AccessLevel::Author, EntryKind::Unspecified,
                   {QStringLiteral("[Staff]")}));
    add(acl, entry(QStringLiteral("*/HaNoi"), AccessLevel::Reader));
    add(acl, entry(defaultEntryName(), AccessLevel::NoAccess));
    Directory directory;

    EffectiveAccess access = resolve(acl, kUser, directory);
    REQUIRE(access.level == AccessLevel::Author);
    REQUIRE(access.roles == QStringList{QStringLiteral("[Staff]")});
    REQUIRE(resolve(acl, QStringLiteral("B/SoTC/HaNoi"), directory).level == AccessLevel::Reader);
    REQUIRE(resolve(acl, QStringLiteral("C/HCM"), directory).level == AccessLevel::NoAccess);

    directory.setGroup(QStringLiteral("Readers Only"), {kUser});
    add(acl, entry(QStringLiteral("Readers Only"), AccessLevel::Reader, EntryKind::Group));
    access = resolve(acl, kUser, directory);
    REQUIRE(access.level == AccessLevel::Reader);
    REQUIRE(access.roles.isEmpty());
}

TEST_CASE("A group may list a wildcard member", "[acl]")
{
    // Everyone under VPTU/HaNoi is in the Staff group, which the ACL names.
    Directory directory;
    directory.setGroup(QStringLiteral("Staff"), {QStringLiteral("*/VPTU/HaNoi")});
    Acl acl;
    add(acl, entry(QStringLiteral("Staff"), AccessLevel::Editor, EntryKind::Group));
    REQUIRE(resolve(acl, kUser, directory).level == AccessLevel::Editor);
    REQUIRE(resolve(acl, QStringLiteral("D/SoTC/HaNoi"), directory).level == AccessLevel::NoAccess);
}

TEST_CASE("A user matched by nothing gets the Default entry, or No Access without one", "[acl]")
{
    // Without -Default- a stranger has No Access; with one, its level, rights and roles.
    Acl acl;
    Directory directory;
    add(acl, entry(QStringLiteral("Other/VPTU/HaNoi"), AccessLevel::Manager, EntryKind::Person));
    EffectiveAccess access = resolve(acl, kUser, directory);
    REQUIRE(access.level == AccessLevel::NoAccess);
    REQUIRE(access.rights == 0);

    add(acl, entry(QStringLiteral("-default-"), AccessLevel::Reader, EntryKind::Unspecified,
                   {QStringLiteral("[Public]")}));
    REQUIRE(acl.entry(defaultEntryName())->name == defaultEntryName());
    access = resolve(acl, kUser, directory);
    REQUIRE(access.level == AccessLevel::Reader);
    REQUIRE(access.hasRight(Replicate));
    REQUIRE(access.roles == QStringList{QStringLiteral("[Public]")});
    REQUIRE(access.decidedBy == defaultEntryName());
}

TEST_CASE("The ACL survives a round trip through a real replica file", "[acl]")
{
    // Entries of every kind with rights and roles are saved, reopened and loaded unchanged.
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("acl.sen"));
    Acl acl;
    add(acl, entry(defaultEntryName(), AccessLevel::Reader));
    add(acl, entry(kUser, AccessLevel::Manager, EntryKind::Person,
                   {QStringLiteral("[Thủ trưởng]"), QStringLiteral("[Admin]")}));
    add(acl, entry(QStringLiteral("Server1/VPTU/HaNoi"), AccessLevel::Manager, EntryKind::Server));
    AclEntry authors = entry(QStringLiteral("Chuyên viên"), AccessLevel::Author, EntryKind::Group);
    authors.rights = DeleteDocuments; // no create, no replicate
    add(acl, authors);
    add(acl, entry(QStringLiteral("*/VPTU/HaNoi"), AccessLevel::Depositor));
    {
        auto store = ReplicaStore::create(path, ReplicaCreateOptions{});
        REQUIRE(store.isOk());
        REQUIRE(store.value()->saveAcl(acl).isOk());
        // Saving again replaces rather than adds.
        REQUIRE(store.value()->saveAcl(acl).isOk());
    }
    auto store = ReplicaStore::open(path);
    REQUIRE(store.isOk());
    auto loaded = store.value()->loadAcl();
    INFO(loaded.status().toString().toStdString());
    REQUIRE(loaded.isOk());
    REQUIRE(loaded.value() == acl);
    REQUIRE(loaded->entry(kUser)->roles ==
            QStringList{QStringLiteral("[Admin]"), QStringLiteral("[Thủ trưởng]")});
    REQUIRE(loaded->entry(QStringLiteral("chuyên viên"))->rights == DeleteDocuments);
    REQUIRE(AclTable::formatRoles(loaded->entry(kUser)->roles) == QStringLiteral("[Admin];[Thủ trưởng]"));
}

TEST_CASE("Bad file: an acl_entries row with an unknown kind, level, right or role text is reported as "
          "corruption",
          "[acl]")
{
    // Rows written behind the ACL layer's back (through SQLite, into the file) with kind 99,
    // level 9, right bits no version has or roles "Admin" fail to load, naming the row: never
    // cast to a kind or level.
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("bad.sen"));
    auto store = ReplicaStore::create(path, ReplicaCreateOptions{});
    REQUIRE(store.isOk());
    auto db = sql::SqlDatabase::open(path, {});
    REQUIRE(db.isOk());
    auto write = [&](const char* sql) {
        REQUIRE((*db)->exec(sql).isOk());
    };
    auto requireCorrupt = [&](const QString& named) {
        const auto loaded = store.value()->loadAcl();
        REQUIRE(loaded.code() == ErrorCode::Corruption);
        REQUIRE(loaded.message().contains(named));
    };

    write("INSERT INTO acl_entries(name, kind, level, rights, roles) VALUES ('X/VPTU', 1, 9, 0, '')");
    requireCorrupt(QStringLiteral("X/VPTU"));
    requireCorrupt(QStringLiteral("unknown access level 9"));

    write("UPDATE acl_entries SET level = 2, kind = 99");
    requireCorrupt(QStringLiteral("unknown kind 99"));

    write("UPDATE acl_entries SET kind = 1, rights = 1073741824");
    requireCorrupt(QStringLiteral("unknown right bits"));

    write("UPDATE acl_entries SET rights = 0, roles = 'Admin'");
    requireCorrupt(QStringLiteral("Admin"));

    write("UPDATE acl_entries SET roles = ''");
    REQUIRE(store.value()->loadAcl().isOk());
}
