// Dossiers (client/core/Dossiers.h): documents filed in a dossier by reference, in any number
// of dossiers, and filings by two people at once merging without a conflict.

#include "client/core/Dossiers.h"

#include "tests/replication/SyncFixture.h"

#include <algorithm>
#include <catch2/catch.hpp>

using namespace sen;
using client::Dossiers;

namespace {

QString S(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

Unid create(ReplicaStore& store, const QString& form, const QString& item, const QString& text)
{
    auto saved = store.save(DocumentEdit::create(form).set(Item::text(item, text)));
    REQUIRE(saved.isOk());
    return saved->unid;
}

Unid dossier(ReplicaStore& store, const QString& title)
{
    return create(store, Dossiers::kForm, QStringLiteral("TieuDeHoSo"), title);
}

Unid letter(ReplicaStore& store, const QString& subject)
{
    return create(store, QStringLiteral("VanBanDen"), QStringLiteral("TrichYeu"), subject);
}

// The members in UNID order (filings within one millisecond have no order of their own).
std::vector<Unid> memberUnids(const ReplicaStore& store, const Unid& folder)
{
    auto members = Dossiers::members(store, folder);
    REQUIRE(members.isOk());
    std::vector<Unid> out;
    for (const auto& m : *members)
        out.push_back(m.document);
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<Unid> sorted(std::vector<Unid> unids)
{
    std::sort(unids.begin(), unids.end());
    return unids;
}

} // namespace

TEST_CASE("Dossiers: a document is filed by reference in two dossiers and taken out of one", "[dossiers]")
{
    // A letter goes into the dossier of the conference and the dossier of the year's reports;
    // both list it, the letter is not copied, and taking it out of one leaves the other.
    test::SyncFixture f(1);
    ReplicaStore& store = f.replica(0);
    const Unid conference = dossier(store, S("Hồ sơ Hội nghị Ban Chấp hành lần thứ 15"));
    const Unid reports = dossier(store, S("Hồ sơ báo cáo năm 2026"));
    const Unid a = letter(store, S("Kế hoạch tổ chức Hội nghị"));
    const Unid b = letter(store, S("Báo cáo kết quả năm 2026"));
    const auto before = store.documentCount();
    REQUIRE(Dossiers::file(store, conference, a).isOk());
    REQUIRE(Dossiers::file(store, conference, b).isOk());
    REQUIRE(Dossiers::file(store, reports, b).isOk());
    REQUIRE(Dossiers::file(store, reports, b).isOk()); // again: nothing changes
    REQUIRE(store.documentCount().value() == before.value());
    REQUIRE(memberUnids(store, conference) == sorted({a, b}));
    REQUIRE(memberUnids(store, reports) == std::vector<Unid>{b});

    REQUIRE(Dossiers::unfile(store, conference, b).isOk());
    REQUIRE(memberUnids(store, conference) == std::vector<Unid>{a});
    REQUIRE(memberUnids(store, reports) == std::vector<Unid>{b});
    const auto dossier = store.get(conference); // held: the item points into it
    REQUIRE(dossier.isOk());
    const Item* removed = dossier->anyItem(Dossiers::memberItem(b));
    REQUIRE(removed);
    REQUIRE(removed->isTombstone()); // the removal replicates

    // A deleted document drops out of the listing.
    REQUIRE(store.remove(a).isOk());
    REQUIRE(memberUnids(store, conference).empty());
}

TEST_CASE("Dossiers: filing refuses what is not a dossier and a dossier in a dossier", "[dossiers]")
{
    // Filing into a letter, filing a dossier, and filing into a deleted dossier are refused
    // with clear errors and change nothing.
    test::SyncFixture f(1);
    ReplicaStore& store = f.replica(0);
    const Unid folder = dossier(store, S("Hồ sơ A"));
    const Unid other = dossier(store, S("Hồ sơ B"));
    const Unid a = letter(store, S("Công văn"));
    REQUIRE(Dossiers::file(store, a, folder).code() == ErrorCode::InvalidArgument);
    REQUIRE(Dossiers::file(store, folder, other).code() == ErrorCode::InvalidArgument);
    REQUIRE(store.remove(other).isOk());
    REQUIRE(Dossiers::file(store, other, a).code() == ErrorCode::NotFound);
    REQUIRE(Dossiers::members(store, folder)->empty());
}

TEST_CASE("Dossiers: two people filing into one dossier at once keep both filings", "[dossiers]")
{
    // Replica 1 and replica 2 each file a different letter into the same dossier without
    // seeing each other; after they sync through replica 0 every replica lists both letters,
    // no conflict document is made, and the replicas are identical.
    test::SyncFixture f(3);
    const Unid folder = dossier(f.replica(0), S("Hồ sơ chuyển đổi số"));
    const Unid a = letter(f.replica(0), S("Kế hoạch chuyển đổi số"));
    const Unid b = letter(f.replica(0), S("Báo cáo chuyển đổi số"));
    REQUIRE(f.sync(1, 0).ok());
    REQUIRE(f.sync(2, 0).ok());
    REQUIRE(Dossiers::file(f.replica(1), folder, a).isOk());
    REQUIRE(Dossiers::file(f.replica(2), folder, b).isOk());
    REQUIRE(f.sync(1, 0).ok());
    REQUIRE(f.sync(2, 0).ok());
    REQUIRE(f.sync(1, 0).ok());
    for (int r = 0; r < 3; ++r) {
        INFO("replica " << r);
        REQUIRE(memberUnids(f.replica(r), folder) == sorted({a, b}));
        bool conflict = false;
        REQUIRE(f.replica(r)
                    .forEachDocument([&](const Document& doc) {
                        conflict = conflict || doc.isConflict();
                        return true;
                    })
                    .isOk());
        REQUIRE_FALSE(conflict);
    }
    REQUIRE(f.dump(0) == f.dump(1));
    REQUIRE(f.dump(0) == f.dump(2));
}
