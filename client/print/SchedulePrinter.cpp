#include "client/print/SchedulePrinter.h"

#include "client/print/TablePage.h"

namespace sen::print {

namespace {

TableSpec specOf(const app::ScheduleReport& report)
{
    const QString running = report.office.toUpper() + QStringLiteral("   —   ") + report.title +
                            QStringLiteral("   —   ") + report.weekText;
    return {{report.office, report.title, {report.weekText, report.stateText}, running},
            report.columns,
            report.rows,
            QPageLayout::Landscape,
            9,
            2};
}

} // namespace

Result<int> paintSchedule(const app::ScheduleReport& report, QPagedPaintDevice& device)
{
    return paintTable(specOf(report), device);
}

Result<int> writeSchedulePdf(const app::ScheduleReport& report, const QString& path)
{
    return writeTablePdf(specOf(report), path, report.title + QStringLiteral(" – ") + report.weekText);
}

} // namespace sen::print
