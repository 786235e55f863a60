#include "client/forms/FormCatalog.h"

#include <QCoreApplication>

namespace sen::forms {

namespace {

QStringList words(std::initializer_list<const char16_t*> values)
{
    QStringList list;
    for (const char16_t* v : values)
        list << QString::fromUtf16(v);
    return list;
}

FieldDefinition line(const char* item, const char* label, bool required = false)
{
    return {QString::fromLatin1(item), label, ItemType::Text, EditorHint::Line, required, true, {}};
}

FieldDefinition multiLine(const char* item, const char* label, bool required = false, bool summary = true)
{
    return {QString::fromLatin1(item), label, ItemType::Text, EditorHint::MultiLine, required, summary, {}};
}

FieldDefinition number(const char* item, const char* label, bool required = false)
{
    return {QString::fromLatin1(item), label, ItemType::Number, EditorHint::Number, required, true, {}};
}

FieldDefinition date(const char* item, const char* label, bool required = false)
{
    return {QString::fromLatin1(item), label, ItemType::DateTime, EditorHint::Date, required, true, {}};
}

FieldDefinition choice(const char* item, const char* label, const QStringList& values, bool required = false)
{
    return {QString::fromLatin1(item), label, ItemType::Text, EditorHint::Choice, required, true, values};
}

FieldDefinition lines(const char* item, const char* label, bool required = false)
{
    return {QString::fromLatin1(item), label, ItemType::TextList, EditorHint::Lines, required, true, {}};
}

FieldDefinition names(const char* item, const char* label, bool required = false)
{
    return {QString::fromLatin1(item), label, ItemType::Names, EditorHint::NameList, required, true, {}};
}

// A choice among the entries of the database's `catalogue` (docs/catalogues.md).
FieldDefinition picked(const char* item, const char* label, catalogues::Catalogue catalogue,
                       bool required = false)
{
    FieldDefinition field{
        QString::fromLatin1(item), label, ItemType::Text, EditorHint::Choice, required, true, {}};
    field.catalogue = catalogue;
    return field;
}

// `field` starting a new document with `value`.
FieldDefinition startingWith(FieldDefinition field, const char16_t* value)
{
    field.initial = QString::fromUtf16(value);
    return field;
}

// `field` limited to `length` characters (digits for a number), as Phụ lục VI gives it.
FieldDefinition limited(FieldDefinition field, int length)
{
    field.maxLength = length;
    return field;
}

FieldDefinition richText(const char* item, const char* label)
{
    return {QString::fromLatin1(item), label, ItemType::RichText, EditorHint::RichText, false, false, {}};
}

// The fields every document of the documents database shares (ND 30 Phụ lục VI, part II:
// fields 2–10, 12 and 14 of the outgoing list, the same of the incoming one). Số and ký hiệu are
// two items; SoKyHieu, composed from them on save (client/forms/Registration.h), is what
// people read and all old documents hold: it is required unless So or KyHieu is given.
FormSection documentSection()
{
    return {
        QT_TRANSLATE_NOOP("sen::forms", "Document"),
        {
            limited(number("So", QT_TRANSLATE_NOOP("sen::forms", "Number")), 11),
            limited(line("KyHieu", QT_TRANSLATE_NOOP("sen::forms", "Symbol")), 30),
            limited(line("SoKyHieu", QT_TRANSLATE_NOOP("sen::forms", "Number and symbol"), true), 42),
            date("NgayBanHanh", QT_TRANSLATE_NOOP("sen::forms", "Date issued"), true),
            limited(picked("CoQuanBanHanh", QT_TRANSLATE_NOOP("sen::forms", "Issuing body"),
                           catalogues::Catalogue::IssuingBody, true),
                    200),
            limited(line("OrganId", QT_TRANSLATE_NOOP("sen::forms", "Issuing body's identifier code")), 13),
            limited(startingWith(picked("LoaiVanBan", QT_TRANSLATE_NOOP("sen::forms", "Document type"),
                                        catalogues::Catalogue::DocumentType, true),
                                 u"Công văn"), // most of what an office registers
                    100),
            limited(picked("LoaiBanSao", QT_TRANSLATE_NOOP("sen::forms", "Copy type"),
                           catalogues::Catalogue::CopyType),
                    100),
            limited(multiLine("TrichYeu", QT_TRANSLATE_NOOP("sen::forms", "Abstract"), true), 500),
            limited(choice("NgonNgu", QT_TRANSLATE_NOOP("sen::forms", "Language"), FormCatalog::languages()),
                    30),
            limited(number("SoTrang", QT_TRANSLATE_NOOP("sen::forms", "Pages")), 3),
            limited(line("ChucVuNguoiKy", QT_TRANSLATE_NOOP("sen::forms", "Signer's position")), 100),
            limited(line("NguoiKy", QT_TRANSLATE_NOOP("sen::forms", "Signed by")), 50),
            choice("DoKhan", QT_TRANSLATE_NOOP("sen::forms", "Urgency"), FormCatalog::urgencyChoices()),
            choice("DoMat", QT_TRANSLATE_NOOP("sen::forms", "Secrecy"), FormCatalog::secrecyChoices()),
            limited(number("DocOrdinal", QT_TRANSLATE_NOOP("sen::forms", "Position in dossier")), 3),
        }};
}

FormSection contentSection()
{
    return {QT_TRANSLATE_NOOP("sen::forms", "Content"),
            {
                richText("NoiDung", QT_TRANSLATE_NOOP("sen::forms", "Body")),
                limited(multiLine("GhiChu", QT_TRANSLATE_NOOP("sen::forms", "Notes"), false, false), 500),
            }};
}

FormDefinition incoming()
{
    FormDefinition form{QStringLiteral("VanBanDen"),
                        QT_TRANSLATE_NOOP("sen::forms", "Incoming document"),
                        DatabaseKind::Documents,
                        false,
                        true,
                        {QStringLiteral("SoKyHieu"), QStringLiteral("TrichYeu")},
                        {}};
    form.sections.push_back(
        {QT_TRANSLATE_NOOP("sen::forms", "Registration"),
         {
             // Given by the server (docs/registers.md); typed only to re-register paper.
             limited(number("SoDen", QT_TRANSLATE_NOOP("sen::forms", "Arrival number")), 10),
             date("NgayDen", QT_TRANSLATE_NOOP("sen::forms", "Arrival date"), true),
             limited(line("MaVanBanDienTu", QT_TRANSLATE_NOOP("sen::forms", "edXML document ID")), 100),
         }});
    form.sections.push_back(documentSection());
    form.sections.push_back(
        {QT_TRANSLATE_NOOP("sen::forms", "Handling"),
         {
             limited(lines("NoiNhan", QT_TRANSLATE_NOOP("sen::forms", "Receiving units or persons")), 1000),
             date("HanXuLy", QT_TRANSLATE_NOOP("sen::forms", "Deadline")),
             line("NoiLuuBanGiay", QT_TRANSLATE_NOOP("sen::forms", "Paper original kept at")),
         }});
    form.sections.push_back(contentSection());
    return form;
}

FormDefinition outgoing(bool internal)
{
    FormDefinition form{internal ? QStringLiteral("VanBanNoiBo") : QStringLiteral("VanBanDi"),
                        internal ? QT_TRANSLATE_NOOP("sen::forms", "Internal document")
                                 : QT_TRANSLATE_NOOP("sen::forms", "Outgoing document"),
                        DatabaseKind::Documents,
                        false,
                        true,
                        {QStringLiteral("SoKyHieu"), QStringLiteral("TrichYeu")},
                        {}};
    form.sections.push_back(documentSection());
    FormSection issuing{QT_TRANSLATE_NOOP("sen::forms", "Issuing"),
                        {
                            lines("NoiNhan", QT_TRANSLATE_NOOP("sen::forms", "Recipients"), !internal),
                            date("HanXuLy", QT_TRANSLATE_NOOP("sen::forms", "Reply deadline")),
                            line("NoiLuuBanGiay", QT_TRANSLATE_NOOP("sen::forms", "Paper original kept at")),
                        }};
    if (!internal)
        issuing.fields.insert(issuing.fields.begin() + 1,
                              limited(number("SoBan", QT_TRANSLATE_NOOP("sen::forms", "Copies issued")), 3));
    form.sections.push_back(std::move(issuing));
    form.sections.push_back(contentSection());
    return form;
}

FormDefinition comment()
{
    FormDefinition form{QStringLiteral("YKien"),
                        QT_TRANSLATE_NOOP("sen::forms", "Comment"),
                        DatabaseKind::Documents,
                        true,
                        true,
                        {QStringLiteral("NguoiGopY"), QStringLiteral("NoiDung")},
                        {}};
    form.sections.push_back({QT_TRANSLATE_NOOP("sen::forms", "Comment"),
                             {
                                 names("NguoiGopY", QT_TRANSLATE_NOOP("sen::forms", "From")),
                                 {QStringLiteral("NgayGopY"),
                                  QT_TRANSLATE_NOOP("sen::forms", "Date"),
                                  ItemType::DateTime,
                                  EditorHint::DateTime,
                                  false,
                                  true,
                                  {}},
                                 multiLine("NoiDung", QT_TRANSLATE_NOOP("sen::forms", "Comment"), true),
                             }});
    return form;
}

// A direction (docs/workflow.md): the opinion of the agency's leader (level 1) or of a unit's
// head (level 2) on the phiếu giải quyết văn bản đến — who leads, who co-ordinates, by when.
// Its author and time are the user's and now (StepFill.h); once saved it is never rewritten.
FormDefinition assignment()
{
    FormDefinition form{QStringLiteral("PhieuXuLy"),
                        QT_TRANSLATE_NOOP("sen::forms", "Processing slip"),
                        DatabaseKind::Documents,
                        true,
                        true,
                        {QStringLiteral("NguoiXuLy"), QStringLiteral("NoiDungChiDao")},
                        {}};
    form.sections.push_back(
        {QT_TRANSLATE_NOOP("sen::forms", "Direction"),
         {
             choice("CapYKien", QT_TRANSLATE_NOOP("sen::forms", "Opinion of"),
                    words({u"Lãnh đạo cơ quan", u"Lãnh đạo đơn vị"}), true),
             names("NguoiGiao", QT_TRANSLATE_NOOP("sen::forms", "Directed by")),
             {QStringLiteral("NgayGiao"),
              QT_TRANSLATE_NOOP("sen::forms", "Directed on"),
              ItemType::DateTime,
              EditorHint::DateTime,
              false,
              true,
              {}},
             limited(multiLine("NoiDungChiDao", QT_TRANSLATE_NOOP("sen::forms", "Direction"), true), 4000),
             names("NguoiXuLy", QT_TRANSLATE_NOOP("sen::forms", "Lead (chủ trì)"), true),
             names("NguoiPhoiHop", QT_TRANSLATE_NOOP("sen::forms", "Co-ordinating (phối hợp)")),
             date("HanXuLy", QT_TRANSLATE_NOOP("sen::forms", "Deadline")),
         }});
    return form;
}

// A presentation (docs/workflow.md): the văn thư presents a registered document to the leaders.
FormDefinition presentation()
{
    FormDefinition form{QStringLiteral("TrinhVanBan"),
                        QT_TRANSLATE_NOOP("sen::forms", "Presentation"),
                        DatabaseKind::Documents,
                        true,
                        false,
                        {QStringLiteral("TrinhCho")},
                        {}};
    form.sections.push_back({QT_TRANSLATE_NOOP("sen::forms", "Presentation"),
                             {
                                 names("NguoiTrinh", QT_TRANSLATE_NOOP("sen::forms", "Presented by")),
                                 {QStringLiteral("ThoiGian"),
                                  QT_TRANSLATE_NOOP("sen::forms", "Presented on"),
                                  ItemType::DateTime,
                                  EditorHint::DateTime,
                                  false,
                                  true,
                                  {}},
                                 names("TrinhCho", QT_TRANSLATE_NOOP("sen::forms", "Presented to"), true),
                                 limited(multiLine("GhiChu", QT_TRANSLATE_NOOP("sen::forms", "Notes")), 4000),
                             }});
    return form;
}

// A report (docs/workflow.md): the handler's opinion and progress on a direction, as lead or
// co-ordinator (level 3 of the phiếu giải quyết: ý kiến đề xuất của người xử lý).
FormDefinition report()
{
    FormDefinition form{QStringLiteral("BaoCaoXuLy"),
                        QT_TRANSLATE_NOOP("sen::forms", "Handler's report"),
                        DatabaseKind::Documents,
                        true,
                        true,
                        {QStringLiteral("TrangThai"), QStringLiteral("NoiDung")},
                        {}};
    form.sections.push_back(
        {QT_TRANSLATE_NOOP("sen::forms", "Report"),
         {
             names("NguoiBaoCao", QT_TRANSLATE_NOOP("sen::forms", "Reported by")),
             {QStringLiteral("ThoiGian"),
              QT_TRANSLATE_NOOP("sen::forms", "Reported on"),
              ItemType::DateTime,
              EditorHint::DateTime,
              false,
              true,
              {}},
             choice("VaiTro", QT_TRANSLATE_NOOP("sen::forms", "As"), words({u"Chủ trì", u"Phối hợp"}), true),
             choice("TrangThai", QT_TRANSLATE_NOOP("sen::forms", "Status"),
                    words({u"Đang xử lý", u"Hoàn thành", u"Trả lại"}), true),
             limited(multiLine("NoiDung", QT_TRANSLATE_NOOP("sen::forms", "Report or proposal"), true), 4000),
             limited(line("VanBanTraLoi", QT_TRANSLATE_NOOP("sen::forms", "Reply number and symbol")), 200),
         }});
    return form;
}

// A dossier (hồ sơ công việc, ND 30 Art. 28–29 and Phụ lục V): its register fields; the
// documents filed in it are recorded by client::Dossiers, not edited in the form.
FormDefinition dossier()
{
    FormDefinition form{QStringLiteral("HoSo"),
                        QT_TRANSLATE_NOOP("sen::forms", "Dossier"),
                        DatabaseKind::Documents,
                        false,
                        false,
                        {QStringLiteral("SoKyHieuHoSo"), QStringLiteral("TieuDeHoSo")},
                        {}};
    form.sections.push_back(
        {QT_TRANSLATE_NOOP("sen::forms", "Dossier"),
         {
             line("SoKyHieuHoSo", QT_TRANSLATE_NOOP("sen::forms", "Dossier number and symbol"), true),
             multiLine("TieuDeHoSo", QT_TRANSLATE_NOOP("sen::forms", "Dossier title"), true),
             choice("ThoiHanBaoQuan", QT_TRANSLATE_NOOP("sen::forms", "Retention"),
                    words({u"Vĩnh viễn", u"70 năm", u"50 năm", u"20 năm", u"10 năm", u"5 năm"})),
             choice("CheDoSuDung", QT_TRANSLATE_NOOP("sen::forms", "Access regime"),
                    words({u"Thông thường", u"Hạn chế"})),
             names("NguoiLapHoSo", QT_TRANSLATE_NOOP("sen::forms", "Kept by")),
             date("NgayMoHoSo", QT_TRANSLATE_NOOP("sen::forms", "Opened on")),
             date("NgayKetThucHoSo", QT_TRANSLATE_NOOP("sen::forms", "Closed on")),
             multiLine("GhiChu", QT_TRANSLATE_NOOP("sen::forms", "Notes"), false, false),
         }});
    return form;
}

// A register (sổ đăng ký văn bản, docs/registers.md): data of the documents database, written
// by its Designers and Managers (the server refuses anyone else), read by every registration.
FormDefinition registerBook()
{
    FormDefinition form{QStringLiteral("SoVanBan"),
                        QT_TRANSLATE_NOOP("sen::forms", "Register"),
                        DatabaseKind::Documents,
                        false,
                        false,
                        {QStringLiteral("TenSo")},
                        {}};
    form.sections.push_back(
        {QT_TRANSLATE_NOOP("sen::forms", "Register"),
         {
             limited(line("TenSo", QT_TRANSLATE_NOOP("sen::forms", "Register name"), true), 200),
             choice("Huong", QT_TRANSLATE_NOOP("sen::forms", "Documents"), words({u"Đến", u"Đi", u"Nội bộ"}),
                    true),
             choice("Mat", QT_TRANSLATE_NOOP("sen::forms", "Register of classified documents"),
                    words({u"Không", u"Có"})),
             choice("ChuKy", QT_TRANSLATE_NOOP("sen::forms", "Numbers start again"),
                    words({u"Năm", u"Nhiệm kỳ"})),
             limited(
                 line("KyHieuLoai", QT_TRANSLATE_NOOP("sen::forms", "Series: document type abbreviation")),
                 30),
             limited(line("KyHieuCoQuan", QT_TRANSLATE_NOOP("sen::forms", "Series: issuer abbreviation")),
                     30),
             choice("KieuKyHieu", QT_TRANSLATE_NOOP("sen::forms", "Symbols written the way of"),
                    words({u"Đảng", u"Nhà nước"})),
             multiLine("GhiChu", QT_TRANSLATE_NOOP("sen::forms", "Notes"), false, false),
         }});
    return form;
}

// A catalogue entry (danh mục, docs/catalogues.md): data of every database, written by its
// Designers and Managers (the server refuses anyone else), offered by the forms' pick lists.
FormDefinition catalogueEntry()
{
    QStringList catalogueWords;
    for (catalogues::Catalogue c : catalogues::allCatalogues())
        catalogueWords << catalogues::catalogueWord(c);
    FormDefinition form{QStringLiteral("DanhMuc"),
                        QT_TRANSLATE_NOOP("sen::forms", "Catalogue entry"),
                        DatabaseKind::Documents,
                        false,
                        false,
                        {QStringLiteral("Ten")},
                        {}};
    form.everyKind = true;
    form.sections.push_back(
        {QT_TRANSLATE_NOOP("sen::forms", "Catalogue entry"),
         {
             choice("LoaiDanhMuc", QT_TRANSLATE_NOOP("sen::forms", "Catalogue"), catalogueWords, true),
             limited(line("Ten", QT_TRANSLATE_NOOP("sen::forms", "Name"), true), catalogues::kMaxName),
             limited(line("VietTat", QT_TRANSLATE_NOOP("sen::forms", "Abbreviation")),
                     catalogues::kMaxAbbreviation),
             limited(
                 line("VietTatDang", QT_TRANSLATE_NOOP("sen::forms", "Party abbreviation, where different")),
                 catalogues::kMaxAbbreviation),
             limited(line("MaDinhDanh", QT_TRANSLATE_NOOP("sen::forms", "Identifier code")),
                     catalogues::kMaxCode),
             limited(number("ThuTu", QT_TRANSLATE_NOOP("sen::forms", "Order")), 4),
             choice("NgungDung", QT_TRANSLATE_NOOP("sen::forms", "No longer offered"),
                    words({u"Không", u"Có"})),
             multiLine("GhiChu", QT_TRANSLATE_NOOP("sen::forms", "Notes"), false, false),
         }});
    return form;
}

// A day of the office's working calendar (docs/workdays.md): a holiday the Government
// moved, an extra day off, a make-up Saturday. Designers and Managers write them.
FormDefinition workingDay()
{
    FormDefinition form{QStringLiteral("LichNghi"),
                        QT_TRANSLATE_NOOP("sen::forms", "Day off or make-up working day"),
                        DatabaseKind::Documents,
                        false,
                        false,
                        {QStringLiteral("Ngay"), QStringLiteral("Ten")},
                        {}};
    form.sections.push_back({QT_TRANSLATE_NOOP("sen::forms", "Working calendar"),
                             {
                                 date("Ngay", QT_TRANSLATE_NOOP("sen::forms", "Date"), true),
                                 choice("Loai", QT_TRANSLATE_NOOP("sen::forms", "The day is"),
                                        words({u"Nghỉ", u"Làm việc"}), true),
                                 limited(line("Ten", QT_TRANSLATE_NOOP("sen::forms", "Reason")), 200),
                             }});
    return form;
}

FormDefinition calendarEntry()
{
    FormDefinition form{QStringLiteral("LichCongTac"),
                        QT_TRANSLATE_NOOP("sen::forms", "Work schedule entry"),
                        DatabaseKind::Calendar,
                        false,
                        true,
                        {QStringLiteral("Ngay"), QStringLiteral("Buoi"), QStringLiteral("NoiDung")},
                        {}};
    form.sections.push_back(
        {QT_TRANSLATE_NOOP("sen::forms", "When"),
         {
             date("Ngay", QT_TRANSLATE_NOOP("sen::forms", "Date"), true),
             choice("Buoi", QT_TRANSLATE_NOOP("sen::forms", "Session"), FormCatalog::sessionChoices(), true),
             {QStringLiteral("Gio"),
              QT_TRANSLATE_NOOP("sen::forms", "Time"),
              ItemType::Text,
              EditorHint::Time,
              false,
              true,
              {}},
         }});
    form.sections.push_back({QT_TRANSLATE_NOOP("sen::forms", "Activity"),
                             {
                                 multiLine("NoiDung", QT_TRANSLATE_NOOP("sen::forms", "Content"), true),
                                 line("ChuTri", QT_TRANSLATE_NOOP("sen::forms", "Presiding")),
                                 lines("ThanhPhan", QT_TRANSLATE_NOOP("sen::forms", "Participants")),
                                 line("DiaDiem", QT_TRANSLATE_NOOP("sen::forms", "Place")),
                                 picked("DonViChuanBi", QT_TRANSLATE_NOOP("sen::forms", "Preparing unit"),
                                        catalogues::Catalogue::Unit),
                                 multiLine("GhiChu", QT_TRANSLATE_NOOP("sen::forms", "Notes"), false, false),
                             }});
    return form;
}

FormDefinition article()
{
    FormDefinition form{QStringLiteral("TinTuc"),
                        QT_TRANSLATE_NOOP("sen::forms", "News article"),
                        DatabaseKind::News,
                        false,
                        true,
                        {QStringLiteral("TieuDe")},
                        {}};
    form.sections.push_back({QT_TRANSLATE_NOOP("sen::forms", "Article"),
                             {
                                 line("TieuDe", QT_TRANSLATE_NOOP("sen::forms", "Title"), true),
                                 multiLine("TomTat", QT_TRANSLATE_NOOP("sen::forms", "Summary")),
                                 picked("ChuyenMuc", QT_TRANSLATE_NOOP("sen::forms", "Category"),
                                        catalogues::Catalogue::NewsCategory),
                                 {QStringLiteral("NgayDang"),
                                  QT_TRANSLATE_NOOP("sen::forms", "Published"),
                                  ItemType::DateTime,
                                  EditorHint::DateTime,
                                  false,
                                  true,
                                  {}},
                                 line("TacGia", QT_TRANSLATE_NOOP("sen::forms", "Author")),
                             }});
    form.sections.push_back({QT_TRANSLATE_NOOP("sen::forms", "Body"),
                             {richText("NoiDung", QT_TRANSLATE_NOOP("sen::forms", "Body"))}});
    return form;
}

} // namespace

const std::vector<FormDefinition>& FormCatalog::all()
{
    static const std::vector<FormDefinition> kForms{
        // Each database's own forms first: a new document of its kind is its first main form.
        incoming(),   outgoing(false), outgoing(true), dossier(),        registerBook(),
        workingDay(), calendarEntry(), article(),      catalogueEntry(), comment(),
        assignment(), presentation(),  report()};
    return kForms;
}

const FormDefinition* FormCatalog::find(const QString& form)
{
    for (const FormDefinition& f : all()) {
        if (f.name == form)
            return &f;
    }
    return nullptr;
}

std::vector<const FormDefinition*> FormCatalog::mainForms(DatabaseKind kind)
{
    std::vector<const FormDefinition*> forms;
    for (const FormDefinition& f : all()) {
        if ((f.kind == kind || f.everyKind) && !f.response)
            forms.push_back(&f);
    }
    return forms;
}

std::vector<const FormDefinition*> FormCatalog::responseForms(DatabaseKind kind)
{
    std::vector<const FormDefinition*> forms;
    for (const FormDefinition& f : all()) {
        if (f.kind == kind && f.response)
            forms.push_back(&f);
    }
    return forms;
}

const QStringList& FormCatalog::urgencyChoices()
{
    static const QStringList kValues = words({u"Thường", u"Khẩn", u"Thượng khẩn", u"Hỏa tốc"});
    return kValues;
}

const QStringList& FormCatalog::secrecyChoices()
{
    static const QStringList kValues = words({u"Thường", u"Mật", u"Tối mật", u"Tuyệt mật"});
    return kValues;
}

const QStringList& FormCatalog::languages()
{
    static const QStringList kValues = words({u"Tiếng Việt", u"Tiếng Anh", u"Tiếng Pháp", u"Tiếng Trung",
                                              u"Tiếng Nga", u"Tiếng Lào", u"Tiếng Khmer"});
    return kValues;
}

const QStringList& FormCatalog::sessionChoices()
{
    static const QStringList kValues = words({u"Sáng", u"Chiều"});
    return kValues;
}

} // namespace sen::forms
