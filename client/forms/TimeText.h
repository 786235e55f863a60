#pragma once

// Times of day as people type them in a Vietnamese office (EditorHint::Time fields, e.g. a
// meeting's "Giờ"): "14:00", "14h", "14h30", "14g30", "14.30", "1400", "930", "9". Stored as
// "HH:mm" (docs/forms.md). GUI-free.

#include <QString>
#include <QTime>

#include <optional>

namespace sen::forms {

// The time `text` names (surrounding spaces ignored), or nullopt when it names none
// ("25h", "14:60", "abc", empty).
std::optional<QTime> parseTimeText(const QString& text);
// The stored form of `text`: "HH:mm", or nullopt as above.
std::optional<QString> normalizeTimeText(const QString& text);

} // namespace sen::forms
