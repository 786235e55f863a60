#include "client/views/ViewQuery.h"

#include "client/views/DisplayTable.h"
#include "client/views/ViewCacheFile.h"
#include "client/views/ViewRowBuilder.h"
#include "common/sql/SqlDatabase.h"

namespace sen::views {

namespace {

// Columns before the display values in every row query.
constexpr int kFixedColumns = 6;

} // namespace

ViewQuery::ViewQuery(std::unique_ptr<sql::SqlDatabase> db, ViewDefinition view, std::int64_t tab,
                     std::vector<QByteArray> shown)
    : m_db(std::move(db)), m_view(std::move(view)), m_table(ViewCacheFile::tableName(tab)),
      m_shown(std::move(shown))
{}

ViewQuery::~ViewQuery()
{
    m_statements.clear(); // statements before their connection
}

Result<std::unique_ptr<ViewQuery>> ViewQuery::open(const QString& cachePath, ViewDefinition view,
                                                   const QString& userName)
{
    SEN_ASSIGN_OR_RETURN(auto db, ViewCacheFile::openForReading(cachePath));
    std::int64_t tab = 0;
    {
        SEN_ASSIGN_OR_RETURN(auto stmt, db->prepare("SELECT tab, hash FROM views WHERE id = ?1"));
        stmt.bind(1, view.id);
        SEN_ASSIGN_OR_RETURN(const bool row, stmt.step());
        if (!row || stmt.blob(1) != view.indexHash(userName))
            return Status(ErrorCode::NotFound,
                          QStringLiteral("the index of view %1 is not built yet").arg(view.id));
        tab = stmt.int64(0);
    }
    // The shown text is stored once per document (DisplayTable); a categorised column has none.
    std::vector<QByteArray> shown;
    for (const ViewColumn& column : view.columns) {
        if (column.categorised) {
            shown.emplace_back();
            continue;
        }
        auto name = DisplayTable::columnOf(*db, column.item, column.kind);
        if (!name)
            return Status(ErrorCode::NotFound,
                          QStringLiteral("the index of view %1 is not built yet").arg(view.id));
        shown.push_back(std::move(name).value());
    }
    return std::unique_ptr<ViewQuery>(new ViewQuery(std::move(db), std::move(view), tab, std::move(shown)));
}

bool ViewQuery::canSort(const ViewSort& sort) const
{
    if (sort.column < 0 || sort.column >= static_cast<int>(m_view.columns.size()))
        return false;
    if (m_view.isCategorised() && sort.column == 0)
        return false;
    return m_view.columns[static_cast<std::size_t>(sort.column)].sortable;
}

Result<sql::SqlStatement*> ViewQuery::statement(const QByteArray& sql)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        SEN_ASSIGN_OR_RETURN(auto stmt, m_db->prepare(sql.constData()));
        it = m_statements.insert(sql, std::make_shared<sql::SqlStatement>(std::move(stmt)));
    }
    it.value()->reset();
    return it.value().get();
}

QByteArray ViewQuery::sharedOnly(const char* column) const
{
    if (!m_view.sharedCategoriesOnly)
        return {};
    return QByteArray(" AND ") + column + " IN (SELECT s0 FROM " + m_table +
           " WHERE parent IS NULL GROUP BY s0 HAVING count(*) > 1)";
}

QByteArray ViewQuery::selectColumns() const
{
    QByteArray sql = "SELECT v.doc, v.unid, v.parent, v.conflict, (SELECT read FROM docs WHERE id = v.doc), ";
    sql += m_view.showResponses ? "EXISTS(SELECT 1 FROM " + m_table + " r WHERE r.parent = v.unid)"
                                : QByteArray("0");
    // One lookup per shown value of a returned row, none for rows an OFFSET skips.
    for (const QByteArray& shown : m_shown)
        sql += shown.isEmpty() ? QByteArray(", NULL")
                               : ", (SELECT " + shown + " FROM display WHERE doc = v.doc)";
    return sql + " FROM " + m_table + " v ";
}

QByteArray ViewQuery::orderBy(const ViewSort& sort, bool withCategory) const
{
    const QByteArray dir = sort.descending ? " DESC" : " ASC";
    QByteArray sql = " ORDER BY ";
    if (withCategory)
        sql += "v.s0" + dir + ", ";
    return sql + "v.s" + QByteArray::number(sort.column) + dir + ", v.doc" + dir;
}

void ViewQuery::bindKey(sql::SqlStatement& stmt, int index, const QVariant& key) const
{
    switch (key.typeId()) {
    case QMetaType::Double:
        stmt.bind(index, key.toDouble());
        break;
    case QMetaType::LongLong:
        stmt.bind(index, key.toLongLong());
        break;
    default:
        stmt.bind(index, key.toString());
        break;
    }
}

namespace {

// A sort key as stored, typed by its column's kind.
QVariant keyAt(const sql::SqlStatement& stmt, int column, const ViewColumn& def)
{
    switch (def.kind) {
    case ColumnKind::Number:
        return QVariant(stmt.real(column));
    case ColumnKind::Date:
        return QVariant(static_cast<qlonglong>(stmt.int64(column)));
    case ColumnKind::Text:
    case ColumnKind::Names:
        break;
    }
    return QVariant(stmt.text(column));
}

} // namespace

Result<std::vector<ViewRow>> ViewQuery::readRows(sql::SqlStatement& stmt)
{
    std::vector<ViewRow> rows;
    for (;;) {
        SEN_ASSIGN_OR_RETURN(const bool row, stmt.step());
        if (!row)
            break;
        ViewRow r;
        r.id = stmt.int64(0);
        r.unid = Unid::fromBytes(stmt.blobView(1)).value_or(Unid());
        if (!stmt.isNull(2))
            r.parent = Unid::fromBytes(stmt.blobView(2));
        r.conflict = stmt.int64(3) != 0;
        r.unread = stmt.int64(4) == 0;
        r.hasResponses = stmt.int64(5) != 0;
        r.values.reserve(static_cast<qsizetype>(m_view.columns.size()));
        for (std::size_t i = 0; i < m_view.columns.size(); ++i)
            r.values.push_back(stmt.text(kFixedColumns + static_cast<int>(i)));
        rows.push_back(std::move(r));
    }
    stmt.reset();
    return rows;
}

Result<std::int64_t> ViewQuery::indexedSeq()
{
    SEN_ASSIGN_OR_RETURN(auto* stmt, statement("SELECT seq FROM views WHERE id = ?1"));
    stmt->bind(1, m_view.id);
    SEN_ASSIGN_OR_RETURN(const bool row, stmt->step());
    const std::int64_t seq = row ? stmt->int64(0) : 0;
    stmt->reset();
    return seq;
}

Result<std::int64_t> ViewQuery::count()
{
    SEN_ASSIGN_OR_RETURN(auto* stmt, statement("SELECT count(*) FROM " + m_table + " WHERE parent IS NULL" +
                                               sharedOnly("s0")));
    SEN_ASSIGN_OR_RETURN(const bool row, stmt->step());
    const std::int64_t n = row ? stmt->int64(0) : 0;
    stmt->reset();
    return n;
}

Result<std::vector<ViewRow>> ViewQuery::rows(const ViewSort& sort, std::int64_t offset, int limit)
{
    if (!canSort(sort))
        return Status(ErrorCode::InvalidArgument, QStringLiteral("column %1 does not sort").arg(sort.column));
    SEN_ASSIGN_OR_RETURN(auto* stmt,
                         statement(selectColumns() + "WHERE v.parent IS NULL" + sharedOnly("v.s0") +
                                   orderBy(sort, m_view.isCategorised()) + " LIMIT ?1 OFFSET ?2"));
    stmt->bind(1, limit).bind(2, offset);
    return readRows(*stmt);
}

Result<std::vector<ViewRow>> ViewQuery::categoryRows(const QVariant& category, const ViewSort& sort,
                                                     std::int64_t offset, int limit)
{
    if (!m_view.isCategorised())
        return Status(ErrorCode::InvalidArgument, QStringLiteral("view %1 has no categories").arg(m_view.id));
    if (!canSort(sort))
        return Status(ErrorCode::InvalidArgument, QStringLiteral("column %1 does not sort").arg(sort.column));
    SEN_ASSIGN_OR_RETURN(auto* stmt, statement(selectColumns() + "WHERE v.parent IS NULL AND v.s0 = ?3" +
                                               orderBy(sort, false) + " LIMIT ?1 OFFSET ?2"));
    stmt->bind(1, limit).bind(2, offset);
    bindKey(*stmt, 3, category);
    return readRows(*stmt);
}

Result<std::vector<ViewCategory>> ViewQuery::categories(bool descending)
{
    if (!m_view.isCategorised())
        return std::vector<ViewCategory>();
    const ViewColumn& column = m_view.columns.front();
    SEN_ASSIGN_OR_RETURN(auto* stmt, statement("SELECT s0, count(*) FROM " + m_table +
                                               " WHERE parent IS NULL GROUP BY s0" +
                                               (m_view.sharedCategoriesOnly ? " HAVING count(*) > 1" : "") +
                                               " ORDER BY s0" + (descending ? " DESC" : " ASC")));
    std::vector<ViewCategory> categories;
    for (;;) {
        SEN_ASSIGN_OR_RETURN(const bool row, stmt->step());
        if (!row)
            break;
        ViewCategory c;
        c.key = keyAt(*stmt, 0, column);
        c.count = stmt->int64(1);
        QString display;
        if (column.kind == ColumnKind::Text || column.kind == ColumnKind::Names)
            display = ViewRowBuilder::categoryDisplay(column, c.key.toString());
        else if (column.kind == ColumnKind::Number && c.key.toDouble() > -1e308)
            display = QString::number(c.key.toDouble(), 'g', 15);
        else if (column.kind == ColumnKind::Date && c.key.toLongLong() != ViewRowBuilder::kMissingInteger)
            display = ViewRowBuilder::formatDate(c.key.toLongLong());
        c.title = ViewRowBuilder::categoryTitle(column, c.key, display);
        categories.push_back(std::move(c));
    }
    stmt->reset();
    return categories;
}

Result<std::optional<QVariant>> ViewQuery::categoryOf(const Unid& unid)
{
    if (!m_view.isCategorised())
        return std::optional<QVariant>();
    SEN_ASSIGN_OR_RETURN(auto* stmt, statement("SELECT v.s0 FROM " + m_table +
                                               " v JOIN docs d ON d.id = v.doc WHERE d.unid = ?1"
                                               " AND v.parent IS NULL"));
    stmt->bind(1, unid.toBytes());
    SEN_ASSIGN_OR_RETURN(const bool row, stmt->step());
    std::optional<QVariant> key;
    if (row)
        key = keyAt(*stmt, 0, m_view.columns.front());
    stmt->reset();
    return key;
}

Result<std::optional<std::int64_t>> ViewQuery::position(const Unid& unid, const ViewSort& sort,
                                                        const QVariant& category)
{
    if (!canSort(sort))
        return Status(ErrorCode::InvalidArgument, QStringLiteral("column %1 does not sort").arg(sort.column));
    const QByteArray s = "s" + QByteArray::number(sort.column);
    SEN_ASSIGN_OR_RETURN(auto* find, statement("SELECT v." + s + ", v.doc, v.s0 FROM " + m_table +
                                               " v JOIN docs d ON d.id = v.doc WHERE d.unid = ?1"
                                               " AND v.parent IS NULL"));
    find->bind(1, unid.toBytes());
    SEN_ASSIGN_OR_RETURN(const bool found, find->step());
    if (!found) {
        find->reset();
        return std::optional<std::int64_t>();
    }
    const QVariant key = keyAt(*find, 0, m_view.columns[static_cast<std::size_t>(sort.column)]);
    const std::int64_t doc = find->int64(1);
    const QVariant category0 = keyAt(*find, 2, m_view.columns.front());
    find->reset();

    const QByteArray cmp = sort.descending ? " > " : " < ";
    const bool withCategory = m_view.isCategorised();
    if (category.isValid() && category0 != category)
        return std::optional<std::int64_t>();
    QByteArray sql = "SELECT count(*) FROM " + m_table + " WHERE parent IS NULL" + sharedOnly("s0") + " AND ";
    if (withCategory && category.isValid())
        sql += "s0 = ?3 AND (" + s + ", doc)" + cmp + "(?1, ?2)";
    else if (withCategory)
        sql += "(s0, " + s + ", doc)" + cmp + "(?3, ?1, ?2)";
    else
        sql += "(" + s + ", doc)" + cmp + "(?1, ?2)";
    SEN_ASSIGN_OR_RETURN(auto* count, statement(sql));
    bindKey(*count, 1, key);
    count->bind(2, doc);
    if (withCategory)
        bindKey(*count, 3, category0);
    SEN_ASSIGN_OR_RETURN(const bool row, count->step());
    const std::int64_t before = row ? count->int64(0) : 0;
    count->reset();
    return std::optional<std::int64_t>(before);
}

Result<std::vector<ViewRow>> ViewQuery::responses(const Unid& parent)
{
    if (!m_view.showResponses)
        return std::vector<ViewRow>();
    SEN_ASSIGN_OR_RETURN(auto* stmt, statement(selectColumns() + "WHERE v.parent = ?1 ORDER BY v.doc"));
    stmt->bind(1, parent.toBytes());
    return readRows(*stmt);
}

Result<std::vector<ViewRow>> ViewQuery::rowsFor(const std::vector<Unid>& unids)
{
    SEN_ASSIGN_OR_RETURN(auto* stmt,
                         statement(selectColumns() + "WHERE v.doc = (SELECT id FROM docs WHERE unid = ?1)"));
    std::vector<ViewRow> rows;
    rows.reserve(unids.size());
    for (const Unid& unid : unids) {
        stmt->bind(1, unid.toBytes());
        SEN_ASSIGN_OR_RETURN(auto one, readRows(*stmt));
        for (ViewRow& r : one)
            rows.push_back(std::move(r));
    }
    return rows;
}

} // namespace sen::views
