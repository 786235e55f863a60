// Printing a register (docs/registers.md): N incoming documents registered in a documents
// database, then the sổ đăng ký văn bản đến of their year selected (RegisterReport::build)
// and written as a PDF (RegisterPrinter) — what `senctl print register` does; the time of
// each, the pages, the file's size and the process's peak memory (VmHWM, Linux).
//
//   sen_bench_register [--docs N] [--dir DIR] [--keep yes]

#include "client/app/DatabaseSession.h"
#include "client/app/RegisterReport.h"
#include "client/core/Workspace.h"
#include "client/print/RegisterPrinter.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QTemporaryDir>

#include <cstdio>
#include <cstdlib>

using namespace sen;

namespace {

long vmHwmKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLong();
    return -1;
}

template <typename T>
T must(const char* what, Result<T> result)
{
    if (!result) {
        std::fprintf(stderr, "%s: %s\n", what, qPrintable(result.status().toString()));
        std::exit(1);
    }
    return std::move(*result);
}

} // namespace

int main(int argc, char* argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const QStringList args = app.arguments();
    int docs = 10000;
    QString dirPath;
    bool keep = false;
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == u"--docs")
            docs = args[i + 1].toInt();
        else if (args[i] == u"--dir")
            dirPath = args[i + 1];
        else if (args[i] == u"--keep")
            keep = args[i + 1] == u"yes";
    }
    QTemporaryDir tmp((dirPath.isEmpty() ? QDir::tempPath() : dirPath) +
                      QStringLiteral("/sen-register-XXXXXX"));
    tmp.setAutoRemove(!keep);
    auto workspace = must("workspace", client::Workspace::open(tmp.path() + QStringLiteral("/home")));
    must("create", workspace.createDatabase(QStringLiteral("vanban"), DatabaseKind::Documents,
                                            QString::fromUtf8("Văn phòng Huyện ủy")));
    auto session = must("open", app::DatabaseSession::open(workspace, QStringLiteral("vanban")));

    QElapsedTimer timer;
    timer.start();
    const Status filled = session->batch([&] {
        for (int number = 1; number <= docs; ++number) {
            const QDateTime arrived(QDate(2026, 1, 1).addDays((number - 1) * 365 / docs), QTime(8, 0));
            auto saved = session->save(std::move(
                DocumentEdit::create(QStringLiteral("VanBanDen"))
                    .set(Item::number(QStringLiteral("SoDen"), number))
                    .set(Item::dateTime(QStringLiteral("NgayDen"), arrived))
                    .set(Item::text(QStringLiteral("SoKyHieu"), QStringLiteral("%1-CV/TU").arg(number)))
                    .set(Item::dateTime(QStringLiteral("NgayBanHanh"), arrived.addDays(-3)))
                    .set(Item::text(QStringLiteral("CoQuanBanHanh"),
                                    QString::fromUtf8("Ban Tuyên giáo Tỉnh ủy")))
                    .set(Item::text(QStringLiteral("LoaiVanBan"), QString::fromUtf8("Công văn")))
                    .set(Item::text(
                        QStringLiteral("TrichYeu"),
                        QString::fromUtf8("Về việc triển khai học tập, quán triệt Nghị quyết số %1 "
                                          "của Ban Chấp hành Đảng bộ tỉnh")
                            .arg(number)))
                    .set(Item::textList(QStringLiteral("NoiNhan"), {QString::fromUtf8("Văn phòng"),
                                                                    QString::fromUtf8("Ban Tổ chức")}))));
            if (!saved)
                return saved.status();
        }
        return Status::ok();
    });
    if (!filled.isOk()) {
        std::fprintf(stderr, "fill: %s\n", qPrintable(filled.toString()));
        return 1;
    }
    std::printf("registered %d incoming documents: %.2f s\n", docs, timer.nsecsElapsed() / 1e9);

    timer.restart();
    const auto report = must("report", app::RegisterReport::build(*session, app::RegisterDirection::Incoming,
                                                                  app::RegisterPeriod::ofYear(2026)));
    std::printf("rows selected and ordered: %zu in %.2f s\n", report.rows.size(), timer.nsecsElapsed() / 1e9);
    timer.restart();
    const QString pdf = tmp.path() + QStringLiteral("/so-den-2026.pdf");
    const int pages = must("pdf", print::writeRegisterPdf(report, pdf));
    std::printf("PDF written: %d pages, %.1f MB in %.2f s\n", pages, QFileInfo(pdf).size() / 1e6,
                timer.nsecsElapsed() / 1e9);
    std::printf("peak memory (VmHWM): %.1f MB\n", vmHwmKb() / 1024.0);
    return 0;
}
