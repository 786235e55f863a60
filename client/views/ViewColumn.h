#pragma once

// One column of a view (docs/views.md): what it shows, how it sorts, whether it categorises.
// A plain value type; GUI-free.

#include <QString>

namespace sen::views {

// How a column's values are read, sorted and shown. Persisted in the view index's
// definition hash only (changing a kind rebuilds the view).
enum class ColumnKind : int
{
    Text = 1,   // text, rich text stripped to its text, or a list joined by ", "
    Number = 2, // numeric sort, shown without trailing zeros
    Date = 3,   // date-time item (Unix ms), shown dd/MM/yyyy in local time
    Names = 4,  // names list: common names shown ("Nguyễn Văn A"), sorted as text
};

// The grouping of a categorised date column.
enum class DateBucket : int
{
    None = 0,
    Day = 1,   // "16/11/2026"
    Week = 2,  // ISO week starting on Monday: "Tuần 47: 16/11/2026 – 22/11/2026"
    Month = 3, // "Tháng 11/2026"
};

// Computed columns: names starting with '$' (item names starting with '$' are Sen's own).
inline constexpr const char* kColumnModified = "$Modified"; // newest item stamp time
inline constexpr const char* kColumnCreated = "$Created";   // oldest item stamp time (see docs/views.md)
inline constexpr const char* kColumnForm = "$Form";         // the form name
// An incoming registration's duplicate key (client/forms/Registration.h), shown as
// "issuer · số ký hiệu · date"; empty when the document has no key.
inline constexpr const char* kColumnDuplicateKey = "$DuplicateKey";
// An incoming document's processing: its derived state and whether it is due soon or overdue
// (client/app/WorkflowCells.h). Stored empty: the view model fills it when a row is shown,
// from the workflow index, since it depends on the document's steps and on the day. Not
// sortable.
inline constexpr const char* kColumnProcessing = "$Processing";

struct ViewColumn
{
    QString id;                  // stable ASCII, unique in its view ("arrived")
    const char* title = nullptr; // English source text, marked with QT_TRANSLATE_NOOP("sen::views", ...)
    QString item;                // item name, or a computed column ($Modified, $Created, $Form)
    ColumnKind kind = ColumnKind::Text;
    bool categorised = false;             // only the first column of a view may categorise
    DateBucket bucket = DateBucket::None; // for a categorised Date column: the grouping
    bool sortable = true;                 // the index keeps an SQL index on it
    int widthHint = 12;                   // suggested width in average characters
    // A marker: read and stored like any column but not shown as one; the view shows it as an
    // icon in the row (a document's urgency, DoKhan, and secrecy, DoMat). Markers come after
    // every shown column.
    bool marker = false;

    // The title in the application's language (QCoreApplication::translate("sen::views", title)).
    QString translatedTitle() const;
};

} // namespace sen::views
