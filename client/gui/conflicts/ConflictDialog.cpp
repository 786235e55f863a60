#include "client/gui/conflicts/ConflictDialog.h"

#include "client/app/OpenDatabases.h"
#include "client/core/ErrorText.h"
#include "client/gui/app/ErrorBox.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <set>

namespace sen::gui {

namespace {

enum Column : int
{
    ItemColumn = 0,
    ThisValueColumn,
    ThisChangedColumn,
    UseOtherColumn,
    OtherValueColumn,
    OtherChangedColumn,
    ColumnCount,
};

const QColor kDifferent(0xff, 0xf4, 0xc2); // a differing value
const QColor kChosen(0xd9, 0xf2, 0xd9);    // the value that will be kept
const QColor kMissing(0x80, 0x80, 0x80);   // "(none)", "(removed)"

std::optional<Item> itemOf(const Document& doc, const QString& name)
{
    if (const Item* item = doc.anyItem(name))
        return *item;
    return std::nullopt;
}

} // namespace

ConflictDialog::ConflictDialog(std::shared_ptr<app::DatabaseSession> session,
                               client::ConflictResolution resolution, QWidget* parent)
    : ConflictDialog(
          std::move(resolution),
          [s = session.get()](const client::ConflictResolution& r, client::ResolutionKind kind,
                              const QHash<QString, client::ConflictSide>& choices) {
              return s->resolveConflict(r, kind, choices);
          },
          session->info().instanceId, parent)
{
    m_session = std::move(session);
}

ConflictDialog::ConflictDialog(client::ConflictResolution resolution, Apply apply, const InstanceId& self,
                               QWidget* parent)
    : QDialog(parent), m_resolution(std::move(resolution)), m_apply(std::move(apply)),
      m_whoFor(ConflictCells::defaultWhoFor(self))
{
    setWindowTitle(tr("Replication conflict"));
    setModal(true);

    auto* intro = new QLabel(tr("This document was changed in two places at the same time. Compare the "
                                "two versions, then keep one of them or combine them: tick \"Use the "
                                "other\" for each item whose other value you want."),
                             this);
    intro->setWordWrap(true);

    auto* note = new QLabel(this);
    note->setObjectName(QStringLiteral("note"));
    note->setWordWrap(true);
    if (m_resolution.winnerDeleted())
        note->setText(tr("This version has been deleted since. Keeping the other version, or any of its "
                         "values, restores it as a new document."));
    else if (m_resolution.winnerIsConflict())
        note->setText(tr("This version is itself a conflict document; it stays one until it is "
                         "resolved in turn."));
    else if (m_resolution.differences().empty())
        note->setText(tr("The two versions now hold the same values."));
    note->setVisible(!note->text().isEmpty());

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("items"));
    m_table->setHorizontalHeaderLabels({tr("Item"), tr("This version"), tr("Changed"), tr("Use the other"),
                                        tr("The other version"), tr("Changed")});
    m_table->verticalHeader()->hide();
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    QHeaderView* header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ThisValueColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(OtherValueColumn, QHeaderView::Stretch);
    connect(m_table, &QTableWidget::itemChanged, this, [this](QTableWidgetItem* cell) {
        if (cell->column() == UseOtherColumn)
            markChoice(cell->row());
    });

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();

    m_keepThis = new QPushButton(tr("Keep this version"), this);
    m_keepThis->setObjectName(QStringLiteral("keepThis"));
    m_keepOther = new QPushButton(tr("Keep the other version"), this);
    m_keepOther->setObjectName(QStringLiteral("keepOther"));
    m_combine = new QPushButton(tr("Combine as chosen"), this);
    m_combine->setObjectName(QStringLiteral("combine"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("cancel"));
    m_cancel->setDefault(true);
    connect(m_keepThis, &QPushButton::clicked, this, &ConflictDialog::keepThis);
    connect(m_keepOther, &QPushButton::clicked, this, &ConflictDialog::keepOther);
    connect(m_combine, &QPushButton::clicked, this, &ConflictDialog::combineAsChosen);
    connect(m_cancel, &QPushButton::clicked, this, &ConflictDialog::reject);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_keepThis);
    buttons->addWidget(m_keepOther);
    buttons->addWidget(m_combine);
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(note);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_error);
    layout->addLayout(buttons);
    resize(1100, 400);

    fillTable();
}

ConflictDialog::~ConflictDialog() = default;

std::optional<client::ResolutionOutcome>
ConflictDialog::resolve(QWidget* parent, app::OpenDatabases& databases, const QString& replicaName,
                        const Unid& conflictUnid, const LabelFor& labelFor,
                        const std::function<void()>& staleView)
{
    auto session = databases.session(replicaName);
    if (!session) {
        ErrorBox::show(parent, tr("Replication conflict"), session.status(),
                       client::ErrorContext::forDatabase(client::Situation::OpeningDatabase, replicaName));
        return std::nullopt;
    }
    auto resolution = (*session)->loadConflict(conflictUnid);
    if (!resolution) {
        QString message = client::ErrorText::sentence(
            resolution.status(), client::ErrorContext::of(client::Situation::LoadingConflict));
        if (resolution.code() == ErrorCode::NotFound) {
            // Not found: the conflict itself (resolved), or the document it belongs to (not
            // replicated here, say by selective replication)?
            const auto conflict = (*session)->document(conflictUnid);
            if (conflict.isOk() && !conflict->isDeleted())
                message =
                    tr("The document this conflict belongs to is not in this database on this computer.");
        }
        QMessageBox::information(parent, tr("Replication conflict"), message);
        if (resolution.code() == ErrorCode::NotFound && staleView)
            staleView(); // the view still shows it
        return std::nullopt;
    }
    ConflictDialog dialog(*session, std::move(resolution).value(), parent);
    if (labelFor)
        dialog.setLabelFor(labelFor);
    dialog.exec();
    if (!dialog.outcome() && !dialog.errorText().isEmpty() && staleView)
        staleView(); // resolved elsewhere meanwhile (a success announces itself)
    return dialog.outcome();
}

void ConflictDialog::setLabelFor(LabelFor labelFor)
{
    m_labelFor = std::move(labelFor);
    fillTable();
}

void ConflictDialog::setWhoFor(WhoFor whoFor)
{
    m_whoFor = std::move(whoFor);
    fillTable();
}

QString ConflictDialog::labelOf(const QString& item) const
{
    const QString label = m_labelFor ? m_labelFor(m_resolution.conflict().form, item) : QString();
    return label.isEmpty() ? item : label;
}

void ConflictDialog::fillTable()
{
    const QHash<QString, client::ConflictSide> kept = choices();
    const Document& winner = m_resolution.winner();
    const Document& other = m_resolution.conflict();

    // Every item either version holds a value for, in name order; differing ones first would
    // scatter a form's related items, so they stay in place, highlighted.
    std::set<QString> names;
    for (const Document* doc : {&winner, &other}) {
        for (const Item& item : doc->items) {
            if (!item.isTombstone())
                names.insert(item.name);
        }
    }
    std::set<QString> differing;
    for (const auto& d : m_resolution.differences())
        differing.insert(d.name);

    const QSignalBlocker block(m_table);
    m_table->setRowCount(0);
    m_table->setRowCount(static_cast<int>(names.size()));
    int row = 0;
    for (const QString& name : names) {
        const bool differs = differing.count(name) > 0;
        const auto mine = itemOf(winner, name);
        const auto theirs = itemOf(other, name);

        auto* label = new QTableWidgetItem(labelOf(name));
        label->setData(Qt::UserRole, name);
        label->setToolTip(name);
        if (differs) {
            QFont font = label->font();
            font.setBold(true);
            label->setFont(font);
        }
        m_table->setItem(row, ItemColumn, label);

        for (const auto& [column, item] :
             {std::pair{ThisValueColumn, &mine}, std::pair{OtherValueColumn, &theirs}}) {
            const CellText text = ConflictCells::value(*item);
            auto* cell = new QTableWidgetItem(text.text);
            cell->setToolTip(text.tooltip);
            if (text.missing) {
                cell->setForeground(kMissing);
                QFont font = cell->font();
                font.setItalic(true);
                cell->setFont(font);
            }
            if (differs)
                cell->setBackground(kDifferent);
            m_table->setItem(row, column, cell);
            m_table->setItem(row, column + 1, new QTableWidgetItem(ConflictCells::changed(*item, m_whoFor)));
        }

        auto* use = new QTableWidgetItem;
        use->setFlags(differs ? Qt::ItemIsEnabled | Qt::ItemIsUserCheckable : Qt::ItemIsEnabled);
        if (differs) {
            use->setCheckState(kept.value(name) == client::ConflictSide::Other ? Qt::Checked : Qt::Unchecked);
            use->setToolTip(tr("Use the other version's value for this item"));
        }
        m_table->setItem(row, UseOtherColumn, use);
        ++row;
    }
    for (int r = 0; r < m_table->rowCount(); ++r)
        markChoice(r);
}

void ConflictDialog::markChoice(int row)
{
    // The value a differing row will keep is shown bold on green, the other on yellow.
    const QTableWidgetItem* use = m_table->item(row, UseOtherColumn);
    if (!use || !(use->flags() & Qt::ItemIsUserCheckable))
        return;
    const bool other = use->checkState() == Qt::Checked;
    const QSignalBlocker block(m_table);
    for (const int column : {ThisValueColumn, OtherValueColumn}) {
        QTableWidgetItem* value = m_table->item(row, column);
        const bool chosen = (column == OtherValueColumn) == other;
        value->setBackground(chosen ? kChosen : kDifferent);
        QFont font = value->font();
        font.setBold(chosen);
        value->setFont(font);
    }
}

int ConflictDialog::rowOf(const QString& item) const
{
    for (int r = 0; r < m_table->rowCount(); ++r) {
        if (m_table->item(r, ItemColumn)->data(Qt::UserRole).toString() == item)
            return r;
    }
    return -1;
}

bool ConflictDialog::usesOther(const QString& item) const
{
    const int row = rowOf(item);
    return row >= 0 && m_table->item(row, UseOtherColumn)->checkState() == Qt::Checked;
}

void ConflictDialog::setUseOther(const QString& item, bool useOther)
{
    const int row = rowOf(item);
    QTableWidgetItem* use = row >= 0 ? m_table->item(row, UseOtherColumn) : nullptr;
    if (use && (use->flags() & Qt::ItemIsUserCheckable))
        use->setCheckState(useOther ? Qt::Checked : Qt::Unchecked);
}

QHash<QString, client::ConflictSide> ConflictDialog::choices() const
{
    QHash<QString, client::ConflictSide> out;
    for (int r = 0; r < m_table->rowCount(); ++r) {
        QTableWidgetItem* use = m_table->item(r, UseOtherColumn);
        if (use && (use->flags() & Qt::ItemIsUserCheckable) && use->checkState() == Qt::Checked)
            out.insert(m_table->item(r, ItemColumn)->data(Qt::UserRole).toString(),
                       client::ConflictSide::Other);
    }
    return out;
}

QString ConflictDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void ConflictDialog::keepThis()
{
    apply(client::ResolutionKind::KeepWinner);
}

void ConflictDialog::keepOther()
{
    apply(client::ResolutionKind::KeepOther);
}

void ConflictDialog::combineAsChosen()
{
    apply(client::ResolutionKind::Combine);
}

void ConflictDialog::apply(client::ResolutionKind kind)
{
    const auto outcome =
        m_apply(m_resolution, kind,
                kind == client::ResolutionKind::Combine ? choices() : QHash<QString, client::ConflictSide>());
    if (!outcome) {
        showError(outcome.status());
        return;
    }
    m_outcome = *outcome;
    Q_EMIT resolved(*m_outcome);
    accept();
}

void ConflictDialog::showError(const Status& status)
{
    m_error->setText(
        client::ErrorText::sentence(status, client::ErrorContext::of(client::Situation::ResolvingConflict)));
    m_error->setToolTip(client::ErrorText::details(status));
    m_error->show();
    if (status.code() == ErrorCode::NotFound) {
        // Nothing left to resolve here: only closing makes sense.
        m_keepThis->setEnabled(false);
        m_keepOther->setEnabled(false);
        m_combine->setEnabled(false);
        m_cancel->setText(tr("Close"));
    }
}

} // namespace sen::gui
