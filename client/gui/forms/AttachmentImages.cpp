#include "client/gui/forms/AttachmentImages.h"

#include "client/app/DatabaseSession.h"
#include "common/model/InlineImages.h"

#include <QTextDocument>

namespace sen::gui {

namespace {
// Images larger than this are not decoded for display (a camera original belongs in the
// attachment list, not inline).
constexpr std::uint64_t kMaxInlineImage = 32u << 20;
const QString kScheme = QStringLiteral("attachment");
} // namespace

QVariant refusedResource(int type)
{
    if (type == QTextDocument::ImageResource) {
        static const QImage kNothing = [] {
            QImage pixel(1, 1, QImage::Format_ARGB32);
            pixel.fill(Qt::transparent);
            return pixel;
        }();
        return kNothing;
    }
    return QVariant(QString());
}

QUrl attachmentImageUrl(const QString& name)
{
    QUrl url;
    url.setScheme(kScheme);
    url.setPath(name);
    return url;
}

QString attachmentNameOf(const QUrl& url)
{
    return url.scheme() == kScheme ? url.path() : QString();
}

QStringList attachmentImageNames(const QString& html)
{
    return sen::inlineImageNames(html);
}

std::optional<QImage> readAttachmentImage(const app::DatabaseSession& session, const AttachmentRef& ref)
{
    if (ref.size > kMaxInlineImage)
        return std::nullopt;
    Result<QByteArray> bytes = session.readAttachment(ref);
    QImage image;
    if (!bytes || !image.loadFromData(*bytes))
        return std::nullopt;
    return image;
}

} // namespace sen::gui
