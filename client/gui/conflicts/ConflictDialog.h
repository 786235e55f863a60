#pragma once

// The replication-conflict dialog (issue #5): the winning document ("this version") and the
// conflict document that kept the losing edit ("the other version") side by side, item by
// item, with who changed each value when. Items that differ are highlighted and carry a
// "use the other" check box; the user keeps either version whole or combines them as
// checked. Everything is applied through client::ConflictResolution (one transaction,
// replicated like any edit); errors are shown in plain words and leave the dialog open.
//
// On success the dialog is accepted, outcome() holds what was done and resolved() has been
// emitted; applied through the database's session (app::DatabaseSession::resolveConflict),
// the change reaches every view by itself. A conflict already resolved elsewhere says so and
// offers only Close. GUI thread only.

#include "client/core/ConflictResolution.h"
#include "client/gui/conflicts/ConflictCells.h"

#include <QDialog>

#include <functional>
#include <memory>
#include <optional>

class QLabel;
class QPushButton;
class QTableWidget;

namespace sen::app {
class DatabaseSession;
class OpenDatabases;
} // namespace sen::app

namespace sen::gui {

class ConflictDialog : public QDialog
{
    Q_OBJECT
public:
    // Names an item for people: (form, item name) -> label. Unset, or returning an empty
    // string, shows the item name. (The form catalog provides the real one.)
    using LabelFor = std::function<QString(const QString& form, const QString& item)>;

    // Applies the user's choice to the database; the dialog shows what it returns.
    using Apply = std::function<Result<client::ResolutionOutcome>(
        const client::ConflictResolution&, client::ResolutionKind,
        const QHash<QString, client::ConflictSide>&)>;

    // The conflict `resolution`, applied through `apply`; `self` is this replica's instance
    // (changes it made read "this computer").
    ConflictDialog(client::ConflictResolution resolution, Apply apply, const InstanceId& self,
                   QWidget* parent = nullptr);
    // The same, applied through `session`, the database the conflict was loaded from.
    ConflictDialog(std::shared_ptr<app::DatabaseSession> session, client::ConflictResolution resolution,
                   QWidget* parent = nullptr);
    ~ConflictDialog() override;

    // Opens the conflict document `conflictUnid` of database `replicaName` and runs the
    // dialog. Returns what was done, or nullopt when the user cancelled or the conflict could
    // not be opened (said in a message box). When the conflict turned out to be gone already,
    // `staleView` is called (the view that offered it is behind: it should re-read).
    static std::optional<client::ResolutionOutcome> resolve(QWidget* parent, app::OpenDatabases& databases,
                                                            const QString& replicaName,
                                                            const Unid& conflictUnid,
                                                            const LabelFor& labelFor = {},
                                                            const std::function<void()>& staleView = {});

    // Hooks; each refills the table.
    void setLabelFor(LabelFor labelFor);
    void setWhoFor(WhoFor whoFor);

    // The "use the other" choice of a differing item (false for any other name).
    bool usesOther(const QString& item) const;
    void setUseOther(const QString& item, bool useOther);
    // The checked choices, as combine() takes them.
    QHash<QString, client::ConflictSide> choices() const;

    const client::ConflictResolution& resolution() const { return m_resolution; }
    const std::optional<client::ResolutionOutcome>& outcome() const { return m_outcome; }
    // The last error shown, empty when none (tests).
    QString errorText() const;

public Q_SLOTS:
    void keepThis();
    void keepOther();
    void combineAsChosen();

Q_SIGNALS:
    void resolved(const sen::client::ResolutionOutcome& outcome);

private:
    void fillTable();
    void markChoice(int row);
    void apply(client::ResolutionKind kind);
    void showError(const Status& status);
    QString labelOf(const QString& item) const;
    int rowOf(const QString& item) const;

    std::shared_ptr<app::DatabaseSession> m_session; // null with an Apply of the caller's
    client::ConflictResolution m_resolution;
    Apply m_apply;
    LabelFor m_labelFor;
    WhoFor m_whoFor;
    std::optional<client::ResolutionOutcome> m_outcome;

    QTableWidget* m_table;
    QLabel* m_error;
    QPushButton* m_keepThis;
    QPushButton* m_keepOther;
    QPushButton* m_combine;
    QPushButton* m_cancel;
};

} // namespace sen::gui
