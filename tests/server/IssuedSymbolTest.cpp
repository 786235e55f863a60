// What the office issues takes its ký hiệu from its register and catalogue (docs/catalogues.md
// "Filled on save") and its number from the server (docs/registers.md §Numbering): a real
// sen-server process and a văn thư's senctl home. Online, an outgoing resolution reads
// "01-NQ/HU" at once; offline it reads "NQ/HU" until the next sync brings "02-NQ/HU".

#include "tests/server/ServerProcess.h"

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

// The item `name` of document `unid` as text ("" when missing), read with `doc get --json`.
QString itemOf(const QString& home, const QString& unid, const char* name)
{
    const QString json = ServerProcess::senctlOk(home, {S("doc"), S("get"), S("vanban"), unid, S("--json")});
    const QJsonValue item = QJsonDocument::fromJson(json.toUtf8())
                                .object()
                                .value(S("items"))
                                .toObject()
                                .value(QLatin1String(name));
    const QJsonValue value = item.toObject().value(S("value"));
    return value.isDouble() ? QString::number(value.toInteger()) : value.toString();
}

} // namespace

TEST_CASE("An outgoing document's ký hiệu is composed from its register and type, its number given by the "
          "server",
          "[server][process][numbering][catalogues]")
{
    test::TempDir dir;
    ServerProcess server(dir);
    server.admin({S("db"), S("create"), S("vanban"), S("--kind"), S("documents")});
    server.admin({S("acl"), S("set"), S("vanban"), S("-Default-"), S("designer")});
    server.start();
    const QString home = dir.path(S("van-thu"));
    ServerProcess::senctlOk(home, {S("login"), S("--id"), server.registerUser(S("Văn thư"))});
    ServerProcess::senctlOk(home, {S("replica"), S("add"), server.address(), S("vanban")});

    // The office's abbreviation on its outgoing register (the default catalogue came with the
    // database: Nghị quyết is NQ).
    QString book;
    for (const QString& line : ServerProcess::senctlOk(home, {S("register"), S("list"), S("vanban")})
                                   .split(u'\n', Qt::SkipEmptyParts)) {
        const QStringList cells = line.split(u'\t');
        if (cells.size() > 2 && cells[1] == S("Di") && cells[2] != S("mat"))
            book = cells.last();
    }
    REQUIRE(book.size() == 32);
    ServerProcess::senctlOk(home,
                            {S("doc"), S("update"), S("vanban"), book, S("--set"), S("KyHieuCoQuan=HU")});
    ServerProcess::senctlOk(home, {S("sync")});

    const QStringList resolution{S("doc"),
                                 S("create"),
                                 S("vanban"),
                                 S("--form"),
                                 S("VanBanDi"),
                                 S("--set"),
                                 S("LoaiVanBan=Nghị quyết"),
                                 S("--set"),
                                 S("TrichYeu=Nghị quyết về công tác chuyển đổi số"),
                                 S("--set"),
                                 S("NoiNhan:textlist=Các chi bộ")};
    const QString online = ServerProcess::senctlOk(home, resolution);
    CHECK(itemOf(home, online, "KyHieu") == S("NQ/HU"));
    CHECK(itemOf(home, online, "So") == S("1"));
    CHECK(itemOf(home, online, "SoKyHieu") == S("01-NQ/HU"));

    const QString offline = ServerProcess::senctlOk(home, resolution + QStringList{S("--offline")});
    CHECK(itemOf(home, offline, "So").isEmpty());
    CHECK(itemOf(home, offline, "SoKyHieu") == S("NQ/HU"));
    ServerProcess::senctlOk(home, {S("sync")});
    CHECK(itemOf(home, offline, "So") == S("2"));
    CHECK(itemOf(home, offline, "SoKyHieu") == S("02-NQ/HU"));
    server.stop();
}
