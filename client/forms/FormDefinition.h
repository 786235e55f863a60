#pragma once

// What a form shows and asks for (docs/forms.md): the GUI-free description of one kind of
// document — its name (the document's `form`), the database kind it belongs to, whether it
// is a response, and its fields grouped in sections. The desktop client builds its editors
// from it; nothing here depends on widgets.
//
// Labels are English source strings marked with QT_TRANSLATE_NOOP in the context
// "sen::forms"; the *Label() accessors return them translated for the current language.
// Choice values are data (the Vietnamese words stored in the document), never translated.

#include "common/catalogues/Catalogues.h"
#include "common/model/Document.h"
#include "common/model/ReplicaInfo.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace sen::forms {

// How a field is edited; decides the editor and how its text maps onto the item's type.
enum class EditorHint
{
    Line,      // Text: one line
    MultiLine, // Text: several lines of plain text
    Number,    // Number: a whole number
    Date,      // DateTime: a day, stored as midnight UTC (as `doc import` stores "2026-11-16")
    DateTime,  // DateTime: a local date and time
    Time,      // Text: "HH:mm" (the calendar's Gio, kept as text like the demo data)
    Choice,    // Text: one of `choices`
    Lines,     // TextList: one value per line
    NameList,  // Names: hierarchical names separated by ';'
    RichText,  // RichText: formatted text with images stored as attachments
};

struct FieldDefinition
{
    QString item;      // the item name ("SoKyHieu")
    const char* label; // English source label, QT_TRANSLATE_NOOP("sen::forms", ...)
    ItemType type = ItemType::Text;
    EditorHint hint = EditorHint::Line;
    bool required = false;
    bool summary = true; // saved with the Summary flag (shown in views, sent to summary replicas)
    QStringList choices; // for Choice: the values offered, first is the default for a new document
    int maxLength = 0;   // ND 30 Phụ lục VI length: characters of a text (a list's values joined
                         // by "; "), digits of a number; 0: no limit (FormValidation checks it)
    // For Choice: the database's catalogue whose entries are offered (docs/catalogues.md),
    // searchable and open to a value outside it; `choices` is then empty.
    std::optional<catalogues::Catalogue> catalogue;
    QString initial; // what a new document starts with when `choices` offers nothing first

    QString displayLabel() const;
    int itemFlags() const { return summary ? Summary : 0; }
};

struct FormSection
{
    const char* title; // QT_TRANSLATE_NOOP("sen::forms", ...)
    std::vector<FieldDefinition> fields;

    QString displayTitle() const;
};

struct FormDefinition
{
    QString name;      // the document's form ("VanBanDen")
    const char* title; // "Incoming document", QT_TRANSLATE_NOOP("sen::forms", ...)
    DatabaseKind kind = DatabaseKind::Documents;
    bool response = false;    // a response form (comment, assignment): made under a parent
    bool attachments = false; // the form offers an attachment list
    QStringList titleItems;   // the items whose text names a document of this form, in order
    std::vector<FormSection> sections;
    bool everyKind = false; // a form of every database whatever its `kind` (catalogue entries)

    QString displayTitle() const;
    // The field for `item`, or null.
    const FieldDefinition* field(const QString& item) const;
    // Every field in section order.
    std::vector<const FieldDefinition*> fields() const;

    // The text for a window or tab: the title items' texts joined with " — " (dates as
    // dd/MM/yyyy), cut to `maxLength` characters with an ellipsis; the form's title when
    // they are all empty.
    QString documentTitle(const Document& doc, int maxLength = 60) const;
};

// One field's value as text for people: dates dd/MM/yyyy (or dd/MM/yyyy HH:mm local time),
// lists joined with "; ", numbers without a decimal point when whole. Empty for a missing or
// removed item.
QString fieldText(const FieldDefinition& field, const Document& doc);

} // namespace sen::forms
