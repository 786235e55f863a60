#pragma once

// One database in a tab of the main window (Notes' database window): the navigator of its
// views on the left, the current view (a lazily fetched, sortable, categorised tree) with
// the preview pane under it, a search box (with an advanced row of fields and a scope, this
// database or all: client/app/Search.h) that lists its hits in place of the view, and the actions
// on documents: new (each main form of the database), open (a conflict document opens the
// conflict dialog), delete, read marks, sync; in a documents database also filing in a
// dossier and printing the registers (client/gui/print/RegisterPrintDialog.h).
//
// The page reaches the database through its session (app::DatabaseSession, shared by every
// page of the database). The view index is kept by the workspace's IndexUpdater for the
// replica (app::ViewIndexers) off the GUI thread: the page opens a view once it is built (a
// first build goes the view asked for first, docs/views.md §"The first view first"; until
// then IndexProgress's notice stands in its place) and refreshes it after every later update
// (each change the session announces: a save, a sync). Reading the views uses the GUI
// thread's own connections to the view cache.

#include "client/app/ReplicaTypes.h"
#include "client/app/Search.h"
#include "client/core/ErrorText.h"
#include "client/views/ViewDefinition.h"
#include "common/core/Ids.h"

#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

class QAbstractItemModel;
class QAction;
class QLabel;
class QLineEdit;
class QMenu;
class QStackedWidget;
class QTreeView;

namespace sen::views {
class ReadMarks;
}

namespace sen::app {
class DatabaseSession;
class IndexUpdater;
class WorkflowCells;
} // namespace sen::app

namespace sen::gui {

class DocumentPreview;
class MainWindow;
class SearchBar;
class ViewModel;
class IndexProgress;
class ViewNavigator;

class DatabasePage : public QWidget
{
    Q_OBJECT
public:
    // Opens the page of the local replica `name` (or finds the one open) in a tab of
    // `window`; null with a message box when the replica cannot be opened.
    static DatabasePage* openInWindow(MainWindow& window, const QString& name);

    DatabasePage(MainWindow& window, QString name, std::shared_ptr<app::DatabaseSession> session,
                 QWidget* parent = nullptr);
    ~DatabasePage() override;

    const QString& name() const { return m_name; }
    QString title() const;
    DatabaseKind kind() const;
    // Whether a view is shown (the first built, docs/views.md §"The first view first").
    bool isReady() const { return m_ready; }
    QTreeView* view() const { return m_view; }
    DocumentPreview* preview() const { return m_preview; }
    QAbstractItemModel* model() const { return m_model; }
    QString currentViewId() const { return m_viewId; }

    // Shows a view of the catalog by id.
    void showView(QString viewId); // a copy: callers pass m_waitingFor, which it changes
    // Runs a search of `text` (full-text words, diacritics ignored) and the advanced row's
    // fields (số ký hiệu, issuer, dates) in this database or, as the row's scope says, every
    // database of the workspace (client/app/Search.h), and shows the hits: database, form,
    // number, date, abstract, matches. Nothing to search for returns to the last view.
    void search(const QString& text);
    // The advanced search row (fields and scope), shown and hidden by the toolbar's
    // "Advanced" button; its fields and scope count only while it is shown.
    SearchBar* searchBar() const { return m_searchBar; }
    QAction* advancedSearchAction() const { return m_advancedAction; }
    // Opens the document (a conflict document: the conflict dialog).
    void openDocument(const Unid& unid);
    // The current document of the view, if any and of this database (not a search hit of
    // another one).
    std::optional<Unid> currentDocument() const;
    // The right-click menu of a row of the view (open, edit, delete, new response, print,
    // copy link, read marks), built for the row at `index` (tests call it directly).
    QMenu* contextMenuFor(const QModelIndex& index);
    // "sen://<replica ID>/<UNID>": the document's address, the same in every replica of the
    // database; what "Copy link" puts on the clipboard.
    QString linkOf(const Unid& unid) const;

Q_SIGNALS:
    // The views were (re)read after an index update: tests and the workspace's unread counts.
    void indexUpdated();
    void syncRequested(const QString& name);

private:
    void buildUi();
    void onIndexUpdated();
    void onCurrentChanged(const QModelIndex& current);
    void onActivated(const QModelIndex& index);
    // Shows the current document again in the preview (after a change of the database).
    void refreshPreview();
    void setModel(QAbstractItemModel* model);
    void deleteCurrent();
    // Opens the current document in edit mode (read mode when the user may not change it).
    void editCurrent();
    void showContextMenu(const QPoint& at);
    void markCurrent(bool read);
    void markAllRead();
    // Asks for one of the database's dossiers and files the current document in it.
    void fileCurrentInDossier();
    void spanCategories();
    void showMessage(const QString& text);
    // A failure in the status bar: ErrorText's sentence, the details as its tooltip.
    void showError(const Status& status, client::Situation situation);
    Unid unidAt(const QModelIndex& index) const;
    // The database of a row: a search hit's own, else this page's.
    QString databaseAt(const QModelIndex& index) const;
    // This page's session for its database, else the window's session of `database` (or null).
    std::shared_ptr<app::DatabaseSession> sessionOf(const QString& database) const;
    app::SearchOutcome searchAll(const app::SearchQuery& query);

    MainWindow& m_window;
    QString m_name;
    QAction* m_deleteAction = nullptr; // offered only when the stored access allows the deletion
    QAction* m_newAction = nullptr;    // Ctrl+N: a new document of the first form
    QAction* m_openAction = nullptr;
    QAction* m_editAction = nullptr; // Ctrl+E
    QAction* m_fileAction = nullptr;
    QAction* m_printAction = nullptr; // Ctrl+P: the registers (a documents database)
    QAction* m_readAction = nullptr;
    QAction* m_unreadAction = nullptr;
    std::shared_ptr<app::DatabaseSession> m_session;
    std::unique_ptr<app::WorkflowCells> m_cells; // $Processing columns (before the models that use it)
    std::vector<views::ViewDefinition> m_views;
    QString m_cachePath;
    app::IndexUpdater* m_updater = nullptr; // the window's ViewIndexers' (or this page's, if that failed)
    static constexpr int kMaxIndexRetries = 5;
    int m_retries = 0; // updates retried after a failure before the first one succeeded
    std::unique_ptr<views::ReadMarks> m_marks;
    bool m_ready = false;

    ViewNavigator* m_navigator = nullptr;
    QStackedWidget* m_stack = nullptr;
    IndexProgress* m_progress = nullptr;
    QString m_waitingFor; // a view chosen before it was built: shown when it is
    QTreeView* m_view = nullptr;
    DocumentPreview* m_preview = nullptr;
    QLineEdit* m_searchBox = nullptr;
    SearchBar* m_searchBar = nullptr;
    QAction* m_advancedAction = nullptr;
    QAbstractItemModel* m_model = nullptr;
    ViewModel* m_viewModel = nullptr; // m_model when a view (not search results) is shown
    QString m_viewId;
};

} // namespace sen::gui
