#include "client/core/DirectoryFile.h"

#include "common/core/OwnerOnly.h"
#include "common/sql/SqlDatabase.h"
#include "common/sql/SqlTransaction.h"

#include <QDateTime>
#include <QDir>
#include <QFile>

namespace sen::client {

namespace {

constexpr const char* kSchema = R"(
CREATE TABLE people(server TEXT NOT NULL, name TEXT NOT NULL, PRIMARY KEY(server, name));
CREATE TABLE groups(server TEXT NOT NULL, name TEXT NOT NULL, members TEXT NOT NULL,
                    PRIMARY KEY(server, name));
CREATE TABLE roles(server TEXT NOT NULL, replica TEXT NOT NULL, role TEXT NOT NULL,
                   holders TEXT NOT NULL, PRIMARY KEY(server, replica, role));
CREATE TABLE fetched(server TEXT NOT NULL, replica TEXT NOT NULL, at_ms INTEGER NOT NULL,
                     PRIMARY KEY(server, replica));
)";

// Names hold no control characters (acl::isAccessName), so a line feed separates them.
QString joined(const QStringList& names)
{
    return names.join(u'\n');
}

QStringList split(const QString& text)
{
    return text.split(u'\n', Qt::SkipEmptyParts);
}

Status configure(sql::SqlDatabase& db)
{
    return db.exec("PRAGMA busy_timeout = 10000;"
                   "PRAGMA journal_mode = WAL;"
                   "PRAGMA synchronous = NORMAL;");
}

Result<bool> isCurrent(sql::SqlDatabase& db)
{
    SEN_ASSIGN_OR_RETURN(const std::int64_t appId, db.queryInt("PRAGMA application_id"));
    SEN_ASSIGN_OR_RETURN(const std::int64_t version, db.queryInt("PRAGMA user_version"));
    return appId == DirectoryFile::kApplicationId && version == DirectoryFile::kVersion;
}

Status removeFiles(const QString& path)
{
    const QString paths[] = {path, path + QStringLiteral("-wal"), path + QStringLiteral("-shm")};
    for (const QString& p : paths)
        if (QFile::exists(p) && !QFile::remove(p))
            return Status(ErrorCode::IoError, QStringLiteral("cannot delete %1").arg(p));
    return Status::ok();
}

Result<std::unique_ptr<sql::SqlDatabase>> openForWriting(const QString& path)
{
    if (QFile::exists(path)) {
        {
            auto db = sql::SqlDatabase::open(path, {});
            if (db && configure(**db).isOk()) {
                const auto current = isCurrent(**db);
                if (current && *current)
                    return db;
            }
        }
        SEN_TRY(removeFiles(path)); // a cache of another format: made again
    }
    sql::SqlDatabase::OpenOptions options;
    options.create = true;
    SEN_ASSIGN_OR_RETURN(auto db, sql::SqlDatabase::open(path, options));
    SEN_TRY(restrictToOwner(path));
    SEN_TRY(db->exec("BEGIN IMMEDIATE"));
    Status made = db->exec(kSchema);
    if (made.isOk())
        made = db->exec(
            QByteArray("PRAGMA application_id = " + QByteArray::number(DirectoryFile::kApplicationId) +
                       "; PRAGMA user_version = " + QByteArray::number(DirectoryFile::kVersion))
                .constData());
    if (!made.isOk()) {
        (void)db->exec("ROLLBACK");
        return made;
    }
    SEN_TRY(db->exec("COMMIT"));
    SEN_TRY(configure(*db));
    return db;
}

} // namespace

QString DirectoryFile::pathIn(const QString& home)
{
    return QDir(home).filePath(QStringLiteral("directory.sqlite"));
}

Status DirectoryFile::store(const QString& server, const QString& replicaIdHex,
                            const protocol::DirectoryListing& listing) const
{
    SEN_ASSIGN_OR_RETURN(auto db, openForWriting(m_path));
    sql::SqlTransaction tx(*db);
    SEN_TRY(tx.beginStatus());
    {
        SEN_ASSIGN_OR_RETURN(auto s, db->prepare("DELETE FROM people WHERE server = ?1"));
        SEN_TRY(s.bindAll(server).exec());
        SEN_ASSIGN_OR_RETURN(auto g, db->prepare("DELETE FROM groups WHERE server = ?1"));
        SEN_TRY(g.bindAll(server).exec());
        SEN_ASSIGN_OR_RETURN(auto r, db->prepare("DELETE FROM roles WHERE server = ?1 AND replica = ?2"));
        SEN_TRY(r.bindAll(server, replicaIdHex).exec());
    }
    SEN_ASSIGN_OR_RETURN(auto person, db->prepare("INSERT OR REPLACE INTO people VALUES (?1, ?2)"));
    for (const QString& name : listing.people) {
        SEN_TRY(person.bindAll(server, name).exec());
        person.reset();
    }
    SEN_ASSIGN_OR_RETURN(auto group, db->prepare("INSERT OR REPLACE INTO groups VALUES (?1, ?2, ?3)"));
    for (const protocol::DirectoryGroup& g : listing.groups) {
        SEN_TRY(group.bindAll(server, g.name, joined(g.members)).exec());
        group.reset();
    }
    SEN_ASSIGN_OR_RETURN(auto role, db->prepare("INSERT OR REPLACE INTO roles VALUES (?1, ?2, ?3, ?4)"));
    for (const protocol::DirectoryRole& r : listing.roles) {
        SEN_TRY(role.bindAll(server, replicaIdHex, r.role, joined(r.holders)).exec());
        role.reset();
    }
    SEN_ASSIGN_OR_RETURN(auto fetched, db->prepare("INSERT OR REPLACE INTO fetched VALUES (?1, ?2, ?3)"));
    SEN_TRY(fetched.bindAll(server, replicaIdHex, QDateTime::currentMSecsSinceEpoch()).exec());
    return tx.commit();
}

Result<std::optional<protocol::DirectoryListing>> DirectoryFile::load(const QString& server,
                                                                      const QString& replicaIdHex) const
{
    if (!QFile::exists(m_path))
        return std::optional<protocol::DirectoryListing>();
    SEN_ASSIGN_OR_RETURN(auto db, sql::SqlDatabase::open(m_path, {}));
    SEN_TRY(configure(*db));
    SEN_ASSIGN_OR_RETURN(const bool current, isCurrent(*db));
    if (!current)
        return std::optional<protocol::DirectoryListing>(); // the next sync makes it again
    SEN_ASSIGN_OR_RETURN(auto fetched,
                         db->prepare("SELECT 1 FROM fetched WHERE server = ?1 AND replica = ?2"));
    fetched.bindAll(server, replicaIdHex);
    SEN_ASSIGN_OR_RETURN(const bool has, fetched.step());
    if (!has)
        return std::optional<protocol::DirectoryListing>();
    protocol::DirectoryListing out;
    SEN_ASSIGN_OR_RETURN(auto people, db->prepare("SELECT name FROM people WHERE server = ?1 ORDER BY name"));
    people.bindAll(server);
    while (true) {
        SEN_ASSIGN_OR_RETURN(const bool row, people.step());
        if (!row)
            break;
        out.people.append(people.text(0));
    }
    SEN_ASSIGN_OR_RETURN(auto groups,
                         db->prepare("SELECT name, members FROM groups WHERE server = ?1 ORDER BY name"));
    groups.bindAll(server);
    while (true) {
        SEN_ASSIGN_OR_RETURN(const bool row, groups.step());
        if (!row)
            break;
        out.groups.push_back({groups.text(0), split(groups.text(1))});
    }
    SEN_ASSIGN_OR_RETURN(auto roles, db->prepare("SELECT role, holders FROM roles WHERE server = ?1 AND "
                                                 "replica = ?2 ORDER BY role"));
    roles.bindAll(server, replicaIdHex);
    while (true) {
        SEN_ASSIGN_OR_RETURN(const bool row, roles.step());
        if (!row)
            break;
        out.roles.push_back({roles.text(0), split(roles.text(1))});
    }
    return std::optional<protocol::DirectoryListing>(std::move(out));
}

} // namespace sen::client
