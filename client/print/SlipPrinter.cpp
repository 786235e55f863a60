#include "client/print/SlipPrinter.h"

#include "client/app/ReportCells.h"
#include "client/print/TextBlock.h"

#include <QFileInfo>
#include <QGuiApplication>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPdfWriter>

#include <functional>
#include <memory>

namespace sen::print {

namespace {

// ND 30 Phụ lục I's margins, roughly: a wider left one for binding.
constexpr double kLeftMm = 25;
constexpr double kRightMm = 15;
constexpr double kTopMm = 15;
constexpr double kBottomMm = 15;
constexpr double kBodyPoints = 11;

// What the flow of the slip is made of: text blocks side by side, and lines drawn under them.
struct Piece
{
    std::vector<std::pair<std::unique_ptr<TextBlock>, double>> blocks; // each at its x
    double height = 0;
    double gapBefore = 0;
    bool keepWithNext = false; // on the same page as the next piece (a heading, an opinion's lines)
    std::function<void(QPainter&, double top)> draw; // lines, after the blocks
};

class SlipLayout
{
public:
    explicit SlipLayout(QPagedPaintDevice& device)
        : m_device(device), m_mm(device.logicalDpiX() / 25.4), m_width(device.width()),
          m_height(device.height())
    {}

    double mm() const { return m_mm; }
    double width() const { return m_width; }

    // A piece of one text block at `x`, `width` wide.
    Piece& text(const QString& text, const QFont& font, double gapMm = 1, double x = 0, double width = -1,
                Qt::Alignment alignment = Qt::AlignLeft, int boldPrefix = 0)
    {
        Piece& piece = add(gapMm);
        place(piece, text, font, x, width < 0 ? m_width - x : width, alignment, boldPrefix);
        return piece;
    }

    // "Label: value" in bold-labelled halves of the width (a half left out when empty).
    void labels(const QString& left, const QString& leftValue, const QString& right = {},
                const QString& rightValue = {})
    {
        Piece& piece = add(1);
        const double half = m_width / 2;
        if (!left.isEmpty())
            place(piece, left + QStringLiteral(": ") + leftValue, body(), 0,
                  right.isEmpty() ? m_width : half - 2 * m_mm, Qt::AlignLeft, int(left.size()) + 1);
        if (!right.isEmpty())
            place(piece, right + QStringLiteral(": ") + rightValue, body(), half, half, Qt::AlignLeft,
                  int(right.size()) + 1);
    }

    // A line across the width, `gapMm` under what comes before.
    void rule(double gapMm)
    {
        Piece& piece = add(gapMm);
        piece.height = 1 * m_mm;
        piece.draw = [this](QPainter& painter, double top) {
            painter.drawLine(QPointF(0, top), QPointF(m_width, top));
        };
    }

    // `count` dotted lines to write on by hand.
    void dottedLines(int count)
    {
        Piece& piece = add(1);
        const double step = 8 * m_mm;
        piece.height = count * step;
        piece.draw = [this, count, step](QPainter& painter, double top) {
            painter.save();
            QPen pen = painter.pen();
            pen.setStyle(Qt::DotLine);
            painter.setPen(pen);
            for (int i = 1; i <= count; ++i)
                painter.drawLine(QPointF(0, top + i * step), QPointF(m_width, top + i * step));
            painter.restore();
        };
    }

    QFont body() const { return printFont(kBodyPoints); }

    std::size_t size() const { return m_pieces.size(); }
    // The pieces from `start` on stay on one page (unless they are taller than a page).
    void keepTogether(std::size_t start)
    {
        for (std::size_t i = start; i + 1 < m_pieces.size(); ++i)
            m_pieces[i].keepWithNext = true;
    }

    // Pages (each the index of its first piece), then every page painted.
    Result<int> paint(QPainter& painter)
    {
        const double footer =
            TextBlock(QStringLiteral("Ấg"), printFont(8), &m_device, m_width).height() + 3 * m_mm;
        const double room = m_height - footer;
        std::vector<std::size_t> starts{0};
        std::vector<double> tops(m_pieces.size());
        double y = 0;
        for (std::size_t i = 0; i < m_pieces.size(); ++i) {
            const Piece& piece = m_pieces[i];
            // A piece kept with the next goes to the next page with all it is kept with.
            double needed = piece.gapBefore + piece.height;
            for (std::size_t j = i; m_pieces[j].keepWithNext && j + 1 < m_pieces.size(); ++j)
                needed += m_pieces[j + 1].gapBefore + m_pieces[j + 1].height;
            if (y > 0 && y + needed > room) {
                starts.push_back(i);
                y = 0;
            } else {
                y += piece.gapBefore;
            }
            tops[i] = y;
            y += piece.height;
        }
        const int pages = int(starts.size());
        for (int page = 0; page < pages; ++page) {
            if (page > 0)
                m_device.newPage();
            const std::size_t end = page + 1 < pages ? starts[std::size_t(page + 1)] : m_pieces.size();
            for (std::size_t i = starts[std::size_t(page)]; i < end; ++i) {
                const Piece& piece = m_pieces[i];
                painter.save();
                painter.setClipRect(QRectF(0, tops[i], m_width, std::min(piece.height, room - tops[i])));
                for (const auto& [block, x] : piece.blocks)
                    block->draw(painter, {x, tops[i]});
                painter.restore();
                if (piece.draw)
                    piece.draw(painter, tops[i]);
            }
            if (pages > 1) {
                const TextBlock number(QStringLiteral("Trang %1/%2").arg(page + 1).arg(pages), printFont(8),
                                       &m_device, m_width, Qt::AlignHCenter);
                number.draw(painter, {0, m_height - number.height()});
            }
        }
        return pages;
    }

private:
    Piece& add(double gapMm)
    {
        m_pieces.emplace_back();
        m_pieces.back().gapBefore = gapMm * m_mm;
        return m_pieces.back();
    }

    void place(Piece& piece, const QString& text, const QFont& font, double x, double width,
               Qt::Alignment alignment, int boldPrefix)
    {
        auto block = std::make_unique<TextBlock>(text, font, &m_device, width, alignment, boldPrefix);
        piece.height = std::max(piece.height, block->height());
        piece.blocks.emplace_back(std::move(block), x);
    }

    QPagedPaintDevice& m_device;
    double m_mm;
    double m_width;
    double m_height;
    std::vector<Piece> m_pieces;
};

QString day(const QDate& date)
{
    return app::cells::dayText(date);
}

// "Ngày 16 tháng 11 năm 2026, 09:30" over the author's name, in the right half.
void signature(SlipLayout& layout, const app::SlipOpinion& opinion)
{
    const double half = layout.width() / 2;
    const QDateTime time = opinion.time;
    layout.text(QStringLiteral("Ngày %1 tháng %2 năm %3, %4")
                    .arg(time.date().day(), 2, 10, QLatin1Char('0'))
                    .arg(time.date().month(), 2, 10, QLatin1Char('0'))
                    .arg(time.date().year())
                    .arg(time.toString(QStringLiteral("HH:mm"))),
                printFont(10, false, true), 2, half, half, Qt::AlignHCenter);
    layout.text(opinion.author, printFont(kBodyPoints, true), 1, half, half, Qt::AlignHCenter);
}

void blankOpinion(SlipLayout& layout)
{
    layout.dottedLines(3);
    const double half = layout.width() / 2;
    layout.text(QStringLiteral("Ngày …… tháng …… năm ……"), printFont(10, false, true), 3, half, half,
                Qt::AlignHCenter);
}

void part(SlipLayout& layout, const QString& heading, const std::vector<app::SlipOpinion>& opinions)
{
    layout.text(heading, printFont(kBodyPoints, true), 6).keepWithNext = true;
    if (opinions.empty()) {
        blankOpinion(layout);
        return;
    }
    bool first = true;
    for (const app::SlipOpinion& opinion : opinions) {
        if (!first)
            layout.text(QString(), layout.body(), 2); // room between two opinions
        first = false;
        const std::size_t start = layout.size();
        if (!opinion.part.isEmpty())
            layout.labels(QStringLiteral("Vai trò"), opinion.part, QStringLiteral("Tình trạng"),
                          opinion.status);
        layout.text(opinion.text, layout.body(), 1);
        if (!opinion.lead.isEmpty())
            layout.labels(QStringLiteral("Chủ trì"), opinion.lead);
        if (!opinion.coordinating.isEmpty())
            layout.labels(QStringLiteral("Phối hợp"), opinion.coordinating);
        if (opinion.deadline.isValid())
            layout.labels(QStringLiteral("Hạn giải quyết"), day(opinion.deadline));
        if (!opinion.reply.isEmpty())
            layout.labels(QStringLiteral("Văn bản trả lời"), opinion.reply);
        signature(layout, opinion);
        layout.keepTogether(start); // an opinion is never split from its author
    }
}

void compose(SlipLayout& layout, const app::SlipReport& slip)
{
    const double mm = layout.mm();
    const double column = layout.width() * 0.45;
    Piece& office =
        layout.text(slip.office.toUpper(), printFont(kBodyPoints, true), 0, 0, column, Qt::AlignHCenter);
    office.height += 3 * mm;
    office.draw = [column, mm, height = office.height](QPainter& painter, double top) {
        const double y = top + height - 1.5 * mm;
        painter.drawLine(QPointF(column * 0.35, y), QPointF(column * 0.65, y));
    };
    layout.text(slip.title, printFont(14, true), 8, 0, -1, Qt::AlignHCenter);

    layout.labels(QStringLiteral("Tên loại văn bản"), slip.type, QStringLiteral("Số, ký hiệu"), slip.number);
    layout.labels(QStringLiteral("Ngày văn bản"), day(slip.issued), QStringLiteral("Cơ quan ban hành"),
                  slip.issuer);
    layout.text(QStringLiteral("Trích yếu: ") + slip.abstract, layout.body(), 1, 0, -1, Qt::AlignLeft, 10);
    layout.labels(QStringLiteral("Số đến"), slip.arrivalNumber, QStringLiteral("Ngày đến"),
                  day(slip.arrived));
    layout.labels(QStringLiteral("Tình trạng"), slip.state, QStringLiteral("Hạn giải quyết"),
                  day(slip.deadline));
    layout.rule(3);

    part(layout, QStringLiteral("1. Ý KIẾN CỦA LÃNH ĐẠO CƠ QUAN"), slip.agency);
    part(layout, QStringLiteral("2. Ý KIẾN CỦA LÃNH ĐẠO ĐƠN VỊ"), slip.unit);
    part(layout, QStringLiteral("3. Ý KIẾN ĐỀ XUẤT CỦA NGƯỜI GIẢI QUYẾT"), slip.handler);
}

} // namespace

Result<int> paintSlip(const app::SlipReport& slip, QPagedPaintDevice& device)
{
    if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance()))
        return Status(ErrorCode::Internal, QStringLiteral("printing needs a QGuiApplication (fonts)"));
    device.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                     QMarginsF(kLeftMm, kTopMm, kRightMm, kBottomMm),
                                     QPageLayout::Millimeter));
    QPainter painter;
    if (!painter.begin(&device))
        return Status(ErrorCode::IoError, QStringLiteral("cannot paint on the printer or file"));
    QPen pen(Qt::black);
    pen.setWidthF(device.logicalDpiX() / 25.4 * 0.2);
    painter.setPen(pen);
    SlipLayout layout(device);
    compose(layout, slip);
    const Result<int> pages = layout.paint(painter);
    if (!painter.end())
        return Status(ErrorCode::IoError, QStringLiteral("the printer or file refused the pages"));
    return pages;
}

Result<int> writeSlipPdf(const app::SlipReport& slip, const QString& path)
{
    if (QFileInfo(path).isDir())
        return Status(ErrorCode::InvalidArgument, QStringLiteral("%1 is a folder").arg(path));
    auto writer = std::make_unique<QPdfWriter>(path);
    writer->setResolution(300);
    writer->setCreator(QStringLiteral("Sen"));
    writer->setTitle(slipDocumentName(slip));
    auto pages = paintSlip(slip, *writer);
    writer.reset(); // closes the file
    if (pages && !QFileInfo(path).isFile())
        return Status(ErrorCode::IoError, QStringLiteral("%1 could not be written").arg(path));
    return pages;
}

QString slipDocumentName(const app::SlipReport& slip)
{
    QString name = QStringLiteral("Phiếu giải quyết văn bản đến");
    if (!slip.arrivalNumber.isEmpty())
        name += QStringLiteral(" số ") + slip.arrivalNumber;
    return name;
}

} // namespace sen::print
