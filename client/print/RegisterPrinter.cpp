#include "client/print/RegisterPrinter.h"

#include "client/print/TablePage.h"

namespace sen::print {

namespace {

// A4 landscape, 8 pt, rows two lines high at least (Ngày chuyển and Ký nhận are hand-filled).
TableSpec specOf(const app::RegisterReport& report)
{
    const QString period = report.period.text();
    return {{report.office,
             report.title,
             {period},
             report.office.toUpper() + QStringLiteral("   —   ") + report.title + QStringLiteral("   —   ") +
                 period},
            report.columns,
            report.rows,
            QPageLayout::Landscape,
            8,
            2};
}

} // namespace

Result<int> paintRegister(const app::RegisterReport& report, QPagedPaintDevice& device)
{
    if (report.columns.empty())
        return Status(ErrorCode::InvalidArgument, QStringLiteral("the register has no columns"));
    return paintTable(specOf(report), device);
}

Result<int> writeRegisterPdf(const app::RegisterReport& report, const QString& path)
{
    return writeTablePdf(specOf(report), path, report.title + QStringLiteral(" – ") + report.period.text());
}

} // namespace sen::print
