#pragma once

// A rich-text editor for a form's body (the news article, a document's content): a QTextEdit
// under a small toolbar — bold, italic, underline, bulleted and numbered lists, insert image.
// Images are attachments of the document, referenced from the HTML as
// <img src="attachment:NAME"> (AttachmentImages.h) and resolved through the image resolver
// the form sets; the editor asks for a new one with imageRequested() and the form stores it,
// then calls insertImage().
//
// GUI thread only.

#include <QImage>
#include <QWidget>

#include <functional>
#include <optional>

class QTextEdit;
class QToolBar;

namespace sen::gui {

class RichTextEditor : public QWidget
{
    Q_OBJECT
public:
    explicit RichTextEditor(QWidget* parent = nullptr);

    using ImageResolver = std::function<std::optional<QImage>(const QString& attachmentName)>;

    QTextEdit* textEdit() const { return m_edit; }
    // How "attachment:NAME" images are found (call before setHtml).
    void setImageResolver(ImageResolver resolver);

    // Replaces the content; the editor is then unmodified. Images must be registered first
    // (AttachmentImages) or they show as missing.
    void setHtml(const QString& html);
    // The content as HTML, or empty when it has no text and no image.
    QString html() const;
    bool isModified() const;
    void setModified(bool modified);
    void setReadOnly(bool readOnly);

    // Inserts the image stored as attachment `name` at the cursor.
    void insertImage(const QString& name, const QImage& image);

Q_SIGNALS:
    void changed();
    // The user asked to insert an image (the toolbar's button).
    void imageRequested();

private:
    void updateActions();

    QToolBar* m_toolBar;
    QTextEdit* m_edit;
};

} // namespace sen::gui
