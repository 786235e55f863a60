#include "common/model/InlineImages.h"

#include <QRegularExpression>
#include <QUrl>

namespace sen {

QStringList inlineImageNames(const QString& html)
{
    static const QRegularExpression kImage(QStringLiteral("<img[^>]*\\bsrc=\"attachment:([^\"]+)\""),
                                           QRegularExpression::CaseInsensitiveOption);
    QStringList names;
    for (auto it = kImage.globalMatch(html); it.hasNext();) {
        const QString name = QUrl::fromPercentEncoding(it.next().captured(1).toUtf8());
        if (!names.contains(name))
            names << name;
    }
    return names;
}

} // namespace sen
