#include "client/gui/replication/ReplicationPage.h"

#include "client/app/OpenDatabases.h"
#include "client/app/ReplicaServerList.h"
#include "client/core/ErrorText.h"
#include "client/core/RefusedChanges.h"
#include "client/gui/app/ErrorBox.h"
#include "client/gui/replication/BundleActions.h"
#include "client/gui/replication/ProgressDelegate.h"
#include "client/gui/replication/ReplicaDetails.h"
#include "client/gui/replication/ReplicaServersDialog.h"
#include "client/gui/replication/ReplicationModel.h"
#include "client/sync/SyncController.h"
#include "client/sync/SyncScheduler.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace sen::gui {

namespace {

constexpr int kErrorsTab = 1;

QTableView* detailsTable(QStandardItemModel* model, QWidget* parent)
{
    auto* view = new QTableView(parent);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->setWordWrap(true);
    QObject::connect(model, &QAbstractItemModel::modelReset, view, &QTableView::resizeColumnsToContents);
    QObject::connect(model, &QAbstractItemModel::rowsInserted, view, &QTableView::resizeColumnsToContents);
    return view;
}

} // namespace

ReplicationPage::ReplicationPage(app::OpenDatabases& databases, client::SyncController& controller,
                                 client::SyncScheduler& scheduler, QWidget* parent)
    : QWidget(parent), m_databases(databases), m_workspace(databases.workspace()), m_controller(controller),
      m_scheduler(scheduler)
{
    setObjectName(QStringLiteral("replicationPage"));
    m_model = new ReplicationModel(m_workspace, this);
    m_history = new QStandardItemModel(this);
    m_errors = new QStandardItemModel(this);
    m_refusals = new QStandardItemModel(this);
    m_askWhileOffline = [this] {
        return QMessageBox::question(this, tr("Working offline"),
                                     tr("Sen is set to work offline. Connect to the server anyway for this "
                                        "sync?")) == QMessageBox::Yes;
    };

    auto* syncAll = new QPushButton(tr("Sync all"), this);
    auto* add = new QPushButton(tr("Add replica…"), this);
    m_syncNow = new QPushButton(tr("Sync now"), this);
    m_syncNow->setObjectName(QStringLiteral("syncNow"));
    m_stop = new QPushButton(tr("Stop"), this);
    m_servers = new QPushButton(tr("Servers…"), this);
    m_servers->setObjectName(QStringLiteral("servers"));
    m_servers->setToolTip(tr("The servers this replica syncs with, in order"));
    m_schedule = new QComboBox(this);
    m_schedule->setObjectName(QStringLiteral("schedule"));
    for (const int minutes : client::SyncScheduler::intervals())
        m_schedule->addItem(ReplicationModel::scheduleText(minutes), minutes);
    m_offline = new QCheckBox(tr("Work offline"), this);
    m_bundles = new BundleActions(databases, this);
    auto* bundles = new QToolButton(this);
    bundles->setObjectName(QStringLiteral("bundles"));
    bundles->setText(tr("Bundles"));
    bundles->setToolTip(tr("Carry changes on a USB stick when there is no link to the server"));
    bundles->setPopupMode(QToolButton::InstantPopup);
    bundles->setMenu(m_bundles->menu());
    m_offline->setChecked(m_scheduler.isOffline());

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("replicas"));
    m_table->setModel(m_model);
    m_table->setItemDelegateForColumn(ReplicationModel::ProgressColumn, new ProgressDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ReplicationModel::ProgressColumn, QHeaderView::Fixed);
    m_table->setColumnWidth(ReplicationModel::ProgressColumn, 280);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, [this](const QPoint& at) {
        if (!selectedName().isEmpty())
            m_bundles->menu()->popup(m_table->viewport()->mapToGlobal(at));
    });

    auto* actions = new QHBoxLayout;
    actions->addWidget(m_syncNow);
    actions->addWidget(m_stop);
    actions->addWidget(m_servers);
    actions->addWidget(new QLabel(tr("Sync by itself:"), this));
    actions->addWidget(m_schedule);
    actions->addStretch();
    actions->addWidget(bundles);
    actions->addWidget(m_offline);
    actions->addWidget(syncAll);
    actions->addWidget(add);

    m_detailsTitle = new QLabel(this);
    auto* details = m_details = new QTabWidget(this);
    details->setObjectName(QStringLiteral("details"));
    details->addTab(detailsTable(m_history, details), tr("History"));
    details->addTab(detailsTable(m_errors, details), tr("Errors"));
    auto* refusedTab = new QWidget(details);
    auto* refusedLayout = new QVBoxLayout(refusedTab);
    refusedLayout->setContentsMargins(0, 0, 0, 0);
    m_refusalsView = detailsTable(m_refusals, refusedTab);
    m_refusalsView->setObjectName(QStringLiteral("refusedEdits"));
    m_refusalsView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_restoreRefused = new QPushButton(tr("Restore the server's version"), refusedTab);
    m_restoreRefused->setObjectName(QStringLiteral("restoreRefused"));
    m_restoreRefused->setToolTip(
        tr("Your version is kept as a draft copy in this computer's drafts database."));
    refusedLayout->addWidget(m_refusalsView);
    refusedLayout->addWidget(m_restoreRefused, 0, Qt::AlignRight);
    details->addTab(refusedTab, tr("Refused edits"));
    const auto enableRestore = [this] {
        m_restoreRefused->setEnabled(m_refusals->rowCount() > 0);
    };
    connect(m_refusals, &QAbstractItemModel::modelReset, this, enableRestore);
    connect(m_refusals, &QAbstractItemModel::rowsInserted, this, enableRestore);
    connect(m_refusals, &QAbstractItemModel::rowsRemoved, this, enableRestore);
    m_restoreRefused->setEnabled(false);
    connect(m_restoreRefused, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_refusalsView->currentIndex();
        const Status status = restoreRefused(current.isValid() ? current.row() : 0);
        if (!status)
            QMessageBox::warning(this, tr("Restore the server's version"),
                                 client::ErrorText::sentence(
                                     status, client::ErrorContext::of(client::Situation::RestoringRefused)));
    });
    auto* lower = new QWidget(this);
    auto* lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    lowerLayout->addWidget(m_detailsTitle);
    lowerLayout->addWidget(details);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(lower);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(actions);
    layout->addWidget(split);

    connect(m_syncNow, &QPushButton::clicked, this, [this] { requestSync(selectedName()); });
    connect(syncAll, &QPushButton::clicked, this, [this] { requestSync(QString()); });
    connect(m_stop, &QPushButton::clicked, this, [this] { m_controller.cancel(selectedName()); });
    connect(m_servers, &QPushButton::clicked, this, [this] {
        Status problem;
        const auto dialog = serversDialog(&problem);
        if (!dialog) {
            ErrorBox::show(this, tr("Servers"), problem, client::ErrorContext::of(client::Situation::Other));
            return;
        }
        if (dialog->exec() == QDialog::Accepted)
            reload();
    });
    connect(add, &QPushButton::clicked, this, &ReplicationPage::addReplicaRequested);
    connect(m_bundles, &BundleActions::imported, this, [this](const QString&) {
        reload(); // the new history row, the unsent mark, the refused edits; keeps the selection
    });
    connect(m_bundles, &BundleActions::created, this, [this](const QString& name) {
        reload();
        select(name);
        Q_EMIT replicaCreated(name);
    });
    connect(m_schedule, &QComboBox::activated, this, &ReplicationPage::chooseSchedule);
    connect(m_offline, &QCheckBox::toggled, &m_scheduler, &client::SyncScheduler::setOffline);
    connect(&m_scheduler, &client::SyncScheduler::offlineChanged, m_offline, &QCheckBox::setChecked);
    connect(&m_scheduler, &client::SyncScheduler::intervalChanged, m_model, &ReplicationModel::setSchedule);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        showDetails();
        updateActions();
    });

    connect(&m_controller, &client::SyncController::started, m_model, &ReplicationModel::onStarted);
    connect(&m_controller, &client::SyncController::replicaAdded, this, [this](const QString& name) {
        reload();
        select(name);
    });
    connect(&m_controller, &client::SyncController::progressed, m_model, &ReplicationModel::onProgress);
    connect(&m_controller, &client::SyncController::finished, this, &ReplicationPage::onFinished);
    connect(&m_controller, &client::SyncController::queueChanged, this, &ReplicationPage::updateActions);
    reload();
}

ReplicationPage::~ReplicationPage() = default;

void ReplicationPage::reload()
{
    const QString selected = selectedName();
    (void)m_model->reload(); // unreadable replicas are left out; the workspace page says why
    select(selected.isEmpty() ? m_model->nameAt(0) : selected);
    showDetails();
    updateActions();
}

void ReplicationPage::select(const QString& name)
{
    const int row = m_model->rowOf(name);
    if (row >= 0)
        m_table->setCurrentIndex(m_model->index(row, 0));
}

QString ReplicationPage::selectedName() const
{
    return m_model->nameAt(m_table->currentIndex().row());
}

bool ReplicationPage::requestSync(const QString& name)
{
    if (m_scheduler.isOffline() && !m_askWhileOffline())
        return false;
    if (name.isEmpty())
        return m_controller.syncAll().isOk();
    m_controller.sync(name);
    return true;
}

void ReplicationPage::onFinished(const client::SyncReport& report)
{
    m_model->onFinished(report);
    (void)m_model->reload(); // the new history row, the unsent mark
    if (report.replica == selectedName() || selectedName().isEmpty())
        reload();
}

Status ReplicationPage::restoreRefused(int row)
{
    const QString name = selectedName();
    const QStandardItem* document = m_refusals->item(row, 0);
    const auto unid = document ? Unid::fromHex(document->data(Qt::UserRole).toString()) : std::nullopt;
    if (name.isEmpty() || !unid)
        return Status(ErrorCode::NotFound, tr("Choose a refused edit first."));
    SEN_ASSIGN_OR_RETURN(const auto session, m_databases.session(name));
    SEN_TRY(session->restoreServerVersion(*unid).status());
    Q_EMIT replicaRestored(name);
    showDetails();
    requestSync(name);
    return Status::ok();
}

void ReplicationPage::showDetails()
{
    const QString name = selectedName();
    const int row = m_model->rowOf(name);
    if (row < 0) {
        m_detailsTitle->setText(tr("Select a replica to see its history."));
        ReplicaDetails::clear(*m_history, *m_errors, *m_refusals);
        return;
    }
    const auto [server, serverName] = m_model->lastServerAt(row);
    const QString served = app::ReplicaServerList::lastServerText(server, serverName);
    m_detailsTitle->setText(tr("<b>%1</b>").arg(m_model->index(row, 0).data().toString().toHtmlEscaped()) +
                            (served.isEmpty() ? QString() : QStringLiteral(" — ") + served.toHtmlEscaped()));
    const auto session = m_databases.session(name);
    if (!session) {
        ReplicaDetails::clear(*m_history, *m_errors, *m_refusals);
        return;
    }
    (void)ReplicaDetails::fillHistory(*m_history, **session);
    (void)ReplicaDetails::fillErrors(*m_errors, **session, m_model->settingsAt(row),
                                     m_model->lastReport(name));
    (void)ReplicaDetails::fillRefusals(*m_refusals, **session);
    // A replica whose last sync failed opens on what went wrong.
    const QVariant last = m_model->index(row, 0).data(ReplicationModel::LastStatusRole);
    if (last.isValid() && last.toInt() != static_cast<int>(ErrorCode::Ok) && m_errors->rowCount() > 0)
        m_details->setCurrentIndex(kErrorsTab);
}

std::unique_ptr<ReplicaServersDialog> ReplicationPage::serversDialog(Status* problem)
{
    const QString name = selectedName();
    auto list = app::ReplicaServerList::load(m_workspace, name);
    if (!list) {
        if (problem)
            *problem = list.status();
        return nullptr;
    }
    const auto [server, serverName] = m_model->lastServerAt(m_model->rowOf(name));
    return std::make_unique<ReplicaServersDialog>(
        std::move(list).value(), app::ReplicaServerList::lastServerText(server, serverName), this);
}

void ReplicationPage::updateActions()
{
    const QString name = selectedName();
    m_bundles->setReplica(name);
    // A replica with no link (made from a first bundle) has no server to sync with.
    const bool linked = !name.isEmpty() && !m_model->settingsAt(m_model->rowOf(name)).server.isEmpty();
    m_syncNow->setEnabled(linked && !m_controller.isQueuedOrRunning(name));
    m_stop->setEnabled(linked && m_controller.isQueuedOrRunning(name));
    m_servers->setEnabled(linked);
    m_schedule->setEnabled(linked);
    const int minutes =
        name.isEmpty() ? 0
                       : m_model->index(m_model->rowOf(name), 0).data(ReplicationModel::ScheduleRole).toInt();
    m_schedule->setCurrentIndex(std::max(0, m_schedule->findData(minutes)));
}

void ReplicationPage::chooseSchedule(int index)
{
    const QString name = selectedName();
    if (name.isEmpty())
        return;
    const Status set = m_scheduler.setInterval(name, m_schedule->itemData(index).toInt());
    if (!set.isOk())
        ErrorBox::show(this, tr("Schedule"), set,
                       client::ErrorContext::forDatabase(client::Situation::SavingSchedule, name));
}

} // namespace sen::gui
