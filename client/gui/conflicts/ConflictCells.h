#pragma once

// How the conflict dialog words one side of one item: its value as one line of text for
// people (rich text as plain text, long values elided with the whole text for a tooltip),
// and who changed it when. GUI thread only (uses tr()).

#include "common/model/Item.h"

#include <QCoreApplication>
#include <QString>

#include <functional>
#include <optional>

namespace sen::gui {

struct CellText
{
    QString text;         // what the cell shows
    QString tooltip;      // the whole value (up to kMaxTooltipChars), empty when missing
    bool missing = false; // no value on this side (absent or removed): shown dimmed
};

// Names the author of an edit from its stamp; the dialog's default says "this replica" for
// the local instance and "replica 1a2b3c4d" for others.
using WhoFor = std::function<QString(const Stamp& stamp)>;

class ConflictCells
{
    Q_DECLARE_TR_FUNCTIONS(ConflictCells)
public:
    // Values longer than this many characters are elided.
    static constexpr int kMaxChars = 80;
    static constexpr int kMaxTooltipChars = 2000;

    // The value on one side: "(none)" when absent, "(removed)" for a tombstone.
    static CellText value(const std::optional<Item>& item);
    // "dd/MM/yyyy HH:mm, <who>" for the stamp of a present item (a removal included); empty
    // when the item is absent.
    static QString changed(const std::optional<Item>& item, const WhoFor& whoFor);
    // The default WhoFor for a replica whose own instance is `local`.
    static WhoFor defaultWhoFor(const InstanceId& local);
};

} // namespace sen::gui
