#pragma once

// "Việc của tôi", the home page beside the database tiles (docs/workflow.md "My work"): a
// line of counts (assigned, awaiting, overdue, due soon), the sections of client/app/MyWork.h
// as a tree — overdue rows red, due-soon rows amber — and the newly notified work
// ("Mới"). Draws and forwards only: the main window collects the report and shows it here;
// activating a row asks, by signal, for its document to be opened.

#include "client/app/MyWork.h"
#include "client/app/WorkNotifier.h"

#include <QWidget>

class QLabel;
class QTreeView;

namespace sen::gui {

class MyWorkModel;

class MyWorkPage : public QWidget
{
    Q_OBJECT
public:
    explicit MyWorkPage(QWidget* parent = nullptr);

    // Shows `report`; `notices` are the work newly notified (added to those of this page's
    // life, which stay marked new). `titles`: database titles by workspace name.
    void showReport(const app::MyWorkReport& report, const std::vector<app::WorkNotice>& notices,
                    const QHash<QString, QString>& titles = {});
    // A failure to collect the report, shown in place of the counts.
    void showError(const QString& text);

    MyWorkModel& model() const { return *m_model; }
    QTreeView* view() const { return m_view; }
    QLabel* summary() const { return m_summary; }

Q_SIGNALS:
    void openRequested(const QString& database, const Unid& unid);
    void refreshRequested();

private:
    void activated(const QModelIndex& index);

    MyWorkModel* m_model;
    QTreeView* m_view;
    QLabel* m_summary;
    QSet<QString> m_fresh;
};

} // namespace sen::gui
