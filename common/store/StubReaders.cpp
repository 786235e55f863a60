#include "common/store/StubReaders.h"

#include "common/model/DocumentCodec.h"
#include "common/sql/SqlDatabase.h"

#include <QCborArray>

namespace sen {

namespace {

QStringList namesOf(const Document& doc, ItemType type)
{
    QStringList names;
    for (const Item& item : doc.items) {
        if (item.type == type && !item.isTombstone())
            names += item.toList();
    }
    return names;
}

QByteArray encodeNames(const QStringList& names)
{
    return encodeValue(QCborArray::fromStringList(names));
}

Result<QStringList> decodeNames(const QByteArray& bytes)
{
    SEN_ASSIGN_OR_RETURN(const QCborValue value, decodeValue(bytes));
    if (!value.isArray())
        return Status(ErrorCode::Corruption, QStringLiteral("stub_readers holds a malformed list of names"));
    QStringList names;
    for (const QCborValue& name : value.toArray()) {
        if (!name.isString())
            return Status(ErrorCode::Corruption, QStringLiteral("stub_readers holds a malformed name"));
        names += name.toString();
    }
    return names;
}

} // namespace

Document StubReadersRecord::asDocument(const Unid& unid) const
{
    Document doc;
    doc.unid = unid;
    doc.items.push_back(Item::names(QStringLiteral("$Authors"), ItemType::Authors, authors));
    doc.items.push_back(Item::names(QStringLiteral("$Readers"), ItemType::Readers, readers));
    return doc;
}

QStringList StubReaders::readersOf(const Document& doc)
{
    return namesOf(doc, ItemType::Readers);
}

Status StubReaders::noteDeletion(const Document& live)
{
    const QStringList readers = readersOf(live);
    if (readers.isEmpty()) {
        SEN_ASSIGN_OR_RETURN(auto forget, m_db.cached("DELETE FROM stub_readers WHERE unid = ?1"));
        forget->bind(1, live.unid.toBytes());
        return forget->exec();
    }
    SEN_ASSIGN_OR_RETURN(
        auto note,
        m_db.cached("INSERT OR REPLACE INTO stub_readers(unid, readers, authors) VALUES (?1, ?2, ?3)"));
    note->bind(1, live.unid.toBytes())
        .bind(2, encodeNames(readers))
        .bind(3, encodeNames(namesOf(live, ItemType::Authors)));
    return note->exec();
}

Result<std::optional<StubReadersRecord>> StubReaders::find(const Unid& unid) const
{
    SEN_ASSIGN_OR_RETURN(auto stmt, m_db.cached("SELECT readers, authors FROM stub_readers WHERE unid = ?1"));
    stmt->bind(1, unid.toBytes());
    SEN_ASSIGN_OR_RETURN(const bool row, stmt->step());
    if (!row)
        return std::optional<StubReadersRecord>();
    StubReadersRecord record;
    SEN_ASSIGN_OR_RETURN(record.readers, decodeNames(stmt->blob(0)));
    SEN_ASSIGN_OR_RETURN(record.authors, decodeNames(stmt->blob(1)));
    return std::optional<StubReadersRecord>(std::move(record));
}

} // namespace sen
