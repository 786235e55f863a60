#include "client/print/FollowUpPrinter.h"

#include "client/print/TablePage.h"

namespace sen::print {

namespace {

// A4 landscape, 8 pt, rows one line high at least (nothing is filled by hand).
TableSpec specOf(const app::FollowUpReport& report)
{
    const QStringList subtitles = report.subtitles();
    return {{report.office, report.title, subtitles,
             report.office.toUpper() + QStringLiteral("   —   ") + report.title + QStringLiteral("   —   ") +
                 subtitles.join(QStringLiteral(", "))},
            report.columns,
            report.rows,
            QPageLayout::Landscape,
            8,
            1};
}

} // namespace

Result<int> paintFollowUp(const app::FollowUpReport& report, QPagedPaintDevice& device)
{
    return paintTable(specOf(report), device);
}

Result<int> writeFollowUpPdf(const app::FollowUpReport& report, const QString& path)
{
    return writeTablePdf(specOf(report), path, followUpDocumentName(report));
}

QString followUpDocumentName(const app::FollowUpReport& report)
{
    return report.title + QStringLiteral(" – ") + report.period.text();
}

} // namespace sen::print
