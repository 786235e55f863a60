// The Catch2 main of the PDF tests: a QGuiApplication on the offscreen platform, so that the
// tests can write PDFs with fonts (QPdfWriter); reading them needs no more than Qt Core
// (senctl reads them under a QCoreApplication). The crypto self-tests run first, as in every
// Sen executable, and the PDF text reader is installed as `sen` and `senctl` install it.

#define CATCH_CONFIG_RUNNER
#include "client/pdf/PdfTextReader.h"
#include "common/crypto/SelfTest.h"

#include <QGuiApplication>

#include <catch2/catch.hpp>
#include <cstdio>

int main(int argc, char* argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    if (const sen::Status status = sen::crypto::runSelfTests(); !status.isOk()) {
        std::fprintf(stderr, "crypto self-test failed: %s\n", qPrintable(status.toString()));
        return 2;
    }
    sen::pdf::installPdfTextReader();
    return Catch::Session().run(argc, argv);
}
