#include "client/forms/ComputedAccess.h"

#include "client/forms/FormValidation.h"
#include "common/acl/NameMatch.h"

namespace sen::forms {

namespace {

// The items whose names may edit a document of `form`, the maker first; empty for a form
// whose editors are not computed.
QStringList sourcesOf(const QString& form)
{
    if (form == u"PhieuXuLy")
        return {QLatin1String(kItemMaker), QStringLiteral("NguoiGiao"), QStringLiteral("NguoiXuLy"),
                QStringLiteral("NguoiPhoiHop")};
    if (form == u"YKien")
        return {QLatin1String(kItemMaker), QStringLiteral("NguoiGopY")};
    return {};
}

QStringList namesIn(const Document& doc, const QStringList& items)
{
    QStringList names;
    for (const QString& name : items) {
        const Item* item = doc.item(name);
        if (!item || item->isTombstone())
            continue;
        const QStringList values = item->type == ItemType::Text ? item->toText().split(u';') : item->toList();
        for (const QString& value : values) {
            const QString trimmed = value.trimmed();
            if (acl::isAccessName(trimmed) && !names.contains(trimmed))
                names << trimmed;
        }
    }
    return names;
}

} // namespace

void completeEditors(const Document& base, DocumentEdit& edit, const QString& userName)
{
    const QString form = edit.isCreate() ? edit.form() : base.form;
    const QStringList sources = sourcesOf(form);
    if (sources.isEmpty())
        return;
    if (edit.isCreate() && acl::isAccessName(userName))
        edit.set(Item::names(QLatin1String(kItemMaker), ItemType::Names, {userName}));
    const Document after = applyEdit(base, edit);
    const QStringList editors = namesIn(after, sources);
    const Item* current = after.item(QLatin1String(kItemEditors));
    const QStringList now = current && !current->isTombstone() ? current->toList() : QStringList();
    if (QSet<QString>(editors.begin(), editors.end()) == QSet<QString>(now.begin(), now.end()))
        return;
    if (editors.isEmpty())
        edit.remove(QLatin1String(kItemEditors));
    else
        edit.set(Item::names(QLatin1String(kItemEditors), ItemType::Authors, editors));
}

} // namespace sen::forms
