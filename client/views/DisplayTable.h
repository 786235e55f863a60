#pragma once

// The shown text of every indexed document, stored once per document rather than once per
// view (docs/views.md): `display(doc, f<id>, ...)`, one column per display field (an item
// shown as a kind, DocumentValues::Field), named through the registry `fields(id, item,
// kind)`. A document selected by no view has no row.
//
// Fields come and go with the view definitions: a new one gets a column (NULL in the rows
// already there; the view that needs it is being built from the start, which rewrites every
// row), one no view uses any more loses its column.
//
// Thread-safety: none; statements belong to the indexer's connection, which must outlive
// the table.

#include "client/views/DocumentValues.h"
#include "common/core/Result.h"
#include "common/sql/SqlStatement.h"

#include <QByteArray>

#include <memory>
#include <vector>

namespace sen::sql {
class SqlDatabase;
}

namespace sen::views {

class DisplayTable
{
public:
    // Brings the columns in line with `fields` (run it inside a write transaction) and
    // prepares the statements.
    static Result<std::unique_ptr<DisplayTable>> open(sql::SqlDatabase& db,
                                                      const std::vector<DocumentValues::Field>& fields);
    // A writer of some fields only (those of the views of a one-view build, already made by
    // open()): put() sets them in the document's row and leaves its other fields as they are.
    static Result<std::unique_ptr<DisplayTable>> openSome(sql::SqlDatabase& db,
                                                          const std::vector<DocumentValues::Field>& fields);

    // Writes (or rewrites) the row of `doc` from the values of the current document (of an
    // openSome() writer: only its fields).
    Status put(std::int64_t doc, DocumentValues& values);
    Status remove(std::int64_t doc);

    // For readers: the column holding `item` shown as `kind` ("f3"), or NotFound when no
    // index has stored it yet.
    static Result<QByteArray> columnOf(sql::SqlDatabase& db, const QString& item, ColumnKind kind);

private:
    DisplayTable() = default;
    std::vector<int> m_slots; // per bound column: its value slot
    sql::SqlStatement m_put;
    sql::SqlStatement m_remove;
};

} // namespace sen::views
