#include "client/views/ViewCatalog.h"

#include <QtGlobal>

namespace sen::views {

namespace {

QString S(const char* ascii)
{
    return QString::fromLatin1(ascii);
}

ViewColumn column(const char* id, const char* title, const char* item, ColumnKind kind, int width = 12)
{
    ViewColumn c;
    c.id = S(id);
    c.title = title;
    c.item = S(item);
    c.kind = kind;
    c.widthHint = width;
    return c;
}

// A long text column: shown, not sortable (an SQL index of long keys for a rarely used sort
// would double the cache; Notes' "click to sort" is per column too).
ViewColumn unsorted(ViewColumn c)
{
    c.sortable = false;
    return c;
}

ViewColumn category(const char* id, const char* title, const char* item, ColumnKind kind,
                    DateBucket bucket = DateBucket::None)
{
    ViewColumn c = column(id, title, item, kind, 24);
    c.categorised = true;
    c.bucket = bucket;
    return c;
}

ViewDefinition view(const char* id, const char* title, QStringList forms, std::vector<ViewColumn> columns,
                    int sortColumn, bool descending)
{
    ViewDefinition v;
    v.id = S(id);
    v.title = title;
    v.forms = std::move(forms);
    v.columns = std::move(columns);
    v.defaultSortColumn = sortColumn;
    v.defaultDescending = descending;
    return v;
}

// Danh mục: the database's catalogue entries, by catalogue (docs/catalogues.md).
ViewDefinition catalogueView()
{
    return view(
        "catalogues", QT_TRANSLATE_NOOP("sen::views", "Catalogues"), {S("DanhMuc")},
        {category("catalogue", QT_TRANSLATE_NOOP("sen::views", "Catalogue"), "LoaiDanhMuc", ColumnKind::Text),
         column("order", QT_TRANSLATE_NOOP("sen::views", "Order"), "ThuTu", ColumnKind::Number, 5),
         unsorted(column("name", QT_TRANSLATE_NOOP("sen::views", "Name"), "Ten", ColumnKind::Text, 40)),
         column("abbreviation", QT_TRANSLATE_NOOP("sen::views", "Abbreviation"), "VietTat", ColumnKind::Text,
                8),
         column("code", QT_TRANSLATE_NOOP("sen::views", "Identifier code"), "MaDinhDanh", ColumnKind::Text,
                14),
         column("retired", QT_TRANSLATE_NOOP("sen::views", "No longer offered"), "NgungDung",
                ColumnKind::Text, 8)},
        1, false);
}

const QStringList kAllDocumentForms{S("VanBanDen"), S("VanBanDi"), S("VanBanNoiBo")};

// A view of registrations with their urgency (Độ khẩn) and secrecy (Độ mật) as markers: the
// row shows an icon for an urgent or a classified document (ViewColumn::marker).
ViewDefinition withMarkers(ViewDefinition v)
{
    for (const char* item : {"DoKhan", "DoMat"}) {
        ViewColumn c = unsorted(column(item, item, item, ColumnKind::Text, 0));
        c.marker = true;
        v.columns.push_back(std::move(c));
    }
    return v;
}

std::vector<ViewDefinition> documentViews()
{
    std::vector<ViewDefinition> views;
    views.push_back(withMarkers(view(
        "incoming-by-date", QT_TRANSLATE_NOOP("sen::views", "Incoming by date"), {S("VanBanDen")},
        {column("arrived", QT_TRANSLATE_NOOP("sen::views", "Arrived"), "NgayDen", ColumnKind::Date, 10),
         column("number", QT_TRANSLATE_NOOP("sen::views", "No."), "SoDen", ColumnKind::Number, 6),
         column("symbol", QT_TRANSLATE_NOOP("sen::views", "Number and symbol"), "SoKyHieu", ColumnKind::Text),
         column("issuer", QT_TRANSLATE_NOOP("sen::views", "Issuing body"), "CoQuanBanHanh", ColumnKind::Text,
                20),
         unsorted(column("subject", QT_TRANSLATE_NOOP("sen::views", "Abstract"), "TrichYeu", ColumnKind::Text,
                         50)),
         column("due", QT_TRANSLATE_NOOP("sen::views", "Deadline"), "HanXuLy", ColumnKind::Date, 10),
         unsorted(column("status", QT_TRANSLATE_NOOP("sen::views", "Status"), kColumnProcessing,
                         ColumnKind::Text, 24))},
        0, true)));
    views.push_back(withMarkers(view(
        "outgoing-by-date", QT_TRANSLATE_NOOP("sen::views", "Outgoing by date"), {S("VanBanDi")},
        {column("issued", QT_TRANSLATE_NOOP("sen::views", "Issued"), "NgayBanHanh", ColumnKind::Date, 10),
         column("symbol", QT_TRANSLATE_NOOP("sen::views", "Number and symbol"), "SoKyHieu", ColumnKind::Text),
         column("type", QT_TRANSLATE_NOOP("sen::views", "Type"), "LoaiVanBan", ColumnKind::Text),
         unsorted(column("subject", QT_TRANSLATE_NOOP("sen::views", "Abstract"), "TrichYeu", ColumnKind::Text,
                         50)),
         column("signer", QT_TRANSLATE_NOOP("sen::views", "Signed by"), "NguoiKy", ColumnKind::Text, 16),
         unsorted(column("recipients", QT_TRANSLATE_NOOP("sen::views", "Recipients"), "NoiNhan",
                         ColumnKind::Text, 24))},
        0, true)));
    views.push_back(withMarkers(view(
        "by-type", QT_TRANSLATE_NOOP("sen::views", "By type"), kAllDocumentForms,
        {category("type", QT_TRANSLATE_NOOP("sen::views", "Type"), "LoaiVanBan", ColumnKind::Text),
         column("issued", QT_TRANSLATE_NOOP("sen::views", "Issued"), "NgayBanHanh", ColumnKind::Date, 10),
         column("symbol", QT_TRANSLATE_NOOP("sen::views", "Number and symbol"), "SoKyHieu", ColumnKind::Text),
         column("issuer", QT_TRANSLATE_NOOP("sen::views", "Issuing body"), "CoQuanBanHanh", ColumnKind::Text,
                20),
         unsorted(column("subject", QT_TRANSLATE_NOOP("sen::views", "Abstract"), "TrichYeu", ColumnKind::Text,
                         50))},
        1, true)));
    views.push_back(withMarkers(view(
        "by-status", QT_TRANSLATE_NOOP("sen::views", "By status"), {S("VanBanDen")},
        {category("status", QT_TRANSLATE_NOOP("sen::views", "Status"), "TrangThai", ColumnKind::Text),
         column("arrived", QT_TRANSLATE_NOOP("sen::views", "Arrived"), "NgayDen", ColumnKind::Date, 10),
         column("symbol", QT_TRANSLATE_NOOP("sen::views", "Number and symbol"), "SoKyHieu", ColumnKind::Text),
         unsorted(column("subject", QT_TRANSLATE_NOOP("sen::views", "Abstract"), "TrichYeu", ColumnKind::Text,
                         50)),
         column("due", QT_TRANSLATE_NOOP("sen::views", "Deadline"), "HanXuLy", ColumnKind::Date, 10),
         column("handler", QT_TRANSLATE_NOOP("sen::views", "Handled by"), "NguoiXuLy", ColumnKind::Names,
                16)},
        1, true)));
    ViewDefinition mine = view(
        "assigned-to-me", QT_TRANSLATE_NOOP("sen::views", "Assigned to me"), {S("VanBanDen")},
        {column("due", QT_TRANSLATE_NOOP("sen::views", "Deadline"), "HanXuLy", ColumnKind::Date, 10),
         column("symbol", QT_TRANSLATE_NOOP("sen::views", "Number and symbol"), "SoKyHieu", ColumnKind::Text),
         unsorted(column("subject", QT_TRANSLATE_NOOP("sen::views", "Abstract"), "TrichYeu", ColumnKind::Text,
                         50)),
         unsorted(column("status", QT_TRANSLATE_NOOP("sen::views", "Status"), kColumnProcessing,
                         ColumnKind::Text, 24)),
         column("arrived", QT_TRANSLATE_NOOP("sen::views", "Arrived"), "NgayDen", ColumnKind::Date, 10)},
        0, false);
    mine.assignedItem = S("NguoiXuLy");
    views.push_back(withMarkers(std::move(mine)));
    views.push_back(view(
        "dossiers", QT_TRANSLATE_NOOP("sen::views", "Dossiers"), {S("HoSo")},
        {column("code", QT_TRANSLATE_NOOP("sen::views", "Dossier number and symbol"), "SoKyHieuHoSo",
                ColumnKind::Text, 14),
         unsorted(column("title", QT_TRANSLATE_NOOP("sen::views", "Dossier title"), "TieuDeHoSo",
                         ColumnKind::Text, 50)),
         column("retention", QT_TRANSLATE_NOOP("sen::views", "Retention"), "ThoiHanBaoQuan", ColumnKind::Text,
                10),
         column("opened", QT_TRANSLATE_NOOP("sen::views", "Opened on"), "NgayMoHoSo", ColumnKind::Date, 10)},
        0, false));
    // Sổ đăng ký: the registers that number the registrations (docs/registers.md).
    views.push_back(
        view("registers", QT_TRANSLATE_NOOP("sen::views", "Registers"), {S("SoVanBan")},
             {unsorted(column("name", QT_TRANSLATE_NOOP("sen::views", "Register name"), "TenSo",
                              ColumnKind::Text, 40)),
              column("direction", QT_TRANSLATE_NOOP("sen::views", "Documents"), "Huong", ColumnKind::Text, 8),
              column("secret", QT_TRANSLATE_NOOP("sen::views", "Classified"), "Mat", ColumnKind::Text, 8),
              column("cycle", QT_TRANSLATE_NOOP("sen::views", "Numbers start again"), "ChuKy",
                     ColumnKind::Text, 10)},
             1, false));
    // Trùng văn bản: incoming registrations sharing issuer, số, ký hiệu and issue date
    // (client/forms/Registration.h), made on different replicas and met after a sync.
    ViewDefinition duplicates = view(
        "duplicates", QT_TRANSLATE_NOOP("sen::views", "Duplicate registrations"), {S("VanBanDen")},
        {category("key", QT_TRANSLATE_NOOP("sen::views", "Document"), kColumnDuplicateKey, ColumnKind::Text),
         column("number", QT_TRANSLATE_NOOP("sen::views", "No."), "SoDen", ColumnKind::Number, 6),
         column("arrived", QT_TRANSLATE_NOOP("sen::views", "Arrived"), "NgayDen", ColumnKind::Date, 10),
         column("symbol", QT_TRANSLATE_NOOP("sen::views", "Number and symbol"), "SoKyHieu", ColumnKind::Text),
         unsorted(column("subject", QT_TRANSLATE_NOOP("sen::views", "Abstract"), "TrichYeu", ColumnKind::Text,
                         50))},
        1, false);
    duplicates.sharedCategoriesOnly = true;
    views.push_back(withMarkers(std::move(duplicates)));
    views.push_back(catalogueView());
    // Lịch nghỉ: the office's days off and make-up working days (docs/workdays.md).
    views.push_back(view(
        "working-calendar", QT_TRANSLATE_NOOP("sen::views", "Days off and make-up days"), {S("LichNghi")},
        {column("date", QT_TRANSLATE_NOOP("sen::views", "Date"), "Ngay", ColumnKind::Date, 10),
         column("kind", QT_TRANSLATE_NOOP("sen::views", "The day is"), "Loai", ColumnKind::Text, 10),
         unsorted(column("reason", QT_TRANSLATE_NOOP("sen::views", "Reason"), "Ten", ColumnKind::Text, 40))},
        0, true));
    views.push_back(withMarkers(view(
        "all-by-date", QT_TRANSLATE_NOOP("sen::views", "All by date"), kAllDocumentForms,
        {column("issued", QT_TRANSLATE_NOOP("sen::views", "Issued"), "NgayBanHanh", ColumnKind::Date, 10),
         column("symbol", QT_TRANSLATE_NOOP("sen::views", "Number and symbol"), "SoKyHieu", ColumnKind::Text),
         column("type", QT_TRANSLATE_NOOP("sen::views", "Type"), "LoaiVanBan", ColumnKind::Text),
         unsorted(column("subject", QT_TRANSLATE_NOOP("sen::views", "Abstract"), "TrichYeu", ColumnKind::Text,
                         50)),
         column("form", QT_TRANSLATE_NOOP("sen::views", "Form"), kColumnForm, ColumnKind::Text, 10),
         column("modified", QT_TRANSLATE_NOOP("sen::views", "Modified"), kColumnModified, ColumnKind::Date,
                10)},
        0, true)));
    return views;
}

std::vector<ViewColumn> calendarColumns(ViewColumn first)
{
    return {
        std::move(first),
        column("day", QT_TRANSLATE_NOOP("sen::views", "Day"), "Ngay", ColumnKind::Date, 10),
        column("session", QT_TRANSLATE_NOOP("sen::views", "Session"), "Buoi", ColumnKind::Text, 6),
        column("time", QT_TRANSLATE_NOOP("sen::views", "Time"), "Gio", ColumnKind::Text, 6),
        unsorted(column("what", QT_TRANSLATE_NOOP("sen::views", "Content"), "NoiDung", ColumnKind::Text, 50)),
        column("chair", QT_TRANSLATE_NOOP("sen::views", "Presiding"), "ChuTri", ColumnKind::Text, 20),
        unsorted(column("place", QT_TRANSLATE_NOOP("sen::views", "Place"), "DiaDiem", ColumnKind::Text, 20))};
}

std::vector<ViewDefinition> calendarViews()
{
    std::vector<ViewDefinition> views;
    views.push_back(view("by-week", QT_TRANSLATE_NOOP("sen::views", "By week"), {S("LichCongTac")},
                         calendarColumns(category("week", QT_TRANSLATE_NOOP("sen::views", "Week"), "Ngay",
                                                  ColumnKind::Date, DateBucket::Week)),
                         1, false));
    views.push_back(view("by-month", QT_TRANSLATE_NOOP("sen::views", "By month"), {S("LichCongTac")},
                         calendarColumns(category("month", QT_TRANSLATE_NOOP("sen::views", "Month"), "Ngay",
                                                  ColumnKind::Date, DateBucket::Month)),
                         1, false));
    views.push_back(catalogueView());
    return views;
}

std::vector<ViewDefinition> newsViews()
{
    std::vector<ViewDefinition> views;
    views.push_back(view(
        "by-date", QT_TRANSLATE_NOOP("sen::views", "By date"), {S("TinTuc")},
        {column("published", QT_TRANSLATE_NOOP("sen::views", "Published"), "NgayDang", ColumnKind::Date, 10),
         column("title", QT_TRANSLATE_NOOP("sen::views", "Title"), "TieuDe", ColumnKind::Text, 40),
         column("section", QT_TRANSLATE_NOOP("sen::views", "Category"), "ChuyenMuc", ColumnKind::Text, 20),
         unsorted(
             column("summary", QT_TRANSLATE_NOOP("sen::views", "Summary"), "TomTat", ColumnKind::Text, 50))},
        0, true));
    views.push_back(view(
        "by-category", QT_TRANSLATE_NOOP("sen::views", "By category"), {S("TinTuc")},
        {category("section", QT_TRANSLATE_NOOP("sen::views", "Category"), "ChuyenMuc", ColumnKind::Text),
         column("published", QT_TRANSLATE_NOOP("sen::views", "Published"), "NgayDang", ColumnKind::Date, 10),
         column("title", QT_TRANSLATE_NOOP("sen::views", "Title"), "TieuDe", ColumnKind::Text, 40),
         unsorted(
             column("summary", QT_TRANSLATE_NOOP("sen::views", "Summary"), "TomTat", ColumnKind::Text, 50))},
        1, true));
    views.push_back(catalogueView());
    return views;
}

} // namespace

std::vector<ViewDefinition> ViewCatalog::viewsFor(DatabaseKind kind)
{
    switch (kind) {
    case DatabaseKind::Documents:
        return documentViews();
    case DatabaseKind::Calendar:
        return calendarViews();
    case DatabaseKind::News:
        return newsViews();
    }
    return {};
}

std::optional<ViewDefinition> ViewCatalog::find(DatabaseKind kind, const QString& viewId)
{
    for (ViewDefinition& v : viewsFor(kind)) {
        if (v.id == viewId)
            return std::move(v);
    }
    return std::nullopt;
}

QString ViewCatalog::searchViewId(DatabaseKind kind)
{
    switch (kind) {
    case DatabaseKind::Documents:
        return S("all-by-date");
    case DatabaseKind::Calendar:
        return S("by-week");
    case DatabaseKind::News:
        return S("by-date");
    }
    return {};
}

} // namespace sen::views
