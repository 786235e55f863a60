// sen-server: see server/admin/SenServer.h.

#include "common/crypto/SelfTest.h"
#include "server/admin/SenServer.h"

#include <QCoreApplication>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("sen-server"));
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (const sen::Status status = sen::crypto::runSelfTests(); !status.isOk()) {
        err << "sen-server: " << status.message() << '\n';
        return 1;
    }
    QStringList words = app.arguments();
    words.removeFirst();
    return sen::server::runSenServer(words, out, err);
}
