#pragma once

// `sen --startup-report`: measures how long the client takes to become usable and prints
// it, then quits — what bench/GuiBench.cpp (sen_bench_gui) runs many times. Times count from
// the process's own start (on Linux its start time in /proc, so loading the executable and
// Qt is included; elsewhere from main()). Printed lines, one per point reached:
//   startup window-ms <ms>       the first window (login dialog or main window) shown and painted
//   startup workspace-ms <ms>    the main window with the workspace's replicas listed
//   startup view-open-ms <ms>    with --open DB: from opening its tab to the first rows painted
//   startup view-sort-ms <ms>    then sorting by its second column, first rows painted again
//   startup view-scroll-end-ms   then jumping to the end of the view, last rows painted
//   startup peak-rss-kib <KiB>   the process's peak resident memory (Linux), last

#include <QString>

class QWidget;

namespace sen::gui {

class MainWindow;

class StartupReport
{
public:
    // Call first thing in main(): the clock's fallback origin.
    static void markProcessStart();
    static double msSinceProcessStart();

    // Prints `name` with the time now, after letting `shown` paint.
    static void point(const char* name, QWidget* shown);
    // With the main window up: opens `database` (if any), waits for its first rows, sorts,
    // prints each point and the peak memory.
    static void finish(MainWindow& window, const QString& database);
};

} // namespace sen::gui
