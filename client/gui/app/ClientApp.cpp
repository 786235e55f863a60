#include "client/gui/app/ClientApp.h"

#include "client/core/ErrorText.h"
#include "client/core/UserIdentity.h"
#include "client/gui/app/ErrorBox.h"
#include "client/gui/app/LoginDialog.h"
#include "client/gui/app/MainWindow.h"
#include "client/gui/app/Screenshots.h"
#include "client/gui/app/StartupReport.h"
#include "client/gui/i18n/Language.h"
#include "common/cmdline/Arguments.h"
#include "common/crypto/SelfTest.h"

#include <QApplication>
#include <QDir>
#include <QEventLoop>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>

#include <cstdio>

namespace sen::gui {

QString ClientOptions::usage()
{
    return QStringLiteral(
        "usage: sen [--home DIR] [--id FILE] [--lang vi|en] [--open DB] [--screenshots DIR]\n"
        "The ID password may be given in SEN_PASSWORD (for demonstrations and tests).\n");
}

Result<ClientOptions> ClientOptions::parse(const QStringList& arguments)
{
    const QSet<QString> valued = {QStringLiteral("--home"), QStringLiteral("--id"), QStringLiteral("--lang"),
                                  QStringLiteral("--open"), QStringLiteral("--screenshots")};
    SEN_ASSIGN_OR_RETURN(const cli::Arguments args,
                         cli::Arguments::parse(arguments, valued, {QStringLiteral("--startup-report")}));
    if (!args.positional().isEmpty())
        return Status(ErrorCode::InvalidArgument, usage());
    ClientOptions options;
    options.home = args.value(QStringLiteral("--home"));
    if (options.home.isEmpty())
        options.home = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    options.idPath = args.value(QStringLiteral("--id"));
    options.language = args.value(QStringLiteral("--lang"));
    if (!options.language.isEmpty() && options.language != u"vi" && options.language != u"en")
        return Status(ErrorCode::InvalidArgument, QStringLiteral("--lang takes vi or en"));
    options.openDatabase = args.value(QStringLiteral("--open"));
    options.screenshotDir = args.value(QStringLiteral("--screenshots"));
    options.startupReport = args.has(QStringLiteral("--startup-report"));
    options.password = qEnvironmentVariable("SEN_PASSWORD");
    return options;
}

ClientApp::ClientApp(QApplication& app, ClientOptions options) : m_app(app), m_options(std::move(options)) {}

ClientApp::~ClientApp() = default;

bool ClientApp::logIn(bool firstTime)
{
    auto workspace = client::Workspace::open(m_options.home);
    if (!workspace) {
        QMessageBox::critical(
            nullptr, tr("Sen"),
            client::ErrorText::sentence(
                workspace.status(),
                client::ErrorContext::forName(client::Situation::OpeningWorkspace, m_options.home)));
        return false;
    }
    LoginDialog dialog(*workspace);
    if (firstTime && m_options.startupReport && m_options.password.isEmpty()) {
        // Measuring the cold start to the first usable window: the login dialog.
        dialog.show();
        StartupReport::point("window-ms", &dialog);
        return false;
    }
    if (firstTime && !m_options.idPath.isEmpty())
        dialog.setIdPath(m_options.idPath);
    if (firstTime && !m_options.password.isEmpty()) {
        // Given a password, try it first without showing the dialog; a wrong one shows the
        // dialog with the error, like a typed one.
        dialog.setPassword(m_options.password);
        QEventLoop loop;
        connect(&dialog, &LoginDialog::attemptFinished, &loop, &QEventLoop::quit);
        dialog.attempt();
        if (dialog.isBusy())
            loop.exec();
    }
    if (!dialog.session() && dialog.exec() != QDialog::Accepted)
        return false;
    m_window = std::make_unique<MainWindow>(*dialog.session());
    connect(m_window.get(), &MainWindow::switchIdRequested, this, &ClientApp::switchId, Qt::QueuedConnection);
    connect(m_window.get(), &MainWindow::closed, this, [this] {
        if (!m_switching)
            QTimer::singleShot(0, &m_app, &QApplication::quit);
    });
    m_window->show();
    if (firstTime && m_options.startupReport) {
        StartupReport::point("window-ms", m_window.get());
        return true;
    }
    if (firstTime && !m_options.openDatabase.isEmpty())
        m_window->openDatabase(m_options.openDatabase);
    return true;
}

void ClientApp::switchId()
{
    m_switching = true;
    const bool closed = !m_window || m_window->close();
    m_switching = false;
    if (!closed)
        return; // something unsaved kept it open
    m_window.reset();
    if (!logIn(false))
        m_app.quit();
}

int ClientApp::run()
{
    QApplication::setQuitOnLastWindowClosed(false);
    {
        QDir().mkpath(m_options.home);
        const QSettings settings(m_options.home + QStringLiteral("/sen.ini"), QSettings::IniFormat);
        const Language language = m_options.language.isEmpty() ? Translations::saved(settings)
                                                               : languageFromCode(m_options.language);
        Translations::install(m_app, language);
    }
    // The cryptographic self-test, before anything is decrypted or signed; its failure is
    // said in the user's language, the details on stderr and behind "Show Details...".
    if (const Status selfTest = crypto::runSelfTests(); !selfTest.isOk()) {
        const client::ErrorContext context = client::ErrorContext::of(client::Situation::SelfTest);
        std::fprintf(stderr, "sen: %s\n", qPrintable(client::ErrorText::line(selfTest, context)));
        if (!m_options.startupReport)
            ErrorBox::show(nullptr, tr("Sen"), selfTest, context, QMessageBox::Critical);
        return 1;
    }
    if (!logIn(true))
        return m_options.startupReport ? 0 : 1;
    if (m_options.startupReport) {
        StartupReport::finish(*m_window, m_options.openDatabase);
        return 0;
    }
    if (!m_options.screenshotDir.isEmpty()) {
        const Status shot = captureScreens(*m_window, m_options.screenshotDir);
        if (!shot.isOk()) {
            qCritical("sen: %s", qPrintable(client::ErrorText::line(
                                     shot, client::ErrorContext::of(client::Situation::Other))));
            return 1;
        }
        return 0;
    }
    return m_app.exec();
}

} // namespace sen::gui
