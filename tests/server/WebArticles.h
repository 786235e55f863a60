#pragma once

// News articles and weekly schedule records written straight into a replica file for the
// intranet site's tests, as replication would store them on the server.

#include "common/schedule/Schedule.h"
#include "common/store/ReplicaStore.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QStringList>

namespace sen::test {

struct WebArticle
{
    QString title;
    QString summary;
    QString category;
    QDateTime published; // invalid: a draft
    QString author;
    QString bodyHtml;
    QList<QPair<QString, QByteArray>> files; // attachments: name and bytes
    QStringList readers;                     // a Readers item when not empty
};

// Saves `article` as a TinTuc document of `store`; returns its UNID.
Unid addArticle(ReplicaStore& store, const WebArticle& article);

struct WebEntry
{
    QDate day;
    QString time; // "07:30"
    QString content;
    QString presiding;
    QStringList participants;
    QString place;
};

// A schedule entry (LichCongTac) of a calendar replica; returns its UNID.
Unid addEntry(ReplicaStore& store, const WebEntry& entry);
// A week action: `word` "Duyệt" (approve) or "Công bố" (publish).
void addWeekAction(ReplicaStore& store, const schedule::WeekId& week, const QString& word);
// A change record of `entry`: `kind` "Thay đổi" or "Hoãn/Hủy".
void addChange(ReplicaStore& store, const Unid& entry, const QString& kind, const QString& reason);

// A small PNG (a blue gradient with a red bar), `width` x `height`.
QByteArray samplePng(int width, int height);

} // namespace sen::test
