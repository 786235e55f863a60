#include "common/catalogues/DefaultCatalogues.h"

#include "common/catalogues/Catalogues.h"
#include "common/store/ReplicaStore.h"

namespace sen::catalogues {

namespace {

struct Seed
{
    Catalogue catalogue;
    const char* name;         // UTF-8, as documents store it
    const char* abbreviation; // Phụ lục III (state style); "" for none
    const char* party;        // HD 36 (party style) where it differs; "" for the same
};

// ND 30 Phụ lục III in its order (27 types and công văn), then the party's own types of
// 66-QĐ/TW; abbreviations the references give (docs/catalogues.md lists the sources), left
// empty where none is settled. Copy types last.
const Seed kDocumentSeeds[] = {
    {Catalogue::DocumentType, "Nghị quyết", "NQ", ""},
    {Catalogue::DocumentType, "Quyết định", "QĐ", ""},
    {Catalogue::DocumentType, "Chỉ thị", "CT", ""},
    {Catalogue::DocumentType, "Quy chế", "QC", ""},
    {Catalogue::DocumentType, "Quy định", "QyĐ", "QĐi"},
    {Catalogue::DocumentType, "Thông cáo", "TC", ""},
    {Catalogue::DocumentType, "Thông báo", "TB", ""},
    {Catalogue::DocumentType, "Hướng dẫn", "HD", ""},
    {Catalogue::DocumentType, "Chương trình", "CTr", ""},
    {Catalogue::DocumentType, "Kế hoạch", "KH", ""},
    {Catalogue::DocumentType, "Phương án", "PA", ""},
    {Catalogue::DocumentType, "Đề án", "ĐA", ""},
    {Catalogue::DocumentType, "Dự án", "DA", ""},
    {Catalogue::DocumentType, "Báo cáo", "BC", ""},
    {Catalogue::DocumentType, "Biên bản", "BB", ""},
    {Catalogue::DocumentType, "Tờ trình", "TTr", ""},
    {Catalogue::DocumentType, "Hợp đồng", "HĐ", ""},
    {Catalogue::DocumentType, "Công điện", "CĐ", ""},
    {Catalogue::DocumentType, "Bản ghi nhớ", "BGN", ""},
    {Catalogue::DocumentType, "Bản thỏa thuận", "BTT", ""},
    {Catalogue::DocumentType, "Giấy ủy quyền", "GUQ", ""},
    {Catalogue::DocumentType, "Giấy mời", "GM", ""},
    {Catalogue::DocumentType, "Giấy giới thiệu", "GGT", ""},
    {Catalogue::DocumentType, "Giấy nghỉ phép", "GNP", ""},
    {Catalogue::DocumentType, "Phiếu gửi", "PG", ""},
    {Catalogue::DocumentType, "Phiếu chuyển", "PC", ""},
    {Catalogue::DocumentType, "Phiếu báo", "PB", ""},
    // A state công văn's ký hiệu names the issuer and the drafting unit, not the type.
    {Catalogue::DocumentType, "Công văn", "", "CV"},
    {Catalogue::DocumentType, "Kết luận", "", "KL"},
    {Catalogue::DocumentType, "Thông tri", "", "TT"},
    {Catalogue::DocumentType, "Cương lĩnh chính trị", "", ""},
    {Catalogue::DocumentType, "Điều lệ Đảng", "", ""},
    {Catalogue::DocumentType, "Chiến lược", "", ""},
    {Catalogue::DocumentType, "Tuyên bố", "", ""},
    {Catalogue::DocumentType, "Lời kêu gọi", "", ""},
    {Catalogue::DocumentType, "Quy hoạch", "", ""},
    {Catalogue::CopyType, "Bản sao y", "SY", "BS"},
    {Catalogue::CopyType, "Bản trích sao", "TrS", "BS"},
    {Catalogue::CopyType, "Bản sao lục", "SL", "BS"},
};

const Seed kNewsSeeds[] = {
    {Catalogue::NewsCategory, "Hoạt động của cấp ủy", "", ""},
    {Catalogue::NewsCategory, "Xây dựng Đảng", "", ""},
    {Catalogue::NewsCategory, "Chuyển đổi số", "", ""},
    {Catalogue::NewsCategory, "Công tác tài chính Đảng", "", ""},
    {Catalogue::NewsCategory, "Thông tin chung", "", ""},
};

template <size_t N>
Result<int> addMissing(ReplicaStore& store, const Seed (&seeds)[N])
{
    SEN_ASSIGN_OR_RETURN(const std::vector<Document> docs, store.documentsOfForm(QLatin1String(kEntryForm)));
    const std::vector<Entry> existing = entriesFrom(docs);
    int added = 0;
    SEN_TRY(store.batch([&]() -> Status {
        int order = 0;
        for (const Seed& seed : seeds) {
            ++order;
            const QString name = QString::fromUtf8(seed.name);
            const bool present = std::any_of(existing.begin(), existing.end(), [&](const Entry& e) {
                return e.catalogue == seed.catalogue && foldName(e.name) == foldName(name);
            });
            if (present)
                continue;
            DocumentEdit edit = DocumentEdit::create(QLatin1String(kEntryForm));
            edit.set(Item::text(QLatin1String(kItemCatalogue), catalogueWord(seed.catalogue)))
                .set(Item::text(QLatin1String(kItemName), name))
                .set(Item::number(QLatin1String(kItemOrder), order));
            if (*seed.abbreviation)
                edit.set(Item::text(QLatin1String(kItemAbbreviation), QString::fromUtf8(seed.abbreviation)));
            if (*seed.party)
                edit.set(Item::text(QLatin1String(kItemPartyAbbreviation), QString::fromUtf8(seed.party)));
            SEN_TRY(store.save(edit).status());
            ++added;
        }
        return Status::ok();
    }));
    return added;
}

} // namespace

Result<int> addDefaultEntries(ReplicaStore& store, DatabaseKind kind)
{
    switch (kind) {
    case DatabaseKind::Documents:
        return addMissing(store, kDocumentSeeds);
    case DatabaseKind::News:
        return addMissing(store, kNewsSeeds);
    case DatabaseKind::Calendar:
        return 0;
    }
    return 0;
}

} // namespace sen::catalogues
