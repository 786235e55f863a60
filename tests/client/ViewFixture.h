#pragma once

// A documents (or calendar) replica on disk with its view cache beside it, and helpers
// that save the demo's document shapes, locally or as if received from another office.

#include "client/views/ViewCacheFile.h"
#include "client/views/ViewCatalog.h"
#include "client/views/ViewIndex.h"
#include "client/views/ViewQuery.h"
#include "common/store/ReplicaStore.h"
#include "tests/support/TempDir.h"

#include <QDateTime>
#include <QTimeZone>

#include <catch2/catch.hpp>

namespace sen::test {

inline QString S(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

// Noon UTC of a day in November 2026: the same date in every time zone of the office.
inline QDateTime november(int day)
{
    return QDateTime(QDate(2026, 11, day), QTime(12, 0), QTimeZone::utc());
}

inline void requireOk(const Status& status)
{
    INFO(status.toString().toStdString());
    REQUIRE(status.isOk());
}

template <typename T>
T requireValue(Result<T> result)
{
    INFO(result.status().toString().toStdString());
    REQUIRE(result.isOk());
    return std::move(result).value();
}

struct Incoming
{
    int number = 1;
    int arrived = 16; // day of November 2026
    QString type = QStringLiteral("Công văn");
    QString status = QStringLiteral("Đang xử lý");
    QString subject = QStringLiteral("V/v báo cáo");
    QString issuer = QStringLiteral("Tỉnh ủy Hà Nam");
    QStringList handlers;
};

class ViewFixture
{
public:
    explicit ViewFixture(DatabaseKind kind = DatabaseKind::Documents)
        : m_kind(kind), m_user(S("Nguyễn Văn An/VPTU/HaNoi"))
    {
        ReplicaCreateOptions options;
        options.title = S("Văn bản");
        options.kind = kind;
        store = requireValue(ReplicaStore::create(dir.path(QStringLiteral("docs.sen")), options));
        cachePath = views::ViewCacheFile::pathFor(store->path());
    }

    const QString& user() const { return m_user; }

    std::vector<views::ViewDefinition> definitions() const { return views::ViewCatalog::viewsFor(m_kind); }

    views::ViewIndex& index()
    {
        if (!m_index)
            m_index = requireValue(views::ViewIndex::open(*store, cachePath, definitions(), m_user));
        return *m_index;
    }
    void closeIndex() { m_index.reset(); }
    views::ViewIndex::UpdateStats update() { return requireValue(index().update()); }

    std::unique_ptr<views::ViewQuery> query(const char* viewId)
    {
        auto def = views::ViewCatalog::find(m_kind, QString::fromLatin1(viewId));
        REQUIRE(def);
        return requireValue(views::ViewQuery::open(cachePath, *def, m_user));
    }

    Item dateItem(const char* name, int day) const
    {
        return Item::dateTime(QString::fromLatin1(name), november(day));
    }

    DocumentEdit incomingEdit(const Incoming& in, DocumentEdit edit) const
    {
        edit.set(Item::number(QStringLiteral("SoDen"), in.number))
            .set(dateItem("NgayDen", in.arrived))
            .set(dateItem("NgayBanHanh", in.arrived - 2))
            .set(
                Item::text(QStringLiteral("SoKyHieu"), QString::number(in.number) + QStringLiteral("-CV/TU")))
            .set(Item::text(QStringLiteral("CoQuanBanHanh"), in.issuer))
            .set(Item::text(QStringLiteral("LoaiVanBan"), in.type))
            .set(Item::text(QStringLiteral("TrichYeu"), in.subject))
            .set(Item::text(QStringLiteral("TrangThai"), in.status));
        if (!in.handlers.isEmpty())
            edit.set(Item::names(QStringLiteral("NguoiXuLy"), ItemType::Names, in.handlers));
        return edit;
    }

    // A VanBanDen saved here (read: this replica made it).
    Unid incoming(const Incoming& in)
    {
        return requireValue(store->save(incomingEdit(in, DocumentEdit::create(QStringLiteral("VanBanDen")))))
            .unid;
    }

    // A document as another office's replica made it, stored as replication stores it.
    Unid received(const QString& form, std::vector<Item> items, std::optional<Unid> parent = std::nullopt,
                  int flags = 0)
    {
        Document doc;
        doc.unid = newUnid();
        doc.form = form;
        doc.parent = parent;
        doc.flags = flags;
        const Stamp stamp{Dot{m_otherOffice, ++m_otherCounter}, makeHlc(november(20).toMSecsSinceEpoch(), 0)};
        for (Item& item : items) {
            item.stamp = stamp;
            doc.putItem(std::move(item));
        }
        doc.versions.set(m_otherOffice, m_otherCounter);
        requireOk(store->batch([&] { return store->replication().putReplicated(doc); }));
        return doc.unid;
    }

    Unid receivedIncoming(const Incoming& in)
    {
        DocumentEdit edit = incomingEdit(in, DocumentEdit::create(QStringLiteral("VanBanDen")));
        return received(QStringLiteral("VanBanDen"), edit.sets());
    }

    TempDir dir;
    std::unique_ptr<ReplicaStore> store;
    QString cachePath;

private:
    DatabaseKind m_kind;
    QString m_user;
    std::unique_ptr<views::ViewIndex> m_index;
    InstanceId m_otherOffice = InstanceId::fromHex(QStringLiteral("0102030405060708")).value();
    std::uint64_t m_otherCounter = 0;
};

// The values of one column over rows.
inline QStringList columnOf(const std::vector<views::ViewRow>& rows, int column)
{
    QStringList values;
    for (const auto& row : rows)
        values.push_back(row.values.value(column));
    return values;
}

} // namespace sen::test
