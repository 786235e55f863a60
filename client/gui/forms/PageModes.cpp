#include "client/gui/forms/PageModes.h"

#include "client/gui/forms/DocumentPreview.h"

#include <QCoreApplication>
#include <QLabel>
#include <QMessageBox>
#include <QTime>
#include <QTimer>
#include <QUrl>
#include <QWidget>

namespace sen::gui {

PageModes::PageModes(QWidget* parent) : QObject(parent)
{
    m_editing = new QLabel(tr("Editing — Ctrl+S saves, Ctrl+E returns to reading."), parent);
    m_editing->setObjectName(QStringLiteral("editingBanner"));
    m_editing->setStyleSheet(QStringLiteral("background: #fff4ce; color: #5c4400; border: 1px solid #e6c35c; "
                                            "border-radius: 4px; padding: 4px 8px;"));
    m_editing->setVisible(false);
    m_saved = new QLabel(parent);
    m_saved->setObjectName(QStringLiteral("savedBanner"));
    m_saved->setStyleSheet(QStringLiteral("background: #e6f4ea; color: #14532d; border: 1px solid #9ccfa9; "
                                          "border-radius: 4px; padding: 4px 8px;"));
    m_saved->setVisible(false);
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, m_saved, &QWidget::hide);
    m_article = new DocumentPreview(parent);
    m_article->setObjectName(QStringLiteral("article"));
    m_article->setFrameShape(QFrame::NoFrame);
    m_article->setMinimumHeight(240);
    m_article->setVisible(false);
    connect(m_article, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) {
        if (url.scheme() == QLatin1String("attachment"))
            Q_EMIT attachmentRequested(url.path());
    });
}

bool PageModes::showsArticle() const
{
    return !m_article->isHidden();
}

void PageModes::show(bool editing, bool asArticle, const app::DatabaseSession& session, const Document& doc,
                     const QList<QWidget*>& formWidgets)
{
    m_editing->setVisible(editing);
    const bool article = !editing && asArticle;
    if (article)
        m_article->showArticle(session, doc);
    m_article->setVisible(article);
    for (QWidget* widget : formWidgets)
        widget->setVisible(!article);
}

int PageModes::askToSave(QWidget* parent, const QString& title)
{
    // The document page's words (its catalogue context), as before this helper existed.
    QMessageBox box(
        QMessageBox::Question, QCoreApplication::translate("sen::gui::DocumentPage", "Unsaved changes"),
        QCoreApplication::translate("sen::gui::DocumentPage", "Save the changes to “%1”?").arg(title),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, parent);
    box.setDefaultButton(QMessageBox::Save);
    box.setObjectName(QStringLiteral("unsavedChanges"));
    return box.exec();
}

void PageModes::showSaved()
{
    m_saved->setText(tr("Saved at %1.").arg(QTime::currentTime().toString(QStringLiteral("HH:mm"))));
    m_saved->setVisible(true);
    m_timer->start(kSavedMs);
}

} // namespace sen::gui
