#pragma once

// The desktop client's life: pick the workspace and language, run the cryptographic
// self-test (a failure said in that language, ErrorText), log in (a dialog, or the ID
// and password given on the command line), show the main window, and start over when the
// user switches ID. `sen`'s main() only builds a QApplication and runs this.

#include "common/core/Result.h"

#include <QObject>
#include <QStringList>

#include <memory>

class QApplication;

namespace sen::gui {

class MainWindow;

struct ClientOptions
{
    QString home;               // the workspace directory
    QString idPath;             // an ID file to log in with (default: the workspace's own)
    QString password;           // with it, log in without asking (demo, tests); a wrong one asks
    QString language;           // "vi"/"en"; empty: the workspace's saved choice
    QString openDatabase;       // a replica to open at start
    QString screenshotDir;      // render every main screen to PNG files there, then quit
    bool startupReport = false; // print how long start-up took, then quit (StartupReport.h)

    // Reads `sen [--home DIR] [--id FILE] [--lang vi|en] [--open DB] [--screenshots DIR]
    // [--startup-report]`;
    // the password comes from the SEN_PASSWORD environment variable, never the command line.
    static Result<ClientOptions> parse(const QStringList& arguments);
    static QString usage();
};

class ClientApp : public QObject
{
    Q_OBJECT
public:
    ClientApp(QApplication& app, ClientOptions options);
    ~ClientApp() override;

    // Runs until the user quits; returns the exit code.
    int run();

    MainWindow* mainWindow() const { return m_window.get(); }

private:
    // Logs in and shows a new main window; false when the user gave up.
    bool logIn(bool firstTime);
    void switchId();

    QApplication& m_app;
    ClientOptions m_options;
    std::unique_ptr<MainWindow> m_window;
    bool m_switching = false;
};

} // namespace sen::gui
