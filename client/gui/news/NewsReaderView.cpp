#include "client/gui/news/NewsReaderView.h"

#include "client/app/ArticleText.h"
#include "client/app/OpenDatabases.h"
#include "client/gui/app/ErrorBox.h"
#include "client/gui/app/Icons.h"
#include "client/gui/app/MainWindow.h"
#include "client/gui/app/Shortcuts.h"
#include "client/gui/forms/AttachmentPanel.h"
#include "client/gui/forms/DocumentPage.h"
#include "client/gui/forms/DocumentPreview.h"
#include "client/gui/news/NewsDelegates.h"
#include "client/gui/workspace/KindIcon.h"
#include "client/views/ReadMarks.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace sen::gui {

namespace {

const char* const kNewsProperty = "senNews";

QFont boldIf(QFont font, bool bold)
{
    font.setBold(bold);
    return font;
}

} // namespace

NewsReaderView::NewsReaderView(std::shared_ptr<app::DatabaseSession> session,
                               std::unique_ptr<views::ReadMarks> marks, QWidget* parent)
    : QWidget(parent), m_session(std::move(session)), m_marks(std::move(marks)),
      m_reader(*m_session, m_marks.get())
{
    setObjectName(QStringLiteral("newsReader"));
    buildUi();
    connect(m_session.get(), &app::DatabaseSession::changed, this, &NewsReaderView::reload);
    reload();
}

NewsReaderView::~NewsReaderView() = default;

bool NewsReaderView::readsAsNews(DatabaseKind kind, const Document& doc)
{
    return kind == DatabaseKind::News && news::articleOf(doc).has_value();
}

QString NewsReaderView::title() const
{
    return tr("News: %1").arg(m_session->title());
}

NewsReaderView* NewsReaderView::openInWindow(MainWindow& window, const QString& name,
                                             std::optional<Unid> article)
{
    QTabWidget& tabs = window.tabs();
    NewsReaderView* view = nullptr;
    for (int i = 0; i < tabs.count() && !view; ++i)
        if (tabs.widget(i)->property(kNewsProperty).toString() == name)
            view = qobject_cast<NewsReaderView*>(tabs.widget(i));
    if (!view) {
        auto session = window.databases().session(name);
        if (!session) {
            ErrorBox::show(&window, tr("Read the news"), session.status(),
                           client::ErrorContext::forDatabase(client::Situation::OpeningDatabase, name));
            return nullptr;
        }
        // The cache is the page's IndexUpdater's; without one yet, every article shows unread.
        auto marks = views::ReadMarks::open((*session)->viewCachePath());
        view = new NewsReaderView(*session, marks ? std::move(*marks) : nullptr);
        view->setProperty(kNewsProperty, name);
        const int index = tabs.addTab(view, kindIcon(DatabaseKind::News), view->title());
        tabs.setTabToolTip(index, view->title());
        connect(view, &NewsReaderView::editRequested, &window, [&window, name](const Unid& unid) {
            if (DocumentPage* page = DocumentPage::openInWindow(window, name, unid))
                page->setEditing(true);
        });
        connect(view, &NewsReaderView::readMarksChanged, &window, &MainWindow::refreshWorkspace);
    }
    tabs.setCurrentWidget(view);
    if (article)
        view->showArticle(*article);
    return view;
}

void NewsReaderView::buildUi()
{
    auto* toolbar = new QToolBar(this);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->setIconSize(QSize(20, 20));
    m_previous = new QAction(style()->standardIcon(QStyle::SP_ArrowBack), tr("Previous"), this);
    m_previous->setObjectName(QStringLiteral("previousArticle"));
    setPageShortcut(*this, *m_previous, QKeySequence(Qt::ALT | Qt::Key_Left));
    connect(m_previous, &QAction::triggered, this, &NewsReaderView::showPrevious);
    m_next = new QAction(style()->standardIcon(QStyle::SP_ArrowForward), tr("Next"), this);
    m_next->setObjectName(QStringLiteral("nextArticle"));
    setPageShortcut(*this, *m_next, QKeySequence(Qt::ALT | Qt::Key_Right));
    connect(m_next, &QAction::triggered, this, &NewsReaderView::showNext);
    m_edit = new QAction(icon(Icon::Edit), tr("Edit"), this);
    m_edit->setObjectName(QStringLiteral("editArticle"));
    setPageShortcut(*this, *m_edit, QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(m_edit, &QAction::triggered, this, [this] {
        if (m_current)
            Q_EMIT editRequested(*m_current);
    });
    toolbar->addAction(m_previous);
    toolbar->addAction(m_next);
    toolbar->addSeparator();
    toolbar->addAction(m_edit);
    toolbar->addSeparator();
    QAction* allRead =
        toolbar->addAction(icon(Icon::MarkRead), tr("Mark all read"), this, &NewsReaderView::markAllRead);
    allRead->setObjectName(QStringLiteral("markAllRead"));
    allRead->setToolTip(tr("Mark every article of this category read"));

    m_categories = new QListWidget(this);
    m_categories->setObjectName(QStringLiteral("newsCategories"));
    m_categories->setMinimumWidth(200);
    m_categories->setItemDelegate(new NewsCategoryDelegate(m_categories));
    m_categories->setStyleSheet(QStringLiteral("QListWidget#newsCategories { background: #f4f6f8; }"));
    connect(m_categories, &QListWidget::currentRowChanged, this, [this](int row) {
        if (!m_filling && row >= 0)
            chooseCategory(row);
    });

    m_articles = new QListWidget(this);
    m_articles->setObjectName(QStringLiteral("newsArticles"));
    m_articles->setWordWrap(true);
    m_articles->setItemDelegate(new NewsArticleDelegate(m_articles));
    m_articles->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    connect(m_articles, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) {
        if (m_filling || !item)
            return;
        if (const auto unid = Unid::fromHex(item->data(NewsUnidRole).toString()))
            present(*unid);
    });
    m_newer = new QToolButton(this);
    m_newer->setArrowType(Qt::LeftArrow);
    m_newer->setToolTip(tr("Newer articles"));
    connect(m_newer, &QToolButton::clicked, this, [this] {
        --m_page;
        fillArticles();
    });
    m_older = new QToolButton(this);
    m_older->setArrowType(Qt::RightArrow);
    m_older->setToolTip(tr("Older articles"));
    connect(m_older, &QToolButton::clicked, this, [this] {
        ++m_page;
        fillArticles();
    });
    m_pageLabel = new QLabel(this);
    m_pageLabel->setObjectName(QStringLiteral("newsPage"));
    m_pageLabel->setAlignment(Qt::AlignCenter);
    auto* pager = new QHBoxLayout;
    pager->addWidget(m_newer);
    pager->addWidget(m_pageLabel, 1);
    pager->addWidget(m_older);
    auto* listPane = new QWidget(this);
    auto* listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(m_articles, 1);
    listLayout->addLayout(pager);

    m_notice = new QLabel(this);
    m_notice->setObjectName(QStringLiteral("newsNotice"));
    m_notice->setWordWrap(true);
    m_notice->setStyleSheet(QStringLiteral("background: #fff4ce; padding: 6px; border-radius: 3px;"));
    m_notice->hide();
    m_reading = new DocumentPreview(this);
    m_reading->setObjectName(QStringLiteral("newsArticle"));
    connect(m_reading, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) {
        if (url.scheme() == u"attachment")
            m_attachments->openAttachment(url.path());
    });
    m_attachments = new AttachmentPanel(this);
    m_attachments->setObjectName(QStringLiteral("newsAttachments"));
    m_attachments->setSession(m_session);
    m_attachments->setReadOnly(true);
    m_attachments->setMaximumHeight(110);
    m_attachments->hide();
    auto* readingPane = new QWidget(this);
    auto* readingLayout = new QVBoxLayout(readingPane);
    readingLayout->setContentsMargins(0, 0, 0, 0);
    readingLayout->addWidget(m_notice);
    readingLayout->addWidget(m_reading, 1);
    readingLayout->addWidget(m_attachments);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_categories);
    split->addWidget(listPane);
    split->addWidget(readingPane);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    split->setStretchFactor(2, 3);
    split->setSizes({240, 340, 660});

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(toolbar);
    layout->addWidget(split, 1);
}

app::NewsFilter NewsReaderView::filter() const
{
    app::NewsFilter shown = m_category <= 0 || m_category > int(m_shownCategories.size())
                                ? app::NewsFilter::all()
                                : app::NewsFilter::of(m_shownCategories[std::size_t(m_category - 1)]);
    shown.drafts = true; // only those this user may edit (NewsReader)
    return shown;
}

void NewsReaderView::showError(const Status& status)
{
    m_notice->setText(client::ErrorText::line(status, client::ErrorContext::of(client::Situation::Other)));
    m_notice->show();
}

bool NewsReaderView::readListing()
{
    auto listing = m_reader.listing(true);
    if (!listing) {
        showError(listing.status());
        return false;
    }
    m_listing = std::move(*listing);
    return true;
}

void NewsReaderView::reload()
{
    if (!readListing())
        return;
    // The chosen category by name: a new entry or a rename moves the rows.
    const QString chosen = m_category > 0 && m_category <= int(m_shownCategories.size())
                               ? m_shownCategories[std::size_t(m_category - 1)].name
                               : QString();
    fillCategories(m_listing.categories);
    m_category = 0;
    for (std::size_t i = 0; i < m_shownCategories.size(); ++i)
        if (!chosen.isEmpty() && m_shownCategories[i].name == chosen)
            m_category = int(i) + 1;
    m_filling = true;
    m_categories->setCurrentRow(m_category);
    m_filling = false;
    fillArticles();
    if (m_current)
        present(*m_current);
}

void NewsReaderView::fillCategories(const std::vector<app::NewsCategory>& categories)
{
    m_shownCategories = categories;
    m_filling = true;
    m_categories->clear();
    int total = 0;
    int unread = 0;
    for (const app::NewsCategory& category : categories) {
        total += category.articles;
        unread += category.unread;
    }
    auto add = [this](const QString& name, int count, int articles) {
        auto* item = new QListWidgetItem(count > 0 ? QStringLiteral("%1  (%2)").arg(name).arg(count) : name,
                                         m_categories);
        item->setFont(boldIf(m_categories->font(), count > 0));
        item->setData(NewsTitleRole, name);
        item->setData(NewsUnreadRole, count);
        item->setToolTip(tr("%n article(s)", nullptr, articles) + QStringLiteral(", ") +
                         tr("%n unread", nullptr, count));
    };
    add(tr("All news"), unread, total);
    for (const app::NewsCategory& category : categories)
        add(category.name, category.unread, category.articles);
    m_filling = false;
}

void NewsReaderView::chooseCategory(int row)
{
    m_category = row;
    m_page = 0;
    m_filling = true;
    m_categories->setCurrentRow(row);
    m_filling = false;
    fillArticles();
}

void NewsReaderView::fillArticles()
{
    const app::NewsPage page = m_listing.page(filter(), m_page, kPageSize);
    m_filling = true;
    m_articles->clear();
    m_filling = false;
    m_page = page.page;
    m_filling = true;
    for (const app::NewsItem& item : page.items) {
        QString when = app::articleDateText(item.article.published);
        if (item.draft)
            when = item.article.published.isValid() ? tr("Scheduled %1").arg(when) : tr("Draft");
        if (m_category == 0 || item.other)
            when += QStringLiteral(" · ") + item.category;
        auto* row = new QListWidgetItem(item.article.title + u'\n' + when, m_articles);
        row->setData(NewsUnidRole, item.article.unid.toHex());
        row->setData(NewsTitleRole, item.article.title);
        row->setData(NewsMetaRole, when);
        row->setData(NewsSummaryRole, item.article.summary);
        row->setData(NewsUnreadRole, item.unread);
        row->setData(NewsDraftRole, item.draft);
        row->setFont(boldIf(m_articles->font(), item.unread));
        if (!item.article.summary.isEmpty())
            row->setToolTip(item.article.summary);
        if (m_current && item.article.unid == *m_current)
            m_articles->setCurrentItem(row);
    }
    m_filling = false;
    m_pageLabel->setText(page.total == 0 ? tr("No articles")
                                         : tr("Page %1 of %2").arg(page.page + 1).arg(page.pageCount));
    m_newer->setEnabled(page.page > 0);
    m_older->setEnabled(page.page + 1 < page.pageCount);
}

void NewsReaderView::showArticle(const Unid& unid)
{
    if (readListing())
        present(unid);
}

void NewsReaderView::present(const Unid& unid)
{
    const app::NewsItem* found = m_listing.find(unid);
    if (!found) {
        m_current.reset();
        showError(Status(ErrorCode::NotFound, tr("This article is no longer in the database.")));
        return;
    }
    // Opening marks it read, on this PC.
    const bool wasUnread = found->unread && m_marks;
    if (wasUnread) {
        if (const Status marked = m_reader.setRead(unid); !marked.isOk())
            showError(marked);
        else
            m_listing.noteRead(unid);
    }
    // Another category's article (a link, a view's row): show it among all the news.
    std::optional<int> page = m_listing.pageOf(unid, filter(), kPageSize);
    if (!page) {
        m_category = 0;
        page = m_listing.pageOf(unid, filter(), kPageSize);
    }
    m_current = unid;
    m_page = page.value_or(0);
    showItem(*m_listing.find(unid));
    const int row = m_category;
    fillCategories(m_listing.categories);
    m_filling = true;
    m_categories->setCurrentRow(row);
    m_filling = false;
    fillArticles();
    if (wasUnread)
        Q_EMIT readMarksChanged();
}

void NewsReaderView::showItem(const app::NewsItem& item)
{
    auto doc = m_session->document(item.article.unid);
    if (!doc) {
        showError(doc.status());
        return;
    }
    if (item.draft) {
        m_notice->setText(
            item.article.published.isValid()
                ? tr("Not published yet: readers see this article from %1.")
                      .arg(app::articleDateText(item.article.published))
                : tr("Draft: readers do not see this article until it has a publication date."));
        m_notice->show();
    } else {
        m_notice->hide();
    }
    m_reading->showArticle(*m_session, *doc, false);
    m_attachments->load(*doc);
    m_attachments->setReadOnly(true);
    m_attachments->setVisible(m_attachments->hasAttachments());
    m_edit->setEnabled(m_session->mayEdit(*doc));
    m_previous->setEnabled(m_listing.neighbour(item.article.unid, filter(), -1).has_value());
    m_next->setEnabled(m_listing.neighbour(item.article.unid, filter(), +1).has_value());
}

void NewsReaderView::step(int direction)
{
    if (!m_current)
        return;
    // The listing is current: every change of the database re-reads it (reload).
    if (const auto neighbour = m_listing.neighbour(*m_current, filter(), direction))
        present(neighbour->article.unid);
}

void NewsReaderView::markAllRead()
{
    auto marked = m_reader.markAllRead(filter());
    if (!marked) {
        showError(marked.status());
        return;
    }
    reload();
    Q_EMIT readMarksChanged();
}

} // namespace sen::gui
