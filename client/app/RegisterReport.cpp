#include "client/app/RegisterReport.h"

#include "client/app/ReportCells.h"
#include "common/model/Document.h"

#include <QRegularExpression>

#include <algorithm>
#include <limits>
#include <optional>
#include <tuple>

namespace sen::app {

using cells::commonNames;
using cells::dateOf;
using cells::dayText;
using cells::textOf;
using cells::typeAndAbstract;

namespace {

// The number a row is ordered by: SoDen for an incoming document; So, else the leading digits
// of SoKyHieu, for an outgoing one. None: the row goes after the numbered ones.
std::optional<double> orderNumber(const Document& doc, RegisterDirection direction)
{
    const QString name =
        direction == RegisterDirection::Incoming ? QStringLiteral("SoDen") : QStringLiteral("So");
    if (const Item* item = doc.item(name); item && item->type == ItemType::Number)
        return item->toNumber();
    static const QRegularExpression leading(QStringLiteral("^\\s*(?:[Ss]ố\\s*)?(\\d+)"));
    const QString text =
        direction == RegisterDirection::Incoming ? textOf(doc, name) : RegisterReport::numberAndSymbol(doc);
    if (const auto match = leading.match(text); match.hasMatch())
        return match.captured(1).toDouble();
    return std::nullopt;
}

QString dateItemOf(RegisterDirection direction)
{
    return direction == RegisterDirection::Incoming ? QStringLiteral("NgayDen")
                                                    : QStringLiteral("NgayBanHanh");
}

} // namespace

RegisterPeriod RegisterPeriod::ofYear(int year)
{
    return {QDate(year, 1, 1), QDate(year, 12, 31), true};
}

Result<RegisterPeriod> RegisterPeriod::between(const QDate& from, const QDate& to)
{
    if (!from.isValid() || !to.isValid())
        return Status(ErrorCode::InvalidArgument, QStringLiteral("the period needs two valid dates"));
    if (to < from)
        return Status(ErrorCode::InvalidArgument, QStringLiteral("the period ends before it starts"));
    return RegisterPeriod{from, to, false};
}

QString RegisterPeriod::text() const
{
    if (wholeYear)
        return QStringLiteral("Năm %1").arg(from.year());
    return QStringLiteral("Từ ngày %1 đến ngày %2").arg(dayText(from), dayText(to));
}

QString RegisterReport::formOf(RegisterDirection direction)
{
    return direction == RegisterDirection::Incoming ? QStringLiteral("VanBanDen")
                                                    : QStringLiteral("VanBanDi");
}

QString RegisterReport::titleOf(RegisterDirection direction)
{
    return direction == RegisterDirection::Incoming ? QStringLiteral("SỔ ĐĂNG KÝ VĂN BẢN ĐẾN")
                                                    : QStringLiteral("SỔ ĐĂNG KÝ VĂN BẢN ĐI");
}

std::vector<RegisterColumn> RegisterReport::columnsOf(RegisterDirection direction)
{
    if (direction == RegisterDirection::Incoming)
        return {
            {QStringLiteral("Ngày đến"), 20, true},
            {QStringLiteral("Số đến"), 14, true},
            {QStringLiteral("Tác giả"), 34, false},
            {QStringLiteral("Số, ký hiệu"), 26, false},
            {QStringLiteral("Ngày tháng văn bản"), 20, true},
            {QStringLiteral("Tên loại và trích yếu nội dung"), 70, false},
            {QStringLiteral("Đơn vị hoặc người nhận"), 32, false},
            {QStringLiteral("Ngày chuyển"), 18, true},
            {QStringLiteral("Ký nhận"), 18, true},
            {QStringLiteral("Ghi chú"), 21, false},
        };
    return {
        {QStringLiteral("Số, ký hiệu văn bản"), 28, false},
        {QStringLiteral("Ngày tháng văn bản"), 20, true},
        {QStringLiteral("Tên loại và trích yếu nội dung"), 70, false},
        {QStringLiteral("Người ký"), 30, false},
        {QStringLiteral("Nơi nhận văn bản"), 40, false},
        {QStringLiteral("Đơn vị, người nhận bản lưu"), 28, false},
        {QStringLiteral("Số lượng bản"), 14, true},
        {QStringLiteral("Ngày chuyển"), 18, true},
        {QStringLiteral("Ký nhận"), 18, true},
        {QStringLiteral("Ghi chú"), 20, false},
    };
}

QString RegisterReport::numberAndSymbol(const Document& doc)
{
    return cells::numberAndSymbol(doc);
}

QStringList RegisterReport::cellsOf(const Document& doc, RegisterDirection direction)
{
    const QString notes = textOf(doc, QStringLiteral("GhiChu"));
    if (direction == RegisterDirection::Incoming) {
        QString receivers = textOf(doc, QStringLiteral("NoiNhan"));
        if (receivers.isEmpty())
            receivers = commonNames(doc, QStringLiteral("NguoiXuLy"));
        return {dayText(dateOf(doc, QStringLiteral("NgayDen"))),
                textOf(doc, QStringLiteral("SoDen")),
                textOf(doc, QStringLiteral("CoQuanBanHanh")),
                numberAndSymbol(doc),
                dayText(dateOf(doc, QStringLiteral("NgayBanHanh"))),
                typeAndAbstract(doc),
                receivers,
                {},
                {},
                notes};
    }
    return {numberAndSymbol(doc),
            dayText(dateOf(doc, QStringLiteral("NgayBanHanh"))),
            typeAndAbstract(doc),
            textOf(doc, QStringLiteral("NguoiKy")),
            textOf(doc, QStringLiteral("NoiNhan")),
            textOf(doc, QStringLiteral("NoiLuuBanGiay")),
            textOf(doc, QStringLiteral("SoBan")),
            {},
            {},
            notes};
}

Result<RegisterReport> RegisterReport::build(const DatabaseSession& session, RegisterDirection direction,
                                             const RegisterPeriod& period, const QString& office)
{
    if (session.kind() != DatabaseKind::Documents)
        return Status(
            ErrorCode::InvalidArgument,
            QStringLiteral("%1 is not a documents database: it keeps no register").arg(session.name()));
    struct Entry
    {
        int year;
        double number;
        QDate day;
        QStringList cells;
    };
    std::vector<Entry> entries;
    const QString form = formOf(direction);
    const QString dateItem = dateItemOf(direction);
    const Status walked = session.forEachDocument([&](const Document& doc) {
        if (doc.form != form || doc.isDeleted() || doc.isConflict())
            return true;
        const QDate day = dateOf(doc, dateItem);
        if (!day.isValid() || !period.contains(day))
            return true;
        const auto number = orderNumber(doc, direction);
        entries.push_back({day.year(), number.value_or(std::numeric_limits<double>::infinity()), day,
                           cellsOf(doc, direction)});
        return true;
    });
    if (!walked.isOk())
        return walked;
    std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
        return std::tie(a.year, a.number, a.day) < std::tie(b.year, b.number, b.day);
    });

    RegisterReport report;
    report.direction = direction;
    report.period = period;
    report.office = office.trimmed().isEmpty() ? session.title() : office.trimmed();
    report.title = titleOf(direction);
    report.columns = columnsOf(direction);
    report.rows.reserve(entries.size());
    for (Entry& entry : entries)
        report.rows.push_back(std::move(entry.cells));
    return report;
}

} // namespace sen::app
