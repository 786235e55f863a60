// Document-level access decisions: read, create, update, delete, replicate and pushes.

#include "common/acl/AccessCheck.h"

#include "common/acl/PushDecision.h"

#include <catch2/catch.hpp>

using namespace sen;
using namespace sen::acl;

namespace {

const QString kUser = QStringLiteral("Nguyễn Văn A/VPTU/HaNoi");

EffectiveAccess accessAt(AccessLevel level, int rights = -1, const QStringList& groups = {},
                         const QStringList& roles = {})
{
    EffectiveAccess access;
    access.userName = kUser;
    access.level = level;
    access.rights = normalizedRights(level, rights < 0 ? defaultRights(level) : rights);
    access.groups = groups;
    access.roles = roles;
    return access;
}

Document document(const QStringList& readers = {}, const QStringList& authors = {})
{
    Document doc;
    doc.unid = newUnid();
    doc.form = QStringLiteral("VanBanDen");
    doc.putItem(Item::text(QStringLiteral("TrichYeu"), QStringLiteral("Về kế hoạch công tác")));
    if (!readers.isEmpty())
        doc.putItem(Item::names(QStringLiteral("DocGia"), ItemType::Readers, readers));
    if (!authors.isEmpty())
        doc.putItem(Item::names(QStringLiteral("TacGia"), ItemType::Authors, authors));
    return doc;
}

Document stubOf(const Document& doc)
{
    Document stub;
    stub.unid = doc.unid;
    stub.flags = Deleted;
    return stub;
}

} // namespace

TEST_CASE("Every level gets the expected answer for read, create, update and delete", "[acl]")
{
    // With default rights, on an unrestricted document that names nobody as author.
    struct Row
    {
        AccessLevel level;
        bool read, create, update, remove;
    };
    const std::vector<Row> table{
        {AccessLevel::NoAccess, false, false, false, false},
        {AccessLevel::Depositor, false, true, false, false},
        {AccessLevel::Reader, true, false, false, false},
        {AccessLevel::Author, true, true, false, false},
        {AccessLevel::Editor, true, true, true, false},
        {AccessLevel::Designer, true, true, true, true},
        {AccessLevel::Manager, true, true, true, true},
    };
    const Document doc = document();
    Document changed = doc;
    changed.putItem(Item::text(QStringLiteral("TrichYeu"), QStringLiteral("Sửa")));
    for (const Row& row : table) {
        INFO(accessLevelName(row.level).toStdString());
        const EffectiveAccess access = accessAt(row.level);
        CHECK(canRead(access, doc).isOk() == row.read);
        CHECK(canCreate(access, doc).isOk() == row.create);
        CHECK(canUpdate(access, doc, changed).isOk() == row.update);
        CHECK(canDelete(access, doc).isOk() == row.remove);
        for (const Status& s : {canRead(access, doc), canCreate(access, doc), canUpdate(access, doc, changed),
                                canDelete(access, doc)}) {
            if (!s.isOk()) {
                CHECK(s.code() == ErrorCode::PermissionDenied);
                CHECK(s.message().contains(kUser));
            }
        }
    }
}

TEST_CASE("An Author edits and deletes only documents whose stored Authors item names them", "[acl]")
{
    // Named by name, group or role in the stored Authors item: allowed; naming oneself in the new version is
    // not enough.
    const EffectiveAccess author = accessAt(AccessLevel::Author, CreateDocuments | DeleteDocuments,
                                            {QStringLiteral("Phòng HC")}, {QStringLiteral("[Văn thư]")});
    for (const QString& name : {kUser, QStringLiteral("phòng hc"), QStringLiteral("[văn thư]")}) {
        const Document own = document({}, {name});
        CHECK(canUpdate(author, own, own).isOk());
        CHECK(canDelete(author, own).isOk());
    }
    const Document others = document({}, {QStringLiteral("Other/VPTU/HaNoi")});
    Document hijack = others;
    hijack.putItem(Item::names(QStringLiteral("TacGia"), ItemType::Authors, {kUser}));
    const Status update = canUpdate(author, others, hijack);
    REQUIRE(update.code() == ErrorCode::PermissionDenied);
    REQUIRE(update.message().contains(QStringLiteral("Authors")));
    REQUIRE(canDelete(author, others).code() == ErrorCode::PermissionDenied);
    // An Editor needs no Authors item.
    REQUIRE(canUpdate(accessAt(AccessLevel::Editor), others, hijack).isOk());
}

TEST_CASE("Readers items restrict reading to the names, groups and roles they list", "[acl]")
{
    // Several Readers items unite; a user named by group or role reads; a stranger does not.
    Document doc = document({QStringLiteral("Lãnh đạo")});
    doc.putItem(Item::names(QStringLiteral("DocGiaThem"), ItemType::Readers, {QStringLiteral("[Thư ký]")}));
    CHECK(canRead(accessAt(AccessLevel::Reader, -1, {QStringLiteral("LÃNH ĐẠO")}), doc).isOk());
    CHECK(canRead(accessAt(AccessLevel::Reader, -1, {}, {QStringLiteral("[Thư ký]")}), doc).isOk());
    const Status stranger = canRead(accessAt(AccessLevel::Editor), doc);
    REQUIRE(stranger.code() == ErrorCode::PermissionDenied);
    REQUIRE(stranger.message().contains(doc.unid.toHex()));
    // A wildcard in a Readers item covers the organisation.
    CHECK(canRead(accessAt(AccessLevel::Reader), document({QStringLiteral("*/VPTU/HaNoi")})).isOk());
    // An empty Readers item restricts nothing.
    Document empty = document();
    empty.putItem(Item::names(QStringLiteral("DocGia"), ItemType::Readers, {}));
    CHECK(canRead(accessAt(AccessLevel::Reader), empty).isOk());
}

TEST_CASE("A Manager not named in a Readers item can neither read, change nor delete the document", "[acl]")
{
    // Notes gives no level a way around Readers items, Manager included.
    const EffectiveAccess manager = accessAt(AccessLevel::Manager);
    const Document doc = document({QStringLiteral("Bí thư/VPTU/HaNoi")});
    CHECK(canRead(manager, doc).code() == ErrorCode::PermissionDenied);
    CHECK(canUpdate(manager, doc, doc).code() == ErrorCode::PermissionDenied);
    CHECK(canDelete(manager, doc).code() == ErrorCode::PermissionDenied);
}

TEST_CASE("A user named only in an Authors item can read a document with Readers items", "[acl]")
{
    // The Readers item names someone else, the Authors item names the user.
    const Document doc = document({QStringLiteral("Bí thư/VPTU/HaNoi")}, {kUser});
    CHECK(canRead(accessAt(AccessLevel::Reader), doc).isOk());
    CHECK(canUpdate(accessAt(AccessLevel::Author), doc, doc).isOk());
}

TEST_CASE("An Author without the create right cannot create but still edits own documents", "[acl]")
{
    // The --no-create Author of Notes: existing documents naming them stay editable.
    const EffectiveAccess author = accessAt(AccessLevel::Author, Replicate);
    const Document own = document({}, {kUser});
    REQUIRE(canCreate(author, own).code() == ErrorCode::PermissionDenied);
    REQUIRE(canUpdate(author, own, own).isOk());
    // Editors always create, whatever bits are given.
    REQUIRE(canCreate(accessAt(AccessLevel::Editor, 0), own).isOk());
}

TEST_CASE("Without the delete right no level deletes, and with it Reader still cannot", "[acl]")
{
    // Manager with delete removed, Editor by default, and a Reader given the bit by hand.
    REQUIRE(canDelete(accessAt(AccessLevel::Manager, CreateDocuments), document()).code() ==
            ErrorCode::PermissionDenied);
    REQUIRE(canDelete(accessAt(AccessLevel::Editor), document()).code() == ErrorCode::PermissionDenied);
    REQUIRE(canDelete(accessAt(AccessLevel::Editor, DeleteDocuments), document()).isOk());
    EffectiveAccess reader = accessAt(AccessLevel::Reader);
    reader.rights = kKnownAclRights;
    REQUIRE(canDelete(reader, document()).code() == ErrorCode::PermissionDenied);
}

TEST_CASE("A Depositor creates documents but cannot read them, even its own", "[acl]")
{
    // The document names the depositor as author and reader; reading is still refused.
    const EffectiveAccess depositor = accessAt(AccessLevel::Depositor);
    const Document own = document({kUser}, {kUser});
    REQUIRE(canCreate(depositor, own).isOk());
    const Status read = canRead(depositor, own);
    REQUIRE(read.code() == ErrorCode::PermissionDenied);
    REQUIRE(read.message().contains(QStringLiteral("Depositor")));
    REQUIRE_FALSE(canUpdate(depositor, own, own).isOk());
}

TEST_CASE("Reader replicates by default but not with the right removed, and a Depositor never", "[acl]")
{
    // The Replicate right is a database-level check.
    REQUIRE(canReplicate(accessAt(AccessLevel::Reader)).isOk());
    REQUIRE(canReplicate(accessAt(AccessLevel::Manager, CreateDocuments)).code() ==
            ErrorCode::PermissionDenied);
    REQUIRE(canReplicate(accessAt(AccessLevel::Depositor, kKnownAclRights)).code() ==
            ErrorCode::PermissionDenied);
}

TEST_CASE("A pushed version is classified as create, update or delete and checked as such", "[acl]")
{
    // Every row of the table in PushDecision.h, for an Author who may create and delete own documents.
    const EffectiveAccess author = accessAt(AccessLevel::Author, CreateDocuments | DeleteDocuments);
    const Document own = document({}, {kUser});
    const Document others = document({}, {QStringLiteral("Other/VPTU/HaNoi")});

    PushDecision d = decidePush(author, std::nullopt, own);
    CHECK(d.action == PushAction::Create);
    CHECK(d.allowed());
    d = decidePush(author, own, own);
    CHECK(d.action == PushAction::Update);
    CHECK(d.allowed());
    d = decidePush(author, others, others);
    CHECK(d.action == PushAction::Update);
    CHECK_FALSE(d.allowed());
    d = decidePush(author, own, stubOf(own));
    CHECK(d.action == PushAction::Delete);
    CHECK(d.allowed());
    d = decidePush(author, others, stubOf(others));
    CHECK(d.action == PushAction::Delete);
    CHECK(d.status.code() == ErrorCode::PermissionDenied);
    d = decidePush(author, stubOf(own), own);
    CHECK(d.action == PushAction::Create);
    CHECK(d.allowed());
    d = decidePush(author, std::nullopt, stubOf(others));
    CHECK(d.action == PushAction::Delete);
    CHECK(d.allowed());
    CHECK(pushActionName(d.action) == QStringLiteral("delete"));
    // A stub over the stub held deletes nothing (a numbering merged with the deletion it met,
    // docs/merge.md rule 5): no right to delete is needed, only that the peer writes.
    EffectiveAccess noDelete = accessAt(AccessLevel::Editor);
    noDelete.rights &= ~DeleteDocuments;
    d = decidePush(noDelete, stubOf(others), stubOf(others));
    CHECK(d.action == PushAction::Delete);
    CHECK(d.allowed());
    CHECK_FALSE(decidePush(noDelete, others, stubOf(others)).allowed());
    CHECK_FALSE(decidePush(noDelete, std::nullopt, stubOf(others)).allowed());

    // A Reader pushes nothing, and a stub without the delete right is refused.
    const EffectiveAccess reader = accessAt(AccessLevel::Reader);
    CHECK_FALSE(decidePush(reader, std::nullopt, own).allowed());
    CHECK_FALSE(decidePush(reader, own, own).allowed());
    CHECK_FALSE(decidePush(reader, stubOf(own), stubOf(own)).allowed());

    // The secrecy rule applies to pushes, even from a Manager.
    Document secret = document();
    secret.putItem(Item::text(QStringLiteral("DoMat"), QStringLiteral("Tối mật")));
    secret.putItem(Item::richText(QStringLiteral("Body"), QStringLiteral("<p>nội dung</p>")));
    d = decidePush(accessAt(AccessLevel::Manager), std::nullopt, secret);
    CHECK(d.action == PushAction::Create);
    CHECK(d.status.code() == ErrorCode::PermissionDenied);
    CHECK(d.status.message().contains(QStringLiteral("Body")));
}
