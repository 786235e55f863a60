#pragma once

// A local documents database ("vanban", titled "Văn phòng Huyện ủy Gia Lâm") and one
// application-layer session per person of an office, for the tests of the processing of
// incoming documents (docs/workflow.md) and what is printed from it: the văn thư, the
// leader, a unit head and two cadres. A local database has no access reported by a server,
// so every step is taken (DatabaseSession's check runs only with one); each step is signed by
// its session's user (client/forms/StepFill.h) as `sen` and `senctl` sign it, at the clock's
// time: each step waits a few milliseconds, so that no two steps share a time (the timeline
// orders steps of the same millisecond by UNID, not by when they were written).

#include "client/app/DatabaseSession.h"
#include "client/app/Workflow.h"
#include "client/core/Workspace.h"
#include "tests/support/TempDir.h"

#include <QThread>

#include <catch2/catch.hpp>
#include <memory>

namespace sen::test {

struct WorkflowOffice
{
    inline static const QString kDatabase = QStringLiteral("vanban");
    inline static const QString kClerk = QStringLiteral("Đỗ Thị Văn/VPHU/HaNoi");
    inline static const QString kLeader = QStringLiteral("Lê Văn Lãnh/VPHU/HaNoi");
    inline static const QString kHead = QStringLiteral("Phạm Trưởng Phòng/VPHU/HaNoi");
    inline static const QString kAn = QStringLiteral("Nguyễn Văn An/VPHU/HaNoi");
    inline static const QString kBinh = QStringLiteral("Trần Thị Bình/VPHU/HaNoi");

    TempDir dir;
    QString home = dir.root() + QStringLiteral("/home");
    std::unique_ptr<client::Workspace> workspace;
    std::map<QString, std::unique_ptr<app::DatabaseSession>> sessions;

    WorkflowOffice()
    {
        auto opened = client::Workspace::open(home);
        REQUIRE(opened);
        workspace = std::make_unique<client::Workspace>(std::move(*opened));
        REQUIRE(workspace->createDatabase(kDatabase, DatabaseKind::Documents,
                                          QString::fromUtf8("Văn phòng Huyện ủy Gia Lâm")));
    }

    // The session of `user` (opened on first use).
    app::DatabaseSession& as(const QString& user)
    {
        auto& session = sessions[user];
        if (!session) {
            auto opened = app::DatabaseSession::open(*workspace, kDatabase, user);
            REQUIRE(opened);
            session = std::move(*opened);
        }
        return *session;
    }

    // A registered incoming document (by the văn thư).
    Unid incoming(int number, const QDate& arrived, const QString& abstract, const QDate& deadline = {})
    {
        DocumentEdit edit = DocumentEdit::create(QStringLiteral("VanBanDen"));
        edit.set(Item::number(QStringLiteral("SoDen"), number))
            .set(Item::dateTime(QStringLiteral("NgayDen"), QDateTime(arrived, QTime(8, 30))))
            .set(Item::text(QStringLiteral("LoaiVanBan"), QString::fromUtf8("Công văn")))
            .set(Item::text(QStringLiteral("SoKyHieu"), QStringLiteral("%1-CV/TU").arg(100 + number)))
            .set(Item::dateTime(QStringLiteral("NgayBanHanh"), QDateTime(arrived.addDays(-3), QTime(9, 0))))
            .set(Item::text(QStringLiteral("CoQuanBanHanh"), QString::fromUtf8("Tỉnh ủy Hà Nội")))
            .set(Item::text(QStringLiteral("TrichYeu"), abstract));
        if (deadline.isValid())
            edit.set(Item::dateTime(QStringLiteral("HanXuLy"), QDateTime(deadline, QTime(0, 0), Qt::UTC)));
        auto saved = as(kClerk).save(edit);
        INFO(saved.status().toString().toStdString());
        REQUIRE(saved);
        return saved->unid;
    }

    void present(const Unid& doc, const QStringList& to = {kLeader})
    {
        QThread::msleep(3);
        auto saved =
            app::Workflow(as(kClerk)).present(doc, to, QString::fromUtf8("Kính trình đồng chí Bí thư"));
        INFO(saved.status().toString().toStdString());
        REQUIRE(saved);
    }

    // A direction by the leader (level 1) or, with `from`, by the unit head carrying it out.
    Unid direct(const Unid& doc, const QString& text, const QStringList& lead,
                const QStringList& coordinating, const QDate& deadline,
                std::optional<Unid> from = std::nullopt)
    {
        QThread::msleep(3);
        app::DirectionRequest request;
        request.level = from ? workflow::Level::Unit : workflow::Level::Agency;
        request.text = text;
        request.lead = lead;
        request.coordinating = coordinating;
        request.deadline = deadline;
        request.delegatedFrom = from;
        auto saved = app::Workflow(as(from ? kHead : kLeader)).direct(doc, request);
        INFO(saved.status().toString().toStdString());
        REQUIRE(saved);
        return saved->unid;
    }

    void report(const QString& user, const Unid& direction, workflow::ReportStatus status,
                const QString& text, const QString& reply = {})
    {
        QThread::msleep(3);
        app::ReportRequest request;
        request.status = status;
        request.text = text;
        request.reply = reply;
        auto saved = app::Workflow(as(user)).report(direction, request);
        INFO(saved.status().toString().toStdString());
        REQUIRE(saved);
    }
};

} // namespace sen::test
