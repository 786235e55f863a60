#include "client/print/DossierPrinter.h"

#include "client/print/TablePage.h"

namespace sen::print {

namespace {

TableSpec specOf(const app::DossierReport& report)
{
    const QString title = app::DossierReport::title();
    const QString which = report.code.isEmpty() ? report.dossierTitle : report.codeText();
    QString running = report.office.toUpper() + QStringLiteral("   —   ") + title;
    if (!which.isEmpty())
        running += QStringLiteral("   —   ") + which;
    return {{report.office, title, {report.codeText(), report.dossierTitle, report.periodText()}, running},
            report.columns,
            report.rows,
            QPageLayout::Portrait,
            9,
            1};
}

} // namespace

QString dossierDocumentName(const app::DossierReport& report)
{
    const QString which = report.code.isEmpty() ? report.dossierTitle : report.code;
    return which.isEmpty() ? app::DossierReport::title()
                           : app::DossierReport::title() + QStringLiteral(" – ") + which;
}

Result<int> paintDossier(const app::DossierReport& report, QPagedPaintDevice& device)
{
    return paintTable(specOf(report), device);
}

Result<int> writeDossierPdf(const app::DossierReport& report, const QString& path)
{
    return writeTablePdf(specOf(report), path, dossierDocumentName(report));
}

} // namespace sen::print
