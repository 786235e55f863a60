#include "client/gui/forms/DocumentPreview.h"

#include "client/app/DatabaseSession.h"
#include "client/core/DocumentJson.h"
#include "client/core/ItemSpec.h"
#include "client/forms/FormCatalog.h"
#include "client/forms/FormValidation.h"
#include "client/forms/Numbering.h"
#include "client/gui/forms/AttachmentImages.h"
#include "common/acl/SecrecyRule.h"
#include "common/model/AttachmentName.h"
#include "common/registers/Registers.h"

#include <QLocale>
#include <QRegularExpression>
#include <QUrl>

namespace sen::gui {

namespace {

// The body of a rich-text item's HTML (QTextEdit writes a whole document with a <head>).
QString bodyOf(const QString& html)
{
    static const QRegularExpression kBody(QStringLiteral("<body[^>]*>(.*)</body>"),
                                          QRegularExpression::DotMatchesEverythingOption |
                                              QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = kBody.match(html);
    return match.hasMatch() ? match.captured(1) : html;
}

QString row(const QString& label, const QString& valueHtml)
{
    return QStringLiteral(
               "<tr><td style=\"color:#555; padding-right:12px; white-space:nowrap;\" valign=\"top\">%1"
               "</td><td>%2</td></tr>")
        .arg(label.toHtmlEscaped(), valueHtml);
}

QString plain(const QString& text)
{
    return text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

} // namespace

DocumentPreview::DocumentPreview(QWidget* parent) : QTextBrowser(parent)
{
    setObjectName(QStringLiteral("documentPreview"));
    setOpenLinks(false);
}

void DocumentPreview::clear()
{
    m_images.clear();
    m_html.clear();
    QTextBrowser::clear();
}

QString DocumentPreview::numberRows(const app::DatabaseSession& session, const Document& doc,
                                    const forms::FieldDefinition& field, QStringList& shownItems) const
{
    // A registration's number (or that it awaits one) and the register that gives it
    // (docs/registers.md §Numbering).
    shownItems << field.item << QLatin1String(registers::kItemRegister)
               << QLatin1String(registers::kItemRequested);
    QString rows;
    const QString number = forms::fieldText(field, doc);
    if (!number.isEmpty())
        rows += row(field.displayLabel(), plain(number));
    else if (const Item* asked = doc.item(QLatin1String(registers::kItemRequested)))
        rows += row(field.displayLabel(),
                    plain(tr("awaiting number (asked for %1)").arg(qint64(asked->toNumber()))));
    else if (forms::isAwaitingNumber(doc))
        rows += row(field.displayLabel(), plain(tr("awaiting number")));
    const QString named = doc.text(QLatin1String(registers::kItemRegister)).trimmed();
    if (!named.isEmpty()) {
        QString name = named;
        if (const auto books = session.registers()) {
            for (const registers::Register& book : *books)
                if (book.unid.toHex() == named.toLower())
                    name = book.name;
        }
        rows += row(tr("Register"), plain(name));
    }
    return rows;
}

QString DocumentPreview::attachmentList(const app::DatabaseSession& session, const Document& doc,
                                        bool links) const
{
    QString files;
    for (const Item& item : doc.items) {
        if (item.isTombstone() || !client::isAttachmentItem(item))
            continue;
        Result<AttachmentRef> ref = AttachmentRef::fromCbor(item.value);
        if (!ref)
            continue;
        const bool present = session.holdsAttachment(*ref);
        QString name = plainFileName(ref->fileName).toHtmlEscaped();
        if (links && present) {
            QUrl url;
            url.setScheme(QStringLiteral("attachment"));
            url.setPath(item.name.mid(client::attachmentItemName(QString()).size()));
            name = QStringLiteral("<a href=\"%1\">%2</a>")
                       .arg(url.toString(QUrl::FullyEncoded).toHtmlEscaped(), name);
        }
        files +=
            QStringLiteral("<li>%1 (%2)%3</li>")
                .arg(name, QLocale().formattedDataSize(static_cast<qint64>(ref->size)).toHtmlEscaped(),
                     present ? QString()
                             : QStringLiteral(" — <i>%1</i>").arg(tr("not downloaded yet").toHtmlEscaped()));
    }
    return files.isEmpty()
               ? QString()
               : QStringLiteral("<h3>%1</h3><ul>%2</ul>").arg(tr("Attachments").toHtmlEscaped(), files);
}

void DocumentPreview::loadImages(const app::DatabaseSession& session, const Document& doc,
                                 const QString& html)
{
    for (const QString& name : attachmentImageNames(html)) {
        const Item* item = doc.item(client::attachmentItemName(name));
        if (!item || item->type != ItemType::Attachment)
            continue;
        if (Result<AttachmentRef> ref = AttachmentRef::fromCbor(item->value)) {
            if (auto image = readAttachmentImage(session, *ref))
                m_images.insert(name, *image);
        }
    }
}

void DocumentPreview::showArticle(const app::DatabaseSession& session, const Document& doc,
                                  bool withAttachments)
{
    m_images.clear();
    // A newspaper's order: the section and date above the headline, the lead in bold, then
    // the body with its pictures, the author at the end of the byline.
    const QString category = doc.text(QStringLiteral("ChuyenMuc")).trimmed();
    const Item* published = doc.item(QStringLiteral("NgayDang"));
    const QString date = published ? QLocale().toString(published->toDateTime().toLocalTime(),
                                                        QStringLiteral("dd/MM/yyyy HH:mm"))
                                   : QString();
    QStringList byline;
    for (const QString& part : {category.toUpper(), date})
        if (!part.isEmpty())
            byline << part.toHtmlEscaped();
    QString html = QStringLiteral("<div style=\"margin: 12px 28px;\">");
    if (!byline.isEmpty())
        html += QStringLiteral("<p style=\"color:#a33; font-size:small; font-weight:600;\">%1</p>")
                    .arg(byline.join(QStringLiteral(" · ")));
    html += QStringLiteral("<h1 style=\"font-size:20pt; margin-bottom:4px;\">%1</h1>")
                .arg(doc.text(QStringLiteral("TieuDe")).toHtmlEscaped());
    if (const QString author = doc.text(QStringLiteral("TacGia")).trimmed(); !author.isEmpty())
        html += QStringLiteral("<p style=\"color:#555;\"><i>%1</i></p>")
                    .arg(tr("By %1").arg(author).toHtmlEscaped());
    if (const QString lead = doc.text(QStringLiteral("TomTat")).trimmed(); !lead.isEmpty())
        html +=
            QStringLiteral("<p style=\"font-size:11.5pt; color:#333; margin-top:10px; margin-bottom:12px;\">"
                           "<b>%1</b></p>")
                .arg(plain(lead));
    if (const Item* body = doc.item(QStringLiteral("NoiDung"))) {
        const QString text = body->toText();
        loadImages(session, doc, text);
        html += bodyOf(text);
    }
    if (withAttachments)
        html += attachmentList(session, doc, true);
    html += QStringLiteral("</div>");
    m_html = html;
    setHtml(html);
}

void DocumentPreview::show(const app::DatabaseSession& session, const Document& doc)
{
    m_images.clear();
    const forms::FormDefinition* form = forms::FormCatalog::find(doc.form);
    QString html;
    const QString title = form ? form->documentTitle(doc, 300) : client::documentSummary(doc);
    html += QStringLiteral("<h2>%1</h2>").arg(title.toHtmlEscaped());
    html += QStringLiteral("<p style=\"color:#666;\">%1</p>")
                .arg((form ? form->displayTitle() : doc.form).toHtmlEscaped());
    if (doc.isDeleted()) {
        html += QStringLiteral("<p>%1</p>").arg(tr("This document has been deleted.").toHtmlEscaped());
    }
    if (doc.isConflict()) {
        html += QStringLiteral("<p style=\"color:#7a1c14;\">%1</p>")
                    .arg(tr("Replication conflict: this version lost to a concurrent edit and is kept so "
                            "nothing is lost.")
                             .toHtmlEscaped());
    }
    const QString secrecy = forms::secrecyExplanation(acl::secrecyOf(doc));
    if (!secrecy.isEmpty())
        html += QStringLiteral("<p style=\"background:#fdecea; color:#7a1c14;\">%1</p>")
                    .arg(secrecy.toHtmlEscaped());

    auto findAttachment = [&](const QString& name) -> std::optional<AttachmentRef> {
        const Item* item = doc.item(client::attachmentItemName(name));
        if (!item || item->type != ItemType::Attachment)
            return std::nullopt;
        Result<AttachmentRef> ref = AttachmentRef::fromCbor(item->value);
        return ref ? std::optional<AttachmentRef>(*ref) : std::nullopt;
    };

    QStringList shownItems;
    QString bodies;
    if (form) {
        for (const forms::FormSection& section : form->sections) {
            QString rows;
            for (const forms::FieldDefinition& field : section.fields) {
                if (field.item == registers::numberItem(doc.form) && registers::directionOfForm(doc.form)) {
                    rows += numberRows(session, doc, field, shownItems);
                    continue;
                }
                const Item* item = doc.item(field.item);
                if (!item)
                    continue;
                shownItems << field.item;
                if (field.hint == forms::EditorHint::RichText) {
                    const QString body = item->toText();
                    for (const QString& name : attachmentImageNames(body)) {
                        if (const auto ref = findAttachment(name)) {
                            if (auto image = readAttachmentImage(session, *ref))
                                m_images.insert(name, *image);
                        }
                    }
                    bodies += QStringLiteral("<h3>%1</h3>%2")
                                  .arg(field.displayLabel().toHtmlEscaped(), bodyOf(body));
                    continue;
                }
                const QString text = forms::fieldText(field, doc);
                if (!text.isEmpty())
                    rows += row(field.displayLabel(), plain(text));
            }
            if (!rows.isEmpty())
                html += QStringLiteral("<h3>%1</h3><table>%2</table>")
                            .arg(section.displayTitle().toHtmlEscaped(), rows);
        }
    }
    // Items the form does not name (or every item, without a form), under their own names.
    QString others;
    for (const Item& item : doc.items) {
        if (item.isTombstone() || shownItems.contains(item.name) || client::isAttachmentItem(item) ||
            item.name.startsWith(QLatin1Char('$')))
            continue;
        others += row(item.name, item.type == ItemType::RichText ? bodyOf(item.toText())
                                                                 : plain(client::itemValueToText(item)));
    }
    if (!others.isEmpty())
        html +=
            QStringLiteral("<h3>%1</h3><table>%2</table>").arg(tr("Other fields").toHtmlEscaped(), others);
    html += bodies;

    html += attachmentList(session, doc, false);

    m_html = html;
    setHtml(html);
}

QVariant DocumentPreview::loadResource(int type, const QUrl& url)
{
    if (type == QTextDocument::ImageResource) {
        if (const QString name = attachmentNameOf(url); !name.isEmpty()) {
            const auto it = m_images.constFind(name);
            if (it != m_images.constEnd())
                return *it;
        }
    }
    // Only the document's own attachments: never a local file or the network.
    return refusedResource(type);
}

} // namespace sen::gui
