#include "app/Screenshots.h"

#include "app/MainWindow.h"
#include "workspace/WorkspaceModel.h"
#include "workspace/WorkspacePage.h"

#include <QApplication>
#include <QDir>
#include <QPixmap>
#include <QTabWidget>

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

} // namespace

Status saveScreenshot(QWidget& widget, const QString& path)
{
    settle();
    const QPixmap pixmap = widget.grab();
    if (pixmap.isNull() || !pixmap.save(path, "PNG"))
        return Status(ErrorCode::IoError, QStringLiteral("cannot write the screenshot %1").arg(path));
    return {};
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
    tabs.setCurrentIndex(0);
    workspace.setArrangement(WorkspacePage::Layout::Tiles);
    SEN_TRY(save(QStringLiteral("workspace-tiles")));
    workspace.setArrangement(WorkspacePage::Layout::List);
    SEN_TRY(save(QStringLiteral("workspace-list")));
    workspace.setArrangement(WorkspacePage::Layout::Tiles);

    // Every database of the workspace, opened in its tab.
    const WorkspaceModel& model = window.workspaceModel();
    for (int row = 0; row < model.rowCount(); ++row) {
        const QString name = model.index(row).data(WorkspaceModel::NameRole).toString();
        if (!window.openDatabase(name))
            continue;
        SEN_TRY(save(QStringLiteral("db-") + slug(name)));
    }
    return {};
}

} // namespace sen::gui
