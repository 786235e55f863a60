#include "client/gui/workspace/MyWorkPage.h"

#include "client/gui/workspace/MyWorkModel.h"

#include <QHeaderView>
#include <QLabel>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace sen::gui {

MyWorkPage::MyWorkPage(QWidget* parent) : QWidget(parent), m_model(new MyWorkModel(this))
{
    setObjectName(QStringLiteral("myWorkPage"));
    auto* title = new QLabel(tr("<b>My work</b>"), this);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("myWorkSummary"));
    m_summary->setWordWrap(true);
    auto* refresh = new QToolButton(this);
    refresh->setText(tr("Refresh"));
    connect(refresh, &QToolButton::clicked, this, &MyWorkPage::refreshRequested);
    auto* top = new QHBoxLayout;
    top->addWidget(title);
    top->addStretch();
    top->addWidget(refresh);

    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("myWorkView"));
    m_view->setModel(m_model);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(MyWorkModel::TitleColumn, QHeaderView::Stretch);
    m_view->header()->setMinimumSectionSize(60);
    m_view->setColumnWidth(MyWorkModel::DeadlineColumn, 90);
    m_view->setColumnWidth(MyWorkModel::WhatColumn, 230);
    m_view->setColumnWidth(MyWorkModel::DatabaseColumn, 110);
    connect(m_view, &QTreeView::activated, this, &MyWorkPage::activated);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addLayout(top);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);
}

void MyWorkPage::showReport(const app::MyWorkReport& report, const std::vector<app::WorkNotice>& notices,
                            const QHash<QString, QString>& titles)
{
    for (const app::WorkNotice& notice : notices)
        m_fresh.insert(MyWorkModel::freshKey(notice.row));
    const std::size_t overdue = report.withDue(workdays::DeadlineState::Overdue).size();
    const std::size_t soon = report.withDue(workdays::DeadlineState::DueSoon).size();
    QString text =
        tr("%1 assigned · %2 awaiting your opinion · <span style=\"color:#c62828\">%3 overdue</span> · "
           "<span style=\"color:#b26a00\">%4 due soon</span>")
            .arg(report.section(app::WorkSection::Assigned).size())
            .arg(report.section(app::WorkSection::Awaiting).size())
            .arg(overdue)
            .arg(soon);
    if (report.unpresentedOverdue > 0)
        text += QStringLiteral(" · ") +
                tr("%1 registrations not presented in time").arg(report.unpresentedOverdue);
    if (!notices.empty())
        text += QStringLiteral(" · <b>") + tr("%1 new").arg(notices.size()) + QStringLiteral("</b>");
    m_summary->setText(text);
    m_model->setReport(report, m_fresh, titles);
    // Sections open, except the long lists of new documents.
    for (int r = 0; r < m_model->rowCount(); ++r) {
        const QModelIndex section = m_model->index(r, 0);
        m_view->setExpanded(section,
                            section.data(MyWorkModel::SectionRole).toInt() != int(app::WorkSection::New) ||
                                m_model->rowCount(section) <= 20);
        m_view->setFirstColumnSpanned(r, QModelIndex(), true);
    }
}

void MyWorkPage::showError(const QString& text)
{
    m_summary->setText(text);
}

void MyWorkPage::activated(const QModelIndex& index)
{
    const QString database = index.data(MyWorkModel::DatabaseRole).toString();
    const auto unid = Unid::fromHex(index.data(MyWorkModel::UnidRole).toString());
    if (database.isEmpty() || !unid)
        return; // a section's row
    Q_EMIT openRequested(database, *unid);
}

} // namespace sen::gui
