#include "tests/golden/GoldenInputs.h"

#include "common/core/HybridClock.h"

#include <QCborArray>
#include <QStringList>

namespace sen::golden {

namespace {

template <typename Id>
Id idFromHex(const char* hex)
{
    return Id::fromHex(QString::fromLatin1(hex)).value();
}

Unid everyItemTypeUnid()
{
    return idFromHex<Unid>("019b8d2a3f4000005e4e00000000a001");
}

Item stamped(Item item, const InstanceId& instance, std::uint64_t counter, qint64 ms,
             std::uint16_t logical = 0)
{
    item.stamp = {Dot{instance, counter}, makeHlc(ms, logical)};
    return item;
}

Item tombstone(const QString& name, ItemType type)
{
    Item item;
    item.name = name;
    item.type = type;
    return item;
}

AttachmentRef oneChunkRef(const QString& fileName, const QByteArray& bytes)
{
    AttachmentRef ref;
    ref.fileName = fileName;
    ref.size = static_cast<std::uint64_t>(bytes.size());
    ref.sha256 = crypto::Sha256::hash(bytes);
    ref.chunks.push_back({ref.sha256, static_cast<std::uint32_t>(bytes.size())});
    return ref;
}

} // namespace

ReplicaId replicaId()
{
    return idFromHex<ReplicaId>("5e4e676f6c64656e0000000000000001");
}

InstanceId serverInstance()
{
    return idFromHex<InstanceId>("5e4e00000000a001");
}

InstanceId clientInstance()
{
    return idFromHex<InstanceId>("5e4e00000000b002");
}

InstanceId fileInstance()
{
    return idFromHex<InstanceId>("5e4e00000000c003");
}

QByteArray textAttachmentBytes()
{
    // About 3 KiB of a decision's text: zstd makes it far smaller than 7/8 of its size.
    const QString paragraph =
        QStringLiteral("QUYẾT ĐỊNH về việc tổ chức Hội nghị Ban Chấp hành Đảng bộ. Điều 1. Tổ chức Hội nghị "
                       "vào ngày 15 tháng 01 năm 2026 tại Hội trường Văn phòng Tỉnh ủy. Điều 2. Các đồng chí "
                       "Ủy viên Ban Chấp hành có trách nhiệm thi hành Quyết định này.\n");
    QString text;
    for (int i = 0; i < 12; ++i)
        text += paragraph;
    return text.toUtf8();
}

QByteArray binaryAttachmentBytes()
{
    // 1 KiB from xorshift32 seeded with "SEN1": no zstd gain, so the chunk is stored raw.
    QByteArray bytes;
    std::uint32_t x = 0x53454E31;
    for (int i = 0; i < 1024; ++i) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        bytes.append(static_cast<char>(x & 0xff));
    }
    return bytes;
}

AttachmentRef textAttachment()
{
    return oneChunkRef(QStringLiteral("quyet-dinh.txt"), textAttachmentBytes());
}

AttachmentRef binaryAttachment()
{
    return oneChunkRef(QStringLiteral("anh-chup.bin"), binaryAttachmentBytes());
}

QString textAttachmentItem()
{
    return QStringLiteral("$File:quyet-dinh.txt");
}

QString binaryAttachmentItem()
{
    return QStringLiteral("$File:anh-chup.bin");
}

Document everyItemTypeDocument()
{
    const InstanceId s = serverInstance();
    const InstanceId c = clientInstance();
    const qint64 t = kBaseMs;
    Document doc;
    doc.unid = everyItemTypeUnid();
    doc.form = QStringLiteral("VanBanDen");
    doc.versions.set(s, 3);
    doc.versions.set(c, 2);
    const int summary = ItemFlag::Summary;
    doc.putItem(stamped(Item::text(QStringLiteral("TrichYeu"),
                                   QStringLiteral("Về việc tổ chức Hội nghị Ban Chấp hành Đảng bộ")),
                        s, 1, t));
    // A leading U+FEFF is kept character for character (docs/file-format.md).
    doc.putItem(stamped(Item::text(QStringLiteral("KyHieu"), QStringLiteral("\uFEFF125/QĐ-UBND"),
                                   ItemFlag::Summary | ItemFlag::Signed),
                        s, 1, t));
    doc.putItem(stamped(Item::number(QStringLiteral("SoDen"), 125), s, 1, t));
    doc.putItem(stamped(Item::number(QStringLiteral("TyLe"), 0.875, 0), s, 2, t + 1000));
    doc.putItem(stamped(Item::withValue(QStringLiteral("NgayDen"), ItemType::DateTime,
                                        QCborValue(t - 24 * 3600 * 1000), summary),
                        s, 1, t));
    // 1945-09-02T00:00:00Z: a negative integer.
    doc.putItem(stamped(Item::withValue(QStringLiteral("NgayThanhLap"), ItemType::DateTime,
                                        QCborValue(qint64(-767'836'800'000)), 0),
                        s, 2, t + 1000));
    doc.putItem(stamped(
        Item::names(QStringLiteral("NguoiKy"), ItemType::Names, {QStringLiteral("Trần Thị B/VPTU/HaNoi")}), s,
        2, t + 1000));
    doc.putItem(stamped(Item::names(QStringLiteral("Readers"), ItemType::Readers,
                                    {QStringLiteral("Nguyễn Văn A/VPTU/HaNoi"),
                                     QStringLiteral("Trần Thị B/VPTU/HaNoi"), QStringLiteral("[Lãnh đạo]")}),
                        s, 1, t));
    doc.putItem(stamped(Item::names(QStringLiteral("Authors"), ItemType::Authors,
                                    {QStringLiteral("Nguyễn Văn A/VPTU/HaNoi"), QStringLiteral("[Văn thư]")}),
                        s, 1, t));
    doc.putItem(stamped(Item::richText(QStringLiteral("NoiDung"),
                                       QStringLiteral("<p>Kính gửi: <b>các đơn vị</b> &amp; phòng ban</p>")),
                        c, 1, t + 60'000));
    doc.putItem(stamped(
        Item::textList(QStringLiteral("TuKhoa"), {QStringLiteral("hội nghị"), QStringLiteral("Đảng bộ")}), c,
        2, t + 60'000, 1));
    doc.putItem(stamped(tombstone(QStringLiteral("GhiChu"), ItemType::Text), c, 2, t + 60'000, 1));
    doc.putItem(
        stamped(Item::withValue(textAttachmentItem(), ItemType::Attachment, textAttachment().toCbor(), 0), s,
                3, t + 3000));
    doc.putItem(
        stamped(Item::withValue(binaryAttachmentItem(), ItemType::Attachment, binaryAttachment().toCbor(), 0),
                s, 3, t + 3000));
    return doc;
}

Document conflictResponseDocument()
{
    const InstanceId s = serverInstance();
    const InstanceId c = clientInstance();
    Document doc;
    doc.unid = idFromHex<Unid>("019b8d2a3f4000005e4e00000000a0c1");
    doc.form = QStringLiteral("VanBanDen");
    doc.parent = everyItemTypeUnid();
    doc.flags = DocumentFlag::IsConflict;
    doc.versions.set(s, 1);
    doc.versions.set(c, 3);
    doc.putItem(
        stamped(Item::text(QStringLiteral("TrichYeu"),
                           QStringLiteral("Về việc tổ chức Hội nghị Ban Chấp hành Đảng bộ (bản sửa)")),
                c, 3, kBaseMs + 90'000));
    doc.putItem(stamped(Item::number(QStringLiteral("SoDen"), 126), c, 3, kBaseMs + 90'000));
    return doc;
}

Document deletedLiveVersion()
{
    Document doc;
    doc.unid = idFromHex<Unid>("019b8d2a3f4000005e4e00000000a0d1");
    doc.form = QStringLiteral("VanBanDi");
    doc.versions.set(serverInstance(), 3);
    doc.putItem(stamped(Item::text(QStringLiteral("TrichYeu"), QStringLiteral("Báo cáo tình hình quý IV")),
                        serverInstance(), 2, kBaseMs + 2000));
    doc.putItem(stamped(Item::names(QStringLiteral("Readers"), ItemType::Readers,
                                    {QStringLiteral("Nguyễn Văn A/VPTU/HaNoi")}),
                        serverInstance(), 3, kBaseMs + 2500));
    doc.putItem(
        stamped(Item::names(QStringLiteral("Authors"), ItemType::Authors, {QStringLiteral("[Văn thư]")}),
                serverInstance(), 3, kBaseMs + 2500));
    return doc;
}

Document deletionStub()
{
    // What the deletion at server counter 4 left of deletedLiveVersion(): every item a
    // tombstone stamped with the deletion's dot (docs/merge.md rule 5).
    Document stub = deletedLiveVersion();
    stub.flags = DocumentFlag::Deleted;
    stub.versions.set(serverInstance(), 4);
    for (Item& item : stub.items) {
        item.value = QCborValue();
        item.stamp = {Dot{serverInstance(), 4}, makeHlc(kBaseMs + 120'000, 0)};
    }
    return stub;
}

Unid localDocumentUnid()
{
    return idFromHex<Unid>("019b8d2a3f4000005e4e00000000c0e1");
}

QString localDocumentSubject()
{
    return QStringLiteral("Giao việc chuẩn bị tài liệu Hội nghị");
}

QString replicaTitle()
{
    return QStringLiteral("Văn bản VPTU");
}

QString replicationServerSetting()
{
    return QStringLiteral("sen.vptu.hanoi:1352");
}

QString aclEntryName()
{
    return QStringLiteral("*/VPTU/HaNoi");
}

QString idFilePassword()
{
    return QStringLiteral("Mật khẩu 123");
}

QString organisationName()
{
    return QStringLiteral("HaNoi");
}

QString userName()
{
    return QStringLiteral("Nguyễn Văn A/VPTU/HaNoi");
}

QString revokedUserName()
{
    return QStringLiteral("Lê Văn C/VPTU/HaNoi");
}

QString serverName()
{
    return QStringLiteral("sen01/VPTU/HaNoi");
}

} // namespace sen::golden
