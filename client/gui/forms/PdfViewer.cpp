#include "client/gui/forms/PdfViewer.h"

#include <QBuffer>
#include <QHBoxLayout>
#include <QLabel>
#include <QPdfDocument>
#include <QPdfPageNavigator>
#include <QPdfView>
#include <QPushButton>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace sen::gui {

namespace {

constexpr qreal kZoomStep = 1.25;

QToolButton* toolButton(const QString& text, const QString& tip, const QString& objectName, QWidget* parent)
{
    auto* button = new QToolButton(parent);
    button->setText(text);
    button->setToolTip(tip);
    button->setObjectName(objectName);
    button->setAutoRaise(true);
    return button;
}

} // namespace

PdfViewer::PdfViewer(QWidget* parent)
    : QWidget(parent), m_document(new QPdfDocument(this)), m_view(new QPdfView(this)),
      m_stack(new QStackedWidget(this))
{
    setObjectName(QStringLiteral("pdfViewer"));
    m_view->setObjectName(QStringLiteral("pdfView"));
    m_view->setDocument(m_document);
    m_view->setPageMode(QPdfView::PageMode::MultiPage);
    m_view->setZoomMode(QPdfView::ZoomMode::FitToWidth);

    m_previous = toolButton(QStringLiteral("◀"), tr("Previous page"), QStringLiteral("pdfPrevious"), this);
    m_next = toolButton(QStringLiteral("▶"), tr("Next page"), QStringLiteral("pdfNext"), this);
    m_pageLabel = new QLabel(this);
    m_pageLabel->setObjectName(QStringLiteral("pdfPage"));
    m_fitWidth = toolButton(tr("Fit width"), tr("Fit the page to the width of the pane"),
                            QStringLiteral("pdfFitWidth"), this);
    m_zoomOut = toolButton(QStringLiteral("−"), tr("Zoom out"), QStringLiteral("pdfZoomOut"), this);
    m_zoomIn = toolButton(QStringLiteral("+"), tr("Zoom in"), QStringLiteral("pdfZoomIn"), this);
    m_open = toolButton(tr("Open with another program"),
                        tr("Open the file with the program the system uses for PDF files"),
                        QStringLiteral("pdfOpen"), this);

    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(4, 2, 4, 2);
    bar->addWidget(m_previous);
    bar->addWidget(m_pageLabel);
    bar->addWidget(m_next);
    bar->addSpacing(12);
    bar->addWidget(m_fitWidth);
    bar->addWidget(m_zoomOut);
    bar->addWidget(m_zoomIn);
    bar->addStretch();
    bar->addWidget(m_open);

    m_messagePage = new QWidget(this);
    m_message = new QLabel(m_messagePage);
    m_message->setObjectName(QStringLiteral("pdfMessage"));
    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignCenter);
    m_fetch = new QPushButton(tr("Synchronise to download it"), m_messagePage);
    m_fetch->setObjectName(QStringLiteral("pdfFetch"));
    auto* messageLayout = new QVBoxLayout(m_messagePage);
    messageLayout->addStretch();
    messageLayout->addWidget(m_message);
    messageLayout->addWidget(m_fetch, 0, Qt::AlignHCenter);
    messageLayout->addStretch();

    m_stack->addWidget(m_view);
    m_stack->addWidget(m_messagePage);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_stack, 1);

    connect(m_previous, &QToolButton::clicked, this, &PdfViewer::previousPage);
    connect(m_next, &QToolButton::clicked, this, &PdfViewer::nextPage);
    connect(m_fitWidth, &QToolButton::clicked, this, &PdfViewer::fitWidth);
    connect(m_zoomIn, &QToolButton::clicked, this, &PdfViewer::zoomIn);
    connect(m_zoomOut, &QToolButton::clicked, this, &PdfViewer::zoomOut);
    connect(m_open, &QToolButton::clicked, this, [this] { Q_EMIT openRequested(m_name); });
    connect(m_fetch, &QPushButton::clicked, this, [this] { Q_EMIT fetchRequested(m_name); });
    connect(m_view->pageNavigator(), &QPdfPageNavigator::currentPageChanged, this,
            &PdfViewer::updateControls);
    updateControls();
}

PdfViewer::~PdfViewer()
{
    m_document->close(); // before the buffer it reads from goes
}

void PdfViewer::showPdf(const QString& name, const QByteArray& bytes)
{
    if (name == m_name && bytes == m_bytes && pageCount() > 0)
        return; // the same file, reloaded: the reader keeps their page and zoom
    m_document->close();
    delete m_buffer;
    m_name = name;
    m_bytes = bytes;
    m_buffer = new QBuffer(&m_bytes, this);
    m_buffer->open(QIODevice::ReadOnly);
    m_document->load(m_buffer); // whole and random-access: loads at once
    if (m_document->status() != QPdfDocument::Status::Ready || m_document->pageCount() == 0) {
        m_document->close();
        showMessage(tr("“%1” cannot be shown: the file is damaged or is not a PDF. Try opening it "
                       "with another program, or ask the sender for it again.")
                        .arg(name),
                    false);
        return;
    }
    m_stack->setCurrentWidget(m_view);
    m_view->setZoomMode(QPdfView::ZoomMode::FitToWidth);
    m_view->pageNavigator()->jump(0, QPointF());
    updateControls();
}

void PdfViewer::showNotDownloaded(const QString& name)
{
    m_document->close();
    m_name = name;
    showMessage(tr("“%1” has not been downloaded to this computer yet: this copy of the database "
                   "holds summaries only.")
                    .arg(name),
                true);
}

void PdfViewer::clear()
{
    m_document->close();
    m_name.clear();
    showMessage(QString(), false);
}

int PdfViewer::pageCount() const
{
    return m_stack->currentWidget() == m_view ? m_document->pageCount() : 0;
}

int PdfViewer::currentPage() const
{
    return m_view->pageNavigator()->currentPage();
}

QString PdfViewer::message() const
{
    return m_stack->currentWidget() == m_messagePage ? m_message->text() : QString();
}

void PdfViewer::goToPage(int page)
{
    if (page < 0 || page >= pageCount())
        return;
    m_view->pageNavigator()->jump(page, QPointF(), m_view->zoomFactor());
    updateControls();
}

void PdfViewer::fitWidth()
{
    m_view->setZoomMode(QPdfView::ZoomMode::FitToWidth);
}

void PdfViewer::zoomIn()
{
    const qreal factor = m_view->zoomFactor();
    m_view->setZoomMode(QPdfView::ZoomMode::Custom);
    m_view->setZoomFactor(std::min(factor * kZoomStep, 8.0));
}

void PdfViewer::zoomOut()
{
    const qreal factor = m_view->zoomFactor();
    m_view->setZoomMode(QPdfView::ZoomMode::Custom);
    m_view->setZoomFactor(std::max(factor / kZoomStep, 0.1));
}

void PdfViewer::showMessage(const QString& text, bool offerFetch)
{
    m_message->setText(text);
    m_fetch->setVisible(offerFetch);
    m_stack->setCurrentWidget(m_messagePage);
    updateControls();
}

void PdfViewer::updateControls()
{
    const int pages = pageCount();
    const int page = pages > 0 ? currentPage() : 0;
    m_pageLabel->setText(pages > 0 ? tr("Page %1 of %2").arg(page + 1).arg(pages) : QString());
    m_previous->setEnabled(pages > 0 && page > 0);
    m_next->setEnabled(pages > 0 && page + 1 < pages);
    m_fitWidth->setEnabled(pages > 0);
    m_zoomIn->setEnabled(pages > 0);
    m_zoomOut->setEnabled(pages > 0);
    m_open->setEnabled(!m_name.isEmpty());
}

} // namespace sen::gui
