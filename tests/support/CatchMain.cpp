// The Catch2 main shared by every test executable: a QCoreApplication exists for the whole
// run (Qt classes that need one work), and the crypto self-tests run first, as in every Sen
// executable.

#define CATCH_CONFIG_RUNNER
#include "common/crypto/SelfTest.h"

#include <QCoreApplication>

#include <catch2/catch.hpp>
#include <cstdio>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    if (const sen::Status status = sen::crypto::runSelfTests(); !status.isOk()) {
        std::fprintf(stderr, "crypto self-test failed: %s\n", qPrintable(status.toString()));
        return 2;
    }
    return Catch::Session().run(argc, argv);
}
