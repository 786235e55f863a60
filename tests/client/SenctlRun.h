#pragma once

// senctl run in-process (cli::runSenctl) against a workspace of its own in a temporary
// directory: what scripts see — the exit code, stdout and stderr.

#include "client/cli/Senctl.h"
#include "tests/support/TempDir.h"

#include <QTextStream>

#include <catch2/catch.hpp>

namespace sen::test {

struct SenctlResult
{
    int code;
    QString out;
    QString err;
};

class Senctl
{
public:
    SenctlResult operator()(QStringList words) const
    {
        words.prepend(m_dir.root() + QStringLiteral("/home"));
        words.prepend(QStringLiteral("--home"));
        QString out, err;
        QTextStream outStream(&out), errStream(&err);
        const int code = cli::runSenctl(words, outStream, errStream);
        outStream.flush();
        errStream.flush();
        return {code, out, err};
    }
    // Runs and requires success; returns stdout without the final newline.
    QString ok(const QStringList& words) const
    {
        const SenctlResult run = (*this)(words);
        INFO(run.err.toStdString());
        REQUIRE(run.code == 0);
        return run.out.trimmed();
    }
    const TempDir& dir() const { return m_dir; }

private:
    TempDir m_dir;
};

} // namespace sen::test
