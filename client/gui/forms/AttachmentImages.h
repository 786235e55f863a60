#pragma once

// Images in rich text are attachments of the same document, so they replicate with it: the
// HTML says <img src="attachment:NAME">, and the text widgets showing it resolve that URL
// (QTextEdit::loadResource) by reading the attachment through the database's session. An
// image whose chunks this replica lacks (summary-only) is not resolved and shows as missing.
//
// GUI thread (QImage).

#include "common/model/AttachmentRef.h"

#include <QImage>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QVariant>

#include <optional>

namespace sen::app {
class DatabaseSession;
}

namespace sen::gui {

// "attachment:NAME"
QUrl attachmentImageUrl(const QString& name);
// What a text widget returns for any resource other than its document's own attachments
// (a file: URL, an absolute or relative path, /dev/zero, http:, a style sheet, ...): for an
// image a transparent pixel, for anything else an empty value that is not null. Qt reads the
// file itself when the widget returns nothing (QTextDocument::loadResource after a null
// variant, the image handler after a null image). Rich text arrives from other users; it
// gets no access to this computer's files or the network.
QVariant refusedResource(int type);
// NAME of an "attachment:NAME" URL, or empty for any other URL.
QString attachmentNameOf(const QUrl& url);
// The attachment names the HTML's <img> elements refer to, in order, each once.
QStringList attachmentImageNames(const QString& html);
// The attachment decoded as an image; nullopt when it is too large to show inline, not
// stored here, or not an image.
std::optional<QImage> readAttachmentImage(const app::DatabaseSession& session, const AttachmentRef& ref);

} // namespace sen::gui
