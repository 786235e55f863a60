#include "bench/BenchReplicas.h"

#include <QDateTime>
#include <QFile>
#include <QTimeZone>

#include <cstdio>
#include <cstdlib>

namespace sen::bench {

namespace {

QString randomBase64(QRandomGenerator& random, int chars)
{
    QByteArray bytes(chars / 4 * 3, Qt::Uninitialized);
    random.fillRange(reinterpret_cast<quint32*>(bytes.data()), bytes.size() / 4);
    return QString::fromLatin1(bytes.toBase64());
}

} // namespace

void fail(const char* what, const Status& status)
{
    std::fprintf(stderr, "%s: %s\n", what, qPrintable(status.toString()));
    std::exit(1);
}

DocumentEdit benchDocument(QRandomGenerator& random, int n)
{
    return DocumentEdit::create(QStringLiteral("Bench"))
        .set(Item::text(QStringLiteral("Subject"),
                        QStringLiteral("Bench document %1 — quarterly report").arg(n, 6, 10, QChar(u'0'))))
        .set(Item::text(QStringLiteral("Body"), randomBase64(random, 800)))
        .set(Item::number(QStringLiteral("N"), n));
}

std::unique_ptr<ReplicaStore> createReplica(const QString& path, const ReplicaId& replicaId)
{
    ReplicaCreateOptions create;
    create.title = QStringLiteral("Bench");
    create.replicaId = replicaId;
    auto store = ReplicaStore::create(path, create);
    if (!store)
        fail("create", store.status());
    return std::move(store).value();
}

std::unique_ptr<ReplicaStore> openReplica(const QString& path)
{
    auto store = ReplicaStore::open(path);
    if (!store)
        fail("open", store.status());
    return std::move(store).value();
}

void removeReplica(const QString& path)
{
    for (const char* suffix : {"", "-wal", "-shm"})
        QFile::remove(path + QLatin1String(suffix));
}

void fill(ReplicaStore& store, int count, QRandomGenerator& random,
          DocumentEdit (*make)(QRandomGenerator&, int))
{
    for (int done = 0; done < count; done += 1000) {
        const Status status = store.batch([&]() -> Status {
            for (int i = done; i < std::min(count, done + 1000); ++i)
                SEN_TRY(store.save(make(random, i)).status());
            return Status::ok();
        });
        if (!status.isOk())
            fail("fill", status);
    }
}

namespace {

const char* const kWords[] = {"Quyết định",    "về việc",     "thành lập", "Đoàn kiểm tra", "thực hiện",
                              "Nghị quyết",    "Đại hội",     "Đảng bộ",   "tỉnh",          "huyện",
                              "tuyên truyền",  "kỷ niệm",     "chuẩn bị",  "nội dung",      "Hội nghị",
                              "Ban Chấp hành", "công tác",    "giám sát",  "chuyển đổi số", "cơ quan",
                              "kết luận",      "Thường trực", "báo cáo",   "kế hoạch",      "năm 2027"};
const char* const kTypes[] = {"Quyết định", "Công văn", "Hướng dẫn", "Thông báo",
                              "Kế hoạch",   "Báo cáo",  "Tờ trình",  "Chỉ thị"};
const char* const kIssuers[] = {"Tỉnh ủy Hà Nam",
                                "Ban Tuyên giáo Tỉnh ủy",
                                "Ủy ban nhân dân huyện Kim Bảng",
                                "Ủy ban Kiểm tra Tỉnh ủy",
                                "Ban Tổ chức Tỉnh ủy",
                                "Văn phòng Tỉnh ủy",
                                "Đảng ủy Khối",
                                "Ban Dân vận Tỉnh ủy"};
const char* const kStatuses[] = {"Chờ phân công", "Đang xử lý", "Đã xử lý", "Lưu hồ sơ"};

QString pick(QRandomGenerator& random, const char* const* list, int size)
{
    return QString::fromUtf8(list[random.bounded(size)]);
}

} // namespace

DocumentEdit incomingDocument(QRandomGenerator& random, int n)
{
    const qint64 day = 86400000;
    const qint64 base = QDateTime(QDate(2024, 1, 1), QTime(12, 0), QTimeZone::utc()).toMSecsSinceEpoch();
    const QDateTime arrived =
        QDateTime::fromMSecsSinceEpoch(base + random.bounded(1000) * day, QTimeZone::utc());
    QString subject;
    while (subject.size() < 560)
        subject += pick(random, kWords, std::size(kWords)) + u' ';
    return DocumentEdit::create(QStringLiteral("VanBanDen"))
        .set(Item::number(QStringLiteral("SoDen"), n))
        .set(Item::dateTime(QStringLiteral("NgayDen"), arrived))
        .set(Item::text(QStringLiteral("SoKyHieu"),
                        QString::number(random.bounded(1, 999)) + QStringLiteral("-CV/TU")))
        .set(Item::dateTime(QStringLiteral("NgayBanHanh"), arrived.addDays(-random.bounded(7))))
        .set(Item::text(QStringLiteral("CoQuanBanHanh"), pick(random, kIssuers, std::size(kIssuers))))
        .set(Item::text(QStringLiteral("LoaiVanBan"), pick(random, kTypes, std::size(kTypes))))
        .set(Item::text(QStringLiteral("TrichYeu"), subject.trimmed()))
        .set(Item::text(QStringLiteral("NguoiKy"), QString::fromUtf8("Lê Thị Thủy")))
        .set(Item::text(QStringLiteral("DoKhan"), QString::fromUtf8("Thường")))
        .set(Item::text(QStringLiteral("DoMat"), QString::fromUtf8("Thường")))
        .set(Item::dateTime(QStringLiteral("HanXuLy"), arrived.addDays(14)))
        .set(Item::textList(QStringLiteral("NoiNhan"), {QString::fromUtf8("Văn phòng Huyện ủy"),
                                                        QString::fromUtf8("Ban Tổ chức Huyện ủy")}))
        .set(Item::names(QStringLiteral("NguoiXuLy"), ItemType::Names,
                         {random.bounded(10) == 0 ? QString::fromUtf8("Nguyễn Văn An/VPTU/HaNoi")
                                                  : QString::fromUtf8("Trần Thị Bình/VPTU/HaNoi")}))
        .set(Item::text(QStringLiteral("TrangThai"), pick(random, kStatuses, std::size(kStatuses))));
}

} // namespace sen::bench
