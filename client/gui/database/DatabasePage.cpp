#include "client/gui/database/DatabasePage.h"

#include "client/app/IndexUpdater.h"
#include "client/app/OpenDatabases.h"
#include "client/app/Search.h"
#include "client/app/ViewIndexers.h"
#include "client/app/WorkflowCells.h"
#include "client/forms/FormCatalog.h"
#include "client/gui/app/ErrorBox.h"
#include "client/gui/app/Icons.h"
#include "client/gui/app/MainWindow.h"
#include "client/gui/app/Shortcuts.h"
#include "client/gui/conflicts/ConflictDialog.h"
#include "client/gui/database/IndexProgress.h"
#include "client/gui/database/SearchBar.h"
#include "client/gui/database/SearchResultsModel.h"
#include "client/gui/database/ViewNavigator.h"
#include "client/gui/forms/DocumentPage.h"
#include "client/gui/forms/DocumentPreview.h"
#include "client/gui/news/NewsReaderView.h"
#include "client/gui/print/FollowUpPrintDialog.h"
#include "client/gui/print/RegisterPrintDialog.h"
#include "client/gui/schedule/WeekScheduleView.h"
#include "client/gui/views/ViewModel.h"
#include "client/gui/workspace/KindIcon.h"
#include "client/views/ReadMarks.h"
#include "client/views/ViewCatalog.h"
#include "client/views/ViewQuery.h"

#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace sen::gui {

namespace {
constexpr int kSearchLimit = 200;
const char* const kDatabaseProperty = "senDatabase";

// An action of the page with its icon and, if any, its shortcut (client/gui/app/Shortcuts.h).
QAction* pageAction(QWidget* page, Icon which, const QString& text, const QKeySequence& shortcut)
{
    auto* action = new QAction(icon(which), text, page);
    if (shortcut.isEmpty())
        page->addAction(action);
    else
        setPageShortcut(*page, *action, shortcut);
    return action;
}

QString fieldLabel(const QString& form, const QString& item)
{
    if (const forms::FormDefinition* definition = forms::FormCatalog::find(form)) {
        if (const forms::FieldDefinition* field = definition->field(item))
            return field->displayLabel();
    }
    return item;
}
} // namespace

DatabasePage* DatabasePage::openInWindow(MainWindow& window, const QString& name)
{
    QTabWidget& tabs = window.tabs();
    for (int i = 0; i < tabs.count(); ++i) {
        if (auto* page = qobject_cast<DatabasePage*>(tabs.widget(i)); page && page->name() == name) {
            tabs.setCurrentIndex(i);
            return page;
        }
    }
    auto session = window.databases().session(name);
    if (!session) {
        ErrorBox::show(&window, tr("Open database"), session.status(),
                       client::ErrorContext::forDatabase(client::Situation::OpeningDatabase, name));
        return nullptr;
    }
    auto* page = new DatabasePage(window, name, *session);
    tabs.addTab(page, kindIcon((*session)->kind()), page->title());
    tabs.setCurrentWidget(page);
    return page;
}

DatabasePage::DatabasePage(MainWindow& window, QString name, std::shared_ptr<app::DatabaseSession> session,
                           QWidget* parent)
    : QWidget(parent), m_window(window), m_name(std::move(name)), m_session(std::move(session)),
      m_views(views::ViewCatalog::viewsFor(m_session->kind())), m_cachePath(m_session->viewCachePath())
{
    setProperty(kDatabaseProperty, m_name);
    setObjectName(QStringLiteral("database-") + m_name);
    buildUi();

    // The workspace's updater for this replica (ViewIndexers): two updaters on one index would
    // build it twice at once, and the slower, waiting on the other's lock, could fail.
    if (auto shared = m_window.indexers().forReplica(m_name))
        m_updater = *shared;
    else
        m_updater = new app::IndexUpdater(m_session->path(), m_cachePath, m_views,
                                          m_window.session().userName(), this);
    connect(m_updater, &app::IndexUpdater::updated, this, &DatabasePage::onIndexUpdated);
    connect(m_updater, &app::IndexUpdater::viewsReady, this, [this] {
        if (!m_waitingFor.isEmpty())
            showView(m_waitingFor);
        Q_EMIT indexUpdated();
    });
    m_progress->follow(*m_updater);
    connect(m_updater, &app::IndexUpdater::failed, this, [this](const Status& status) {
        showError(status, client::Situation::UpdatingViews);
        // Before the first update the page shows nothing: try again a few times (the index
        // may have been busy) rather than stay empty until the next change.
        if (!m_ready && m_retries < kMaxIndexRetries) {
            ++m_retries;
            QTimer::singleShot(1000 * m_retries, this, [this] { m_updater->requestUpdate(); });
        }
    });
    // What $Processing columns show (the workflow index) is read afresh after every change.
    m_cells = std::make_unique<app::WorkflowCells>(*m_session);
    connect(m_session.get(), &app::DatabaseSession::changed, this, [this] {
        m_cells->invalidate();
        m_updater->requestUpdate();
        refreshPreview(); // a save shows at once, before the view is re-read
    });
    connect(this, &DatabasePage::syncRequested, &m_window, &MainWindow::syncReplica);
    showView(m_views.front().id); // built first, and opened when ready
    m_updater->requestUpdate();
}

DatabasePage::~DatabasePage()
{
    // The view model (a child, destroyed after the members) must not read m_cells once gone.
    if (m_viewModel)
        m_viewModel->setProcessingCells(nullptr);
}

QString DatabasePage::title() const
{
    return m_session->info().title.isEmpty() ? m_name : m_session->info().title;
}

DatabaseKind DatabasePage::kind() const
{
    return m_session->kind();
}

void DatabasePage::buildUi()
{
    const DatabaseKind kind = m_session->kind();
    auto* toolbar = new QToolBar(this);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->setIconSize(QSize(20, 20));

    auto* newMenu = new QMenu(this);
    for (const forms::FormDefinition* form : forms::FormCatalog::mainForms(kind)) {
        const QString formName = form->name;
        newMenu->addAction(form->displayTitle(), this,
                           [this, formName] { DocumentPage::createInWindow(m_window, m_name, formName); });
    }
    auto* newButton = new QToolButton(this);
    newButton->setText(tr("New"));
    newButton->setIcon(icon(Icon::New));
    newButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    newButton->setMenu(newMenu);
    newButton->setPopupMode(QToolButton::InstantPopup);
    newButton->setObjectName(QStringLiteral("newDocument"));
    toolbar->addWidget(newButton);
    // Ctrl+N: a new document of the database's first form (the button's menu offers the others).
    m_newAction = pageAction(this, Icon::New, tr("New document"), QKeySequence::New);
    m_newAction->setObjectName(QStringLiteral("newFirstForm"));
    connect(m_newAction, &QAction::triggered, this, [this, kind] {
        const auto forms = forms::FormCatalog::mainForms(kind);
        if (!forms.empty())
            DocumentPage::createInWindow(m_window, m_name, forms.front()->name);
    });
    newButton->setToolTip(
        tr("New document (%1)").arg(m_newAction->shortcut().toString(QKeySequence::NativeText)));
    // As a double click: a search hit of another database opens there.
    m_openAction = pageAction(this, Icon::Open, tr("Open"), QKeySequence());
    connect(m_openAction, &QAction::triggered, this, [this] { onActivated(m_view->currentIndex()); });
    toolbar->addAction(m_openAction);
    m_editAction = pageAction(this, Icon::Edit, tr("Edit"), QKeySequence(Qt::CTRL | Qt::Key_E));
    m_editAction->setObjectName(QStringLiteral("editDocument"));
    connect(m_editAction, &QAction::triggered, this, [this] { editCurrent(); });
    m_deleteAction = pageAction(this, Icon::Delete, tr("Delete"), QKeySequence::Delete);
    m_deleteAction->setObjectName(QStringLiteral("delete"));
    connect(m_deleteAction, &QAction::triggered, this, &DatabasePage::deleteCurrent);
    toolbar->addAction(m_deleteAction);
    if (kind == DatabaseKind::Documents) {
        m_fileAction = toolbar->addAction(icon(Icon::FileInDossier), tr("File in dossier…"), this,
                                          &DatabasePage::fileCurrentInDossier);
        m_printAction = pageAction(this, Icon::Print, tr("Print register…"), QKeySequence::Print);
        m_printAction->setObjectName(QStringLiteral("printRegister"));
        connect(m_printAction, &QAction::triggered, this,
                [this] { RegisterPrintDialog::run(this, *m_session); });
        toolbar->addAction(m_printAction);
        // The sổ theo dõi giải quyết văn bản đến, or the overdue report (docs/workflow.md).
        toolbar
            ->addAction(tr("Print follow-up register…"), this,
                        [this] { FollowUpPrintDialog::run(this, *m_session); })
            ->setObjectName(QStringLiteral("printFollowUp"));
    }
    if (kind == DatabaseKind::Calendar)
        toolbar
            ->addAction(tr("Week schedule…"), this,
                        [this] {
                            WeekScheduleView::openWindow(this, m_session,
                                                         [this](const Unid& unid) { openDocument(unid); });
                        })
            ->setObjectName(QStringLiteral("weekSchedule"));
    if (kind == DatabaseKind::News)
        toolbar
            ->addAction(tr("Read the news"), this, [this] { NewsReaderView::openInWindow(m_window, m_name); })
            ->setObjectName(QStringLiteral("readNews"));
    toolbar->addSeparator();
    m_readAction =
        toolbar->addAction(icon(Icon::MarkRead), tr("Mark read"), this, [this] { markCurrent(true); });
    m_unreadAction =
        toolbar->addAction(icon(Icon::MarkUnread), tr("Mark unread"), this, [this] { markCurrent(false); });
    toolbar->addAction(tr("Mark all read"), this, &DatabasePage::markAllRead);
    toolbar->addSeparator();
    // F9 is the window's (MainWindow: the current tab's database, else every database).
    QAction* sync =
        toolbar->addAction(icon(Icon::Sync), tr("Sync now"), this, [this] { Q_EMIT syncRequested(m_name); });
    sync->setToolTip(tr("Sync this database now (F9)"));

    m_searchBox = new QLineEdit(this);
    m_searchBox->setObjectName(QStringLiteral("searchBox"));
    m_searchBox->setPlaceholderText(tr("Search (with or without diacritics)…"));
    m_searchBox->addAction(icon(Icon::Find), QLineEdit::LeadingPosition);
    QAction* find = pageAction(this, Icon::Find, tr("Search"), QKeySequence::Find);
    find->setObjectName(QStringLiteral("find"));
    connect(find, &QAction::triggered, this, [this] {
        m_searchBox->setFocus(Qt::ShortcutFocusReason);
        m_searchBox->selectAll();
    });
    m_searchBox->setToolTip(
        tr("Search this database (%1)").arg(find->shortcut().toString(QKeySequence::NativeText)));
    m_searchBox->setClearButtonEnabled(true);
    m_searchBox->setMaximumWidth(340);
    connect(m_searchBox, &QLineEdit::returnPressed, this, [this] { search(m_searchBox->text()); });
    connect(m_searchBox, &QLineEdit::textChanged, this, [this](const QString& text) {
        if (text.isEmpty() && !m_viewModel)
            search(QString());
    });
    auto* spacer = new QWidget(this);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolbar->addWidget(spacer);
    toolbar->addWidget(m_searchBox);
    m_searchBar = new SearchBar(this);
    m_searchBar->setVisible(false);
    connect(m_searchBar, &SearchBar::searchRequested, this, [this] { search(m_searchBox->text()); });
    QAction* advanced = toolbar->addAction(tr("Advanced"));
    m_advancedAction = advanced;
    advanced->setObjectName(QStringLiteral("advancedSearch"));
    advanced->setCheckable(true);
    advanced->setToolTip(tr("Search by number and symbol, issuer, dates, or in every database"));
    connect(advanced, &QAction::toggled, m_searchBar, &QWidget::setVisible);

    m_navigator = new ViewNavigator(m_views, this);
    connect(m_navigator, &ViewNavigator::viewChosen, this, &DatabasePage::showView);

    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("view"));
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAllColumnsShowFocus(true);
    m_view->header()->setSectionsMovable(false);
    m_view->header()->setStretchLastSection(true);
    connect(m_view, &QTreeView::activated, this, &DatabasePage::onActivated);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QTreeView::customContextMenuRequested, this, &DatabasePage::showContextMenu);

    m_progress = new IndexProgress(m_views, this); // the wait while a view is first built
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_progress->notice());
    m_stack->addWidget(m_view);

    m_preview = new DocumentPreview(this);
    m_preview->setObjectName(QStringLiteral("preview"));

    auto* right = new QSplitter(Qt::Vertical, this);
    auto* viewPane = new QWidget(this); // the view, and the other views' build above it
    auto* viewLayout = new QVBoxLayout(viewPane);
    viewLayout->setContentsMargins(0, 0, 0, 0);
    viewLayout->addWidget(m_progress->line());
    viewLayout->addWidget(m_stack, 1);
    right->addWidget(viewPane);
    right->addWidget(m_preview);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 2);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_navigator);
    split->addWidget(right);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    split->setSizes({220, 900});

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(toolbar);
    layout->addWidget(m_searchBar);
    layout->addWidget(split, 1);
}

void DatabasePage::showMessage(const QString& text)
{
    m_window.showStatusMessage(text);
}

void DatabasePage::showError(const Status& status, client::Situation situation)
{
    m_window.showStatusError(status, client::ErrorContext::forDatabase(situation, m_name));
}

void DatabasePage::onIndexUpdated()
{
    // Every view is current: one waited for opens, one shown re-reads.
    if (!m_waitingFor.isEmpty())
        showView(m_waitingFor);
    else if (m_viewModel)
        m_viewModel->refresh();
    Q_EMIT indexUpdated();
}

void DatabasePage::setModel(QAbstractItemModel* model)
{
    QAbstractItemModel* old = m_model;
    m_view->setRootIsDecorated(true);
    m_view->setSortingEnabled(false);
    m_view->setModel(model);
    m_model = model;
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) { onCurrentChanged(current); });
    delete old;
    m_preview->clear();
    m_stack->setCurrentWidget(m_view);
}

void DatabasePage::showView(QString viewId)
{
    const auto definition = std::find_if(m_views.begin(), m_views.end(),
                                         [&](const views::ViewDefinition& v) { return v.id == viewId; });
    if (definition == m_views.end())
        return;
    m_waitingFor = m_updater && m_updater->isViewReady(viewId) ? QString() : viewId;
    if (!m_waitingFor.isEmpty()) { // not built yet: built next, shown when ready (onIndexUpdated)
        m_updater->prefer(viewId);
        m_progress->waitFor(viewId);
        m_stack->setCurrentWidget(m_progress->notice());
        m_navigator->selectView(viewId);
        return;
    }
    if (!std::exchange(m_ready, true)) {
        if (auto marks = views::ReadMarks::open(m_cachePath))
            m_marks = std::move(*marks);
    }
    auto query = views::ViewQuery::open(m_cachePath, *definition, m_window.session().userName());
    if (!query) {
        showError(query.status(), client::Situation::OpeningView);
        return;
    }
    auto marks = views::ReadMarks::open(m_cachePath);
    auto* model = new ViewModel(std::move(*query), marks ? std::move(*marks) : nullptr, this);
    model->setProcessingCells(m_cells.get());
    connect(model, &ViewModel::queryFailed, this,
            [this](const Status& status) { showError(status, client::Situation::OpeningView); });
    m_viewId = viewId;
    m_viewModel = model;
    setModel(model);
    // Hints are in characters; digits are the widest common ones, and unread rows are bold.
    QFont bold = m_view->font();
    bold.setBold(true);
    const int charWidth = QFontMetrics(bold).horizontalAdvance(QLatin1Char('0'));
    const std::size_t shown = static_cast<std::size_t>(definition->shownColumns()); // markers are icons
    for (std::size_t i = 0; i + 1 < shown; ++i) {                                   // the last one stretches
        // The first column also holds the tree's indentation (responses, categories).
        const int indentation = i == 0 ? m_view->indentation() : 0;
        const bool categoryColumn = definition->columns[i].categorised; // its titles span the row
        m_view->setColumnWidth(static_cast<int>(i),
                               categoryColumn
                                   ? 2 * m_view->indentation()
                                   : definition->columns[i].widthHint * charWidth + 20 + indentation);
    }
    if (definition->isCategorised()) {
        // A category's title spans the row, as in Notes, rather than being cut at the first
        // column's width. Categories are the top level; they are re-read on every reset.
        spanCategories();
        connect(model, &QAbstractItemModel::modelReset, this, &DatabasePage::spanCategories);
        connect(model, &QAbstractItemModel::layoutChanged, this, &DatabasePage::spanCategories);
        connect(model, &QAbstractItemModel::rowsInserted, this, &DatabasePage::spanCategories);
    }
    const views::ViewSort sort = model->currentSort();
    m_view->header()->setSortIndicator(sort.column,
                                       sort.descending ? Qt::DescendingOrder : Qt::AscendingOrder);
    m_view->setSortingEnabled(true);
    m_navigator->selectView(viewId);
    m_navigator->showSearch(QString());
    m_searchBox->blockSignals(true);
    m_searchBox->clear();
    m_searchBox->blockSignals(false);
}

void DatabasePage::search(const QString& text)
{
    // The advanced row counts while it is shown: what the user sees is what is searched.
    auto query = m_searchBar->isHidden() ? app::SearchQuery::fromTexts(text, {}, {}, {}, {})
                                         : m_searchBar->query(text);
    const bool everyDatabase = !m_searchBar->isHidden() && m_searchBar->allDatabases();
    if (!query) {
        showMessage(tr("Type dates as dd/mm/yyyy, the first not after the second."));
        return;
    }
    if (query->isEmpty()) {
        if (!m_viewModel) // back to the last view (the first, if a search came before it)
            showView(m_viewId.isEmpty() ? m_views.front().id : m_viewId);
        return;
    }
    app::SearchOutcome outcome; // from the replica's full-text index: no view needed
    if (everyDatabase) {
        outcome = searchAll(*query);
    } else {
        auto hits = app::Search::run(*m_session, *query, kSearchLimit);
        if (!hits) {
            showError(hits.status(), client::Situation::Searching);
            return;
        }
        outcome.hits = std::move(*hits);
        outcome.building = app::Search::building({m_session.get()});
    }
    std::vector<SearchResultsModel::Hit> results;
    for (app::SearchResult& hit : outcome.hits) {
        bool unread = false;
        if (m_marks && hit.database == m_name) {
            const auto marked = m_marks->isUnread(hit.unid);
            unread = marked && *marked;
        }
        results.push_back({std::move(hit), unread});
    }
    const QString shown = SearchBar::describe(*query, everyDatabase);
    auto* model = new SearchResultsModel(shown, std::move(results), this);
    m_viewModel = nullptr;
    m_waitingFor.clear(); // the results stay when a view waited for is built
    setModel(model);
    const int charWidth = m_view->fontMetrics().averageCharWidth();
    m_view->setRootIsDecorated(false); // a flat list: no room kept for branches
    const int widths[] = {18, 20, 20, 11, 50};
    for (int i = 0; i < static_cast<int>(std::size(widths)); ++i)
        m_view->setColumnWidth(i, widths[i] * charWidth + 16);
    m_navigator->showSearch(shown);
    if (m_searchBox->text() != text) {
        m_searchBox->blockSignals(true);
        m_searchBox->setText(text);
        m_searchBox->blockSignals(false);
    }
    if (!outcome.failures.empty()) {
        const app::SearchFailure& failure = outcome.failures.front();
        m_window.showStatusError(failure.status, client::ErrorContext::forDatabase(
                                                     client::Situation::Searching, failure.database));
        return;
    }
    m_window.showStatusMessage(QString(tr("%n document(s) found", nullptr, model->rowCount()) + u' ' +
                                       app::Search::buildingNotice(outcome.building))
                                   .trimmed());
}

app::SearchOutcome DatabasePage::searchAll(const app::SearchQuery& query)
{
    app::SearchOutcome outcome;
    auto entries = m_session->workspace().list();
    if (!entries) {
        outcome.failures.push_back({m_name, entries.status()});
        return outcome;
    }
    std::vector<std::shared_ptr<app::DatabaseSession>> sessions;
    for (const client::ReplicaEntry& entry : *entries) {
        auto session = m_window.databases().session(entry.name);
        if (!session) {
            outcome.failures.push_back({entry.name, session.status()});
            continue;
        }
        sessions.push_back(std::move(*session));
    }
    std::vector<const app::DatabaseSession*> pointers;
    for (const auto& session : sessions)
        pointers.push_back(session.get());
    app::SearchOutcome found = app::Search::runAll(pointers, query, kSearchLimit);
    found.failures.insert(found.failures.begin(), outcome.failures.begin(), outcome.failures.end());
    return found; // its hits, every failure (ours first) and the databases still being indexed
}

void DatabasePage::spanCategories()
{
    if (!m_viewModel)
        return;
    for (int row = 0; row < m_viewModel->rowCount(); ++row) {
        const bool category = m_viewModel->index(row, 0).data(ViewModel::CategoryRole).toBool();
        m_view->setFirstColumnSpanned(row, QModelIndex(), category);
    }
}

Unid DatabasePage::unidAt(const QModelIndex& index) const
{
    if (!index.isValid())
        return {};
    const auto unid = Unid::fromHex(index.siblingAtColumn(0).data(ViewModel::UnidRole).toString());
    return unid ? *unid : Unid();
}

QString DatabasePage::databaseAt(const QModelIndex& index) const
{
    const QString database = index.siblingAtColumn(0).data(SearchResultsModel::DatabaseRole).toString();
    return database.isEmpty() ? m_name : database;
}

std::shared_ptr<app::DatabaseSession> DatabasePage::sessionOf(const QString& database) const
{
    if (database == m_name)
        return m_session;
    auto session = m_window.databases().session(database);
    return session ? *session : nullptr;
}

std::optional<Unid> DatabasePage::currentDocument() const
{
    const QModelIndex current = m_view->currentIndex();
    const Unid unid = unidAt(current);
    // A hit of another database is not this database's to delete, file or mark.
    if (unid.isNull() || databaseAt(current) != m_name)
        return std::nullopt;
    return unid;
}

void DatabasePage::onCurrentChanged(const QModelIndex& current)
{
    const Unid unid = unidAt(current);
    m_deleteAction->setEnabled(true); // nothing to judge: deleteCurrent() does nothing
    // A hit of another database (a search of every database) is shown from its own session.
    const QString database = databaseAt(current);
    const auto session = unid.isNull() ? nullptr : sessionOf(database);
    if (!session) {
        m_preview->clear();
        return;
    }
    const auto doc = session->document(unid);
    if (!doc || doc->isDeleted()) {
        m_preview->clear();
        return;
    }
    // Offered only when the server would accept it (client/core/ReplicaAccess.h); the access
    // is read again each time, as a sync may have brought a new one.
    m_deleteAction->setEnabled(database == m_name && m_session->mayDelete(*doc));
    m_preview->show(*session, *doc);
    if (database == m_name && current.siblingAtColumn(0).data(ViewModel::UnreadRole).toBool())
        markCurrent(true);
}

void DatabasePage::refreshPreview()
{
    const QModelIndex current = m_view->currentIndex();
    const Unid unid = unidAt(current);
    const auto session = unid.isNull() ? nullptr : sessionOf(databaseAt(current));
    const auto doc = session ? session->document(unid) : Result<Document>(Status(ErrorCode::NotFound, {}));
    if (!doc || doc->isDeleted()) {
        m_preview->clear();
        return;
    }
    m_preview->show(*session, *doc);
}

void DatabasePage::onActivated(const QModelIndex& index)
{
    const Unid unid = unidAt(index);
    if (unid.isNull())
        return;
    const QString database = databaseAt(index);
    if (database == m_name) {
        openDocument(unid);
        return;
    }
    // A hit of another database opens there, as from that database's own page.
    const auto session = sessionOf(database);
    const auto doc = session ? session->document(unid) : Result<Document>(Status(ErrorCode::NotFound, {}));
    if (!doc || doc->isDeleted()) {
        showMessage(tr("This document is no longer in the database."));
        return;
    }
    if (doc->isConflict()) {
        ConflictDialog::resolve(this, m_window.databases(), database, unid, fieldLabel, [] {});
        return;
    }
    DocumentPage::openInWindow(m_window, database, unid);
}

void DatabasePage::openDocument(const Unid& unid)
{
    const auto doc = m_session->document(unid);
    if (!doc || doc->isDeleted()) {
        showMessage(tr("This document is no longer in the database."));
        return;
    }
    if (doc->isConflict()) {
        ConflictDialog::resolve(this, m_window.databases(), m_name, unid, fieldLabel,
                                [this] { m_updater->requestUpdate(); });
        return;
    }
    if (NewsReaderView::readsAsNews(kind(), *doc)) // an article reads as an article (docs/news-reader.md)
        NewsReaderView::openInWindow(m_window, m_name, unid);
    else
        DocumentPage::openInWindow(m_window, m_name, unid);
}

void DatabasePage::editCurrent()
{
    const QModelIndex current = m_view->currentIndex();
    const Unid unid = unidAt(current);
    if (unid.isNull())
        return;
    const auto session = sessionOf(databaseAt(current));
    const auto doc = session ? session->document(unid) : Result<Document>(Status(ErrorCode::NotFound, {}));
    if (!doc || doc->isDeleted() || doc->isConflict()) {
        onActivated(current); // says why, or opens the conflict dialog
        return;
    }
    if (DocumentPage* page = DocumentPage::openInWindow(m_window, databaseAt(current), unid))
        page->setEditing(true);
}

QString DatabasePage::linkOf(const Unid& unid) const
{
    return QStringLiteral("sen://%1/%2").arg(m_session->info().replicaId.toHex(), unid.toHex());
}

QMenu* DatabasePage::contextMenuFor(const QModelIndex& index)
{
    auto* menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("viewMenu"));
    const Unid unid = unidAt(index);
    if (unid.isNull())
        return menu; // a category: nothing to act on
    m_view->setCurrentIndex(index);
    const bool own = databaseAt(index) == m_name;
    menu->addAction(m_openAction);
    menu->addAction(m_editAction);
    if (own) {
        const auto doc = m_session->document(unid);
        const forms::FormDefinition* form = doc ? forms::FormCatalog::find(doc->form) : nullptr;
        const auto responses = forms::FormCatalog::responseForms(m_session->kind());
        if (form && !form->response && !responses.empty() && !doc->isConflict()) {
            QMenu* respond = menu->addMenu(icon(Icon::Respond), tr("New response"));
            respond->setObjectName(QStringLiteral("newResponse"));
            for (const forms::FormDefinition* response : responses) {
                const QString formName = response->name;
                respond->addAction(response->displayTitle(), this, [this, formName, unid] {
                    DocumentPage::createInWindow(m_window, m_name, formName, unid);
                });
            }
        }
        menu->addAction(m_deleteAction);
        menu->addSeparator();
        if (m_fileAction)
            menu->addAction(m_fileAction);
        if (m_printAction)
            menu->addAction(m_printAction);
        menu->addAction(m_readAction);
        menu->addAction(m_unreadAction);
    }
    menu->addSeparator();
    const QString link = own ? linkOf(unid) : QString();
    QAction* copy = menu->addAction(icon(Icon::Copy), tr("Copy link"), this, [this, link, unid] {
        QGuiApplication::clipboard()->setText(link.isEmpty() ? unid.toHex() : link);
        showMessage(tr("The document's link is on the clipboard."));
    });
    copy->setObjectName(QStringLiteral("copyLink"));
    return menu;
}

void DatabasePage::showContextMenu(const QPoint& at)
{
    const QModelIndex index = m_view->indexAt(at);
    if (!index.isValid())
        return;
    QMenu* menu = contextMenuFor(index);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    if (menu->isEmpty()) {
        delete menu;
        return;
    }
    menu->popup(m_view->viewport()->mapToGlobal(at));
}

void DatabasePage::deleteCurrent()
{
    const auto unid = currentDocument();
    if (!unid)
        return;
    const auto doc = m_session->document(*unid);
    if (!doc || doc->isDeleted())
        return;
    if (!m_session->mayDelete(*doc)) {
        showMessage(tr("You may not delete this document: the server would refuse the deletion."));
        return;
    }
    const forms::FormDefinition* form = forms::FormCatalog::find(doc->form);
    const QString what = form ? form->documentTitle(*doc) : doc->form;
    if (QMessageBox::question(
            this, tr("Delete document"),
            tr("Delete \"%1\"? The deletion replicates to every copy of the database.").arg(what)) !=
        QMessageBox::Yes)
        return;
    const auto removed = m_session->remove(*unid);
    if (!removed)
        ErrorBox::show(this, tr("Delete document"), removed.status(),
                       client::ErrorContext::of(client::Situation::DeletingDocument));
}

void DatabasePage::fileCurrentInDossier()
{
    const auto unid = currentDocument();
    if (!unid)
        return;
    // Every dossier of the database (no cap), picked by its place in the list: two dossiers
    // with the same title stay two.
    const auto dossiers = m_session->dossiers();
    if (!dossiers || dossiers->empty()) {
        QMessageBox::information(
            this, tr("File in dossier"),
            tr("There is no dossier in this database yet: make one with New ▸ Dossier."));
        return;
    }
    QStringList titles;
    for (const app::DossierEntry& dossier : *dossiers)
        titles << dossier.code + QStringLiteral(" — ") + dossier.title;
    QInputDialog dialog(this);
    dialog.setWindowTitle(tr("File in dossier"));
    dialog.setLabelText(tr("Choose the dossier:"));
    dialog.setComboBoxItems(titles);
    dialog.setComboBoxEditable(false);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const auto* box = dialog.findChild<QComboBox*>();
    const int chosen = box ? box->currentIndex() : static_cast<int>(titles.indexOf(dialog.textValue()));
    if (chosen < 0 || chosen >= titles.size())
        return;
    const Status status = m_session->file((*dossiers)[static_cast<std::size_t>(chosen)].unid, *unid);
    if (!status.isOk()) {
        ErrorBox::show(this, tr("File in dossier"), status,
                       client::ErrorContext::of(client::Situation::FilingInDossier));
        return;
    }
    showMessage(tr("Filed in %1").arg(titles[chosen]));
}

void DatabasePage::markCurrent(bool read)
{
    const QModelIndex current = m_view->currentIndex();
    const auto unid = currentDocument();
    if (!unid)
        return;
    if (m_viewModel) {
        m_viewModel->setRead(current, read);
    } else if (m_marks) {
        if (m_marks->setRead(*unid, read).isOk())
            static_cast<SearchResultsModel*>(m_model)->setUnread(current.row(), !read);
    }
}

void DatabasePage::markAllRead()
{
    if (!m_marks)
        return;
    const Status status = m_marks->markAllRead();
    if (!status.isOk()) {
        showError(status, client::Situation::MarkingRead);
        return;
    }
    if (m_viewModel)
        m_viewModel->refresh();
    m_window.refreshWorkspace();
}

} // namespace sen::gui
