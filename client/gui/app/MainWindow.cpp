#include "client/gui/app/MainWindow.h"

#include "client/app/MyWork.h"
#include "client/app/OpenDatabases.h"
#include "client/app/ViewIndexers.h"
#include "client/app/WorkNotifier.h"
#include "client/core/ErrorText.h"
#include "client/gui/app/ChangePasswordDialog.h"
#include "client/gui/app/Icons.h"
#include "client/gui/database/DatabasePage.h"
#include "client/gui/forms/DocumentPage.h"
#include "client/gui/i18n/Language.h"
#include "client/gui/replication/AddReplicaDialog.h"
#include "client/gui/replication/BundleActions.h"
#include "client/gui/replication/ReplicationModel.h"
#include "client/gui/replication/ReplicationPage.h"
#include "client/gui/workspace/MyWorkPage.h"
#include "client/gui/workspace/NewDatabaseDialog.h"
#include "client/gui/workspace/WorkspaceModel.h"
#include "client/gui/workspace/WorkspacePage.h"
#include "client/sync/SyncController.h"
#include "client/sync/SyncFollowUp.h"
#include "client/sync/SyncScheduler.h"
#include "client/views/ReadMarks.h"
#include "client/views/ViewCacheFile.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTabBar>
#include <QTabWidget>
#include <QTimer>

namespace sen::gui {

MainWindow::MainWindow(UserSession session, QWidget* parent)
    : QMainWindow(parent), m_session(std::move(session))
{
    setWindowTitle(tr("Sen — %1").arg(m_session.commonName()));
    setObjectName(QStringLiteral("mainWindow"));

    m_databases = new app::OpenDatabases(m_session.workspace, m_session.userName(), this);
    m_indexers = new app::ViewIndexers(*m_databases, m_session.userName(), this);
    m_model = new WorkspaceModel(m_session.workspace, this);
    m_model->setUnreadCounter([](const client::ReplicaEntry& entry) -> std::optional<qint64> {
        // The read marks live in the view cache, made when the database is first opened.
        const QString cache = views::ViewCacheFile::pathFor(entry.path);
        if (!QFileInfo::exists(cache))
            return std::nullopt;
        auto marks = views::ReadMarks::open(cache);
        if (!marks)
            return std::nullopt;
        const auto unread = (*marks)->unreadCount();
        return unread ? std::optional<qint64>(*unread) : std::nullopt;
    });
    m_workspacePage = new WorkspacePage(*m_model, this);
    m_myWorkPage = new MyWorkPage(this);
    // The first screen: the user's work, beside the database tiles.
    auto* home = new QSplitter(Qt::Horizontal, this);
    home->setObjectName(QStringLiteral("home"));
    home->addWidget(m_myWorkPage);
    home->addWidget(m_workspacePage);
    home->setStretchFactor(0, 3);
    home->setStretchFactor(1, 2);
    home->setSizes({720, 480});
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("tabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    m_tabs->addTab(home, tr("Workspace"));
    m_tabs->tabBar()->setTabButton(0, QTabBar::RightSide, nullptr); // the workspace stays
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &MainWindow::closeTab);
    setCentralWidget(m_tabs);

    connect(m_workspacePage, &WorkspacePage::openRequested, this, &MainWindow::openDatabase);
    connect(m_workspacePage, &WorkspacePage::refreshRequested, this, &MainWindow::refreshWorkspace);
    connect(m_workspacePage, &WorkspacePage::newDatabaseRequested, this, &MainWindow::newLocalDatabase);
    connect(m_databases, &app::OpenDatabases::databaseChanged, this, &MainWindow::refreshWorkspace);

    buildReplication();
    buildMenus();
    statusBar()->addPermanentWidget(m_syncIcon);
    statusBar()->addPermanentWidget(m_syncStatus);
    statusBar()->addPermanentWidget(new QLabel(tr("User: %1").arg(m_session.userName()), this));
    connect(statusBar(), &QStatusBar::messageChanged, this, [this](const QString& message) {
        if (message.isEmpty())
            statusBar()->setToolTip(QString()); // an error's details go with its sentence
    });
    buildMyWork();
    refreshWorkspace();
    updateSyncStatus();
    // Every replica's views brought up to date in the background: true unread counts on the
    // tiles, and databases that open at once.
    connect(m_indexers, &app::ViewIndexers::indexesUpdated, this, &MainWindow::refreshWorkspace);
    m_indexers->updateAll();
    restoreWindow();
}

QString MainWindow::settingsPath() const
{
    return m_session.workspace.home() + QStringLiteral("/sen.ini");
}

void MainWindow::restoreWindow()
{
    const QSettings settings(settingsPath(), QSettings::IniFormat);
    if (restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray())) {
        restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
        return;
    }
    // The first start: as large as suits the work, within the screen (a 1366×768 laptop's
    // screen less its task bar included).
    const QScreen* screen = QGuiApplication::primaryScreen();
    const QSize available = screen ? screen->availableGeometry().size() : QSize(1366, 728);
    resize(QSize(1200, 800).boundedTo(available * 0.95));
}

void MainWindow::saveWindow()
{
    QSettings settings(settingsPath(), QSettings::IniFormat);
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
}

void MainWindow::setRestarter(std::function<void()> restarter)
{
    m_restarter = std::move(restarter);
}

void MainWindow::buildReplication()
{
    m_sync = new client::SyncController(m_session.workspace, m_session.credentials, this);
    m_scheduler = new client::SyncScheduler(m_session.workspace, *m_sync, this);
    (void)m_scheduler->reload(); // a replica that cannot be read shows on the workspace page
    m_replicationPage = new ReplicationPage(*m_databases, *m_sync, *m_scheduler, this);
    m_replicationPage->hide();
    m_replicationPage->bundles().setIdentity(&m_session.credentials); // signs the bundles it exports
    m_syncStatus = new QLabel(this);
    m_syncStatus->setObjectName(QStringLiteral("syncStatus"));
    m_syncIcon = new QLabel(this);
    m_syncIcon->setObjectName(QStringLiteral("syncIcon"));

    connect(m_workspacePage, &WorkspacePage::syncRequested, m_replicationPage, &ReplicationPage::requestSync);
    connect(m_workspacePage, &WorkspacePage::addReplicaRequested, this, &MainWindow::addReplica);
    connect(m_workspacePage, &WorkspacePage::propertiesRequested, this,
            [this](const QString& name) { openReplicationPage(name); });
    connect(m_replicationPage, &ReplicationPage::addReplicaRequested, this, &MainWindow::addReplica);
    // The drafts database may be new (the session announced the restore itself).
    connect(m_replicationPage, &ReplicationPage::replicaRestored, this, &MainWindow::refreshWorkspace);
    m_databases->watch(*m_sync); // what a sync stores reaches every page through the sessions
    // A registration saved online gets its number at once (docs/registers.md §Numbering).
    connect(m_databases, &app::OpenDatabases::awaitingNumber, m_scheduler,
            &client::SyncScheduler::numberSoon);
    connect(m_sync, &client::SyncController::finished, this, &MainWindow::refreshWorkspace);
    connect(m_sync, &client::SyncController::finished, this, [this](const client::SyncReport& report) {
        m_connectivity.record(report);
        updateSyncStatus();
    });
    connect(m_sync, &client::SyncController::finished, this, [this](const client::SyncReport& report) {
        if (report.renewal) // a restored or copied replica took a new identity (also in its history)
            showStatusMessage(client::ErrorText::sentence(
                ErrorCode::StaleInstance, client::SyncFollowUp::describe(*report.renewal),
                client::ErrorContext::syncing(report.server, report.replica)));
    });
    connect(m_sync, &client::SyncController::replicaAdded, this, [this] {
        (void)m_scheduler->reload();
        refreshWorkspace();
    });
    connect(m_replicationPage, &ReplicationPage::replicaCreated, this, [this] {
        (void)m_scheduler->reload();
        refreshWorkspace();
    });
    connect(m_sync, &client::SyncController::started, this, &MainWindow::updateSyncStatus);
    connect(m_sync, &client::SyncController::progressed, this, &MainWindow::updateSyncStatus);
    connect(m_sync, &client::SyncController::idle, this, &MainWindow::updateSyncStatus);
    connect(m_scheduler, &client::SyncScheduler::offlineChanged, this, &MainWindow::updateSyncStatus);
}

void MainWindow::buildMyWork()
{
    m_notifier = std::make_unique<app::WorkNotifier>(m_session.workspace.home() + QStringLiteral("/sen.ini"));
    m_myWorkTimer = new QTimer(this);
    m_myWorkTimer->setSingleShot(true);
    m_myWorkTimer->setInterval(200);
    connect(m_myWorkTimer, &QTimer::timeout, this, &MainWindow::refreshMyWork);
    auto soon = [this] {
        m_myWorkTimer->start();
    };
    connect(m_databases, &app::OpenDatabases::databaseChanged, this, soon);
    connect(m_sync, &client::SyncController::finished, this, soon);
    // The first time once the indexers have brought each workflow index up to date (its first
    // build runs on their threads: app::IndexUpdater).
    connect(m_indexers, &app::ViewIndexers::indexesUpdated, this, soon);
    connect(m_myWorkPage, &MyWorkPage::refreshRequested, this, &MainWindow::refreshMyWork);
    connect(m_myWorkPage, &MyWorkPage::openRequested, this, &MainWindow::openWorkDocument);
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(windowIcon(), this);
        m_tray->setToolTip(tr("Sen — my work"));
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
            showNormal();
            activateWindow();
            m_tabs->setCurrentIndex(0);
        });
        m_tray->show();
    }
    m_myWorkPage->showError(tr("Reading your work…"));
}

void MainWindow::refreshMyWork()
{
    m_myWorkTimer->stop();
    const Result<app::MyWorkReport> report = app::MyWork::collect(*m_databases);
    if (!report) {
        m_myWorkPage->showError(
            client::ErrorText::sentence(report.status(), client::ErrorContext::of(client::Situation::Other)));
        return;
    }
    const std::vector<app::WorkNotice> notices = m_notifier->update(*report);
    QHash<QString, QString> titles;
    QHash<QString, WorkspaceModel::WorkCounts> counts;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row);
        titles.insert(index.data(WorkspaceModel::NameRole).toString(),
                      index.data(Qt::DisplayRole).toString());
    }
    for (const app::DatabaseWork& work : report->databases)
        counts.insert(work.database, {work.assigned, work.overdue});
    m_myWorkPage->showReport(*report, notices, titles);
    m_model->setWorkCounts(std::move(counts));
    if (m_tray && !notices.empty()) {
        QStringList lines;
        for (std::size_t i = 0; i < notices.size() && i < 5; ++i)
            lines << app::WorkNotifier::text(notices[i]);
        if (notices.size() > 5)
            lines << tr("and %n more", nullptr, int(notices.size() - 5));
        m_tray->showMessage(tr("Sen — my work"), lines.join(u'\n'));
    }
}

void MainWindow::openWorkDocument(const QString& database, const Unid& unid)
{
    DocumentPage::openInWindow(*this, database, unid);
}

void MainWindow::updateSyncStatus()
{
    // "Online" only once a sync reached its server; "Offline" while the last one could not.
    using State = client::Connectivity::State;
    QString text;
    QString tip;
    bool online = false;
    if (m_scheduler->isOffline()) {
        text = tr("Working offline");
    } else if (m_connectivity.state() == State::Online) {
        text = tr("Online");
        online = true;
        tip = tr("The last sync reached %1.").arg(m_connectivity.lastServer());
    } else if (m_connectivity.state() == State::Offline) {
        text = tr("Offline");
        tip =
            tr("The last sync failed: %1")
                .arg(client::ErrorText::sentence(
                    m_connectivity.lastError(), client::ErrorContext::syncing(m_connectivity.lastServer(),
                                                                              m_connectivity.lastReplica())));
    } else {
        text = tr("Not synced yet");
    }
    if (m_sync->isBusy())
        text += QStringLiteral(" · ") + tr("Syncing %1").arg(m_sync->running());
    m_syncStatus->setText(text);
    m_syncStatus->setToolTip(tip);
    m_syncIcon->setToolTip(tip);
    m_syncIcon->setPixmap(icon(online ? Icon::Online : Icon::Offline).pixmap(QSize(16, 16)));
}

void MainWindow::newLocalDatabase()
{
    NewDatabaseDialog dialog(m_session.workspace, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    refreshWorkspace();
    openDatabase(dialog.createdName());
}

void MainWindow::syncReplica(const QString& name)
{
    m_replicationPage->requestSync(name);
}

void MainWindow::openReplicationPage(const QString& name)
{
    if (m_tabs->indexOf(m_replicationPage) < 0)
        m_tabs->addTab(m_replicationPage, tr("Replication"));
    m_replicationPage->reload();
    if (!name.isEmpty())
        m_replicationPage->select(name);
    m_tabs->setCurrentWidget(m_replicationPage);
}

void MainWindow::addReplica()
{
    AddReplicaDialog dialog(m_session.workspace.home() + QStringLiteral("/sen.ini"), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const client::ReplicaSettings settings = dialog.settings();
    m_sync->addReplica(settings);
    openReplicationPage();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(icon(Icon::SwitchId), tr("&Switch ID…"), this, &MainWindow::switchIdRequested);
    QAction* password = file->addAction(icon(Icon::Password), tr("&Change password…"), this, [this] {
        ChangePasswordDialog dialog(m_session.workspace, this);
        if (dialog.exec() == QDialog::Accepted)
            showStatusMessage(tr("The ID password was changed."));
    });
    password->setObjectName(QStringLiteral("changePassword"));
    QMenu* language = file->addMenu(icon(Icon::Language), tr("&Language"));
    language->setObjectName(QStringLiteral("languageMenu"));
    auto* group = new QActionGroup(this);
    const QSettings settings(settingsPath(), QSettings::IniFormat);
    const Language current = Translations::saved(settings);
    for (const auto& [lang, label] : {std::pair{Language::Vietnamese, QStringLiteral("Tiếng Việt")},
                                      std::pair{Language::English, QStringLiteral("English")}}) {
        QAction* action =
            language->addAction(label, this, [this, lang] { chooseLanguage(static_cast<int>(lang)); });
        action->setCheckable(true);
        action->setChecked(lang == current);
        action->setObjectName(QStringLiteral("language-") + languageCode(lang));
        group->addAction(action);
    }
    file->addSeparator();
    QAction* quit = file->addAction(icon(Icon::Quit), tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* replication = menuBar()->addMenu(tr("&Replication"));
    replication->addAction(tr("&Replication page"), this, [this] { openReplicationPage(); });
    // F9: the database of the current tab (its page or one of its documents), else every one.
    QAction* syncNow =
        replication->addAction(icon(Icon::Sync), tr("&Sync now"), this, &MainWindow::syncCurrent);
    syncNow->setObjectName(QStringLiteral("syncNow"));
    syncNow->setShortcut(Qt::Key_F9);
    syncNow->setToolTip(tr("Sync the database of the current tab, or every database (F9)"));
    replication->addAction(icon(Icon::Sync), tr("Sync &all now"), this,
                           [this] { m_replicationPage->requestSync(QString()); });
    replication->addAction(icon(Icon::Add), tr("&Add replica from a server…"), this, &MainWindow::addReplica);
    replication->addSeparator();
    QAction* offline = replication->addAction(tr("Work &offline"));
    offline->setCheckable(true);
    offline->setChecked(m_scheduler->isOffline());
    connect(offline, &QAction::toggled, m_scheduler, &client::SyncScheduler::setOffline);
    connect(m_scheduler, &client::SyncScheduler::offlineChanged, offline, &QAction::setChecked);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(icon(Icon::About), tr("&About Sen"), this, [this] {
        QMessageBox::about(this, tr("About Sen"),
                           tr("<b>Sen %1</b><p>Replicated document, schedule and news databases for offices "
                              "whose network cannot be counted on.</p>")
                               .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::syncCurrent()
{
    QWidget* page = m_tabs->currentWidget();
    QString name;
    if (auto* database = qobject_cast<DatabasePage*>(page))
        name = database->name();
    else if (auto* document = qobject_cast<DocumentPage*>(page))
        name = document->replicaName();
    m_replicationPage->requestSync(name); // empty: every database
}

void MainWindow::chooseLanguage(int language)
{
    {
        QSettings settings(settingsPath(), QSettings::IniFormat);
        if (Translations::saved(settings) == static_cast<Language>(language))
            return;
        Translations::save(settings, static_cast<Language>(language));
    }
    QMessageBox box(QMessageBox::Question, tr("Language"),
                    tr("The new language applies from the next start of Sen. Restart now?"),
                    QMessageBox::Yes | QMessageBox::No, this);
    box.setObjectName(QStringLiteral("restartQuestion"));
    box.button(QMessageBox::Yes)->setText(tr("Restart now"));
    box.button(QMessageBox::No)->setText(tr("Later"));
    box.setDefaultButton(QMessageBox::Yes);
    if (box.exec() != QMessageBox::Yes)
        return;
    if (!close()) // a page kept unsaved work: no restart
        return;
    if (m_restarter) {
        m_restarter();
        return;
    }
    // The same program with the same arguments; this one ends once its window has closed.
    if (!QProcess::startDetached(QCoreApplication::applicationFilePath(),
                                 QCoreApplication::arguments().mid(1)))
        QMessageBox::warning(nullptr, tr("Language"), tr("Sen could not start again: start it yourself."));
    QTimer::singleShot(0, qApp, &QCoreApplication::quit);
}

void MainWindow::refreshWorkspace()
{
    const Status status = m_model->reload();
    if (!status.isOk())
        showStatusError(status, client::ErrorContext::of(client::Situation::OpeningDatabase));
}

bool MainWindow::openDatabase(const QString& name)
{
    return DatabasePage::openInWindow(*this, name) != nullptr;
}

void MainWindow::showStatusMessage(const QString& text)
{
    statusBar()->setToolTip(QString());
    statusBar()->showMessage(text, 10'000);
}

void MainWindow::showStatusError(const Status& status, const client::ErrorContext& context)
{
    statusBar()->showMessage(client::ErrorText::sentence(status, context), 10'000);
    statusBar()->setToolTip(client::ErrorText::details(status)); // cleared with the message
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    while (m_tabs->count() > 1) {
        QWidget* page = m_tabs->widget(m_tabs->count() - 1);
        if (page == m_replicationPage) {
            m_tabs->removeTab(m_tabs->count() - 1);
            continue;
        }
        if (!page->close()) {
            m_tabs->setCurrentWidget(page);
            event->ignore();
            return;
        }
        m_tabs->removeTab(m_tabs->count() - 1);
        page->deleteLater();
    }
    saveWindow();
    statusBar()->showMessage(tr("Stopping replication…"));
    m_sync->shutdown(); // bounded: the session stops between two batches
    event->accept();
    Q_EMIT closed();
}

void MainWindow::closeTab(int index)
{
    if (index <= 0) // the home tab stays
        return;
    QWidget* page = m_tabs->widget(index);
    if (page == m_replicationPage) { // kept, with its state, for the next time it is opened
        m_tabs->removeTab(index);
        return;
    }
    if (!page->close())
        return; // the page keeps unsaved work open
    m_tabs->removeTab(index);
    page->deleteLater();
}

} // namespace sen::gui
