// The transaction guard: outermost BEGIN/COMMIT, nested units that join, rollback-only.

#include "common/sql/SqlTransaction.h"

#include "common/sql/SqlDatabase.h"
#include "tests/support/TempDir.h"

#include <catch2/catch.hpp>

using namespace sen;
using sql::SqlTransaction;

namespace {
std::unique_ptr<sql::SqlDatabase> openDb(const test::TempDir& dir)
{
    auto db = sql::SqlDatabase::open(dir.path(QStringLiteral("t.db")),
                                     {.readOnly = false, .create = true, .vfs = {}});
    REQUIRE(db.isOk());
    REQUIRE((*db)->exec("CREATE TABLE t(x INTEGER)").isOk());
    return std::move(db).value();
}
std::int64_t rows(sql::SqlDatabase& db)
{
    return db.queryInt("SELECT count(*) FROM t").value();
}
} // namespace

TEST_CASE("A transaction guard that is not committed rolls back", "[sql]")
{
    test::TempDir dir;
    auto db = openDb(dir);
    {
        SqlTransaction tx(*db);
        REQUIRE(tx.beginStatus().isOk());
        REQUIRE(db->exec("INSERT INTO t VALUES (1)").isOk());
    }
    REQUIRE(rows(*db) == 0);
    REQUIRE_FALSE(db->inTransaction());
}

TEST_CASE("A nested unit that wrote and failed makes the whole transaction roll back", "[sql]")
{
    // The inner unit inserts a row and gives up; the outer guard's commit must refuse.
    test::TempDir dir;
    auto db = openDb(dir);
    SqlTransaction outer(*db);
    REQUIRE(db->exec("INSERT INTO t VALUES (1)").isOk());
    {
        SqlTransaction inner(*db);
        REQUIRE_FALSE(inner.isOutermost());
        REQUIRE(db->exec("INSERT INTO t VALUES (2)").isOk());
    }
    REQUIRE(outer.commit().code() == ErrorCode::Cancelled);
    REQUIRE(rows(*db) == 0);
    // The flag does not leak into the next transaction.
    SqlTransaction next(*db);
    REQUIRE(db->exec("INSERT INTO t VALUES (3)").isOk());
    REQUIRE(next.commit().isOk());
    REQUIRE(rows(*db) == 1);
}

TEST_CASE("A nested unit that failed before writing leaves the transaction usable", "[sql]")
{
    test::TempDir dir;
    auto db = openDb(dir);
    SqlTransaction outer(*db);
    REQUIRE(db->exec("INSERT INTO t VALUES (1)").isOk());
    {
        SqlTransaction inner(*db);
        REQUIRE(db->queryInt("SELECT count(*) FROM t").isOk());
    }
    {
        SqlTransaction inner(*db);
        REQUIRE(db->exec("INSERT INTO t VALUES (2)").isOk());
        REQUIRE(inner.commit().isOk());
    }
    REQUIRE(outer.commit().isOk());
    REQUIRE(rows(*db) == 2);
}
