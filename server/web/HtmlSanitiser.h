#pragma once

// The one gate between an article's stored rich text and a browser (docs/web.md §Sanitiser):
// the body is parsed with libxml2's HTML parser (the same error recovery a browser applies,
// not regular expressions) and written back keeping only an allow-list.
//
// Kept elements: p br b i u strong em span div h1-h6 ul ol li blockquote table thead tbody
// tfoot tr th td caption, a (href http:, https: or mailto: only; written with
// rel="noopener noreferrer"), img (src "attachment:NAME" only, rewritten by `imageUrl`; alt
// kept). Kept attributes: the few above and colspan/rowspan on cells; nothing else — no
// style, class, id or on* attribute. Dropped with their whole content: script, style,
// iframe, object, embed, form and its controls, svg, math, template, noscript, head, title.
// Any other element is unwrapped (its text kept, escaped). Every text and attribute value is
// written HTML-escaped. Thread-safe (no shared state; libxml2 parses into a per-call tree).

#include <QString>

#include <functional>

namespace sen::server::web {

// `imageUrl(name)`: the URL an <img src="attachment:NAME"> is shown from, NAME percent-
// decoded; an empty result drops the image. Called only for plain file names.
QString sanitiseHtml(const QString& html, const std::function<QString(const QString& name)>& imageUrl);

} // namespace sen::server::web
