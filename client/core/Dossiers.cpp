#include "client/core/Dossiers.h"

#include <algorithm>

namespace sen::client {

const QString Dossiers::kForm = QStringLiteral("HoSo");
const QString Dossiers::kMemberPrefix = QStringLiteral("$Member:");

namespace {

Result<Document> liveDossier(const ReplicaStore& store, const Unid& dossier)
{
    auto doc = store.get(dossier);
    if (!doc || doc->isDeleted())
        return Status(ErrorCode::NotFound, QStringLiteral("the dossier is no longer in this database"));
    if (doc->form != Dossiers::kForm)
        return Status(ErrorCode::InvalidArgument, QStringLiteral("that document is not a dossier"));
    return doc;
}

} // namespace

Status Dossiers::file(ReplicaStore& store, const Unid& dossier, const Unid& document)
{
    SEN_ASSIGN_OR_RETURN(const Document folder, liveDossier(store, dossier));
    const auto filed = store.get(document);
    if (!filed || filed->isDeleted())
        return Status(ErrorCode::NotFound, QStringLiteral("the document is no longer in this database"));
    if (filed->form == kForm)
        return Status(ErrorCode::InvalidArgument, QStringLiteral("a dossier cannot be filed in a dossier"));
    if (folder.item(memberItem(document)))
        return {};
    return store
        .save(DocumentEdit::update(dossier).set(
            Item::dateTime(memberItem(document), QDateTime::currentDateTimeUtc())))
        .status();
}

Status Dossiers::unfile(ReplicaStore& store, const Unid& dossier, const Unid& document)
{
    SEN_ASSIGN_OR_RETURN(const Document folder, liveDossier(store, dossier));
    if (!folder.item(memberItem(document)))
        return {};
    return store.save(DocumentEdit::update(dossier).remove(memberItem(document))).status();
}

Result<std::vector<Dossiers::Member>> Dossiers::members(const ReplicaStore& store, const Unid& dossier)
{
    SEN_ASSIGN_OR_RETURN(const Document folder, liveDossier(store, dossier));
    std::vector<Member> out;
    for (const Item& item : folder.items) {
        if (item.isTombstone() || !item.name.startsWith(kMemberPrefix))
            continue;
        const auto unid = Unid::fromHex(QStringView(item.name).mid(kMemberPrefix.size()));
        if (!unid)
            continue; // not one of ours: left as it is
        const auto doc = store.get(*unid);
        if (!doc || doc->isDeleted())
            continue; // deleted since it was filed
        out.push_back({*unid, item.toDateTime()});
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const Member& a, const Member& b) { return a.filed < b.filed; });
    return out;
}

} // namespace sen::client
