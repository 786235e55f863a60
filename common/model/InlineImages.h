#pragma once

// Images in rich text are attachments of the same document, so they replicate with it: the
// HTML says <img src="attachment:NAME">. Every reader of rich text — the client's text widgets,
// the news article, the server's intranet site — finds them with this one function.

#include <QString>
#include <QStringList>

namespace sen {

// The attachment names the HTML's <img src="attachment:NAME"> elements refer to, in order,
// each once (NAME percent-decoded).
QStringList inlineImageNames(const QString& html);

} // namespace sen
