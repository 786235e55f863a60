#pragma once

// A memo of the costly parts of ViewRowBuilder over many documents: the sort key of a text
// (its foldForSearch folding), which repeats across a database (issuers, types, statuses),
// and the local date of a time with its dd/MM/yyyy text, which repeats by day. Every answer
// equals the plain function's (ViewRowBuilder::textKey, formatDate, plainLocalDate); the
// memo only spares recomputing it.
//
// Local dates: the offset from UTC is looked up once per UTC hour and used for the whole hour
// when it is the same at both of its ends (no time-zone transition inside), else the time is
// converted on its own. Memory is bounded: a full table is emptied and starts again.
//
// Thread-safety: none; one memo per indexer.

#include <QDate>
#include <QHash>
#include <QString>

#include <cstdint>

namespace sen::views {

class ViewValueMemo
{
public:
    // ViewRowBuilder::textKey(text).
    QString textKey(const QString& text);
    // The local date of Unix ms, as QDateTime::fromMSecsSinceEpoch(ms).date().
    QDate localDate(std::int64_t ms);
    // ViewRowBuilder::formatDate(ms).
    QString formatDate(std::int64_t ms);

    // The local date without a memo.
    static QDate plainLocalDate(std::int64_t ms);

    static constexpr qsizetype kMaxEntries = 8192;

private:
    QHash<QString, QString> m_keys;      // first kMaxKey characters -> key
    QHash<std::int64_t, int> m_offsets;  // UTC hour -> offset in seconds, or kNoOffset
    QHash<std::int64_t, QString> m_days; // Julian day -> dd/MM/yyyy
};

} // namespace sen::views
