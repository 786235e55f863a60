// sen: the desktop client (issue #5). Everything it does lives in the sen_gui library.

#include "client/gui/app/ClientApp.h"
#include "client/gui/app/StartupReport.h"
#include "client/pdf/PdfTextReader.h"

#include <QApplication>

#include <cstdio>

int main(int argc, char* argv[])
{
    sen::gui::StartupReport::markProcessStart();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Sen"));
    QApplication::setOrganizationName(QStringLiteral("Sen"));
    QApplication::setApplicationVersion(QStringLiteral(SEN_VERSION));
    // The text of PDF attachments for the full-text index, read on the index workers.
    sen::pdf::installPdfTextReader();

    QStringList arguments = QApplication::arguments();
    arguments.removeFirst();
    const auto options = sen::gui::ClientOptions::parse(arguments);
    if (!options) {
        std::fprintf(stderr, "sen: %s\n", qPrintable(options.status().message()));
        return 2;
    }
    sen::gui::ClientApp client(app, *options);
    return client.run();
}
