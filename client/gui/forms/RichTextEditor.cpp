#include "client/gui/forms/RichTextEditor.h"

#include "client/gui/forms/AttachmentImages.h"

#include <QAction>
#include <QImage>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextEdit>
#include <QTextImageFormat>
#include <QTextList>
#include <QToolBar>
#include <QVBoxLayout>

namespace sen::gui {

namespace {
// Wide images are shown at most this wide; the attachment keeps the original.
constexpr int kMaxShownWidth = 600;

// A QTextEdit that finds "attachment:NAME" images through the resolver, and nothing else:
// no local file, no network (see refusedResource()).
class ImageTextEdit : public QTextEdit
{
public:
    using QTextEdit::QTextEdit;
    RichTextEditor::ImageResolver resolver;

protected:
    QVariant loadResource(int type, const QUrl& url) override
    {
        if (type == QTextDocument::ImageResource && resolver) {
            if (const QString name = attachmentNameOf(url); !name.isEmpty()) {
                if (std::optional<QImage> image = resolver(name))
                    return *image;
            }
        }
        return refusedResource(type);
    }
};
} // namespace

RichTextEditor::RichTextEditor(QWidget* parent) : QWidget(parent)
{
    m_toolBar = new QToolBar(this);
    m_toolBar->setIconSize(QSize(16, 16));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_edit = new ImageTextEdit(this);
    m_edit->setAcceptRichText(true);
    m_edit->setMinimumHeight(160);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_edit);

    QAction* bold = m_toolBar->addAction(
        tr("B", "bold"), this, [this](bool on) { m_edit->setFontWeight(on ? QFont::Bold : QFont::Normal); });
    bold->setObjectName(QStringLiteral("bold"));
    bold->setToolTip(tr("Bold"));
    bold->setShortcut(QKeySequence::Bold);
    bold->setCheckable(true);
    QFont boldFont = font();
    boldFont.setBold(true);
    bold->setFont(boldFont);

    QAction* italic =
        m_toolBar->addAction(tr("I", "italic"), this, [this](bool on) { m_edit->setFontItalic(on); });
    italic->setObjectName(QStringLiteral("italic"));
    italic->setToolTip(tr("Italic"));
    italic->setShortcut(QKeySequence::Italic);
    italic->setCheckable(true);
    QFont italicFont = font();
    italicFont.setItalic(true);
    italic->setFont(italicFont);

    QAction* underline =
        m_toolBar->addAction(tr("U", "underline"), this, [this](bool on) { m_edit->setFontUnderline(on); });
    underline->setObjectName(QStringLiteral("underline"));
    underline->setToolTip(tr("Underline"));
    underline->setShortcut(QKeySequence::Underline);
    underline->setCheckable(true);
    QFont underlineFont = font();
    underlineFont.setUnderline(true);
    underline->setFont(underlineFont);

    m_toolBar->addSeparator();
    auto makeList = [this](QTextListFormat::Style style) {
        QTextCursor cursor = m_edit->textCursor();
        if (QTextList* list = cursor.currentList(); list && list->format().style() == style) {
            // The same button again ends the list: the paragraph goes back to plain text.
            QTextBlockFormat block = cursor.blockFormat();
            list->remove(cursor.block());
            block.setIndent(0);
            cursor.setBlockFormat(block);
            return;
        }
        cursor.createList(style);
    };
    QAction* bullets = m_toolBar->addAction(tr("• List"), this, [=] { makeList(QTextListFormat::ListDisc); });
    bullets->setObjectName(QStringLiteral("bullets"));
    bullets->setToolTip(tr("Bulleted list"));
    QAction* numbers =
        m_toolBar->addAction(tr("1. List"), this, [=] { makeList(QTextListFormat::ListDecimal); });
    numbers->setObjectName(QStringLiteral("numbers"));
    numbers->setToolTip(tr("Numbered list"));

    m_toolBar->addSeparator();
    QAction* image = m_toolBar->addAction(tr("Insert image…"), this, &RichTextEditor::imageRequested);
    image->setObjectName(QStringLiteral("insertImage"));

    connect(m_edit, &QTextEdit::textChanged, this, &RichTextEditor::changed);
    connect(m_edit, &QTextEdit::currentCharFormatChanged, this, &RichTextEditor::updateActions);
}

void RichTextEditor::setImageResolver(ImageResolver resolver)
{
    static_cast<ImageTextEdit*>(m_edit)->resolver = std::move(resolver);
}

void RichTextEditor::setHtml(const QString& html)
{
    m_edit->setHtml(html);
    m_edit->document()->setModified(false);
}

QString RichTextEditor::html() const
{
    QTextDocument* doc = m_edit->document();
    if (doc->isEmpty())
        return QString();
    if (doc->toPlainText().trimmed().isEmpty() && !doc->toHtml().contains(QLatin1String("<img")))
        return QString();
    return doc->toHtml();
}

bool RichTextEditor::isModified() const
{
    return m_edit->document()->isModified();
}

void RichTextEditor::setModified(bool modified)
{
    m_edit->document()->setModified(modified);
}

void RichTextEditor::setReadOnly(bool readOnly)
{
    m_edit->setReadOnly(readOnly);
    m_toolBar->setVisible(!readOnly);
}

void RichTextEditor::insertImage(const QString& name, const QImage& image)
{
    const QUrl url = attachmentImageUrl(name);
    m_edit->document()->addResource(QTextDocument::ImageResource, url, image);
    QTextImageFormat format;
    format.setName(url.toString());
    if (image.width() > kMaxShownWidth) {
        format.setWidth(kMaxShownWidth);
        format.setHeight(double(image.height()) * kMaxShownWidth / image.width());
    }
    m_edit->textCursor().insertImage(format);
    m_edit->document()->setModified(true);
}

void RichTextEditor::updateActions()
{
    const QTextCharFormat format = m_edit->currentCharFormat();
    if (auto* a = m_toolBar->findChild<QAction*>(QStringLiteral("bold")))
        a->setChecked(format.fontWeight() >= QFont::Bold);
    if (auto* a = m_toolBar->findChild<QAction*>(QStringLiteral("italic")))
        a->setChecked(format.fontItalic());
    if (auto* a = m_toolBar->findChild<QAction*>(QStringLiteral("underline")))
        a->setChecked(format.fontUnderline());
}

} // namespace sen::gui
