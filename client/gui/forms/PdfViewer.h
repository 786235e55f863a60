#pragma once

// The PDF attachment shown beside a document's form (docs/client.md "PDF attachments"): a
// QPdfView with page navigation (previous, next, "page n of m"), zoom (fit width, +, −) and
// "Open with another program"; or, instead of the pages, a message in plain words: the file
// is not on this computer yet (a summary-only replica's stub), with a button asking for a
// sync, or the file is damaged.
//
// It only draws and forwards: the page decides which attachment to show and reads its bytes
// through the database's session (client/app/PdfAttachments.h, DatabaseSession); the viewer
// loads them from memory (a QBuffer it owns), never from a file of the replica.
//
// GUI thread only.

#include <QByteArray>
#include <QWidget>

class QBuffer;
class QLabel;
class QPdfDocument;
class QPdfView;
class QPushButton;
class QStackedWidget;
class QToolButton;

namespace sen::gui {

class PdfViewer : public QWidget
{
    Q_OBJECT
public:
    explicit PdfViewer(QWidget* parent = nullptr);
    ~PdfViewer() override;

    // Shows the PDF `bytes` of attachment `name` from its first page, fitted to the width; bytes
    // that are no readable PDF show the damaged message.
    void showPdf(const QString& name, const QByteArray& bytes);
    // Attachment `name` is not on this computer yet.
    void showNotDownloaded(const QString& name);
    // Nothing shown.
    void clear();

    // The attachment shown (or described), empty when none.
    const QString& name() const { return m_name; }
    // Pages of the PDF shown (0 when a message is shown instead).
    int pageCount() const;
    int currentPage() const;
    // The message shown instead of pages (empty while pages are shown).
    QString message() const;

    void goToPage(int page);
    void nextPage() { goToPage(currentPage() + 1); }
    void previousPage() { goToPage(currentPage() - 1); }
    void fitWidth();
    void zoomIn();
    void zoomOut();

Q_SIGNALS:
    // "Open with another program" for attachment `name`.
    void openRequested(const QString& name);
    // The user asks for attachment `name`, not downloaded yet.
    void fetchRequested(const QString& name);

private:
    void showMessage(const QString& text, bool offerFetch);
    void updateControls();

    QString m_name;
    QByteArray m_bytes;
    QBuffer* m_buffer = nullptr;
    QPdfDocument* m_document;
    QPdfView* m_view;
    QStackedWidget* m_stack;
    QWidget* m_messagePage;
    QLabel* m_message;
    QPushButton* m_fetch;
    QLabel* m_pageLabel;
    QToolButton* m_previous;
    QToolButton* m_next;
    QToolButton* m_fitWidth;
    QToolButton* m_zoomIn;
    QToolButton* m_zoomOut;
    QToolButton* m_open;
};

} // namespace sen::gui
