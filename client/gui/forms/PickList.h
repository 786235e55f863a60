#pragma once

// A pick list (docs/catalogues.md): an editable drop-down of a catalogue's values that finds a
// value by any part of it, its abbreviation or its code, typed with or without Vietnamese
// marks ("quyet" finds "Quyết định", "qd" finds it by "QĐ", "dang" finds "Đảng"), and keeps a
// value typed outside the list (another office's wording, an old document's value).
//
// GUI thread only; the combo box owns everything made here.

#include <QList>
#include <QString>

class QComboBox;

namespace sen::gui {

struct PickValue
{
    QString value;  // what the document stores and the list shows
    QString detail; // abbreviation, code: searched too, shown as the tooltip
};

// Makes `combo` editable and searchable as above, its list empty.
void makePickList(QComboBox* combo);
// Replaces the values `combo` (made by makePickList) offers, keeping the text it shows.
void setPickValues(QComboBox* combo, const QList<PickValue>& values);

} // namespace sen::gui
