#include "client/gui/forms/PickList.h"

#include "common/fts/SenTokenizer.h"

#include <QComboBox>
#include <QCompleter>
#include <QLineEdit>
#include <QStandardItemModel>

namespace sen::gui {

namespace {

constexpr int kFoldedRole = Qt::UserRole + 1;

QString fold(const QString& text)
{
    return fts::foldForSearch(text).toLower().simplified();
}

// Matches what was typed, folded, against each value's folded text (its name and detail), and
// puts back the value itself — not its folded form — when one is chosen.
class FoldingCompleter : public QCompleter
{
public:
    using QCompleter::QCompleter;

    QStringList splitPath(const QString& path) const override { return {fold(path)}; }
    QString pathFromIndex(const QModelIndex& index) const override
    {
        return index.data(Qt::DisplayRole).toString();
    }
};

} // namespace

void makePickList(QComboBox* combo)
{
    combo->setEditable(true);
    combo->setInsertPolicy(QComboBox::NoInsert);
    auto* model = new QStandardItemModel(combo);
    combo->setModel(model);
    auto* completer = new FoldingCompleter(model, combo);
    completer->setCompletionRole(kFoldedRole);
    completer->setFilterMode(Qt::MatchContains);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setCompletionMode(QCompleter::PopupCompletion);
    completer->setMaxVisibleItems(12);
    combo->setCompleter(completer);
}

void setPickValues(QComboBox* combo, const QList<PickValue>& values)
{
    auto* model = qobject_cast<QStandardItemModel*>(combo->model());
    if (!model)
        return;
    const QString shown = combo->currentText();
    const QSignalBlocker block(combo);
    model->clear();
    model->appendRow(new QStandardItem()); // no value
    for (const PickValue& v : values) {
        auto* item = new QStandardItem(v.value);
        item->setData(fold(v.value + u' ' + v.detail), kFoldedRole);
        if (!v.detail.isEmpty())
            item->setToolTip(v.detail);
        model->appendRow(item);
    }
    const int index = combo->findText(shown);
    if (index >= 0) {
        combo->setCurrentIndex(index);
    } else {
        // A value outside the list stays what the field shows.
        auto* item = new QStandardItem(shown);
        item->setData(fold(shown), kFoldedRole);
        model->appendRow(item);
        combo->setCurrentIndex(model->rowCount() - 1);
    }
}

} // namespace sen::gui
