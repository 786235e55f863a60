#include "common/catalogues/Catalogues.h"

#include "common/fts/SenTokenizer.h"

#include <algorithm>
#include <set>

namespace sen::catalogues {

namespace {

Status invalid(const QString& what)
{
    return Status(ErrorCode::InvalidArgument, what);
}

// "Loại văn bản" and "LoaiVanBan" both fold to "loaivanban".
QString foldCode(const QString& text)
{
    QString folded = fts::foldForSearch(text).toLower();
    folded.remove(u' ');
    return folded;
}

bool isYes(const Item* item)
{
    if (!item || item->isTombstone())
        return false;
    if (item->type == ItemType::Number)
        return item->toNumber() != 0;
    const QString word = foldCode(item->toText());
    return word == u"1" || word == u"co";
}

Status checkLength(const Document& doc, const char* item, int max)
{
    const QString value = doc.text(QLatin1String(item)).trimmed();
    if (value.size() > max)
        return invalid(QStringLiteral("catalogue entry %1: %2 is longer than %3 characters")
                           .arg(doc.unid.toHex(), QLatin1String(item))
                           .arg(max));
    return Status::ok();
}

} // namespace

const std::vector<Catalogue>& allCatalogues()
{
    static const std::vector<Catalogue> kAll{Catalogue::DocumentType, Catalogue::CopyType,
                                             Catalogue::IssuingBody, Catalogue::Unit,
                                             Catalogue::NewsCategory};
    return kAll;
}

QString catalogueCode(Catalogue catalogue)
{
    switch (catalogue) {
    case Catalogue::DocumentType:
        return QStringLiteral("LoaiVanBan");
    case Catalogue::CopyType:
        return QStringLiteral("LoaiBanSao");
    case Catalogue::IssuingBody:
        return QStringLiteral("CoQuanBanHanh");
    case Catalogue::Unit:
        return QStringLiteral("DonVi");
    case Catalogue::NewsCategory:
        return QStringLiteral("ChuyenMuc");
    }
    return {};
}

QString catalogueWord(Catalogue catalogue)
{
    switch (catalogue) {
    case Catalogue::DocumentType:
        return QStringLiteral("Loại văn bản");
    case Catalogue::CopyType:
        return QStringLiteral("Loại bản sao");
    case Catalogue::IssuingBody:
        return QStringLiteral("Cơ quan ban hành");
    case Catalogue::Unit:
        return QStringLiteral("Đơn vị");
    case Catalogue::NewsCategory:
        return QStringLiteral("Chuyên mục tin");
    }
    return {};
}

std::optional<Catalogue> catalogueFromText(const QString& text)
{
    const QString folded = foldCode(text);
    if (folded.isEmpty())
        return std::nullopt;
    for (Catalogue c : allCatalogues())
        if (folded == foldCode(catalogueCode(c)) || folded == foldCode(catalogueWord(c)))
            return c;
    return std::nullopt;
}

QString Entry::abbreviationFor(bool partyStyle) const
{
    return partyStyle && !partyAbbreviation.isEmpty() ? partyAbbreviation : abbreviation;
}

QString foldName(const QString& name)
{
    return fts::foldForSearch(name).toLower().simplified();
}

Result<Entry> entryFromDocument(const Document& doc)
{
    if (doc.form != QLatin1String(kEntryForm) || doc.isDeleted())
        return invalid(QStringLiteral("document %1 is not a catalogue entry").arg(doc.unid.toHex()));
    Entry entry;
    entry.unid = doc.unid;
    const auto catalogue = catalogueFromText(doc.text(QLatin1String(kItemCatalogue)));
    if (!catalogue)
        return invalid(QStringLiteral("catalogue entry %1 names no known catalogue (LoaiDanhMuc: LoaiVanBan, "
                                      "LoaiBanSao, CoQuanBanHanh, DonVi or ChuyenMuc)")
                           .arg(doc.unid.toHex()));
    entry.catalogue = *catalogue;
    entry.name = doc.text(QLatin1String(kItemName)).simplified();
    if (entry.name.isEmpty())
        return invalid(QStringLiteral("catalogue entry %1 has no name (Ten)").arg(doc.unid.toHex()));
    SEN_TRY(checkLength(doc, kItemName, kMaxName));
    SEN_TRY(checkLength(doc, kItemAbbreviation, kMaxAbbreviation));
    SEN_TRY(checkLength(doc, kItemPartyAbbreviation, kMaxAbbreviation));
    SEN_TRY(checkLength(doc, kItemCode, kMaxCode));
    entry.abbreviation = doc.text(QLatin1String(kItemAbbreviation)).trimmed();
    entry.partyAbbreviation = doc.text(QLatin1String(kItemPartyAbbreviation)).trimmed();
    entry.code = doc.text(QLatin1String(kItemCode)).trimmed();
    if (const Item* order = doc.item(QLatin1String(kItemOrder)); order && order->type == ItemType::Number)
        entry.order = order->toNumber();
    entry.retired = isYes(doc.item(QLatin1String(kItemRetired)));
    return entry;
}

std::vector<Entry> entriesFrom(const std::vector<Document>& docs, std::optional<Catalogue> catalogue)
{
    std::vector<std::pair<QString, Entry>> keyed;
    for (const Document& doc : docs) {
        Result<Entry> entry = entryFromDocument(doc);
        if (!entry.isOk() || (catalogue && entry->catalogue != *catalogue))
            continue;
        keyed.emplace_back(foldName(entry->name), std::move(*entry));
    }
    std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) {
        if (a.second.catalogue != b.second.catalogue)
            return a.second.catalogue < b.second.catalogue;
        if (a.second.order != b.second.order)
            return a.second.order < b.second.order;
        if (a.first != b.first)
            return a.first < b.first;
        return a.second.unid.toHex() < b.second.unid.toHex(); // the same on every replica
    });
    std::vector<Entry> out;
    std::set<std::pair<Catalogue, QString>> seen;
    for (auto& [folded, entry] : keyed)
        if (seen.insert({entry.catalogue, folded}).second)
            out.push_back(std::move(entry));
    return out;
}

const Entry* findByName(const std::vector<Entry>& entries, const QString& name)
{
    const QString folded = foldName(name);
    if (folded.isEmpty())
        return nullptr;
    const auto it = std::find_if(entries.begin(), entries.end(),
                                 [&](const Entry& e) { return foldName(e.name) == folded; });
    return it == entries.end() ? nullptr : &*it;
}

Status checkPushedEntry(const std::optional<Document>& stored, const Document& incoming, bool mayEdit)
{
    const bool wasEntry = stored && !stored->isDeleted() && stored->form == QLatin1String(kEntryForm);
    const bool isEntry = !incoming.isDeleted() && incoming.form == QLatin1String(kEntryForm);
    if (!wasEntry && !isEntry)
        return Status::ok();
    if (!mayEdit)
        return Status(
            ErrorCode::PermissionDenied,
            QStringLiteral("only a Designer or Manager of the database may create, change or delete a "
                           "catalogue entry"));
    if (!isEntry)
        return Status::ok();
    return entryFromDocument(incoming).status();
}

} // namespace sen::catalogues
