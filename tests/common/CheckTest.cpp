// Result's misuse checks (SEN_CHECK, common/core/Check.h) stop the process in every build type,
// release included: reading the value of a failed Result, or making a failed Result from an Ok
// status, aborts with a fatal message naming the file and the line. Catch2 has no death tests,
// so each misuse runs in a hidden test case of this same binary, started as a child process.

#include "common/core/Result.h"

#include <QCoreApplication>
#include <QProcess>

#include <catch2/catch.hpp>
#include <cstdio>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

using namespace sen;

namespace {

struct Death
{
    bool crashed = false;
    int exitCode = 0;
    QString output;
};

// Runs the hidden test case `name` of this binary in a child process.
Death runChild(const QString& name)
{
    QProcess child;
    child.setProgram(QCoreApplication::applicationFilePath());
    child.setArguments({name});
    child.setProcessChannelMode(QProcess::MergedChannels);
#ifdef Q_OS_UNIX
    child.setChildProcessModifier([] {
        const rlimit none{0, 0};
        setrlimit(RLIMIT_CORE, &none); // the abort is expected: no core file
    });
#endif
    child.start();
    REQUIRE(child.waitForStarted(10'000));
    REQUIRE(child.waitForFinished(60'000));
    return {child.exitStatus() == QProcess::CrashExit, child.exitCode(),
            QString::fromLocal8Bit(child.readAll())};
}

void requireDeath(const QString& name, const QString& message)
{
    const Death death = runChild(name);
    INFO(death.output.toStdString());
    REQUIRE((death.crashed || death.exitCode != 0));
    REQUIRE(death.output.contains(QStringLiteral("check failed: ") + message));
    REQUIRE(death.output.contains(QStringLiteral("common/core/Result.h:")));
    REQUIRE_FALSE(death.output.contains(QStringLiteral("still running")));
}

Result<int> failed()
{
    return Status(ErrorCode::NotFound, QStringLiteral("no such thing"));
}

} // namespace

// The children: hidden ([.]), so neither CTest nor a plain run of the binary starts them.
TEST_CASE("Check child: value of a failed Result", "[.][check-child]")
{
    Result<int> result = failed();
    const int value = result.value();
    printf("still running with %d\n", value);
}

TEST_CASE("Check child: value of a failed Result taken by move", "[.][check-child]")
{
    const int value = failed().value();
    printf("still running with %d\n", value);
}

TEST_CASE("Check child: dereferencing a failed Result", "[.][check-child]")
{
    const Result<QString> result(ErrorCode::IoError, QStringLiteral("disk gone"));
    printf("still running with %d\n", static_cast<int>(result->size()));
}

TEST_CASE("Check child: a Result made from an Ok status", "[.][check-child]")
{
    const Result<int> result(Status::ok());
    printf("still running, ok %d\n", static_cast<int>(result.isOk()));
}

TEST_CASE("Check child: a Result made from ErrorCode::Ok", "[.][check-child]")
{
    const Result<int> result(ErrorCode::Ok, QString());
    printf("still running, ok %d\n", static_cast<int>(result.isOk()));
}

TEST_CASE("Misuse of a Result stops the process in every build type, with the file and line", "[core][check]")
{
    // Each misuse, in a child process of this binary, aborts with the check's message.
    requireDeath(QStringLiteral("Check child: value of a failed Result"),
                 QStringLiteral("value() of a failed Result"));
    requireDeath(QStringLiteral("Check child: value of a failed Result taken by move"),
                 QStringLiteral("value() of a failed Result"));
    requireDeath(QStringLiteral("Check child: dereferencing a failed Result"),
                 QStringLiteral("value() of a failed Result"));
    requireDeath(QStringLiteral("Check child: a Result made from an Ok status"),
                 QStringLiteral("Result made from an Ok status has no value"));
    requireDeath(QStringLiteral("Check child: a Result made from ErrorCode::Ok"),
                 QStringLiteral("Result made from ErrorCode::Ok has no value"));
}

TEST_CASE("Correct use of a Result passes its checks", "[core][check]")
{
    // The checks only fire on misuse: a good Result reads, a failed one reports its status.
    Result<QString> good(QStringLiteral("văn bản"));
    REQUIRE(good.value() == QStringLiteral("văn bản"));
    REQUIRE(good->size() == 7);
    REQUIRE(*good == QStringLiteral("văn bản"));
    const Result<int> bad = failed();
    REQUIRE_FALSE(bad.isOk());
    REQUIRE(bad.code() == ErrorCode::NotFound);
    REQUIRE(bad.valueOr(7) == 7);
}
