#include "client/print/TablePage.h"

#include "client/print/TextBlock.h"

#include <QFileInfo>
#include <QFont>
#include <QGuiApplication>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPdfWriter>

#include <algorithm>
#include <memory>

namespace sen::print {

namespace {

constexpr double kMarginMm = 12;
constexpr double kPaddingMm = 1.2;

QFont font(double points, bool bold = false, bool italic = false)
{
    return printFont(points, bold, italic);
}

using Block = TextBlock;

// The page's geometry and the table's fonts on one device.
class Layout
{
public:
    Layout(const TableSpec& spec, QPagedPaintDevice& device)
        : m_spec(spec), m_device(device), m_mm(device.logicalDpiX() / 25.4), m_width(device.width()),
          m_height(device.height()), m_body(font(spec.fontPoints)), m_bold(font(spec.fontPoints, true))
    {
        double weights = 0;
        for (const app::ReportColumn& column : spec.columns)
            weights += column.weight;
        double x = 0;
        for (const app::ReportColumn& column : spec.columns) {
            const double width = m_width * column.weight / weights;
            m_columns.push_back({x, width});
            x += width;
        }
        const double line = Block(QStringLiteral("Ấg"), m_body, &device, m_width).height();
        m_minRow = std::max(1, spec.minRowLines) * line + 2 * pad();
        m_footer = line + 3 * m_mm;
        m_firstHead = heading(nullptr, 1);
        m_otherHead = heading(nullptr, 2);
        m_tableHead = tableHeading(nullptr, 0);
    }

    double pad() const { return kPaddingMm * m_mm; }

    double rowHeight(const QStringList& cells) const
    {
        double height = m_minRow;
        for (int i = 0; i < int(m_columns.size()) && i < cells.size(); ++i)
            if (!cells[i].isEmpty())
                height = std::max(height, cellBlock(cells[i], i, m_body).height() + 2 * pad());
        return height;
    }

    // The room the rows of page `page` (1-based) have.
    double rowsRoom(int page) const { return m_height - top(page) - m_tableHead - m_footer; }

    // Paints (or, without a painter, measures) the top of page `page`; returns its height.
    double heading(QPainter* painter, int page) const
    {
        const TableHeading& heading = m_spec.heading;
        if (page > 1) {
            const Block block(heading.running, font(m_spec.fontPoints, false, true), &m_device, m_width,
                              Qt::AlignHCenter);
            if (painter)
                block.draw(*painter, {0, 0});
            return block.height() + 2 * m_mm;
        }
        const Block name(heading.office.toUpper(), font(10, true), &m_device, m_width * 0.45,
                         Qt::AlignHCenter);
        const Block title(heading.title, font(15, true), &m_device, m_width, Qt::AlignHCenter);
        double y = 0;
        if (painter) {
            name.draw(*painter, {0, y});
            const double rule = y + name.height() + 1.5 * m_mm;
            painter->drawLine(QPointF(m_width * 0.175, rule), QPointF(m_width * 0.275, rule));
        }
        y += name.height() + 5 * m_mm;
        if (painter)
            title.draw(*painter, {0, y});
        y += title.height() + 1.5 * m_mm;
        for (const QString& text : heading.subtitles) {
            if (text.isEmpty())
                continue;
            const Block line(text, font(11, false, true), &m_device, m_width, Qt::AlignHCenter);
            if (painter)
                line.draw(*painter, {0, y});
            y += line.height() + 1 * m_mm;
        }
        return y + 4 * m_mm;
    }

    // Paints (or measures) the column headings and their numbers at `top`; returns the height.
    double tableHeading(QPainter* painter, double top) const
    {
        double titles = 0;
        for (std::size_t i = 0; i < m_columns.size(); ++i)
            titles = std::max(titles,
                              cellBlock(m_spec.columns[i].title, int(i), m_bold, Qt::AlignHCenter).height());
        titles += 2 * pad();
        const double numbers = Block(QStringLiteral("(1)"), m_body, &m_device, m_width).height() + pad();
        if (painter) {
            painter->fillRect(QRectF(0, top, m_width, titles + numbers), QColor(235, 235, 235));
            for (std::size_t i = 0; i < m_columns.size(); ++i) {
                const auto [x, width] = m_columns[i];
                const Block block = cellBlock(m_spec.columns[i].title, int(i), m_bold, Qt::AlignHCenter);
                block.draw(*painter, {x + pad(), top + (titles - block.height()) / 2});
                const Block number(QStringLiteral("(%1)").arg(i + 1), m_body, &m_device, width,
                                   Qt::AlignHCenter);
                number.draw(*painter, {x, top + titles + pad() / 2});
                painter->drawRect(QRectF(x, top, width, titles));
                painter->drawRect(QRectF(x, top + titles, width, numbers));
            }
        }
        return titles + numbers;
    }

    void row(QPainter& painter, const QStringList& cells, double top, double height) const
    {
        painter.save();
        painter.setClipRect(QRectF(0, top, m_width, height));
        for (std::size_t i = 0; i < m_columns.size(); ++i) {
            const auto [x, width] = m_columns[i];
            if (int(i) < cells.size() && !cells[int(i)].isEmpty()) {
                const Qt::Alignment alignment = m_spec.columns[i].centred ? Qt::AlignHCenter : Qt::AlignLeft;
                cellBlock(cells[int(i)], int(i), m_body, alignment).draw(painter, {x + pad(), top + pad()});
            }
        }
        painter.restore();
        for (std::size_t i = 0; i < m_columns.size(); ++i)
            painter.drawRect(QRectF(m_columns[i].first, top, m_columns[i].second, height));
    }

    void footer(QPainter& painter, int page, int pages) const
    {
        const Block block(QStringLiteral("Trang %1/%2").arg(page).arg(pages), m_body, &m_device, m_width,
                          Qt::AlignHCenter);
        block.draw(painter, {0, m_height - block.height()});
    }

    double top(int page) const { return page == 1 ? m_firstHead : m_otherHead; }
    double tableHeadHeight() const { return m_tableHead; }

private:
    Block cellBlock(const QString& text, int column, const QFont& f,
                    Qt::Alignment alignment = Qt::AlignLeft) const
    {
        return Block(text, f, &m_device, m_columns[std::size_t(column)].second - 2 * pad(), alignment);
    }

    const TableSpec& m_spec;
    QPagedPaintDevice& m_device;
    double m_mm;
    double m_width;
    double m_height;
    QFont m_body;
    QFont m_bold;
    std::vector<std::pair<double, double>> m_columns; // x, width
    double m_minRow = 0;
    double m_footer = 0;
    double m_firstHead = 0;
    double m_otherHead = 0;
    double m_tableHead = 0;
};

} // namespace

Result<int> paintTable(const TableSpec& spec, QPagedPaintDevice& device)
{
    if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance()))
        return Status(ErrorCode::Internal, QStringLiteral("printing needs a QGuiApplication (fonts)"));
    if (spec.columns.empty())
        return Status(ErrorCode::InvalidArgument, QStringLiteral("the table has no columns"));
    device.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), spec.orientation,
                                     QMarginsF(kMarginMm, kMarginMm, kMarginMm, kMarginMm),
                                     QPageLayout::Millimeter));
    QPainter painter;
    if (!painter.begin(&device))
        return Status(ErrorCode::IoError, QStringLiteral("cannot paint on the printer or file"));
    const Layout layout(spec, device);

    // Pages first (each a range of rows), so that every footer can say how many there are.
    std::vector<double> heights;
    heights.reserve(spec.rows.size());
    std::vector<std::size_t> pageStarts{0};
    double used = 0;
    for (std::size_t i = 0; i < spec.rows.size(); ++i) {
        const double height = layout.rowHeight(spec.rows[i]);
        heights.push_back(height);
        const double room = layout.rowsRoom(int(pageStarts.size()));
        if (used > 0 && used + height > room) {
            pageStarts.push_back(i);
            used = 0;
        }
        used += std::min(height, layout.rowsRoom(int(pageStarts.size())));
    }
    const int pages = int(pageStarts.size());

    QPen pen(Qt::black);
    pen.setWidthF(device.logicalDpiX() / 25.4 * 0.2);
    for (int page = 1; page <= pages; ++page) {
        if (page > 1)
            device.newPage();
        painter.setPen(pen);
        layout.heading(&painter, page);
        double y = layout.top(page);
        layout.tableHeading(&painter, y);
        y += layout.tableHeadHeight();
        const std::size_t end = page < pages ? pageStarts[std::size_t(page)] : spec.rows.size();
        const double room = layout.rowsRoom(page);
        for (std::size_t i = pageStarts[std::size_t(page - 1)]; i < end; ++i) {
            const double height = std::min(heights[i], room);
            layout.row(painter, spec.rows[i], y, height);
            y += height;
        }
        layout.footer(painter, page, pages);
    }
    if (!painter.end())
        return Status(ErrorCode::IoError, QStringLiteral("the printer or file refused the pages"));
    return pages;
}

Result<int> writeTablePdf(const TableSpec& spec, const QString& path, const QString& documentTitle)
{
    if (QFileInfo(path).isDir())
        return Status(ErrorCode::InvalidArgument, QStringLiteral("%1 is a folder").arg(path));
    auto writer = std::make_unique<QPdfWriter>(path);
    writer->setResolution(300);
    writer->setCreator(QStringLiteral("Sen"));
    writer->setTitle(documentTitle);
    auto pages = paintTable(spec, *writer);
    writer.reset(); // closes the file
    if (pages && !QFileInfo(path).isFile())
        return Status(ErrorCode::IoError, QStringLiteral("%1 could not be written").arg(path));
    return pages;
}

} // namespace sen::print
