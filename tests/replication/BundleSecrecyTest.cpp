// A bundle is nobody's authenticated push: importing one applies the secrecy rule exactly as
// the server applies it to a push (issue #11, point 13).

#include "replication/bundle/Bundle.h"
#include "replication/merge/ApplyVersion.h"
#include "tests/replication/BundleIds.h"
#include "tests/replication/SyncFixture.h"

#include <QBuffer>
#include <QDateTime>

#include <catch2/catch.hpp>

using namespace sen;

namespace {

// A version as another office's tampered replica would hold it: not saved through
// ReplicaStore::save (which applies the rule), but stored as a received version.
Document forged(const InstanceId& instance, std::uint64_t counter, std::vector<Item> items)
{
    Document doc;
    doc.unid = newUnid();
    doc.form = QStringLiteral("VanBanDen");
    doc.versions.set(instance, counter);
    std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.name < b.name; });
    for (Item& item : items) {
        item.stamp = Stamp{Dot{instance, counter}, makeHlc(QDateTime::currentMSecsSinceEpoch(), 0)};
        doc.items.push_back(std::move(item));
    }
    return doc;
}

} // namespace

TEST_CASE("Bad file: a bundle carrying a classified document with a body is refused at import", "[bundle]")
{
    // Office A's replica holds a Mật document with its body (planted as a received version)
    // and an ordinary one; the bundle it writes brings B the ordinary document only.
    test::SyncFixture f(2);
    const InstanceId elsewhere = newInstanceId();
    const Document secret =
        forged(elsewhere, 1,
               {Item::text(QStringLiteral("DoMat"), QStringLiteral("Mật")),
                Item::text(QStringLiteral("TrichYeu"), QStringLiteral("V/v kế hoạch")),
                Item::richText(QStringLiteral("NoiDung"), QStringLiteral("<p>Toàn văn kế hoạch</p>"))});
    const Document ordinary =
        forged(elsewhere, 2, {Item::text(QStringLiteral("TrichYeu"), QStringLiteral("V/v họp giao ban"))});
    for (const Document& doc : {secret, ordinary}) {
        REQUIRE(f.replica(0)
                    .batch([&]() -> Status {
                        return merge::applyVersion(f.replica(0), doc, std::optional<Document>()).status();
                    })
                    .isOk());
    }

    test::BundleIds ids;
    const auto info =
        test::importSigned(f.replica(1), test::writeSigned(f.replica(0), ids.office), ids.trust());
    INFO(info.status().toString().toStdString());
    REQUIRE(info.isOk());
    REQUIRE(info->refused == 1);
    REQUIRE_FALSE(f.replica(1).find(secret.unid).value().has_value());
    REQUIRE(f.replica(1).find(ordinary.unid).value().has_value());
}
