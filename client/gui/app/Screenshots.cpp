#include "client/gui/app/Screenshots.h"

#include "client/app/NewsReader.h"
#include "client/app/OpenDatabases.h"
#include "client/app/PdfAttachments.h"
#include "client/app/WeekSchedule.h"
#include "client/forms/FormCatalog.h"
#include "client/gui/app/MainWindow.h"
#include "client/gui/database/DatabasePage.h"
#include "client/gui/database/SearchBar.h"
#include "client/gui/forms/DocumentPage.h"
#include "client/gui/forms/NamePickerDialog.h"
#include "client/gui/forms/ProcessingPane.h"
#include "client/gui/forms/StepDialogs.h"
#include "client/gui/news/NewsReaderView.h"
#include "client/gui/print/FollowUpPrintDialog.h"
#include "client/gui/schedule/WeekScheduleView.h"
#include "client/gui/views/ViewModel.h"
#include "client/gui/workspace/WorkspaceModel.h"
#include "client/gui/workspace/WorkspacePage.h"

#include <QApplication>
#include <QDir>
#include <QEventLoop>
#include <QMenu>
#include <QPixmap>
#include <QTabWidget>
#include <QTimer>
#include <QTreeView>

#include <algorithm>
#include <functional>
#include <memory>
#include <optional>

namespace sen::gui {

namespace {

void settle()
{
    // Lazy views fetch and lay out in posted events: let them run before grabbing.
    for (int i = 0; i < 5; ++i)
        QApplication::processEvents();
}

QString slug(const QString& text)
{
    QString out;
    for (const QChar c : text)
        out += c.isLetterOrNumber() && c.unicode() < 128 ? c.toLower() : QChar(u'-');
    return out;
}

// Waits (running the event loop) until the page's views are open; false after 60 s.
bool waitUntilReady(DatabasePage& page)
{
    if (page.isReady())
        return true;
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(&page, &DatabasePage::indexUpdated, &loop, &QEventLoop::quit);
    timeout.start(60'000);
    loop.exec();
    return page.isReady();
}

// Makes the first document of the view current (opening its category if it has one).
void selectFirstDocument(DatabasePage& page)
{
    QAbstractItemModel* model = page.model();
    if (!model || model->rowCount() == 0)
        return;
    QModelIndex first = model->index(0, 0);
    if (model->hasChildren(first) && first.data(ViewModel::CategoryRole).toBool()) {
        page.view()->expand(first);
        settle();
        first = model->index(0, 0, first);
    }
    if (first.isValid())
        page.view()->setCurrentIndex(first);
}

} // namespace

Status saveScreenshot(QWidget& widget, const QString& path)
{
    settle();
    const QPixmap pixmap = widget.grab();
    if (pixmap.isNull() || !pixmap.save(path, "PNG"))
        return Status(ErrorCode::IoError, QStringLiteral("cannot write the screenshot %1").arg(path));
    return {};
}

// The first live document of database `name` with a PDF attachment, if any.
std::optional<Unid> documentWithPdf(MainWindow& window, const QString& name)
{
    const auto session = window.databases().session(name);
    if (!session)
        return std::nullopt;
    std::optional<Unid> found;
    static_cast<void>((*session)->forEachDocument([&](const Document& doc) {
        if (!app::pdfAttachments(doc).empty())
            found = doc.unid;
        return !found;
    }));
    return found;
}

// The first live incoming document of database `name`, if any.
std::optional<Unid> firstIncoming(MainWindow& window, const QString& name)
{
    const auto session = window.databases().session(name);
    if (!session)
        return std::nullopt;
    std::optional<Unid> found;
    static_cast<void>((*session)->forEachDocument([&](const Document& doc) {
        if (doc.form == QLatin1String(workflow::kIncomingForm) && !doc.isConflict())
            found = doc.unid;
        return !found;
    }));
    return found;
}

// Shows `dialog` (never accepted: nothing is written), grabs it and closes it.
Status grabDialog(QDialog& dialog, const QString& path)
{
    dialog.show();
    const Status saved = saveScreenshot(dialog, path);
    dialog.reject();
    return saved;
}

// The processing of an incoming document (docs/workflow.md): its pane as the page shows it,
// and the dialogs of its steps and of the follow-up register, empty.
Status captureProcessing(MainWindow& window, const QString& name, const std::function<QString(QString)>& path)
{
    const auto unid = firstIncoming(window, name);
    DocumentPage* document = unid ? DocumentPage::openInWindow(window, name, *unid) : nullptr;
    if (!document || !document->processingPane())
        return {};
    settle();
    SEN_TRY(saveScreenshot(*document->processingPane(), path(QStringLiteral("processing-pane"))));
    const workflow::Step* governing = nullptr;
    const auto refuse = [](auto&&...) {
        return Status(ErrorCode::Cancelled, QStringLiteral("screenshot"));
    };
    PresentDialog present(refuse, &window);
    SEN_TRY(grabDialog(present, path(QStringLiteral("dialog-present"))));
    DirectDialog direct(workflow::Level::Agency, governing, refuse, &window);
    SEN_TRY(grabDialog(direct, path(QStringLiteral("dialog-direct"))));
    DirectDialog assign(workflow::Level::Unit, governing, refuse, &window);
    SEN_TRY(grabDialog(assign, path(QStringLiteral("dialog-assign"))));
    ReportDialog report({}, refuse, &window);
    SEN_TRY(grabDialog(report, path(QStringLiteral("dialog-report"))));
    FollowUpPrintDialog followUp(&window);
    SEN_TRY(grabDialog(followUp, path(QStringLiteral("dialog-followup"))));
    window.tabs().removeTab(window.tabs().indexOf(document));
    document->deleteLater();
    return {};
}

// The week schedule window of calendar database `name` at the week of its first entry.
Status saveWeekSchedule(MainWindow& window, const QString& name, const QString& path)
{
    const auto session = window.databases().session(name);
    if (!session)
        return session.status();
    const auto entries = app::WeekSchedule(**session).entries(QDate(2000, 1, 1), QDate(2100, 1, 1));
    WeekScheduleView* view = WeekScheduleView::openWindow(&window, *session, [](const Unid&) {});
    if (entries && !entries->empty())
        view->showDate(entries->front().date);
    const Status saved = saveScreenshot(*view->window(), path);
    view->window()->close();
    return saved;
}

// The news reader of news database `name` at its newest article with a picture (else its
// newest), as a tab of the window (docs/news-reader.md).
Status saveNewsReader(MainWindow& window, const QString& name,
                      const std::function<Status(const QString&)>& save)
{
    NewsReaderView* view = NewsReaderView::openInWindow(window, name);
    if (!view)
        return Status(ErrorCode::NotFound, QStringLiteral("no news reader for %1").arg(name));
    const auto session = window.databases().session(name);
    if (!session)
        return session.status();
    const auto items = app::NewsReader(**session, nullptr).articles(app::NewsFilter::all());
    if (items && !items->empty()) {
        const auto pictured = std::find_if(items->begin(), items->end(), [](const app::NewsItem& item) {
            return !item.article.images.isEmpty();
        });
        view->showArticle((pictured != items->end() ? *pictured : items->front()).article.unid);
    }
    settle();
    const Status saved = save(QStringLiteral("news-") + slug(name));
    window.tabs().removeTab(window.tabs().indexOf(view));
    view->deleteLater();
    return saved;
}

Status captureScreens(MainWindow& window, const QString& directory)
{
    if (!QDir().mkpath(directory))
        return Status(ErrorCode::IoError, QStringLiteral("cannot create %1").arg(directory));
    int n = 0;
    auto save = [&](const QString& name) {
        return saveScreenshot(
            window, QStringLiteral("%1/%2-%3.png").arg(directory).arg(++n, 2, 10, QChar(u'0')).arg(name));
    };
    QTabWidget& tabs = window.tabs();
    WorkspacePage& workspace = window.workspacePage();
    // A 1366×768 laptop's screen less its task bar: what the window must fit.
    window.resize(1366, 728);

    // The first screen: "Việc của tôi" beside the tiles (docs/workflow.md "My work").
    window.refreshMyWork();
    tabs.setCurrentIndex(0);
    SEN_TRY(save(QStringLiteral("my-work")));

    // Every database of the workspace in its tab, with its first document previewed, then
    // that document open, then a new document of the database's first form.
    const WorkspaceModel& model = window.workspaceModel();
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row)
        names << model.index(row).data(WorkspaceModel::NameRole).toString();
    bool processingShown = false; // the first documents database's
    for (const QString& name : names) {
        DatabasePage* page = DatabasePage::openInWindow(window, name);
        if (!page)
            continue;
        if (!waitUntilReady(*page))
            return Status(ErrorCode::Busy, QStringLiteral("the views of %1 took too long to open").arg(name));
        selectFirstDocument(*page);
        SEN_TRY(save(QStringLiteral("db-") + slug(name)));
        if (const auto unid = page->currentDocument()) {
            // The view's right-click menu, on its own (a menu is a window of its own).
            std::unique_ptr<QMenu> menu(page->contextMenuFor(page->view()->currentIndex()));
            menu->adjustSize();
            SEN_TRY(saveScreenshot(*menu, QStringLiteral("%1/%2-menu-%3.png")
                                              .arg(directory)
                                              .arg(++n, 2, 10, QChar(u'0'))
                                              .arg(slug(name))));
            // Read mode (a news article reads as an article), then edit mode.
            if (DocumentPage* document = DocumentPage::openInWindow(window, name, *unid)) {
                SEN_TRY(save(QStringLiteral("doc-") + slug(name)));
                document->setEditing(true);
                if (document->isEditing())
                    SEN_TRY(save(QStringLiteral("doc-edit-") + slug(name)));
                document->setEditing(false);
                tabs.removeTab(tabs.indexOf(document));
                document->deleteLater();
            }
        }
        // A document with its scanned PDF beside the form (issue #13), when the database has one.
        if (const auto unid = documentWithPdf(window, name)) {
            if (DocumentPage* document = DocumentPage::openInWindow(window, name, *unid)) {
                settle();
                SEN_TRY(save(QStringLiteral("doc-pdf-") + slug(name)));
                tabs.removeTab(tabs.indexOf(document));
                document->deleteLater();
            }
        }
        if (page->kind() == DatabaseKind::Documents && !processingShown) {
            SEN_TRY(captureProcessing(window, name, [&](const QString& what) {
                return QStringLiteral("%1/%2-%3.png").arg(directory).arg(++n, 2, 10, QChar(u'0')).arg(what);
            }));
            processingShown = true;
        }
        const auto forms = forms::FormCatalog::mainForms(page->kind());
        if (!forms.empty()) {
            if (DocumentPage* created = DocumentPage::createInWindow(window, name, forms.front()->name)) {
                SEN_TRY(save(QStringLiteral("new-") + slug(forms.front()->name)));
                tabs.removeTab(tabs.indexOf(created));
                created->deleteLater();
            }
        }
        if (page->kind() == DatabaseKind::News)
            SEN_TRY(saveNewsReader(window, name, save));
        // A calendar database's week schedule, at the week of its first entry (docs/schedule.md).
        if (page->kind() == DatabaseKind::Calendar)
            SEN_TRY(saveWeekSchedule(window, name,
                                     QStringLiteral("%1/%2-week-%3.png")
                                         .arg(directory)
                                         .arg(++n, 2, 10, QChar(u'0'))
                                         .arg(slug(name))));
        tabs.setCurrentWidget(page);
    }
    // A search of every database from the first one's page, with the advanced row shown.
    if (DatabasePage* page = names.isEmpty() ? nullptr : DatabasePage::openInWindow(window, names.front())) {
        page->advancedSearchAction()->setChecked(true);
        page->searchBar()->setAllDatabases(true);
        page->search(QStringLiteral("dang uy"));
        selectFirstDocument(*page);
        SEN_TRY(save(QStringLiteral("search-all")));
        page->advancedSearchAction()->setChecked(false);
        page->searchBar()->setAllDatabases(false);
        page->search(QString());
    }
    // The name picker's dialog over the first address book (docs/directory.md), searched for the
    // last word of its first entry's label (a given name), that entry ticked.
    for (const QString& name : names) {
        const auto session = window.databases().session(name);
        const auto book = session ? (*session)->addressBook() : Result<client::AddressBook>(session.status());
        if (!book || book->isEmpty())
            continue;
        NamePickerDialog dialog(*book, &window);
        const client::DirectoryEntry& first = book->entries().front();
        dialog.search(first.label.section(u' ', -1));
        dialog.setTicked(first.name, true);
        dialog.show();
        SEN_TRY(saveScreenshot(
            dialog, QStringLiteral("%1/%2-name-picker.png").arg(directory).arg(++n, 2, 10, QChar(u'0'))));
        dialog.close();
        break;
    }
    window.openReplicationPage(names.value(0));
    SEN_TRY(save(QStringLiteral("replication")));

    // The workspace last: by now every database's views are indexed, so the tiles show
    // their unread counts.
    window.refreshWorkspace();
    tabs.setCurrentIndex(0);
    workspace.setArrangement(WorkspacePage::Layout::Tiles);
    SEN_TRY(save(QStringLiteral("workspace-tiles")));
    workspace.setArrangement(WorkspacePage::Layout::List);
    SEN_TRY(save(QStringLiteral("workspace-list")));
    workspace.setArrangement(WorkspacePage::Layout::Tiles);
    return {};
}

} // namespace sen::gui
