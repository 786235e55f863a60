// A numbered registration edited at two offices at once (issue #16, found by the province
// test): the office whose sync merges the two makes the conflict document, which shows the
// registration's number. Its server must take that conflict document like any other — its
// number is its parent's (common/registers/RegisterCheck.h) — so that every office ends
// with the same documents. Before, the server refused it ("the number 1 was not given to
// this document by the register") and it stayed on that office alone. Real sen-server and
// senctl processes over TLS.

#include "tests/server/ServerProcess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <catch2/catch.hpp>

using namespace sen;
using test::ServerProcess;

namespace {

QString S(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

const QString kDb = QStringLiteral("vanban");

// The conflict documents of a home's dump: their number item's value each.
std::vector<qint64> conflictNumbers(const QString& dump)
{
    std::vector<qint64> numbers;
    for (const QString& line : dump.split(u'\n', Qt::SkipEmptyParts)) {
        const QJsonObject doc = QJsonDocument::fromJson(line.toUtf8()).object();
        if (!doc.value(S("conflict")).toBool())
            continue;
        qint64 number = 0;
        for (const QJsonValue& v : doc.value(S("items")).toArray())
            if (v.toObject().value(S("name")).toString() == S("SoDen"))
                number = v.toObject().value(S("value")).toVariant().toLongLong();
        numbers.push_back(number);
    }
    return numbers;
}

} // namespace

TEST_CASE("Conflict numbers: a conflict made at an office over a numbered registration reaches every "
          "office, with its parent's number",
          "[server][process][numbering]")
{
    test::TempDir dir;
    ServerProcess server(dir);
    server.admin({S("db"), S("create"), kDb, S("--kind"), S("documents")});
    server.admin({S("acl"), S("set"), kDb, S("-Default-"), S("editor")});
    server.start();
    QStringList homes;
    for (const char* name : {"Văn thư Một", "Văn thư Hai"}) {
        const QString id = server.registerUser(S(name));
        homes << dir.path(S(name).section(u' ', 2));
        ServerProcess::senctlOk(homes.last(), {S("login"), S("--id"), id});
        ServerProcess::senctlOk(homes.last(), {S("replica"), S("add"), server.address(), kDb});
    }

    // Registered online (numbered 1 at once), and both offices hold it.
    const QString unid =
        ServerProcess::senctlOk(homes[0], {S("doc"), S("create"), kDb, S("--form"), S("VanBanDen"),
                                           S("--set"), S("TrichYeu=Công văn đến về phòng cháy")})
            .trimmed()
            .section(u'\n', 0, 0)
            .section(u'\t', 0, 0);
    REQUIRE(unid.size() == 32);
    ServerProcess::senctlOk(homes[0], {S("sync")});
    ServerProcess::senctlOk(homes[1], {S("sync")});
    REQUIRE(ServerProcess::senctlOk(homes[1], {S("doc"), S("get"), kDb, unid}).contains(S("1")));

    // Both change its abstract before either syncs; the second office's sync merges them.
    ServerProcess::senctlOk(
        homes[0], {S("doc"), S("update"), kDb, unid, S("--set"), S("TrichYeu=Sửa tại văn phòng một")});
    ServerProcess::senctlOk(
        homes[1], {S("doc"), S("update"), kDb, unid, S("--set"), S("TrichYeu=Sửa tại văn phòng hai")});
    ServerProcess::senctlOk(homes[0], {S("sync")});
    ServerProcess::senctlOk(homes[1], {S("sync")});
    ServerProcess::senctlOk(homes[0], {S("sync")});
    ServerProcess::senctlOk(homes[1], {S("sync")});

    // The second office refused nothing; both hold the same documents: the registration and
    // one conflict document, numbered 1 as its parent.
    const QString refused = ServerProcess::senctlOk(homes[1], {S("refused"), S("list"), kDb, S("--json")});
    INFO(refused.toStdString());
    CHECK(QJsonDocument::fromJson(refused.toUtf8()).array().isEmpty());
    const QString first = ServerProcess::senctlOk(homes[0], {S("dump"), kDb});
    const QString second = ServerProcess::senctlOk(homes[1], {S("dump"), kDb});
    CHECK(first == second);
    CHECK(conflictNumbers(second) == std::vector<qint64>{1});
    CHECK(conflictNumbers(first) == std::vector<qint64>{1});
    server.stop();
}
