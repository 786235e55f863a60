#include "client/gui/conflicts/ConflictCells.h"

#include "client/core/ItemSpec.h"

#include <QDateTime>
#include <QTextDocumentFragment>

namespace sen::gui {

CellText ConflictCells::value(const std::optional<Item>& item)
{
    CellText cell;
    if (!item) {
        cell.text = tr("(none)");
        cell.missing = true;
        return cell;
    }
    if (item->isTombstone()) {
        cell.text = tr("(removed)");
        cell.missing = true;
        return cell;
    }
    QString text = item->type == ItemType::RichText
                       ? QTextDocumentFragment::fromHtml(item->toText()).toPlainText()
                       : client::itemValueToText(*item);
    text = text.simplified(); // one line: paragraphs of rich text and newlines become spaces
    // The whole value as a tooltip: the column may elide even a short one.
    cell.tooltip = text.size() > kMaxTooltipChars ? text.left(kMaxTooltipChars) + QChar(0x2026) : text;
    if (text.size() > kMaxChars)
        text = text.left(kMaxChars - 1).trimmed() + QChar(0x2026);
    cell.text = text;
    return cell;
}

QString ConflictCells::changed(const std::optional<Item>& item, const WhoFor& whoFor)
{
    if (!item)
        return {};
    const QString when = QDateTime::fromMSecsSinceEpoch(hlcPhysicalMs(item->stamp.time))
                             .toLocalTime()
                             .toString(QStringLiteral("dd/MM/yyyy HH:mm"));
    const QString who = whoFor ? whoFor(item->stamp) : QString();
    return who.isEmpty() ? when : tr("%1, %2").arg(when, who);
}

WhoFor ConflictCells::defaultWhoFor(const InstanceId& local)
{
    return [local](const Stamp& stamp) {
        if (stamp.dot.instance == local)
            return tr("this replica");
        return tr("replica %1").arg(stamp.dot.instance.toHex().left(8));
    };
}

} // namespace sen::gui
