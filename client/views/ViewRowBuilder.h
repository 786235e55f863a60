#pragma once

// What a view stores for one document (docs/views.md): per column a sort key and the text
// shown. A pure function of the document and the column, so two builds of the same replica
// store the same rows.
//
// Sort keys are never NULL (SQL row values compare cleanly): text is the foldForSearch
// folding, U+0001, then the original ("Đảng" sorts with "dang", before "Dang" would be
// told apart), of the first kMaxKey characters only (as Notes, a long subject sorts by its
// start: the key stays small in the SQL index); an empty text is "". Shown text is cut to
// kMaxDisplay characters ("…"): a column shows one line, the document shows the rest. Numbers are REAL, dates
// INTEGER Unix ms; a missing number or date is the lowest value of its type, so it sorts first. A categorised
// date column keys by its bucket (local Julian day of the day or of the week's Monday, or year * 100 + month)
// and stores no display: the category title is made when shown, in the user's language (categoryTitle).
// $DuplicateKey keys by the duplicate key alone (client/forms/Registration.h): its title is made from the key
// when shown (categoryDisplay).

#include "client/views/ViewDefinition.h"

#include <QString>
#include <QVariant>

#include <cstdint>
#include <vector>

namespace sen {
struct Document;
}

namespace sen::views {

struct ColumnValue
{
    enum class Type
    {
        Integer,
        Real,
        Text
    };
    Type type = Type::Text;
    std::int64_t integer = 0;
    double real = 0;
    QString text;    // the text key (Type::Text)
    QString display; // shown in the view; empty for a date bucket
};

class ViewValueMemo;

class ViewRowBuilder
{
public:
    static ColumnValue value(const ViewColumn& column, const Document& doc);
    // The same through `memo` (the same results, faster over many documents); without
    // `withKey` a text value's key is left empty (a column that neither sorts nor categorises).
    static ColumnValue value(const ViewColumn& column, const Document& doc, ViewValueMemo& memo,
                             bool withKey);
    static std::vector<ColumnValue> row(const ViewDefinition& view, const Document& doc);

    // The value of a $DuplicateKey column for a document whose key (forms::duplicateCategory) is
    // `key`: the key itself, shown as its title (forms::duplicateKeyTitle) unless categorised.
    static ColumnValue duplicateKeyValue(const ViewColumn& column, const QString& key, bool withKey);

    // The sort key of a plain text ("Đảng" -> "dang\u0001Đảng").
    static QString textKey(const QString& text);
    static constexpr int kMaxKey = 48;
    static constexpr int kMaxDisplay = 200;
    // The key a missing date or bucket gets.
    static constexpr std::int64_t kMissingInteger = INT64_MIN;

    // The shown text of a text category key of `column`: the original after U+0001, or for
    // $DuplicateKey (whose key is the duplicate key alone) its title (forms::duplicateKeyTitle).
    static QString categoryDisplay(const ViewColumn& column, const QString& key);
    // The title of a category of `column` (its first column): for a date bucket made from
    // `key` and translated ("Tuần 47: 16/11/2026 – 22/11/2026"), otherwise `display`;
    // "(Not categorised)" for a document without the value.
    static QString categoryTitle(const ViewColumn& column, const QVariant& key, const QString& display);

    // dd/MM/yyyy of Unix ms in local time.
    static QString formatDate(std::int64_t ms);
};

} // namespace sen::views
