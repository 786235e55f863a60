#include "tests/client/ConflictScenario.h"

#include <QTimeZone>

#include <catch2/catch.hpp>

namespace sen::test {

namespace {

QString S(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

QDateTime day(int y, int m, int d)
{
    return QDateTime(QDate(y, m, d), QTime(8, 0), QTimeZone::utc());
}

} // namespace

QString ConflictScenario::winnerSubject()
{
    return S("Công văn về lịch họp tháng 9");
}

QString ConflictScenario::otherSubject()
{
    return S("Công văn về lịch họp quý III");
}

QDateTime ConflictScenario::otherDeadline()
{
    return day(2024, 9, 20);
}

ConflictScenario::ConflictScenario() : m_fixture(2, &m_clock)
{
    auto created =
        replica(0).save(DocumentEdit::create(QStringLiteral("VanBanDen"))
                            .set(Item::text(QStringLiteral("TrichYeu"), S("Công văn về lịch họp")))
                            .set(Item::text(QStringLiteral("SoKyHieu"), S("125/UBND-VP")))
                            .set(Item::text(QStringLiteral("DoKhan"), S("Thường")))
                            .set(Item::dateTime(QStringLiteral("HanXuLy"), day(2024, 9, 15)))
                            .set(Item::textList(QStringLiteral("NoiNhan"), {S("Phòng A"), S("Phòng B")})));
    REQUIRE(created.isOk());
    m_winner = created->unid;
    sync(1, 0);

    m_clock.advanceMs(60'000);
    REQUIRE(replica(0)
                .save(DocumentEdit::update(m_winner)
                          .set(Item::text(QStringLiteral("TrichYeu"), otherSubject()))
                          .set(Item::text(QStringLiteral("DoKhan"), S("Khẩn")))
                          .set(Item::dateTime(QStringLiteral("HanXuLy"), otherDeadline()))
                          .remove(QStringLiteral("NoiNhan")))
                .isOk());
    m_clock.advanceMs(60'000);
    REQUIRE(replica(1)
                .save(DocumentEdit::update(m_winner)
                          .set(Item::text(QStringLiteral("TrichYeu"), winnerSubject()))
                          .set(Item::text(QStringLiteral("DoKhan"), S("Hỏa tốc")))
                          .set(Item::text(QStringLiteral("GhiChu"), S("Chuyển Phòng Tổng hợp")))
                          .remove(QStringLiteral("HanXuLy")))
                .isOk());
    m_clock.advanceMs(60'000);
    sync(1, 0);

    const auto here = liveConflicts(0);
    REQUIRE(here.size() == 1);
    REQUIRE(liveConflicts(1) == here);
    m_conflict = here.front();
}

void ConflictScenario::sync(int a, int b)
{
    const SyncResult r = m_fixture.sync(a, b);
    INFO("initiator: " << r.initiator.toString().toStdString()
                       << " responder: " << r.responder.toString().toStdString());
    REQUIRE(r.ok());
}

std::vector<Unid> ConflictScenario::liveConflicts(int i)
{
    std::vector<Unid> found;
    REQUIRE(replica(i)
                .forEachDocument([&](const Document& doc) {
                    if (doc.isConflict())
                        found.push_back(doc.unid);
                    return true;
                })
                .isOk());
    return found;
}

} // namespace sen::test
