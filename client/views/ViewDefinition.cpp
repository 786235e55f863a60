#include "client/views/ViewDefinition.h"

#include "client/forms/Registration.h"
#include "common/acl/NameMatch.h"
#include "common/crypto/Sha256.h"
#include "common/model/Document.h"

#include <QCoreApplication>

namespace sen::views {

QString ViewDefinition::translatedTitle() const
{
    return title ? QCoreApplication::translate("sen::views", title) : QString();
}

bool ViewDefinition::selects(const Document& doc, const QString& userName) const
{
    return selectsForKey(doc, userName.isEmpty() ? QString() : acl::nameKey(userName));
}

bool ViewDefinition::selectsForKey(const Document& doc, const QString& userKey) const
{
    return selectsForKey(doc, userKey, [&] { return forms::duplicateCategory(doc); });
}

bool ViewDefinition::selectsForKey(const Document& doc, const QString& userKey,
                                   const std::function<QString()>& duplicateKey) const
{
    if (!forms.isEmpty() && !forms.contains(doc.form))
        return false;
    if (sharedCategoriesOnly && duplicateKey().isEmpty())
        return false;
    if (assignedItem.isEmpty())
        return true;
    if (userKey.isEmpty())
        return false;
    const Item* item = doc.item(assignedItem);
    if (!item)
        return false;
    const QStringList names = item->toList();
    for (const QString& name : names) {
        if (acl::nameKey(name) == userKey) // acl::namesEqual
            return true;
    }
    return false;
}

QByteArray ViewDefinition::indexHash(const QString& userName) const
{
    // A line per fact, fields separated by U+001F: unambiguous, and stable across builds.
    QString text = QStringLiteral("sen-view-1\n") + id + u'\n' + forms.join(QChar(0x1f)) + u'\n' +
                   (showResponses ? u'1' : u'0') + u'\n' + assignedItem + u'\n';
    // "-2": such a view keeps only its category index (ViewIndex::createIndexes), and its
    // $DuplicateKey category stores the key alone (ViewRowBuilder); a cache made before
    // builds this view again, once. "-3": a registration with an edXML DocumentId is under
    // that ID (forms::duplicateCategory).
    if (sharedCategoriesOnly)
        text += QStringLiteral("shared-categories-3\n");
    if (!assignedItem.isEmpty())
        text += acl::nameKey(userName) + u'\n';
    for (const ViewColumn& c : columns) {
        text += c.id + QChar(0x1f) + c.item + QChar(0x1f) + QString::number(static_cast<int>(c.kind)) +
                QChar(0x1f) + (c.categorised ? u'1' : u'0') + QChar(0x1f) +
                QString::number(static_cast<int>(c.bucket)) + QChar(0x1f) + (c.sortable ? u'1' : u'0') +
                u'\n';
    }
    return crypto::Sha256::hash(text.toUtf8()).toBytes();
}

int ViewDefinition::shownColumns() const
{
    int shown = 0;
    for (const ViewColumn& c : columns)
        shown += c.marker ? 0 : 1;
    return shown;
}

int ViewDefinition::markerColumn(const QString& item) const
{
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i].marker && columns[i].item == item)
            return static_cast<int>(i);
    return -1;
}

} // namespace sen::views
