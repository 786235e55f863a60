// senctl: see client/cli/Senctl.h.

#include "client/cli/Senctl.h"
#include "client/core/ErrorText.h"
#include "common/crypto/SelfTest.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
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
    QStringList words = app.arguments();
    words.removeFirst();
    return sen::cli::runSenctl(words, out, err);
}
