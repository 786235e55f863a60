#pragma once

// News articles written straight into a news replica file for the intranet site's tests and
// its benchmark's setup, as replication would store them on the server.

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

// A small PNG (a blue gradient with a red bar), `width` x `height`.
QByteArray samplePng(int width, int height);

} // namespace sen::test
