#pragma once

// A news article as plain text (docs/news-reader.md): what `senctl news read` prints — the
// title, a line of date (dd/MM/yyyy HH:mm, local time), category and author, the summary,
// the body as paragraphs of plain text (its images as "[Image: NAME]") and the attachments.
// Pure functions, GUI-free (no QTextDocument: the rich text is taken apart here).

#include "client/app/NewsReader.h"

#include <QString>

namespace sen::app {

// "dd/MM/yyyy HH:mm" of `published` in local time; "Draft" (tr) when invalid.
QString articleDateText(const QDateTime& published);
// The paragraphs of rich text `html` as plain text, separated by blank lines; each image
// (<img src="attachment:NAME">) as "[Image: NAME]", list items begun with "• ".
QString articleBodyText(const QString& html);
// The whole article as text, ending with a newline.
QString articleText(const NewsItem& item);

} // namespace sen::app
