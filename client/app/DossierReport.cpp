#include "client/app/DossierReport.h"

#include "client/core/Dossiers.h"
#include "common/core/HybridClock.h"
#include "common/model/Document.h"

#include <QDateTime>

#include <algorithm>
#include <cmath>
#include <limits>

namespace sen::app {

namespace {

// The local day the document was created: its oldest item stamp.
QDate createdOn(const Document& doc)
{
    if (doc.items.empty())
        return {};
    qint64 oldest = std::numeric_limits<qint64>::max();
    for (const Item& item : doc.items)
        oldest = std::min(oldest, hlcPhysicalMs(item.stamp.time));
    return QDateTime::fromMSecsSinceEpoch(oldest).toLocalTime().date();
}

// The page count a document declares (SoTrang), when it is a whole number of at least one.
std::optional<int> pagesOf(const Document& doc)
{
    const Item* item = doc.item(QStringLiteral("SoTrang"));
    if (!item)
        return std::nullopt;
    bool ok = item->type == ItemType::Number;
    double pages = ok ? item->toNumber() : item->toText().trimmed().toDouble(&ok);
    if (!ok || pages < 1 || pages > 1e6 || pages != std::floor(pages))
        return std::nullopt;
    return int(pages);
}

} // namespace

QString DossierReport::title()
{
    return QStringLiteral("MỤC LỤC VĂN BẢN");
}

std::vector<ReportColumn> DossierReport::columnsOf()
{
    return {
        {QStringLiteral("STT"), 9, true},
        {QStringLiteral("Số, ký hiệu văn bản"), 24, false},
        {QStringLiteral("Ngày tháng năm văn bản"), 23, true},
        {QStringLiteral("Tên loại và trích yếu nội dung văn bản"), 59, false},
        {QStringLiteral("Tác giả văn bản"), 27, false},
        {QStringLiteral("Tờ số"), 9, true},
        {QStringLiteral("Ghi chú"), 16, false},
    };
}

QDate DossierReport::dateOf(const Document& doc)
{
    for (const QString& item : {QStringLiteral("NgayBanHanh"), QStringLiteral("NgayDen")})
        if (const QDate day = cells::dateOf(doc, item); day.isValid())
            return day;
    return createdOn(doc);
}

QStringList DossierReport::cellsOf(const Document& doc, int position, std::optional<int> firstSheet)
{
    QString abstract = cells::typeAndAbstract(doc);
    if (abstract.isEmpty())
        abstract = cells::textOf(doc, QStringLiteral("TieuDe")); // forms without an abstract
    QString author = cells::textOf(doc, QStringLiteral("CoQuanBanHanh"));
    if (author.isEmpty())
        author = cells::textOf(doc, QStringLiteral("NguoiKy"));
    return {QString::number(position),
            cells::numberAndSymbol(doc),
            cells::dayText(dateOf(doc)),
            abstract,
            author,
            firstSheet ? QString::number(*firstSheet) : QString(),
            cells::textOf(doc, QStringLiteral("GhiChu"))};
}

QString DossierReport::periodText() const
{
    if (!first.isValid())
        return {};
    if (first == last)
        return QStringLiteral("Ngày %1").arg(cells::dayText(first));
    return QStringLiteral("Từ ngày %1 đến ngày %2").arg(cells::dayText(first), cells::dayText(last));
}

QString DossierReport::codeText() const
{
    return code.isEmpty() ? QString() : QStringLiteral("Hồ sơ số: %1").arg(code);
}

Result<DossierReport> DossierReport::build(const DatabaseSession& session, const Unid& dossier,
                                           const QString& office)
{
    const auto folder = session.document(dossier);
    if (!folder || folder->isDeleted())
        return Status(ErrorCode::NotFound,
                      QStringLiteral("there is no document %1 in %2").arg(dossier.toHex(), session.name()));
    if (!client::Dossiers::isDossier(*folder))
        return Status(ErrorCode::InvalidArgument,
                      QStringLiteral("document %1 is not a dossier (its form is %2)")
                          .arg(dossier.toHex(), folder->form));
    SEN_ASSIGN_OR_RETURN(const auto members, session.dossierMembers(dossier));

    struct Entry
    {
        QDate day;
        Document doc;
    };
    std::vector<Entry> entries;
    entries.reserve(members.size());
    for (const client::Dossiers::Member& member : members) { // oldest filing first
        auto doc = session.document(member.document);
        if (!doc) {
            if (doc.status().code() == ErrorCode::NotFound)
                continue; // gone since the list was read
            return doc.status();
        }
        if (doc->isDeleted() || doc->isConflict())
            continue;
        const QDate day = dateOf(*doc);
        entries.push_back({day, std::move(*doc)});
    }
    std::stable_sort(entries.begin(), entries.end(),
                     [](const Entry& a, const Entry& b) { return a.day < b.day; });

    DossierReport report;
    report.office = office.trimmed().isEmpty() ? session.title() : office.trimmed();
    report.code = folder->text(QStringLiteral("SoKyHieuHoSo")).trimmed();
    report.dossierTitle = folder->text(QStringLiteral("TieuDeHoSo")).trimmed();
    report.columns = columnsOf();
    report.rows.reserve(entries.size());
    std::optional<int> sheet = 1;
    for (const Entry& entry : entries) {
        report.rows.push_back(cellsOf(entry.doc, int(report.rows.size()) + 1, sheet));
        const auto pages = pagesOf(entry.doc);
        sheet = sheet && pages ? std::optional(*sheet + *pages) : std::nullopt;
        if (entry.day.isValid()) {
            if (!report.first.isValid())
                report.first = entry.day;
            report.last = entry.day;
        }
    }
    return report;
}

} // namespace sen::app
