#pragma once

// One view of a database as a Qt item model (docs/views.md), over a ViewQuery: what the
// view pane's QTreeView shows.
//
// Shape: a flat view lists its main documents at the top level; a categorised view lists
// its categories there (collapsible parents, title in column 0) and their documents under
// them. Responses (comments, conflict documents) are children of the document they answer.
//
// Laziness: rowCount() of the top level and of a category is the true count (one COUNT or
// the category list), so the scroll bar is the whole view; rows are read by pages of
// kPageSize when first shown and at most kMaxPages pages stay cached per list — opening or
// scrolling anywhere in 100,000 documents reads one page, and nothing ever reads all rows.
// Responses are read when their parent is expanded (canFetchMore/fetchMore).
//
// sort() re-queries in the new order (a model reset). refresh() after the indexer
// committed (e.g. after a sync): when the view's feed position did not move it only drops
// cached pages and repaints (read marks); otherwise it re-reads counts and categories and
// keeps expanded categories, expanded documents, the current item and the selection on
// the same categories and documents (a layout change with the persistent indexes moved by
// UNID and category key).
//
// A $Processing column (client/views/ViewColumn.h) is filled when shown, from `cells`
// (setProcessingCells): the derived state and due marker; a row due soon is amber and an
// overdue one red, in every column.
//
// Markers: a view's marker columns (ViewColumn::marker) are not columns of the model; an
// urgent document (DoKhan Khẩn, Thượng khẩn, Hỏa tốc) shows the urgency icon in its first
// column and a classified one (DoMat Mật, Tối mật, Tuyệt mật) the secrecy icon in its
// second (DecorationRole), each with the value as its tooltip.
//
// Errors of the underlying queries leave rows empty and are reported by queryFailed().
// GUI thread only (the ViewQuery's connection belongs to it).

#include "client/views/ReadMarks.h"
#include "client/views/ViewQuery.h"

#include <QAbstractItemModel>

namespace sen::app {
class WorkflowCells;
}

#include <memory>

namespace sen::gui {

class ViewModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Role
    {
        UnidRole = Qt::UserRole + 1, // QString: the document's UNID in hex (empty for a category)
        UnreadRole,                  // bool
        ConflictRole,                // bool: a conflict document
        CategoryRole,                // bool: a category row
        CountRole,                   // qint64: a category's documents
    };
    static constexpr int kPageSize = 128;
    static constexpr int kMaxPages = 24;

    // `marks` may be null (no unread marking from the model).
    explicit ViewModel(std::unique_ptr<views::ViewQuery> query,
                       std::unique_ptr<views::ReadMarks> marks = nullptr, QObject* parent = nullptr);
    ~ViewModel() override;

    const views::ViewDefinition& view() const;
    const views::ViewSort& currentSort() const { return m_sort; }

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    bool hasChildren(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    // Sorts by a sortable column (ViewQuery::canSort); in a categorised view column 0
    // reverses the categories. Other columns are ignored.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // Re-reads after the view index changed; see the header comment.
    void refresh();
    // Whether a DoKhan value is urgent (anything but "Thường").
    static bool isUrgent(const QString& urgency);
    // Marks the document at `index` read or unread and repaints it.
    void setRead(const QModelIndex& index, bool read = true);
    // Where $Processing columns read (null: they stay empty); it must outlive the model.
    void setProcessingCells(app::WorkflowCells* cells);
    // Pages of rows read from the cache since the model was made (tests, benchmarks).
    int pagesRead() const { return m_pagesRead; }
    // The index of a main document (under its category in a categorised view), or invalid.
    QModelIndex indexOf(const Unid& unid) const;

Q_SIGNALS:
    // A query failed; the view shows what it could read. Words for the user: client::ErrorText.
    void queryFailed(const sen::Status& status) const;

private:
    // The marker icon (DecorationRole) or its text (ToolTipRole) of `column` of `row`, if any.
    QVariant markerAt(const views::ViewRow& row, int column, int role) const;
    struct Node;
    Node* nodeOf(const QModelIndex& index) const;   // the node of the item, made on demand
    Node* findNode(const QModelIndex& index) const; // the same, or null when none was made
    const views::ViewRow* rowAt(Node* container, int row) const;
    // The row if its page is in memory, else null (never reads).
    const views::ViewRow* cachedRowAt(Node* container, int row) const;
    // After a page was read: a queued dataChanged for each of its rows with responses.
    void announceResponses(Node* container, int page, const std::vector<views::ViewRow>& rows) const;
    // Whether `container` is still the root or one of its categories.
    bool findContainer(const Node* container) const;
    void loadRoot();
    void fetchSilently(Node* node);
    void report(const Status& status) const;
    QModelIndex indexOfIn(const Unid& unid, const QVariant& category) const;

    std::unique_ptr<views::ViewQuery> m_query;
    std::unique_ptr<views::ReadMarks> m_marks;
    views::ViewSort m_sort;
    bool m_categoriesDescending = false;
    std::int64_t m_seq = -1;
    mutable int m_pagesRead = 0;
    std::unique_ptr<Node> m_root;
    app::WorkflowCells* m_cells = nullptr;
    int m_processingColumn = -1; // the view's $Processing column, -1 when none
};

} // namespace sen::gui
