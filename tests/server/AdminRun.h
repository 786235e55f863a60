#pragma once

// sen-server's admin commands run in-process (server::runSenServer) against a real data
// directory in a temporary folder, with SEN_PASSWORD set and the Test KDF cost: what tests of
// the admin commands share (tests/server/AdminCommandsTest.cpp, ServerIdTest.cpp).

#include "common/identity/IdFile.h"
#include "server/admin/SenServer.h"
#include "server/core/DataDirectory.h"
#include "tests/support/TempDir.h"

#include <QProcessEnvironment>
#include <QTextStream>

#include <catch2/catch.hpp>

namespace sen::test {

struct Run
{
    int code;
    QString out;
    QString err;
};

inline QString S(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

inline const QString kPassword = S("mật khẩu của tôi");

class SenServer
{
public:
    SenServer()
    {
        m_env.insert(S("SEN_PASSWORD"), kPassword);
        m_env.insert(S("SEN_KDF_COST"), S("test"));
    }
    Run operator()(QStringList words) const
    {
        words.prepend(dataPath());
        words.prepend(S("--data"));
        QString out, err;
        QTextStream outStream(&out), errStream(&err);
        const int code = server::runSenServer(words, outStream, errStream, m_env);
        outStream.flush();
        errStream.flush();
        return {code, out, err};
    }
    // Runs and requires success; returns stdout without the final newline.
    QString ok(const QStringList& words) const
    {
        const Run run = (*this)(words);
        INFO(run.err.toStdString());
        REQUIRE(run.code == 0);
        REQUIRE(run.err.isEmpty());
        return run.out.trimmed();
    }
    // Runs and requires failure with exit code `code` and exactly one line on stderr.
    QString fails(const QStringList& words, int code = 1) const
    {
        const Run run = (*this)(words);
        INFO(run.out.toStdString());
        REQUIRE(run.code == code);
        REQUIRE(run.err.count(u'\n') == 1);
        REQUIRE(run.err.startsWith(S("sen-server: ")));
        return run.err.trimmed();
    }
    void init() const
    {
        ok({S("init"), S("--org"), S("VPTU/HaNoi"), S("--admin"), S("Nguyễn Văn A"), S("--admin-id"),
            path(S("admin.id"))});
    }
    QString dataPath() const { return m_dir.path(S("data")); }
    QString path(const QString& name) const { return m_dir.path(name); }
    QProcessEnvironment& env() { return m_env; }

private:
    TempDir m_dir;
    QProcessEnvironment m_env;
};

inline identity::Credentials openId(const QString& path, const QString& password = kPassword)
{
    auto file = identity::IdFile::load(path);
    REQUIRE(file.isOk());
    auto credentials = identity::IdFile::open(*file, password);
    INFO(credentials.status().toString().toStdString());
    REQUIRE(credentials.isOk());
    return *credentials;
}

inline server::DataDirectory openData(const SenServer& senServer)
{
    auto dir = server::DataDirectory::open(senServer.dataPath());
    INFO(dir.status().toString().toStdString());
    REQUIRE(dir.isOk());
    return std::move(dir).value();
}

} // namespace sen::test
