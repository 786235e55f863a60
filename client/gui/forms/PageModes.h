#pragma once

// How the document page shows its mode (issue #14): edit mode under a yellow band "Editing —
// Ctrl+S saves, Ctrl+E returns to reading." so it is never mistaken for read mode; read mode
// without it, and a news article read as an article (DocumentPreview::showArticle: headline,
// section, date, author, lead, body, attachments) in place of its form and the page's
// heading; "Saved at HH:mm." on a green band for kSavedMs after each save. Everything starts
// hidden; the page places the widgets in its layout.
//
// GUI thread only. The widgets and the timer are children of the parent given.

#include <QList>
#include <QObject>

class QLabel;
class QTimer;
class QWidget;

namespace sen {
struct Document;
namespace app {
class DatabaseSession;
}
} // namespace sen

namespace sen::gui {

class DocumentPreview;

class PageModes : public QObject
{
    Q_OBJECT
public:
    static constexpr int kSavedMs = 4000;

    explicit PageModes(QWidget* parent);

    QLabel& editingBanner() const { return *m_editing; }
    QLabel& savedBanner() const { return *m_saved; }
    DocumentPreview& article() const { return *m_article; }
    bool showsArticle() const;

    // Edit mode: the banner, and `formWidgets` shown. Read mode: no banner; with `asArticle`
    // the article of `doc` replaces `formWidgets`, else they show.
    void show(bool editing, bool asArticle, const app::DatabaseSession& session, const Document& doc,
              const QList<QWidget*>& formWidgets);
    // Shows "Saved at <now>." and hides it kSavedMs later.
    void showSaved();
    // Asks Save / Discard / Cancel for the unsaved changes of the document `title` (closing
    // the page, leaving edit mode); the QMessageBox button chosen.
    static int askToSave(QWidget* parent, const QString& title);

Q_SIGNALS:
    // The reader clicked an attachment's link in the article.
    void attachmentRequested(const QString& name);

private:
    QLabel* m_editing;
    QLabel* m_saved;
    QTimer* m_timer;
    DocumentPreview* m_article;
};

} // namespace sen::gui
