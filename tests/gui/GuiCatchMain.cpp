// The Catch2 main of the GUI tests: a QApplication (widgets, fonts) for the whole run, on
// the offscreen platform unless another is set, and the crypto self-tests first.

#define CATCH_CONFIG_RUNNER
#include "crypto/SelfTest.h"

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
