// The Catch2 main of the widget tests: like tests/support/CatchMain.cpp, but with a
// QApplication (widgets need one). Offscreen unless QT_QPA_PLATFORM says otherwise, so the
// tests (and CTest's discovery run at build time) need no display.

#define CATCH_CONFIG_RUNNER
#include "common/crypto/SelfTest.h"

#include <QApplication>

#include <catch2/catch.hpp>
#include <cstdio>

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    if (const sen::Status status = sen::crypto::runSelfTests(); !status.isOk()) {
        std::fprintf(stderr, "crypto self-test failed: %s\n", qPrintable(status.toString()));
        return 2;
    }
    return Catch::Session().run(argc, argv);
}
