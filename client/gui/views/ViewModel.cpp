#include "client/gui/views/ViewModel.h"

#include "client/app/WorkflowCells.h"
#include "client/forms/FormCatalog.h"
#include "client/gui/app/Icons.h"
#include "client/views/ViewColumn.h"
#include "common/acl/SecrecyRule.h"

#include <QColor>
#include <QFont>

#include <algorithm>
#include <map>

namespace sen::gui {

struct ViewModel::Node
{
    enum class Kind
    {
        Root,
        Category,
        Document
    };
    Kind kind = Kind::Root;
    Node* parent = nullptr;
    int row = 0;
    bool categorised = false;     // Root of a categorised view: children are `categories`
    views::ViewCategory category; // Kind::Category
    views::ViewRow doc;           // Kind::Document

    // Paged children (a flat root, a category): `count` rows, read by pages.
    std::int64_t count = 0;
    QHash<int, std::vector<views::ViewRow>> pages;
    std::vector<int> pageOrder; // least recently used first
    // A categorised root's children.
    std::vector<std::unique_ptr<Node>> categories;
    // A document's children: its responses, read by fetchMore.
    std::vector<views::ViewRow> responses;
    bool fetched = false;
    // Nodes of child documents, made when an index under them is asked for.
    std::map<int, std::unique_ptr<Node>> children;

    bool paged() const { return kind == Kind::Category || (kind == Kind::Root && !categorised); }
    int childCount() const
    {
        if (kind == Kind::Document)
            return static_cast<int>(responses.size());
        if (categorised)
            return static_cast<int>(categories.size());
        return static_cast<int>(std::min<std::int64_t>(count, INT_MAX));
    }
    void dropPages()
    {
        pages.clear();
        pageOrder.clear();
        for (auto& c : categories)
            c->dropPages();
    }
};

ViewModel::ViewModel(std::unique_ptr<views::ViewQuery> query, std::unique_ptr<views::ReadMarks> marks,
                     QObject* parent)
    : QAbstractItemModel(parent), m_query(std::move(query)), m_marks(std::move(marks)),
      m_sort(m_query->defaultSort())
{
    loadRoot();
}

ViewModel::~ViewModel() = default;

const views::ViewDefinition& ViewModel::view() const
{
    return m_query->view();
}

void ViewModel::report(const Status& status) const
{
    if (!status.isOk())
        Q_EMIT queryFailed(status);
}

void ViewModel::loadRoot()
{
    m_root = std::make_unique<Node>();
    m_root->categorised = view().isCategorised();
    if (auto seq = m_query->indexedSeq())
        m_seq = *seq;
    else
        report(seq.status());
    if (m_root->categorised) {
        auto categories = m_query->categories(m_categoriesDescending);
        if (!categories) {
            report(categories.status());
            return;
        }
        int row = 0;
        for (views::ViewCategory& c : *categories) {
            auto node = std::make_unique<Node>();
            node->kind = Node::Kind::Category;
            node->parent = m_root.get();
            node->row = row++;
            node->count = c.count;
            node->category = std::move(c);
            m_root->categories.push_back(std::move(node));
        }
        return;
    }
    auto count = m_query->count();
    report(count.status());
    m_root->count = count.valueOr(0);
}

const views::ViewRow* ViewModel::rowAt(Node* container, int row) const
{
    if (!container || row < 0)
        return nullptr;
    if (container->kind == Node::Kind::Document)
        return row < static_cast<int>(container->responses.size()) ? &container->responses[row] : nullptr;
    if (!container->paged() || row >= container->childCount())
        return nullptr;
    const int page = row / kPageSize;
    auto it = container->pages.find(page);
    if (it == container->pages.end()) {
        const std::int64_t offset = std::int64_t(page) * kPageSize;
        auto rows = container->kind == Node::Kind::Category
                        ? m_query->categoryRows(container->category.key, m_sort, offset, kPageSize)
                        : m_query->rows(m_sort, offset, kPageSize);
        if (!rows) {
            report(rows.status());
            return nullptr;
        }
        // Evict before inserting: removing from a QHash invalidates its iterators, `it`
        // included (a crash once more than kMaxPages pages had been read).
        if (static_cast<int>(container->pageOrder.size()) >= kMaxPages) {
            container->pages.remove(container->pageOrder.front());
            container->pageOrder.erase(container->pageOrder.begin());
        }
        it = container->pages.insert(page, std::move(rows).value());
        container->pageOrder.push_back(page);
        ++m_pagesRead;
        announceResponses(container, page, it.value());
    } else if (container->pageOrder.back() != page) {
        container->pageOrder.erase(std::find(container->pageOrder.begin(), container->pageOrder.end(), page));
        container->pageOrder.push_back(page);
    }
    const std::vector<views::ViewRow>& rows = it.value();
    const int inPage = row % kPageSize;
    return inPage < static_cast<int>(rows.size()) ? &rows[static_cast<std::size_t>(inPage)] : nullptr;
}

ViewModel::Node* ViewModel::findNode(const QModelIndex& index) const
{
    if (!index.isValid())
        return m_root.get();
    auto* container = static_cast<Node*>(index.internalPointer());
    if (container->categorised)
        return index.row() < static_cast<int>(container->categories.size())
                   ? container->categories[static_cast<std::size_t>(index.row())].get()
                   : nullptr;
    const auto it = container->children.find(index.row());
    return it == container->children.end() ? nullptr : it->second.get();
}

ViewModel::Node* ViewModel::nodeOf(const QModelIndex& index) const
{
    if (Node* node = findNode(index))
        return node;
    auto* container = static_cast<Node*>(index.internalPointer());
    const views::ViewRow* row = rowAt(container, index.row());
    if (!row)
        return nullptr;
    auto node = std::make_unique<Node>();
    node->kind = Node::Kind::Document;
    node->parent = container;
    node->row = index.row();
    node->doc = *row;
    return container->children.emplace(index.row(), std::move(node)).first->second.get();
}

QModelIndex ViewModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    Node* container = nodeOf(parent);
    return container ? createIndex(row, column, container) : QModelIndex();
}

QModelIndex ViewModel::parent(const QModelIndex& child) const
{
    if (!child.isValid())
        return {};
    auto* container = static_cast<Node*>(child.internalPointer());
    if (container == m_root.get())
        return {};
    return createIndex(container->row, 0, container->parent);
}

int ViewModel::rowCount(const QModelIndex& parent) const
{
    if (parent.column() > 0)
        return 0;
    const Node* node = findNode(parent);
    return node ? node->childCount() : 0;
}

int ViewModel::columnCount(const QModelIndex&) const
{
    return view().shownColumns(); // markers show as icons (markerAt)
}

QVariant ViewModel::markerAt(const views::ViewRow& row, int column, int role) const
{
    // Urgency on the first column, secrecy on the second (or the first of a one-column view).
    const bool secrecyColumn = column == std::min(1, columnCount() - 1) && column != 0;
    const QString item = column == 0 ? QStringLiteral("DoKhan") : QStringLiteral("DoMat");
    if (column != 0 && !secrecyColumn)
        return {};
    const int at = view().markerColumn(item);
    const QString value = at < 0 ? QString() : row.values.value(at).trimmed();
    const bool marked =
        column == 0 ? isUrgent(value) : acl::secrecyFromText(value) != acl::Secrecy::Unclassified;
    if (!marked)
        return {};
    if (role == Qt::DecorationRole)
        return icon(column == 0 ? Icon::Urgent : Icon::Classified);
    return value; // the tooltip: "Hỏa tốc", "Tối mật"
}

bool ViewModel::isUrgent(const QString& urgency)
{
    // forms::FormCatalog::urgencyChoices(): "Thường" is the only one that is not urgent.
    return !urgency.isEmpty() && urgency != forms::FormCatalog::urgencyChoices().value(0);
}

bool ViewModel::hasChildren(const QModelIndex& parent) const
{
    if (parent.column() > 0)
        return false;
    if (const Node* node = findNode(parent); node && (node->kind != Node::Kind::Document || node->fetched))
        return node->childCount() > 0;
    // QTreeView asks this of every row of a list when it lays the list out: answering from
    // the pages already read keeps that from reading all 100,000 rows. A row whose page is
    // read later is announced then (announceResponses), and the view asks again.
    const views::ViewRow* row = cachedRowAt(static_cast<Node*>(parent.internalPointer()), parent.row());
    return row && row->hasResponses;
}

const views::ViewRow* ViewModel::cachedRowAt(Node* container, int row) const
{
    if (!container || row < 0)
        return nullptr;
    if (container->kind == Node::Kind::Document)
        return row < static_cast<int>(container->responses.size()) ? &container->responses[row] : nullptr;
    if (!container->paged() || row >= container->childCount())
        return nullptr;
    const auto it = container->pages.constFind(row / kPageSize);
    if (it == container->pages.constEnd())
        return nullptr;
    const int inPage = row % kPageSize;
    return inPage < static_cast<int>(it->size()) ? &(*it)[static_cast<std::size_t>(inPage)] : nullptr;
}

void ViewModel::announceResponses(Node* container, int page, const std::vector<views::ViewRow>& rows) const
{
    // Queued: a page is read while the view paints or lays out, when the model may not
    // signal. The tree re-reads hasChildren of a row whose column 0 changed.
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (!rows[i].hasResponses)
            continue;
        const int row = page * kPageSize + static_cast<int>(i);
        const Unid unid = rows[i].unid;
        QMetaObject::invokeMethod(
            const_cast<ViewModel*>(this),
            [this, container, row, unid] {
                // The page may be gone, or the model reset, by now: only a row that still
                // holds the same document is announced.
                if (!findContainer(container))
                    return;
                const views::ViewRow* current = cachedRowAt(container, row);
                if (!current || current->unid != unid)
                    return;
                const QModelIndex index = createIndex(row, 0, container);
                Q_EMIT const_cast<ViewModel*>(this)->dataChanged(index, index);
            },
            Qt::QueuedConnection);
    }
}

bool ViewModel::findContainer(const Node* container) const
{
    if (container == m_root.get())
        return true;
    for (const auto& category : m_root->categories) {
        if (category.get() == container)
            return true;
    }
    return false;
}

bool ViewModel::canFetchMore(const QModelIndex& parent) const
{
    if (!parent.isValid() || parent.column() > 0)
        return false;
    auto* container = static_cast<Node*>(parent.internalPointer());
    if (container->categorised)
        return false;
    if (const Node* node = findNode(parent))
        return !node->fetched && node->doc.hasResponses;
    const views::ViewRow* row = rowAt(container, parent.row());
    return row && row->hasResponses;
}

void ViewModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent))
        return;
    Node* node = nodeOf(parent);
    if (!node)
        return;
    auto responses = m_query->responses(node->doc.unid);
    node->fetched = true;
    if (!responses) {
        report(responses.status());
        return;
    }
    if (responses->empty())
        return;
    beginInsertRows(parent, 0, static_cast<int>(responses->size()) - 1);
    node->responses = std::move(responses).value();
    endInsertRows();
}

void ViewModel::setProcessingCells(app::WorkflowCells* cells)
{
    m_cells = cells;
    m_processingColumn = -1;
    const auto& columns = view().columns;
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i].item == QLatin1String(views::kColumnProcessing))
            m_processingColumn = static_cast<int>(i);
    if (m_cells && rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

QVariant ViewModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    auto* container = static_cast<Node*>(index.internalPointer());
    if (container->categorised) {
        if (index.row() >= static_cast<int>(container->categories.size()))
            return {};
        const Node& c = *container->categories[static_cast<std::size_t>(index.row())];
        switch (role) {
        case Qt::DisplayRole:
            return index.column() == 0 ? QVariant(c.category.title) : QVariant();
        case CategoryRole:
            return true;
        case CountRole:
            return QVariant::fromValue<qint64>(c.count);
        case UnidRole:
            return QString();
        case UnreadRole:
        case ConflictRole:
            return false;
        default:
            return {};
        }
    }
    const views::ViewRow* row = rowAt(container, index.row());
    if (!row)
        return {};
    const bool processing = m_cells && m_processingColumn >= 0 && !row->conflict;
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == 0 && view().isCategorised())
            return QString();
        if (processing && index.column() == m_processingColumn) {
            const auto cell = m_cells->cell(row->unid);
            return cell ? cell->text : QString();
        }
        return row->values.value(index.column());
    case Qt::ForegroundRole:
        if (processing) {
            const auto cell = m_cells->cell(row->unid);
            if (cell && cell->due == workdays::DeadlineState::Overdue)
                return QColor(0xc6, 0x28, 0x28);
            if (cell && cell->due == workdays::DeadlineState::DueSoon)
                return QColor(0xb2, 0x6a, 0x00);
        }
        return {};
    case Qt::FontRole:
        if (!row->unread && !row->conflict)
            return {};
        {
            QFont font;
            font.setBold(row->unread);
            font.setItalic(row->conflict);
            return font;
        }
    case Qt::DecorationRole:
        return markerAt(*row, index.column(), role);
    case Qt::ToolTipRole:
        if (row->conflict)
            return tr("Replication conflict: a version that lost to the document above. Open it to compare "
                      "and keep what is needed.");
        return markerAt(*row, index.column(), role);
    case UnidRole:
        return row->unid.toHex();
    case UnreadRole:
        return row->unread;
    case ConflictRole:
        return row->conflict;
    case CategoryRole:
        return false;
    default:
        return {};
    }
}

QVariant ViewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return {};
    const views::ViewColumn& column = view().columns[static_cast<std::size_t>(section)];
    if (role == Qt::DisplayRole)
        return column.translatedTitle();
    return {};
}

Qt::ItemFlags ViewModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

void ViewModel::sort(int column, Qt::SortOrder order)
{
    const bool descending = order == Qt::DescendingOrder;
    if (view().isCategorised() && column == 0) {
        if (descending == m_categoriesDescending)
            return;
        m_categoriesDescending = descending;
    } else {
        const views::ViewSort sort{column, descending};
        if (!m_query->canSort(sort) || sort == m_sort)
            return;
        m_sort = sort;
    }
    beginResetModel();
    loadRoot();
    endResetModel();
}

QModelIndex ViewModel::indexOfIn(const Unid& unid, const QVariant& category) const
{
    Node* container = m_root.get();
    if (m_root->categorised) {
        const auto it = std::find_if(m_root->categories.begin(), m_root->categories.end(),
                                     [&](const auto& c) { return c->category.key == category; });
        if (it == m_root->categories.end())
            return {};
        container = it->get();
    }
    auto position = m_query->position(unid, m_sort, m_root->categorised ? category : QVariant());
    if (!position) {
        report(position.status());
        return {};
    }
    if (!*position || **position >= container->childCount())
        return {};
    return createIndex(static_cast<int>(**position), 0, container);
}

QModelIndex ViewModel::indexOf(const Unid& unid) const
{
    if (!m_root->categorised)
        return indexOfIn(unid, {});
    auto category = m_query->categoryOf(unid);
    if (!category || !*category) {
        report(category.status());
        return {};
    }
    return indexOfIn(unid, **category);
}

void ViewModel::setRead(const QModelIndex& index, bool read)
{
    if (!index.isValid() || !m_marks)
        return;
    auto* container = static_cast<Node*>(index.internalPointer());
    if (container->categorised)
        return;
    auto* row = const_cast<views::ViewRow*>(rowAt(container, index.row()));
    if (!row || row->unread != read)
        return;
    if (const Status status = m_marks->setRead(row->unid, read); !status.isOk()) {
        report(status);
        return;
    }
    row->unread = !read;
    if (Node* node = findNode(index))
        node->doc.unread = !read;
    Q_EMIT dataChanged(index.siblingAtColumn(0), index.siblingAtColumn(columnCount() - 1));
}

void ViewModel::fetchSilently(Node* node)
{
    // Inside a layout change: the rows appear with it, without insert signals.
    if (!node || node->fetched || !node->doc.hasResponses)
        return;
    auto responses = m_query->responses(node->doc.unid);
    report(responses.status());
    node->responses = responses.valueOr({});
    node->fetched = true;
}

void ViewModel::refresh()
{
    auto seq = m_query->indexedSeq();
    if (!seq) {
        report(seq.status());
        return;
    }
    if (*seq == m_seq) {
        // Same documents: only read marks may have changed. Drop the cached pages and let
        // the views repaint what they show.
        m_root->dropPages();
        if (rowCount() > 0)
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
        for (const auto& c : m_root->categories) {
            if (c->count > 0) {
                const QModelIndex parent = createIndex(c->row, 0, m_root.get());
                Q_EMIT dataChanged(index(0, 0, parent),
                                   index(rowCount(parent) - 1, columnCount() - 1, parent));
            }
        }
        return;
    }

    // What each persistent index (expanded items, the current item, the selection) shows,
    // taken from what is already read: the index file has changed under the cached pages.
    struct Identity
    {
        enum class Kind
        {
            None,
            Category,
            Document,
            Response
        } kind = Kind::None;
        QVariant category;
        Unid unid;
        Unid parent;
        bool expanded = false; // a document whose responses were read: read them again
    };
    // Views (and the model tester) make persistent indexes when told the layout changes:
    // collect them after that.
    Q_EMIT layoutAboutToBeChanged();
    const QModelIndexList persistent = persistentIndexList();
    std::vector<Identity> identities;
    identities.reserve(static_cast<std::size_t>(persistent.size()));
    for (const QModelIndex& p : persistent) {
        Identity id;
        auto* container = static_cast<Node*>(p.internalPointer());
        if (container->categorised) {
            if (p.row() < static_cast<int>(container->categories.size())) {
                id.kind = Identity::Kind::Category;
                id.category = container->categories[static_cast<std::size_t>(p.row())]->category.key;
            }
        } else if (container->kind == Node::Kind::Document) {
            if (p.row() < static_cast<int>(container->responses.size())) {
                id.kind = Identity::Kind::Response;
                id.parent = container->doc.unid;
                id.unid = container->responses[static_cast<std::size_t>(p.row())].unid;
            }
        } else if (const auto node = container->children.find(p.row()); node != container->children.end()) {
            id.kind = Identity::Kind::Document;
            id.unid = node->second->doc.unid;
            id.expanded = node->second->fetched;
        } else if (const auto page = container->pages.constFind(p.row() / kPageSize);
                   page != container->pages.cend() && p.row() % kPageSize < static_cast<int>(page->size())) {
            id.kind = Identity::Kind::Document;
            id.unid = page->at(static_cast<std::size_t>(p.row() % kPageSize)).unid;
        }
        identities.push_back(std::move(id));
    }

    const std::unique_ptr<Node> old = std::move(m_root);
    loadRoot();
    QModelIndexList moved;
    moved.reserve(persistent.size());
    for (qsizetype i = 0; i < persistent.size(); ++i) {
        const Identity& id = identities[static_cast<std::size_t>(i)];
        const int column = persistent[i].column();
        QModelIndex to;
        switch (id.kind) {
        case Identity::Kind::None:
            break;
        case Identity::Kind::Category:
            for (const auto& c : m_root->categories) {
                if (c->category.key == id.category) {
                    to = createIndex(c->row, column, m_root.get());
                    break;
                }
            }
            break;
        case Identity::Kind::Document:
            to = indexOf(id.unid);
            if (to.isValid() && id.expanded)
                fetchSilently(nodeOf(to));
            if (to.isValid())
                to = createIndex(to.row(), column, to.internalPointer());
            break;
        case Identity::Kind::Response: {
            const QModelIndex parent = indexOf(id.parent);
            Node* node = parent.isValid() ? nodeOf(parent) : nullptr;
            fetchSilently(node);
            for (std::size_t r = 0; node && r < node->responses.size(); ++r) {
                if (node->responses[r].unid == id.unid) {
                    to = createIndex(static_cast<int>(r), column, node);
                    break;
                }
            }
            break;
        }
        }
        moved.push_back(to);
    }
    changePersistentIndexList(persistent, moved);
    Q_EMIT layoutChanged();
}

} // namespace sen::gui
