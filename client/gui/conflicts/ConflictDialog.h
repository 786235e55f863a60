#pragma once

// The replication-conflict dialog (issue #5): the winning document ("this version") and the
// conflict document that kept the losing edit ("the other version") side by side, item by
// item, with who changed each value when. Items that differ are highlighted and carry a
// "use the other" check box; the user keeps either version whole or combines them as
// checked. Everything is applied through client::ConflictResolution (one transaction,
// replicated like any edit); errors are shown in plain words and leave the dialog open.
//
// On success the dialog is accepted, outcome() holds what was done and resolved() has been
// emitted. The caller then tells the views: OpenReplicas::notifyChanged(name) — resolve()
// below does that itself. A conflict already resolved elsewhere says so and offers only
// Close. GUI thread only.

#include "client/core/ConflictResolution.h"
#include "client/gui/conflicts/ConflictCells.h"

#include <QDialog>

#include <functional>
#include <memory>
#include <optional>

class QLabel;
class QPushButton;
class QTableWidget;

namespace sen {
class ReplicaStore;
}

namespace sen::gui {

class OpenReplicas;

class ConflictDialog : public QDialog
{
    Q_OBJECT
public:
    // Names an item for people: (form, item name) -> label. Unset, or returning an empty
    // string, shows the item name. (The form catalog provides the real one.)
    using LabelFor = std::function<QString(const QString& form, const QString& item)>;

    // `store` is the replica the conflict was loaded from; the dialog shares it.
    ConflictDialog(std::shared_ptr<ReplicaStore> store, client::ConflictResolution resolution,
                   QWidget* parent = nullptr);
    ~ConflictDialog() override;

    // Opens the conflict document `conflictUnid` of replica `replicaName`, runs the dialog,
    // and on success calls openReplicas.notifyChanged(replicaName). Returns what was done,
    // or nullopt when the user cancelled or the conflict could not be opened (said in a
    // message box).
    static std::optional<client::ResolutionOutcome> resolve(QWidget* parent, OpenReplicas& openReplicas,
                                                            const QString& replicaName,
                                                            const Unid& conflictUnid,
                                                            const LabelFor& labelFor = {});

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

    std::shared_ptr<ReplicaStore> m_store;
    client::ConflictResolution m_resolution;
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
