#pragma once

// The rows of "Việc của tôi" (client/app/MyWork.h) as a two-level item model for the home
// page: one top row per section with its count ("Assigned to me (3)"), the work under it —
// title, deadline, why, database — overdue rows in red, due-soon rows in amber, the rows
// newly notified (app::WorkNotifier) marked "Mới". A section lists its first kMaxRows rows
// (overdue first) and then says how many more there are: its count in the title is all of
// them. Holds copies; setReport() replaces all.

#include "client/app/MyWork.h"
#include "client/app/WorkNotifier.h"

#include <QSet>
#include <QStandardItemModel>

namespace sen::gui {

class MyWorkModel : public QStandardItemModel
{
    Q_OBJECT
public:
    enum Role
    {
        DatabaseRole = Qt::UserRole + 1, // QString: the workspace name of the row's database
        UnidRole,                        // QString: the UNID (hex) of the document to open
        DueRole,                         // int: workdays::DeadlineState, invalid when none
        SectionRole,                     // int: app::WorkSection (section rows and work rows)
    };
    enum Column
    {
        TitleColumn,
        DeadlineColumn,
        WhatColumn,
        DatabaseColumn,
        ColumnCount,
    };

    static constexpr int kMaxRows = 300;

    explicit MyWorkModel(QObject* parent = nullptr);

    // Shows `report`; rows of `fresh` (notified now or earlier in this window's life) are
    // marked new. `titles` gives a database's title by workspace name (else the name).
    void setReport(const app::MyWorkReport& report, const QSet<QString>& fresh,
                   const QHash<QString, QString>& titles = {});
    // The key that marks a row new: database, UNID.
    static QString freshKey(const app::WorkRow& row);

    // The top row of a section, or an invalid index when the report has none.
    QModelIndex sectionIndex(app::WorkSection section) const;
};

} // namespace sen::gui
