#pragma once

// The workspace's replicas as a list model (the tiles and the list of the workspace page):
// title, kind, documents, unread documents, the last sync and whether edits are waiting to
// be sent; a replica that cannot be read, marked with why. reload() reads every replica file again (a few
// rows each); the model itself holds no open replica.

#include "client/core/ReplicaStatus.h"
#include "client/core/Workspace.h"

#include <QAbstractListModel>

#include <functional>
#include <optional>
#include <vector>

namespace sen::gui {

class WorkspaceModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role
    {
        NameRole = Qt::UserRole + 1, // QString: the local name (file name without ".sen")
        KindRole,                    // int: DatabaseKind
        DocumentsRole,               // qint64
        UnreadRole,                  // qint64, or invalid when not known
        LastSyncRole,                // QDateTime of the last session's end, or invalid
        LastSyncOkRole,              // bool
        LastSyncMessageRole,         // QString: why the last session failed
        UnsentRole,                  // bool
        ServerRole,                  // QString: HOST:PORT, empty for a local database
        SubtitleRole,                // QString: the second line of a tile
        ProblemRole, // QString: why the replica cannot be read, in plain words; empty when it can
        WorkRole,    // int: my work in it (assigned, awaiting), invalid when not known
        OverdueRole, // int: of which overdue
    };
    // My work per database (client/app/MyWork.h): assigned and awaiting, and overdue.
    struct WorkCounts
    {
        int work = 0;
        int overdue = 0;
    };

    // Counts a replica's unread documents (the view index keeps the read marks); nullopt
    // when unknown.
    using UnreadCounter = std::function<std::optional<qint64>(const client::ReplicaEntry&)>;

    explicit WorkspaceModel(const client::Workspace& workspace, QObject* parent = nullptr);

    void setUnreadCounter(UnreadCounter counter);
    // The counts of "my work" shown on the tiles, by workspace name (kept across reloads).
    void setWorkCounts(QHash<QString, WorkCounts> counts);
    // Reads the replicas again. One that cannot be read (a damaged file, a newer Sen's, a
    // locked one) stays as a marked row: a warning icon, "cannot be opened" as its subtitle
    // and the reason in plain words as its tooltip (ProblemRole); the others are unaffected.
    // Returns the first such problem (Ok when every replica was read).
    Status reload();

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // The row of a replica by local name, or -1.
    int rowOf(const QString& name) const;

private:
    struct Row
    {
        client::ReplicaEntry entry;
        client::ReplicaStatus status;
        std::optional<qint64> unread;
        Status problem;
    };
    QString subtitle(const Row& row) const;
    QString problemText(const Row& row) const;

    const client::Workspace& m_workspace;
    UnreadCounter m_unreadCounter;
    QHash<QString, WorkCounts> m_work;
    std::vector<Row> m_rows;
};

} // namespace sen::gui
