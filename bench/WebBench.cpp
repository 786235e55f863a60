// The intranet site under 100 concurrent readers (issue #15; docs/web.md §Figures): the real
// sen-server executable in a child process with `run --web`, a news database of N articles
// (an image on every 10th), and `wrk` (Debian's package) over HTTPS on loopback against the
// front page and an article page with an image. Prints wrk's requests per second and p99
// latency for each, and the server process's peak memory (VmHWM). Target: p99 <= 50 ms.
// Readers are anonymous (the database's ACL has an Anonymous entry at Reader). Prints
// figures; asserts nothing. Linux only (/proc); needs `wrk` on PATH.
//
// usage: sen_bench_web [--articles N] [--connections N] [--threads N] [--seconds N]
//                      [--dir DIR] [--server PATH] [--keep yes]
//   defaults: 10000 articles, 100 connections, 2 wrk threads, 10 seconds per page

#include "bench/ServerProcess.h"
#include "common/attachments/AttachmentStore.h"
#include "common/crypto/SelfTest.h"
#include "common/model/AttachmentRef.h"
#include "common/news/Article.h"
#include "common/store/ReplicaStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <cstdio>

using namespace sen;
using bench::ServerProcess;

namespace {

struct Config
{
    int articles = 10'000;
    int connections = 100;
    int threads = 2;
    int seconds = 10;
    QString dir;
    QString server;
    bool keep = false;
};

[[noreturn]] void fail(const char* what, const Status& status)
{
    std::fprintf(stderr, "sen_bench_web: %s: %s\n", what, qPrintable(status.toString()));
    std::exit(1);
}

const QStringList kCategories = {QStringLiteral("Hoạt động của cấp ủy"), QStringLiteral("Xây dựng Đảng"),
                                 QStringLiteral("Chuyển đổi số"), QStringLiteral("Công tác tài chính Đảng"),
                                 QStringLiteral("Thông tin chung")};

// N articles over the last N/50 weeks; an image (40 KB) on every 10th. Returns the UNID of
// the newest article with an image.
Unid fill(ReplicaStore& store, int count)
{
    QRandomGenerator random(15);
    QByteArray image(40 * 1024, Qt::Uninitialized);
    random.fillRange(reinterpret_cast<quint32*>(image.data()), image.size() / 4);
    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-3600);
    Unid newestWithImage;
    const Status filled = store.batch([&]() -> Status {
        for (int i = 0; i < count; ++i) {
            DocumentEdit edit = DocumentEdit::create(QLatin1String(news::kArticleForm));
            edit.set(Item::text(
                QLatin1String(news::kItemTitle),
                QStringLiteral("Tin số %1: hội nghị triển khai nhiệm vụ công tác năm 2027").arg(i)));
            edit.set(
                Item::text(QLatin1String(news::kItemSummary),
                           QStringLiteral("Sáng nay, cơ quan tổ chức hội nghị triển khai nhiệm vụ trọng tâm, "
                                          "đánh giá kết quả quý trước (bài %1).")
                               .arg(i)));
            edit.set(Item::text(QLatin1String(news::kItemCategory), kCategories[i % kCategories.size()]));
            edit.set(Item::dateTime(QLatin1String(news::kItemPublished), start.addSecs(-(count - i) * 600)));
            edit.set(Item::text(QLatin1String(news::kItemAuthor), QStringLiteral("Ban Biên tập")));
            QString body;
            for (int p = 0; p < 6; ++p)
                body += QStringLiteral("<p>Đoạn %1 của bài %2: các đơn vị thực hiện nghiêm các chỉ đạo, "
                                       "báo cáo kết quả đúng hạn, <b>bảo đảm an toàn thông tin</b>.</p>")
                            .arg(p)
                            .arg(i);
            if (i % 10 == 0) {
                const QString name = QStringLiteral("anh-%1.png").arg(i);
                SEN_ASSIGN_OR_RETURN(const AttachmentRef ref, store.attachments().importBytes(image, name));
                edit.set(
                    Item::withValue(QStringLiteral("$File:") + name, ItemType::Attachment, ref.toCbor(), 0));
                body.insert(body.indexOf(QStringLiteral("</p>")) + 4,
                            QStringLiteral("<img src=\"attachment:%1\" alt=\"Ảnh\">").arg(name));
            }
            edit.set(Item::richText(QLatin1String(news::kItemBody), body));
            SEN_ASSIGN_OR_RETURN(const Document doc, store.save(edit));
            if (i % 10 == 0)
                newestWithImage = doc.unid;
        }
        return Status::ok();
    });
    if (!filled.isOk())
        fail("articles", filled);
    return newestWithImage;
}

struct WrkFigures
{
    double requestsPerSecond = -1;
    QString p50, p99;
    QString errors;
};

WrkFigures runWrk(const Config& config, const QString& url)
{
    QProcess wrk;
    wrk.setProcessChannelMode(QProcess::MergedChannels);
    wrk.start(QStringLiteral("wrk"),
              {QStringLiteral("-t%1").arg(config.threads), QStringLiteral("-c%1").arg(config.connections),
               QStringLiteral("-d%1s").arg(config.seconds), QStringLiteral("--latency"), url});
    if (!wrk.waitForStarted() || !wrk.waitForFinished((config.seconds + 60) * 1000))
        fail("wrk", Status(ErrorCode::IoError, QStringLiteral("wrk did not run: ") + wrk.errorString()));
    const QString out = QString::fromUtf8(wrk.readAll());
    WrkFigures figures;
    if (const auto m = QRegularExpression(QStringLiteral("Requests/sec:\\s+([\\d.]+)")).match(out);
        m.hasMatch())
        figures.requestsPerSecond = m.captured(1).toDouble();
    if (const auto m = QRegularExpression(QStringLiteral("\\n\\s+50%\\s+(\\S+)")).match(out); m.hasMatch())
        figures.p50 = m.captured(1);
    if (const auto m = QRegularExpression(QStringLiteral("\\n\\s+99%\\s+(\\S+)")).match(out); m.hasMatch())
        figures.p99 = m.captured(1);
    if (const auto m =
            QRegularExpression(QStringLiteral("(Socket errors:[^\\n]*|Non-2xx[^\\n]*)")).match(out);
        m.hasMatch())
        figures.errors = m.captured(1);
    if (figures.requestsPerSecond < 0)
        std::printf("%s\n", qPrintable(out));
    return figures;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
#ifndef Q_OS_LINUX
    std::printf("sen_bench_web runs on Linux only\n");
    return 0;
#else
    if (!crypto::runSelfTests().isOk())
        return 2;
    Config config;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == u"--articles")
            config.articles = std::max(1, args[i + 1].toInt());
        else if (args[i] == u"--connections")
            config.connections = std::max(1, args[i + 1].toInt());
        else if (args[i] == u"--threads")
            config.threads = std::max(1, args[i + 1].toInt());
        else if (args[i] == u"--seconds")
            config.seconds = std::max(1, args[i + 1].toInt());
        else if (args[i] == u"--dir")
            config.dir = args[i + 1];
        else if (args[i] == u"--server")
            config.server = args[i + 1];
        else if (args[i] == u"--keep")
            config.keep = args[i + 1] == u"yes";
    }
    if (config.server.isEmpty())
        config.server = QCoreApplication::applicationDirPath() + QStringLiteral("/sen-server");
    QTemporaryDir tmp(config.dir.isEmpty() ? QDir::tempPath() + QStringLiteral("/sen-bench-XXXXXX")
                                           : config.dir + QStringLiteral("/sen-bench-XXXXXX"));
    if (!tmp.isValid())
        fail("temporary directory", Status(ErrorCode::IoError, tmp.errorString()));
    tmp.setAutoRemove(!config.keep);

    ServerProcess server(config.server, tmp.path() + QStringLiteral("/server"));
    if (const Status status = server.init(); !status.isOk())
        fail("sen-server init", status);
    const QString database = QStringLiteral("tintuc");
    for (const QStringList& command : {QStringList{QStringLiteral("db"), QStringLiteral("create"), database,
                                                   QStringLiteral("--kind"), QStringLiteral("news")},
                                       QStringList{QStringLiteral("acl"), QStringLiteral("set"), database,
                                                   QStringLiteral("Anonymous"), QStringLiteral("reader")}}) {
        if (const auto done = server.admin(command); !done)
            fail("sen-server admin", done.status());
    }
    Unid article;
    {
        auto store = ReplicaStore::open(tmp.path() + QStringLiteral("/server/databases/") + database +
                                        QStringLiteral(".sen"));
        if (!store)
            fail("open the news database", store.status());
        QElapsedTimer filling;
        filling.start();
        article = fill(**store, config.articles);
        std::printf("news database: %d articles (an image on every 10th) written in %.1f s\n",
                    config.articles, filling.elapsed() / 1000.0);
    }

    QElapsedTimer starting;
    starting.start();
    if (const Status status = server.start({QStringLiteral("--web"), QStringLiteral("127.0.0.1:0")});
        !status.isOk())
        fail("sen-server run --web", status);
    std::printf("server started with the site in %.2f s (reads the news index once); RSS %lld KiB\n",
                starting.elapsed() / 1000.0, static_cast<long long>(server.sample().rssKiB));
    const QString base = QStringLiteral("https://127.0.0.1:%1").arg(server.webPort());
    std::printf("wrk: %d connections, %d threads, %d s per page\n\n", config.connections, config.threads,
                config.seconds);
    std::printf("%-28s %12s %10s %10s  %s\n", "page", "requests/s", "p50", "p99", "errors");
    for (const auto& [name, path] : {std::pair{QStringLiteral("front page /"), QStringLiteral("/")},
                                     std::pair{QStringLiteral("article (with image)"),
                                               QString(QStringLiteral("/news/") + article.toHex())}}) {
        const WrkFigures figures = runWrk(config, base + path);
        std::printf("%-28s %12.0f %10s %10s  %s\n", qPrintable(name), figures.requestsPerSecond,
                    qPrintable(figures.p50), qPrintable(figures.p99), qPrintable(figures.errors));
    }
    const bench::ProcessSample sample = server.sample();
    std::printf("\nsen-server peak memory (VmHWM): %.1f MiB; CPU %.1f s\n", sample.peakKiB / 1024.0,
                sample.cpuSeconds);
    server.stop();
    return 0;
#endif
}
