// The merge rules of docs/merge.md, as pure functions over document versions.

#include "replication/merge/Merge.h"

#include "common/model/DocumentCodec.h"

#include <QRandomGenerator>

#include <algorithm>
#include <catch2/catch.hpp>

using namespace sen;
using merge::Outcome;

namespace {

InstanceId inst(std::uint8_t b)
{
    InstanceId id;
    id.data()[7] = b;
    return id;
}

// A replica's local edit of `doc`: the next counter of `who`, at time `ms`.
Document edited(Document doc, std::uint8_t who, qint64 ms, const QString& name, const QString& value)
{
    const std::uint64_t counter = doc.versions.get(inst(who)) + 100; // any counter above what it knew
    Item item = Item::text(name, value);
    item.stamp = {Dot{inst(who), counter}, makeHlc(ms, 0)};
    doc.putItem(item);
    doc.versions.set(inst(who), counter);
    return doc;
}

// As ReplicaStore::remove does: every live item becomes a tombstone of the deletion.
Document deleted(Document doc, std::uint8_t who, qint64 ms = 3000)
{
    const std::uint64_t counter = doc.versions.get(inst(who)) + 100;
    for (Item& item : doc.items) {
        if (!item.isTombstone()) {
            item.value = QCborValue();
            item.stamp = Stamp{Dot{inst(who), counter}, makeHlc(ms, 0)};
        }
    }
    doc.flags |= Deleted;
    doc.versions.set(inst(who), counter);
    return doc;
}

Document base()
{
    Document doc;
    doc.unid = *Unid::fromHex(QStringLiteral("0123456789abcdef0123456789abcdef"));
    doc.form = QStringLiteral("VanBanDen");
    doc = edited(doc, 1, 1000, QStringLiteral("TrichYeu"), QStringLiteral("gốc"));
    return edited(doc, 1, 1000, QStringLiteral("SoDen"), QStringLiteral("1"));
}

void requireSameBytes(const merge::MergeResult& a, const merge::MergeResult& b)
{
    REQUIRE(encodeDocument(a.merged) == encodeDocument(b.merged));
    REQUIRE(a.conflicts.size() == b.conflicts.size());
    for (std::size_t i = 0; i < a.conflicts.size(); ++i)
        REQUIRE(encodeDocument(a.conflicts[i]) == encodeDocument(b.conflicts[i]));
}

} // namespace

TEST_CASE("Merge: a document the replica lacks is inserted as received", "[merge]")
{
    const auto r = merge::merge(std::nullopt, base());
    REQUIRE(r.outcome == Outcome::Inserted);
    REQUIRE(r.merged == base());
}

TEST_CASE("Merge: an older or equal version changes nothing", "[merge]")
{
    const Document newer = edited(base(), 2, 2000, QStringLiteral("SoDen"), QStringLiteral("2"));
    REQUIRE(merge::merge(newer, base()).outcome == Outcome::Unchanged);
    REQUIRE(merge::merge(newer, newer).outcome == Outcome::Unchanged);
    REQUIRE(merge::merge(newer, base()).merged == newer);
}

TEST_CASE("Merge: a newer version that includes the local one fast-forwards", "[merge]")
{
    const Document newer = edited(base(), 2, 2000, QStringLiteral("SoDen"), QStringLiteral("2"));
    const auto r = merge::merge(base(), newer);
    REQUIRE(r.outcome == Outcome::FastForward);
    REQUIRE(r.merged == newer);
    REQUIRE(r.conflicts.empty());
}

TEST_CASE("Merge: concurrent edits of different items merge silently", "[merge]")
{
    // One office changes the subject while another changes the number: both survive.
    const Document a = edited(base(), 2, 2000, QStringLiteral("TrichYeu"), QStringLiteral("sửa ở A"));
    const Document b = edited(base(), 3, 1500, QStringLiteral("SoDen"), QStringLiteral("7"));
    const auto r = merge::merge(a, b);
    REQUIRE(r.outcome == Outcome::Merged);
    REQUIRE(r.conflicts.empty());
    REQUIRE(r.merged.text(QStringLiteral("TrichYeu")) == QStringLiteral("sửa ở A"));
    REQUIRE(r.merged.text(QStringLiteral("SoDen")) == QStringLiteral("7"));
    REQUIRE(r.merged.versions == VersionVector::merged(a.versions, b.versions));
    requireSameBytes(r, merge::merge(b, a));
}

TEST_CASE("Merge: an item added on each side merges silently", "[merge]")
{
    const Document a = edited(base(), 2, 2000, QStringLiteral("GhiChuA"), QStringLiteral("a"));
    const Document b = edited(base(), 3, 2000, QStringLiteral("GhiChuB"), QStringLiteral("b"));
    const auto r = merge::merge(a, b);
    REQUIRE(r.outcome == Outcome::Merged);
    REQUIRE(r.merged.items.size() == 4);
    requireSameBytes(r, merge::merge(b, a));
}

TEST_CASE("Merge: the same item changed on both sides goes to the later edit, the loser becomes a conflict "
          "document",
          "[merge]")
{
    const Document early = edited(base(), 2, 2000, QStringLiteral("TrichYeu"), QStringLiteral("sớm"));
    const Document late = edited(base(), 3, 3000, QStringLiteral("TrichYeu"), QStringLiteral("muộn"));
    const auto r = merge::merge(early, late);
    REQUIRE(r.outcome == Outcome::Conflicted);
    REQUIRE(r.merged.text(QStringLiteral("TrichYeu")) == QStringLiteral("muộn"));
    REQUIRE(r.conflicts.size() == 1);
    REQUIRE(r.conflicts[0].isConflict());
    REQUIRE(r.conflicts[0].parent == base().unid);
    REQUIRE(r.conflicts[0].text(QStringLiteral("TrichYeu")) == QStringLiteral("sớm"));
    REQUIRE(r.conflicts[0].versions == early.versions);
    REQUIRE(decodeDocument(encodeDocument(r.conflicts[0])).isOk());
    // The same two versions, met the other way round, give the same bytes.
    requireSameBytes(r, merge::merge(late, early));
}

TEST_CASE("Merge: equal times are broken by instance ID", "[merge]")
{
    const Document fromTwo = edited(base(), 2, 2000, QStringLiteral("TrichYeu"), QStringLiteral("hai"));
    const Document fromNine = edited(base(), 9, 2000, QStringLiteral("TrichYeu"), QStringLiteral("chín"));
    const auto r = merge::merge(fromTwo, fromNine);
    REQUIRE(r.merged.text(QStringLiteral("TrichYeu")) == QStringLiteral("chín"));
    requireSameBytes(r, merge::merge(fromNine, fromTwo));
}

TEST_CASE("Merge: each contested item goes to its own later edit, and each losing version is kept", "[merge]")
{
    // A changes the subject early and the number late; B changes both in between. The
    // number goes to A, the subject to B: each side lost an item, so both versions are kept.
    Document a = edited(base(), 2, 1000, QStringLiteral("TrichYeu"), QStringLiteral("a1"));
    a = edited(a, 2, 4000, QStringLiteral("SoDen"), QStringLiteral("a2"));
    Document b = edited(base(), 3, 2000, QStringLiteral("TrichYeu"), QStringLiteral("b1"));
    b = edited(b, 3, 3000, QStringLiteral("SoDen"), QStringLiteral("b2"));
    const auto r = merge::merge(a, b);
    REQUIRE(r.merged.text(QStringLiteral("TrichYeu")) == QStringLiteral("b1"));
    REQUIRE(r.merged.text(QStringLiteral("SoDen")) == QStringLiteral("a2"));
    REQUIRE(r.conflicts.size() == 2);
    requireSameBytes(r, merge::merge(b, a));
}

TEST_CASE("Merge: both sides setting the same value is no conflict", "[merge]")
{
    const Document a = edited(base(), 2, 2000, QStringLiteral("TrichYeu"), QStringLiteral("như nhau"));
    const Document b = edited(base(), 3, 2500, QStringLiteral("TrichYeu"), QStringLiteral("như nhau"));
    const auto r = merge::merge(a, b);
    REQUIRE(r.outcome == Outcome::Merged);
    REQUIRE(r.conflicts.empty());
    requireSameBytes(r, merge::merge(b, a));
}

TEST_CASE("Merge: an edit concurrent with a deletion wins and the document lives", "[merge]")
{
    // One office edits the subject after another deleted the document: the document lives
    // with the edit, the item the deleter saw and nobody touched since stays deleted, and the
    // vector takes in both sides, in either order, without a conflict document.
    const Document edit = edited(base(), 2, 2000, QStringLiteral("TrichYeu"), QStringLiteral("vẫn cần"));
    const Document gone = deleted(base(), 3, 1500);
    const auto revived = merge::merge(gone, edit);
    REQUIRE(revived.outcome == Outcome::Resurrected);
    REQUIRE(merge::merge(edit, gone).outcome == Outcome::Merged);
    for (const auto& r : {merge::merge(edit, gone), revived}) {
        REQUIRE_FALSE(r.merged.isDeleted());
        REQUIRE(r.conflicts.empty());
        REQUIRE(r.merged.text(QStringLiteral("TrichYeu")) == QStringLiteral("vẫn cần"));
        REQUIRE(r.merged.item(QStringLiteral("SoDen")) == nullptr);
        REQUIRE(r.merged.anyItem(QStringLiteral("SoDen"))->isTombstone());
        REQUIRE(r.merged.versions == VersionVector::merged(edit.versions, gone.versions));
    }
    requireSameBytes(merge::merge(edit, gone), revived);
}

TEST_CASE("Merge: a deletion later than a concurrent edit of the same item keeps the edit in a conflict "
          "document",
          "[merge]")
{
    // The subject is edited at 2000 and the document deleted at 3000 without either seeing
    // the other: the later removal wins the item, and the edited version is kept whole as a
    // conflict document, the same in either order. Nothing else of the document lived, so it
    // is deleted: before, it stayed "live" with no item, or deleted, depending on the order
    // it met a third version in (the three-version property below).
    const Document edit = edited(base(), 2, 2000, QStringLiteral("TrichYeu"), QStringLiteral("vẫn cần"));
    const Document gone = deleted(base(), 3, 3000);
    const auto a = merge::merge(edit, gone);
    const auto b = merge::merge(gone, edit);
    for (const auto& r : {a, b}) {
        REQUIRE(r.outcome == Outcome::Conflicted);
        REQUIRE(r.merged.isDeleted());
        REQUIRE(r.merged.anyItem(QStringLiteral("TrichYeu"))->isTombstone());
        REQUIRE(r.conflicts.size() == 1);
        REQUIRE(r.conflicts.front().text(QStringLiteral("TrichYeu")) == QStringLiteral("vẫn cần"));
    }
    requireSameBytes(a, b);
}

TEST_CASE("Merge: an edit that lost one item to a later deletion lives on by its other items", "[merge]")
{
    const Document edit =
        edited(edited(base(), 2, 2000, QStringLiteral("TrichYeu"), QStringLiteral("vẫn cần")), 2, 2000,
               QStringLiteral("GhiChu"), QStringLiteral("mới"));
    const Document gone = deleted(base(), 3, 3000);
    const auto r = merge::merge(gone, edit);
    REQUIRE(r.outcome == Outcome::Conflicted);
    REQUIRE_FALSE(r.merged.isDeleted());
    CHECK(r.merged.text(QStringLiteral("GhiChu")) == QStringLiteral("mới"));
    CHECK(r.merged.item(QStringLiteral("TrichYeu")) == nullptr);
    REQUIRE(r.conflicts.size() == 1);
    requireSameBytes(r, merge::merge(edit, gone));
}

TEST_CASE("Merge: a revived document then edited by the deleter holds what its vector claims", "[merge]")
{
    // Replay of convergence seed 4128550305: the deleting office adopts the survivor and
    // edits it. An office that still has the pre-deletion items receives only what its vector
    // does not know (field-level replication), so the deleted item must travel as a
    // tombstone whose stamp that office does not know.
    Document original = edited(base(), 3, 1500, QStringLiteral("GhiChu"), QStringLiteral("sẽ xoá"));
    const Document edit = edited(base(), 2, 2000, QStringLiteral("TrichYeu"), QStringLiteral("sửa"));
    const Document gone = deleted(original, 3, 2500);
    const auto revived = merge::merge(gone, edit).merged;
    REQUIRE(revived.anyItem(QStringLiteral("GhiChu"))->isTombstone());
    const Document later = edited(revived, 3, 4000, QStringLiteral("TrichYeu"), QStringLiteral("cuối"));
    const Item* note = later.anyItem(QStringLiteral("GhiChu"));
    REQUIRE(note->isTombstone());
    REQUIRE_FALSE(original.versions.knows(note->stamp.dot));
    REQUIRE(merge::merge(original, later).outcome == Outcome::FastForward);
}

TEST_CASE("Merge: a deletion that has seen the edit deletes the document", "[merge]")
{
    const Document edit = edited(base(), 2, 2000, QStringLiteral("TrichYeu"), QStringLiteral("x"));
    const Document gone = deleted(edit, 3);
    const auto r = merge::merge(edit, gone);
    REQUIRE(r.outcome == Outcome::FastForward);
    REQUIRE(r.merged.isDeleted());
    REQUIRE(merge::merge(gone, edit).outcome == Outcome::Unchanged);
}

TEST_CASE("Merge: an edit that survived one deletion is deleted by another that saw it, in any order",
          "[merge]")
{
    // An edit E and a deletion D1 that did not see it; a second deletion D2 that saw E but
    // not D1. Merged E + D1 lives (rule 5) holding E's item and D1's tombstones; D2 saw every
    // live item of that, so what lives after it is nothing: a deletion, as D1 + D2 then E
    // gives (D2 dominates E). Before, the first order kept a live document with no items
    // (the province simulation, SEN_SEED=2324972199; the process test, seed 21).
    const Document edit = edited(base(), 2, 2000, QStringLiteral("GhiChu"), QStringLiteral("x"));
    const Document d1 = deleted(base(), 3, 2500);
    const Document d2 = deleted(edit, 4, 3000);

    const auto survived = merge::merge(edit, d1);
    REQUIRE_FALSE(survived.merged.isDeleted());
    const auto first = merge::merge(survived.merged, d2);
    CHECK(first.merged.isDeleted());
    CHECK(std::all_of(first.merged.items.begin(), first.merged.items.end(),
                      [](const Item& item) { return item.isTombstone(); }));
    CHECK(first.outcome == Outcome::Merged);

    const auto stubs = merge::merge(d1, d2);
    const auto second = merge::merge(stubs.merged, edit);
    REQUIRE(second.merged.isDeleted());
    CHECK(encodeDocument(first.merged) == encodeDocument(second.merged));
    requireSameBytes(first, merge::merge(d2, survived.merged));
}

namespace {

// A registration awaiting its number: its register named, no number yet.
Document awaiting(const QString& form)
{
    Document doc;
    doc.unid = *Unid::fromHex(QStringLiteral("00112233445566778899aabbccddeeff"));
    doc.form = form;
    doc = edited(doc, 1, 1000, QStringLiteral("TrichYeu"), QStringLiteral("Về việc tổ chức hội nghị"));
    doc = edited(doc, 1, 1000, QStringLiteral("KyHieu"), QStringLiteral("NQ/HU"));
    return edited(doc, 1, 1000, QStringLiteral("SoVanBan"),
                  QStringLiteral("aa00aa00aa00aa00aa00aa00aa00aa00"));
}

// What a numbering writes (client/sync/NumberRequests.cpp): the number, and for an outgoing
// document the SoKyHieu composed with it, in one save.
Document numbered(Document doc, std::uint8_t who, qint64 ms)
{
    const bool incoming = doc.form == QStringLiteral("VanBanDen");
    const std::uint64_t counter = doc.versions.get(inst(who)) + 100;
    const Stamp stamp{Dot{inst(who), counter}, makeHlc(ms, 0)};
    Item number = Item::number(incoming ? QStringLiteral("SoDen") : QStringLiteral("So"), 7);
    number.stamp = stamp;
    doc.putItem(number);
    if (!incoming) {
        Item composed = Item::text(QStringLiteral("SoKyHieu"), QStringLiteral("7-NQ/HU"));
        composed.stamp = stamp;
        doc.putItem(composed);
    }
    doc.versions.set(inst(who), counter);
    return doc;
}

// A version in a line, for a failing property's message.
std::string describe(const Document& doc)
{
    QString out = doc.isDeleted() ? QStringLiteral("deleted") : QStringLiteral("live");
    if (doc.isConflict())
        out += QStringLiteral(" conflict");
    out += QStringLiteral(" vv{");
    for (const auto& [instance, counter] : doc.versions.entries())
        out += QStringLiteral("%1:%2 ").arg(int(instance.data()[7])).arg(counter);
    out += u'}';
    for (const Item& item : doc.items)
        out +=
            QStringLiteral(" %1=%2@%3:%4/%5")
                .arg(item.name, item.isTombstone() ? QStringLiteral("-") : item.value.toVariant().toString())
                .arg(int(item.stamp.dot.instance.data()[7]))
                .arg(item.stamp.dot.counter)
                .arg(qint64(item.stamp.time >> 16));
    return out.toStdString();
}

bool onlyNumberingLive(const Document& doc)
{
    return std::all_of(doc.items.begin(), doc.items.end(), [&](const Item& item) {
        return item.isTombstone() || item.name == QStringLiteral("SoDen") ||
               item.name == QStringLiteral("So") || item.name == QStringLiteral("SoKyHieu");
    });
}

} // namespace

TEST_CASE("Merge: a deletion wins over the numbering that met it; its stub keeps the number", "[merge]")
{
    // An office deletes a registration awaiting its number while another office writes the
    // number the server gave it. The number alone does not keep the registration alive (before,
    // rule 5 revived it with nothing but its number: the province test of issue #16, seed 31);
    // the stub keeps the number, which stays bound to it, so it is never given again.
    const QString form = GENERATE(QStringLiteral("VanBanDen"), QStringLiteral("VanBanDi"));
    INFO(form.toStdString());
    const Document doc = awaiting(form);
    const Document number = numbered(doc, 2, 2000);
    const qint64 deletionMs = GENERATE(1500, 2500); // before or after the numbering, by the clock
    const Document stub = deleted(doc, 3, deletionMs);

    const auto r = merge::merge(stub, number);
    requireSameBytes(r, merge::merge(number, stub));
    REQUIRE(r.merged.isDeleted());
    CHECK(r.outcome == Outcome::Merged);
    CHECK(r.conflicts.empty());
    CHECK(r.merged.versions == VersionVector::merged(stub.versions, number.versions));
    CHECK(onlyNumberingLive(r.merged));
    const Item* kept =
        r.merged.item(form == QStringLiteral("VanBanDen") ? QStringLiteral("SoDen") : QStringLiteral("So"));
    REQUIRE(kept);
    CHECK(kept->toNumber() == 7);
    CHECK(r.merged.anyItem(QStringLiteral("TrichYeu"))->isTombstone());
    // It survives the codec: a stub may keep a registration's number live, nothing else.
    const auto decoded = decodeDocument(encodeDocument(r.merged));
    REQUIRE(decoded.isOk());
    CHECK(encodeDocument(*decoded) == encodeDocument(r.merged));
    // Merging again changes nothing; another deletion of the registration keeps it deleted.
    CHECK(merge::merge(r.merged, number).outcome == Outcome::Unchanged);
    const Document other = deleted(doc, 4, 2200);
    const auto both = merge::merge(r.merged, other);
    CHECK(both.merged.isDeleted());
    requireSameBytes(both, merge::merge(merge::merge(stub, other).merged, number));
}

TEST_CASE("Merge: an edit of the content with the numbering keeps the registration alive, in any order",
          "[merge]")
{
    // The numbering does not keep a deleted registration alive, an edit of its content does
    // (rule 5), whichever of the three versions met first.
    const Document doc = awaiting(QStringLiteral("VanBanDi"));
    const Document number = numbered(doc, 2, 2000);
    const Document edit = edited(doc, 4, 2100, QStringLiteral("NoiNhan"), QStringLiteral("Các chi bộ"));
    const Document stub = deleted(doc, 3, 2500);

    const auto first = merge::merge(merge::merge(stub, number).merged, edit);
    const auto second = merge::merge(merge::merge(stub, edit).merged, number);
    const auto third = merge::merge(merge::merge(number, edit).merged, stub);
    REQUIRE_FALSE(first.merged.isDeleted());
    CHECK(encodeDocument(first.merged) == encodeDocument(second.merged));
    CHECK(encodeDocument(first.merged) == encodeDocument(third.merged));
    CHECK(first.merged.text(QStringLiteral("NoiNhan")) == QStringLiteral("Các chi bộ"));
    CHECK(first.merged.item(QStringLiteral("So"))->toNumber() == 7);
    CHECK(first.merged.item(QStringLiteral("TrichYeu")) == nullptr);
}

TEST_CASE("Merge: a stub with a live item other than a registration's number is corrupt", "[merge]")
{
    Document stub = deleted(awaiting(QStringLiteral("VanBanDen")), 3);
    Item subject = Item::text(QStringLiteral("TrichYeu"), QStringLiteral("còn sống"));
    subject.stamp = stub.anyItem(QStringLiteral("TrichYeu"))->stamp;
    stub.putItem(subject);
    CHECK(decodeDocument(encodeDocument(stub)).status().code() == ErrorCode::Corruption);
    // "So" is the sender's number on an incoming document, not the register's.
    Document so = deleted(awaiting(QStringLiteral("VanBanDen")), 3);
    Item sender = Item::number(QStringLiteral("So"), 12);
    sender.stamp = subject.stamp;
    so.putItem(sender);
    CHECK(decodeDocument(encodeDocument(so)).status().code() == ErrorCode::Corruption);
    // Nor does any other form keep a number in its stub.
    Document other = deleted(awaiting(QStringLiteral("VanBanDen")), 3);
    other.form = QStringLiteral("TinTuc");
    Item number = Item::number(QStringLiteral("SoDen"), 7);
    number.stamp = subject.stamp;
    other.putItem(number);
    CHECK(decodeDocument(encodeDocument(other)).status().code() == ErrorCode::Corruption);
}

TEST_CASE("Merge: two concurrent deletions leave one stub with both edits", "[merge]")
{
    const Document a = deleted(base(), 2);
    const Document b = deleted(base(), 3);
    const auto r = merge::merge(a, b);
    REQUIRE(r.merged.isDeleted());
    REQUIRE(r.merged.versions == VersionVector::merged(a.versions, b.versions));
    requireSameBytes(r, merge::merge(b, a));
}

TEST_CASE("Merge: random concurrent versions merge to the same bytes in either order", "[merge][property]")
{
    // Property: merge is symmetric. Random pairs of versions grown from one base by random
    // edits of a small set of items on two instances.
    const quint32 seed = qEnvironmentVariableIsSet("SEN_SEED") ? qgetenv("SEN_SEED").toUInt()
                                                               : QRandomGenerator::global()->generate();
    INFO("SEN_SEED=" << seed);
    QRandomGenerator random(seed);
    for (int round = 0; round < 2000; ++round) {
        Document a = base(), b = base();
        const int edits = random.bounded(1, 6);
        for (int i = 0; i < edits; ++i) {
            // Two of the names are the numbering's (SoDen; SoKyHieu is content on an incoming
            // document): a deletion wins over an edit of the number alone.
            static const QStringList names{QStringLiteral("I0"), QStringLiteral("I1"), QStringLiteral("I2"),
                                           QStringLiteral("SoDen"), QStringLiteral("SoKyHieu")};
            const QString name = names[random.bounded(int(names.size()))];
            const qint64 ms = 1000 + random.bounded(50);
            if (random.bounded(2))
                a = edited(a, 2, ms, name, QStringLiteral("a%1").arg(i));
            else
                b = edited(b, 3, ms, name, QStringLiteral("b%1").arg(i));
        }
        if (random.bounded(10) == 0)
            a = deleted(a, 2);
        const auto ab = merge::merge(a, b);
        const auto ba = merge::merge(b, a);
        requireSameBytes(ab, ba);
        // Merging again changes nothing.
        REQUIRE(merge::merge(ab.merged, a).outcome == Outcome::Unchanged);
        REQUIRE(merge::merge(ab.merged, b).outcome == Outcome::Unchanged);
        // The result includes both versions' edits, unless a deletion lost to an edit.
        if (!a.isDeleted() && !b.isDeleted()) {
            REQUIRE(ab.merged.versions.dominatesOrEquals(a.versions));
            REQUIRE(ab.merged.versions.dominatesOrEquals(b.versions));
        }
    }
}

TEST_CASE("Merge: three concurrent versions, deletions among them, merge to the same document in any order",
          "[merge][property]")
{
    // Property: a replica that meets three versions in any order holds the same document (its
    // conflict documents can differ with the order; they replicate as documents of their own).
    // Numbering names among the items, so a deletion meets edits of the number alone.
    const quint32 seed = qEnvironmentVariableIsSet("SEN_SEED") ? qgetenv("SEN_SEED").toUInt()
                                                               : QRandomGenerator::global()->generate();
    INFO("SEN_SEED=" << seed);
    QRandomGenerator random(seed);
    static const QStringList names{QStringLiteral("I0"), QStringLiteral("I1"), QStringLiteral("SoDen"),
                                   QStringLiteral("SoKyHieu")};
    for (int round = 0; round < 2000; ++round) {
        Document v[3] = {base(), base(), base()};
        for (int i = 0; i < 6; ++i) {
            const int side = random.bounded(3);
            if (random.bounded(3) == 0)
                continue;
            v[side] = edited(v[side], std::uint8_t(2 + side), 1000 + random.bounded(50),
                             names[random.bounded(int(names.size()))], QStringLiteral("v%1").arg(i));
        }
        for (int side = 0; side < 3; ++side)
            if (random.bounded(3) == 0)
                v[side] = deleted(v[side], std::uint8_t(2 + side), 1000 + random.bounded(50));
        const QByteArray abc = encodeDocument(merge::merge(merge::merge(v[0], v[1]).merged, v[2]).merged);
        const QByteArray acb = encodeDocument(merge::merge(merge::merge(v[0], v[2]).merged, v[1]).merged);
        const QByteArray bca = encodeDocument(merge::merge(merge::merge(v[1], v[2]).merged, v[0]).merged);
        INFO("round " << round);
        INFO("a: " << describe(v[0]));
        INFO("b: " << describe(v[1]));
        INFO("c: " << describe(v[2]));
        INFO("ab: " << describe(merge::merge(v[0], v[1]).merged));
        INFO("ab+c: " << describe(merge::merge(merge::merge(v[0], v[1]).merged, v[2]).merged));
        INFO("ac: " << describe(merge::merge(v[0], v[2]).merged));
        INFO("ac+b: " << describe(merge::merge(merge::merge(v[0], v[2]).merged, v[1]).merged));
        INFO("bc+a: " << describe(merge::merge(merge::merge(v[1], v[2]).merged, v[0]).merged));
        REQUIRE(abc == acb);
        REQUIRE(abc == bca);
    }
}
