#pragma once

// Running senctl in-process for tests (cli::runSenctl): its exit code and what it printed.

#include "client/cli/Senctl.h"
#include "tests/support/TempDir.h"

#include <QTextStream>

#include <catch2/catch.hpp>

namespace sen::test {

struct SenctlRun
{
    int code;
    QString out;
    QString err;
};

// `senctl --home HOME WORDS...`.
inline SenctlRun senctl(const QString& home, QStringList words)
{
    words.prepend(home);
    words.prepend(QStringLiteral("--home"));
    QString out, err;
    QTextStream outStream(&out), errStream(&err);
    const int code = cli::runSenctl(words, outStream, errStream);
    outStream.flush();
    errStream.flush();
    return {code, out, err};
}

// The same, which must succeed; returns what it printed, trimmed.
inline QString senctlOk(const QString& home, const QStringList& words)
{
    const SenctlRun run = senctl(home, words);
    INFO(run.err.toStdString());
    REQUIRE(run.code == 0);
    return run.out.trimmed();
}

// senctl with a workspace of its own in a temporary directory.
class Senctl
{
public:
    SenctlRun operator()(const QStringList& words) const { return senctl(home(), words); }
    // Runs and requires success; returns stdout without the final newline.
    QString ok(const QStringList& words) const { return senctlOk(home(), words); }
    const TempDir& dir() const { return m_dir; }
    QString home() const { return m_dir.root() + QStringLiteral("/home"); }

private:
    TempDir m_dir;
};

} // namespace sen::test
