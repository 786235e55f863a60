#pragma once

// A read-only rendering of any document for the database window's preview pane: the form's
// title, then each section's fields with their labels (empty fields left out), the rich-text
// body with its images, and the attachment list. A document whose form Sen does not know is
// shown item by item under the items' own names. A classified document shows the secrecy
// notice above its register fields. showArticle() shows a news article as an article to read
// (the document page's read mode): section and date, headline, author, lead, body with its
// images, and its attachments as links "attachment:<name>" (anchorClicked; the preview opens
// nothing itself) unless the caller lists them itself (the news reader).
//
// show() reads what it needs through the database's session at once (images included), so
// the preview keeps no reference to the session or the document afterwards.
//
// GUI thread only.

#include <QHash>
#include <QImage>
#include <QTextBrowser>

namespace sen {
struct Document;
namespace app {
class DatabaseSession;
}
namespace forms {
struct FieldDefinition;
}
} // namespace sen

namespace sen::gui {

class DocumentPreview : public QTextBrowser
{
    Q_OBJECT
public:
    explicit DocumentPreview(QWidget* parent = nullptr);

    using QTextBrowser::show;
    void show(const app::DatabaseSession& session, const Document& doc);
    void showArticle(const app::DatabaseSession& session, const Document& doc, bool withAttachments = true);
    void clear();

    // The HTML last shown (tests).
    const QString& html() const { return m_html; }

protected:
    QVariant loadResource(int type, const QUrl& url) override;

private:
    // The attachments as a list ("<h3>Attachments</h3><ul>…"), empty without any; with
    // `links`, each stored one as an "attachment:<name>" link.
    QString attachmentList(const app::DatabaseSession& session, const Document& doc, bool links) const;
    // Reads the images `html` shows (attachments of `doc`) for loadResource.
    void loadImages(const app::DatabaseSession& session, const Document& doc, const QString& html);
    QString numberRows(const app::DatabaseSession& session, const Document& doc,
                       const forms::FieldDefinition& field, QStringList& shownItems) const;

    QHash<QString, QImage> m_images;
    QString m_html;
};

} // namespace sen::gui
