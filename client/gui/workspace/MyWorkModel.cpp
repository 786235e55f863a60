#include "client/gui/workspace/MyWorkModel.h"

#include <QBrush>
#include <QFont>

namespace sen::gui {

namespace {

const app::WorkSection kSections[] = {app::WorkSection::Assigned,    app::WorkSection::Awaiting,
                                      app::WorkSection::Unpresented, app::WorkSection::New,
                                      app::WorkSection::Today,       app::WorkSection::Invitations};

QColor dueColor(const std::optional<workdays::DeadlineState>& due)
{
    if (due == workdays::DeadlineState::Overdue)
        return QColor(0xc6, 0x28, 0x28); // red
    if (due == workdays::DeadlineState::DueSoon)
        return QColor(0xb2, 0x6a, 0x00); // amber, readable on white
    return {};
}

} // namespace

MyWorkModel::MyWorkModel(QObject* parent) : QStandardItemModel(parent)
{
    setColumnCount(ColumnCount);
    setHorizontalHeaderLabels({tr("Document"), tr("Deadline"), tr("Why"), tr("Database")});
}

QString MyWorkModel::freshKey(const app::WorkRow& row)
{
    return row.database + u'|' + row.unid.toHex();
}

void MyWorkModel::setReport(const app::MyWorkReport& report, const QSet<QString>& fresh,
                            const QHash<QString, QString>& titles)
{
    removeRows(0, rowCount());
    QFont bold;
    bold.setBold(true);
    for (app::WorkSection section : kSections) {
        const std::vector<const app::WorkRow*> rows = report.section(section);
        auto* top = new QStandardItem(tr("%1 (%2)").arg(app::MyWork::sectionName(section)).arg(rows.size()));
        top->setData(int(section), SectionRole);
        top->setFont(bold);
        top->setEditable(false);
        QList<QStandardItem*> topRow{top};
        for (int c = 1; c < ColumnCount; ++c) {
            auto* empty = new QStandardItem;
            empty->setEditable(false);
            topRow << empty;
        }
        for (std::size_t i = 0; i < rows.size() && i < std::size_t(kMaxRows); ++i) {
            const app::WorkRow* row = rows[i];
            const bool isNew = fresh.contains(freshKey(*row));
            QList<QStandardItem*> cells;
            cells << new QStandardItem(row->title)
                  << new QStandardItem(row->deadline.isValid()
                                           ? row->deadline.toString(QStringLiteral("dd/MM/yyyy"))
                                           : QString())
                  << new QStandardItem(isNew ? tr("New · %1").arg(row->what) : row->what)
                  << new QStandardItem(titles.value(row->database, row->database));
            const QColor color = dueColor(row->due);
            for (QStandardItem* cell : cells) {
                cell->setEditable(false);
                cell->setData(row->database, DatabaseRole);
                cell->setData(row->unid.toHex(), UnidRole);
                cell->setData(int(section), SectionRole);
                if (row->due)
                    cell->setData(int(*row->due), DueRole);
                if (color.isValid())
                    cell->setForeground(color);
                if (isNew)
                    cell->setFont(bold);
            }
            if (row->due == workdays::DeadlineState::Overdue)
                cells[DeadlineColumn]->setToolTip(tr("Overdue"));
            else if (row->due == workdays::DeadlineState::DueSoon)
                cells[DeadlineColumn]->setToolTip(tr("Due soon"));
            top->appendRow(cells);
        }
        if (rows.size() > std::size_t(kMaxRows)) {
            auto* more = new QStandardItem(tr("… and %1 more").arg(rows.size() - kMaxRows));
            more->setEditable(false);
            more->setData(int(section), SectionRole);
            top->appendRow(more);
        }
        appendRow(topRow);
    }
}

QModelIndex MyWorkModel::sectionIndex(app::WorkSection section) const
{
    for (int r = 0; r < rowCount(); ++r)
        if (index(r, 0).data(SectionRole).toInt() == int(section))
            return index(r, 0);
    return {};
}

} // namespace sen::gui
