#pragma once

// What every view of a cache shows (snapshot), to compare two builds, and a replica of mixed
// documents to build them from (fill): incoming (some received, some with a handler),
// outgoing and internal documents, comments, a conflict and deletions.

#include "tests/client/ViewFixture.h"

namespace sen::test {

// Everything a reader sees of every view: rows in the default order, categories, responses.
inline QStringList snapshot(const QString& cachePath, const std::vector<views::ViewDefinition>& defs,
                            const QString& user)
{
    QStringList lines;
    for (const views::ViewDefinition& def : defs) {
        auto q = requireValue(views::ViewQuery::open(cachePath, def, user));
        lines << def.id + QStringLiteral(": ") + QString::number(requireValue(q->count()));
        for (const views::ViewCategory& c : requireValue(q->categories()))
            lines << QStringLiteral("  category %1 (%2)").arg(c.title).arg(c.count);
        const auto describe = [&](const views::ViewRow& r, const char* indent) {
            lines << QString::fromLatin1(indent) + QString::number(r.id) + u' ' + r.unid.toHex() + u' ' +
                         (r.parent ? r.parent->toHex() : QString()) + u' ' +
                         r.values.join(QStringLiteral(" | ")) + (r.unread ? u" unread" : u"") +
                         (r.conflict ? u" conflict" : u"") + (r.hasResponses ? u" +" : u"");
        };
        for (const views::ViewRow& r : requireValue(q->rows(q->defaultSort(), 0, 1000))) {
            describe(r, "  ");
            for (const views::ViewRow& response : requireValue(q->responses(r.unid)))
                describe(response, "    ");
        }
    }
    return lines;
}

// A replica of incoming (some received, some with a handler), outgoing and internal
// documents, comments, a conflict and deletions.
inline void fill(ViewFixture& f)
{
    std::vector<Unid> unids;
    for (int n = 1; n <= 24; ++n) {
        Incoming in{.number = n, .arrived = 1 + n % 20};
        in.issuer = n % 3 ? S("Tỉnh ủy Hà Nam") : S("Đảng ủy Khối");
        in.status = n % 4 ? S("Đang xử lý") : S("Đã xử lý");
        if (n % 5 == 0)
            in.handlers = {f.user()};
        unids.push_back(n % 2 ? f.incoming(in) : f.receivedIncoming(in));
    }
    for (int n = 1; n <= 6; ++n)
        requireOk(
            f.store
                ->save(
                    DocumentEdit::create(n % 2 ? QStringLiteral("VanBanDi") : QStringLiteral("VanBanNoiBo"))
                        .set(f.dateItem("NgayBanHanh", n))
                        .set(Item::text(QStringLiteral("SoKyHieu"), QString::number(n) + S("-TB/HU")))
                        .set(Item::text(QStringLiteral("LoaiVanBan"), S("Thông báo"))))
                .status());
    requireOk(f.store
                  ->save(DocumentEdit::create(QStringLiteral("YKien"), unids[0])
                             .set(Item::text(QStringLiteral("TrichYeu"), S("Ý kiến"))))
                  .status());
    f.received(QStringLiteral("VanBanDen"), {Item::text(QStringLiteral("TrichYeu"), S("Bản bị thay thế"))},
               unids[1], DocumentFlag::IsConflict);
    requireOk(f.store->remove(unids[2]).status());
    requireOk(f.store->save(DocumentEdit::update(unids[3]).set(f.dateItem("NgayDen", 28))).status());
}

} // namespace sen::test
