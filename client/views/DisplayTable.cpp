#include "client/views/DisplayTable.h"

#include "common/sql/SqlDatabase.h"

#include <QHash>

namespace sen::views {

namespace {

QByteArray columnName(std::int64_t id)
{
    return "f" + QByteArray::number(id);
}

// Keyed by the kind's number, as stored: a row of a kind this version does not know matches
// no field and goes like any field no view shows any more (the table is a cache).
QString fieldKey(const QString& item, std::int64_t kind)
{
    return item + QChar(0x1f) + QString::number(kind);
}

} // namespace

Result<std::unique_ptr<DisplayTable>> DisplayTable::open(sql::SqlDatabase& db,
                                                         const std::vector<DocumentValues::Field>& fields)
{
    QHash<QString, std::int64_t> stored;
    {
        SEN_ASSIGN_OR_RETURN(auto read, db.prepare("SELECT id, item, kind FROM fields"));
        for (;;) {
            SEN_ASSIGN_OR_RETURN(const bool row, read.step());
            if (!row)
                break;
            stored.insert(fieldKey(read.text(1), read.int64(2)), read.int64(0));
        }
    }
    std::unique_ptr<DisplayTable> table(new DisplayTable());
    QByteArray columns = "doc";
    QByteArray values = "?1";
    int bind = 2;
    for (const DocumentValues::Field& field : fields) {
        const QString key = fieldKey(field.item, static_cast<int>(field.kind));
        std::int64_t id = stored.take(key);
        if (id == 0) {
            SEN_ASSIGN_OR_RETURN(auto add, db.prepare("INSERT INTO fields(item, kind) VALUES (?1, ?2)"));
            add.bind(1, field.item).bind(2, static_cast<int>(field.kind));
            SEN_TRY(add.exec());
            id = db.lastInsertRowId();
            SEN_TRY(db.exec(QByteArray("ALTER TABLE display ADD COLUMN " + columnName(id)).constData()));
        }
        columns += ", " + columnName(id);
        values += ", ?" + QByteArray::number(bind++);
        table->m_slots.push_back(field.slot);
    }
    // Fields no view shows any more.
    for (auto it = stored.cbegin(); it != stored.cend(); ++it) {
        SEN_TRY(db.exec(QByteArray("ALTER TABLE display DROP COLUMN " + columnName(it.value())).constData()));
        SEN_ASSIGN_OR_RETURN(auto drop, db.prepare("DELETE FROM fields WHERE id = ?1"));
        drop.bind(1, it.value());
        SEN_TRY(drop.exec());
    }
    SEN_ASSIGN_OR_RETURN(table->m_put, db.prepare(QByteArray("INSERT OR REPLACE INTO display(" + columns +
                                                             ") VALUES (" + values + ")")
                                                      .constData()));
    SEN_ASSIGN_OR_RETURN(table->m_remove, db.prepare("DELETE FROM display WHERE doc = ?1"));
    return table;
}

Result<std::unique_ptr<DisplayTable>> DisplayTable::openSome(sql::SqlDatabase& db,
                                                             const std::vector<DocumentValues::Field>& fields)
{
    std::unique_ptr<DisplayTable> table(new DisplayTable());
    QByteArray columns = "doc";
    QByteArray values = "?1";
    QByteArray updates;
    int bind = 2;
    for (const DocumentValues::Field& field : fields) {
        SEN_ASSIGN_OR_RETURN(const QByteArray column, columnOf(db, field.item, field.kind));
        columns += ", " + column;
        values += ", ?" + QByteArray::number(bind++);
        updates += (updates.isEmpty() ? "" : ", ") + column + " = excluded." + column;
        table->m_slots.push_back(field.slot);
    }
    QByteArray sql = "INSERT INTO display(" + columns + ") VALUES (" + values + ") ON CONFLICT(doc) DO ";
    sql += updates.isEmpty() ? QByteArray("NOTHING") : "UPDATE SET " + updates;
    SEN_ASSIGN_OR_RETURN(table->m_put, db.prepare(sql.constData()));
    SEN_ASSIGN_OR_RETURN(table->m_remove, db.prepare("DELETE FROM display WHERE doc = ?1"));
    return table;
}

Status DisplayTable::put(std::int64_t doc, DocumentValues& values)
{
    m_put.bind(1, doc);
    int bind = 2;
    for (const int slot : m_slots) {
        const QString& display = values.value(slot).display;
        if (display.isEmpty())
            m_put.bindNull(bind);
        else
            m_put.bind(bind, display);
        ++bind;
    }
    const Status status = m_put.exec();
    m_put.reset();
    return status;
}

Status DisplayTable::remove(std::int64_t doc)
{
    m_remove.bind(1, doc);
    const Status status = m_remove.exec();
    m_remove.reset();
    return status;
}

Result<QByteArray> DisplayTable::columnOf(sql::SqlDatabase& db, const QString& item, ColumnKind kind)
{
    SEN_ASSIGN_OR_RETURN(auto find, db.prepare("SELECT id FROM fields WHERE item = ?1 AND kind = ?2"));
    find.bind(1, item).bind(2, static_cast<int>(kind));
    SEN_ASSIGN_OR_RETURN(const bool row, find.step());
    if (!row)
        return Status(ErrorCode::NotFound, QStringLiteral("no display field for %1").arg(item));
    return columnName(find.int64(0));
}

} // namespace sen::views
