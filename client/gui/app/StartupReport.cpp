#include "client/gui/app/StartupReport.h"

#include "client/gui/app/MainWindow.h"
#include "client/gui/database/DatabasePage.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHeaderView>
#include <QTimer>
#include <QTreeView>

#include <cstdio>

#ifdef Q_OS_LINUX
#include <unistd.h>
#endif

namespace sen::gui {

namespace {

QElapsedTimer& fallbackClock()
{
    static QElapsedTimer clock;
    return clock;
}

#ifdef Q_OS_LINUX
// The process's start in ms since boot (field 22 of /proc/self/stat, in clock ticks), and
// now on the same clock (/proc/uptime).
double linuxMsSinceStart()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    QFile uptime(QStringLiteral("/proc/uptime"));
    if (!stat.open(QIODevice::ReadOnly) || !uptime.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    const double ticks = fields.value(19).toDouble(); // field 22 counted from after "(comm)"
    const double hz = static_cast<double>(sysconf(_SC_CLK_TCK));
    const double now = uptime.readAll().split(' ').value(0).toDouble();
    return (now - ticks / hz) * 1000.0;
}

long peakRssKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLong();
    }
    return -1;
}
#else
long peakRssKiB()
{
    return -1;
}
#endif

void paint(QWidget* widget)
{
    QApplication::processEvents();
    if (widget)
        widget->repaint();
    QApplication::processEvents();
}

bool waitFor(const std::function<bool()>& done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    }
    return true;
}

} // namespace

void StartupReport::markProcessStart()
{
    fallbackClock().start();
}

double StartupReport::msSinceProcessStart()
{
#ifdef Q_OS_LINUX
    if (const double ms = linuxMsSinceStart(); ms >= 0)
        return ms;
#endif
    return fallbackClock().isValid() ? static_cast<double>(fallbackClock().nsecsElapsed()) / 1e6 : 0.0;
}

void StartupReport::point(const char* name, QWidget* shown)
{
    paint(shown);
    std::printf("startup %s %.1f\n", name, msSinceProcessStart());
    std::fflush(stdout);
}

void StartupReport::finish(MainWindow& window, const QString& database)
{
    point("workspace-ms", &window);
    if (!database.isEmpty()) {
        QElapsedTimer timer;
        timer.start();
        DatabasePage* page = DatabasePage::openInWindow(window, database);
        if (page && waitFor([&] { return page->isReady() && page->model() && page->model()->rowCount() > 0; },
                            600'000)) {
            paint(page->view());
            std::printf("startup view-open-ms %.1f\n", static_cast<double>(timer.nsecsElapsed()) / 1e6);
            timer.restart();
            page->view()->sortByColumn(1, Qt::AscendingOrder);
            paint(page->view());
            std::printf("startup view-sort-ms %.1f\n", static_cast<double>(timer.nsecsElapsed()) / 1e6);
            timer.restart();
            page->view()->scrollToBottom();
            paint(page->view());
            std::printf("startup view-scroll-end-ms %.1f\n", static_cast<double>(timer.nsecsElapsed()) / 1e6);
        }
    }
    std::printf("startup peak-rss-kib %ld\n", peakRssKiB());
    std::fflush(stdout);
}

} // namespace sen::gui
