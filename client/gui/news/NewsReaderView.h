#pragma once

// The news of a news database read as news (docs/news-reader.md; issue #15): a tab of the main
// window with the categories on the left (all articles first, then the NewsCategory
// catalogue's, then Other; each with its unread count, bold while some are unread), the
// articles of the chosen category in the middle (newest first, a page of kPageSize at a time,
// unread ones bold, drafts marked), and the article on the right as an article — section and
// date (dd/MM/yyyy HH:mm), the title large, the author, the summary emphasised, the body with
// its images (DocumentPreview::showArticle) — with its attachments listed below to open or
// save (AttachmentPanel, read-only). Opening an article clears its unread mark; Previous /
// Next (Alt+Left / Alt+Right) page through the category; Edit (Ctrl+E) opens the data-entry
// form for those who may change the article; drafts show to those who may edit them.
// Everything is read through app::NewsReader; the view re-reads on every change the session
// announces (a save, a sync).
//
// GUI thread only.

#include "client/app/NewsReader.h"

#include <QWidget>

#include <memory>
#include <optional>

class QAction;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QToolButton;

namespace sen::gui {

class AttachmentPanel;
class DocumentPreview;
class MainWindow;

class NewsReaderView : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kPageSize = 50;

    // `marks` may be null (every article then shows unread).
    NewsReaderView(std::shared_ptr<app::DatabaseSession> session, std::unique_ptr<views::ReadMarks> marks,
                   QWidget* parent = nullptr);
    ~NewsReaderView() override;

    // The news tab of database `name` in `window` (made when missing), showing `article` when
    // given; null with a message box when the database cannot be opened.
    static NewsReaderView* openInWindow(MainWindow& window, const QString& name,
                                        std::optional<Unid> article = std::nullopt);
    // Whether `doc` of a database of `kind` opens here rather than in its form.
    static bool readsAsNews(DatabaseKind kind, const Document& doc);

    // Shows the article, read afresh (choosing all the news when the current category does not
    // list it).
    void showArticle(const Unid& unid);
    void showPrevious() { step(-1); }
    void showNext() { step(+1); }
    // The category list's row `row` (0: all articles).
    void chooseCategory(int row);

    std::optional<Unid> currentArticle() const { return m_current; }
    QListWidget* categoryList() const { return m_categories; }
    QListWidget* articleList() const { return m_articles; }
    DocumentPreview* reading() const { return m_reading; }
    AttachmentPanel* attachments() const { return m_attachments; }
    QAction* previousAction() const { return m_previous; }
    QAction* nextAction() const { return m_next; }
    QAction* editAction() const { return m_edit; }
    QString title() const;

Q_SIGNALS:
    // Edit was chosen for the article shown.
    void editRequested(const Unid& unid);
    // Read marks changed here (the workspace's unread counts).
    void readMarksChanged();

private:
    void buildUi();
    // Reads the listing afresh; false (the error shown) when it cannot be read.
    bool readListing();
    // Re-reads categories and the list, keeping the category, page and article shown.
    void reload();
    // Shows `unid` from the listing as read now, marking it read.
    void present(const Unid& unid);
    void fillCategories(const std::vector<app::NewsCategory>& categories);
    void fillArticles();
    void showItem(const app::NewsItem& item);
    void step(int direction);
    void markAllRead();
    app::NewsFilter filter() const;
    void showError(const Status& status);

    std::shared_ptr<app::DatabaseSession> m_session;
    std::unique_ptr<views::ReadMarks> m_marks;
    app::NewsReader m_reader;
    app::NewsListing m_listing; // as last read: every change of the database reads it again
    std::vector<app::NewsCategory> m_shownCategories;
    int m_category = 0; // row of the category list: 0 all, then m_shownCategories[row - 1]
    int m_page = 0;
    std::optional<Unid> m_current;

    QListWidget* m_categories = nullptr;
    QListWidget* m_articles = nullptr;
    QLabel* m_pageLabel = nullptr;
    QToolButton* m_newer = nullptr;
    QToolButton* m_older = nullptr;
    QLabel* m_notice = nullptr;
    DocumentPreview* m_reading = nullptr;
    AttachmentPanel* m_attachments = nullptr;
    QAction* m_previous = nullptr;
    QAction* m_next = nullptr;
    QAction* m_edit = nullptr;
    bool m_filling = false;
};

} // namespace sen::gui
