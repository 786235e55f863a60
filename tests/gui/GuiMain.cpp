// The Catch2 main of the widget tests: a QApplication (offscreen unless the environment says
// otherwise) exists for the whole run, and the crypto self-tests run first.

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
