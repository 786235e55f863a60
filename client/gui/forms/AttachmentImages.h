#pragma once

// Images in rich text are attachments of the same document, so they replicate with it: the
// HTML says <img src="attachment:NAME">, and the text widgets showing it resolve that URL
// (QTextEdit::loadResource) by reading the attachment from the replica's chunk store. An
// image whose chunks this replica lacks (summary-only) is not resolved and shows as missing.
//
// GUI thread (QImage).

#include "model/AttachmentRef.h"

#include <QImage>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace sen {
class AttachmentStore;
}

namespace sen::gui {

// "attachment:NAME"
QUrl attachmentImageUrl(const QString& name);
// NAME of an "attachment:NAME" URL, or empty for any other URL.
QString attachmentNameOf(const QUrl& url);
// The attachment names the HTML's <img> elements refer to, in order, each once.
QStringList attachmentImageNames(const QString& html);
// The attachment decoded as an image; nullopt when it is too large to show inline, not
// stored here, or not an image.
std::optional<QImage> readAttachmentImage(const AttachmentStore& store, const AttachmentRef& ref);

} // namespace sen::gui
