// senctl: see client/cli/Senctl.h.

#include "client/cli/Senctl.h"
#include "client/core/ErrorText.h"
#include "client/pdf/PdfTextReader.h"
#include "common/crypto/SelfTest.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <cstdio>
#include <cstring>
#include <memory>

namespace {

// `print` lays out text, which needs Qt Gui's fonts: that command gets a QGuiApplication on
// the offscreen platform (no display needed); every other command a plain QCoreApplication.
bool needsGui(int argc, char* argv[])
{
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "print") == 0)
            return true;
    return false;
}

} // namespace

int main(int argc, char* argv[])
{
    std::unique_ptr<QCoreApplication> app;
    if (needsGui(argc, argv)) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("senctl"));
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (const sen::Status status = sen::crypto::runSelfTests(); !status.isOk()) {
        err << "senctl: "
            << sen::client::ErrorText::line(status,
                                            sen::client::ErrorContext::of(sen::client::Situation::SelfTest))
            << '\n';
        return 1;
    }
    // PDF attachments' text for the full-text index (works under QCoreApplication).
    sen::pdf::installPdfTextReader();
    QStringList words = QCoreApplication::arguments();
    words.removeFirst();
    return sen::cli::runSenctl(words, out, err);
}
