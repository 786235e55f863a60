#pragma once

// Replication failures in words a cadre acts on (issue #5: "errors in plain words"): the
// engine's ErrorCode and English message become one translated sentence saying what happened
// and what to do — the server cannot be reached, the ID was revoked or has expired, no access
// to the database, the disk is full, the link was cut and the next sync resumes. GUI thread
// (tr()).

#include "common/core/Result.h"

#include <QCoreApplication>
#include <QString>

namespace sen::gui {

class SyncErrorText
{
    Q_DECLARE_TR_FUNCTIONS(SyncErrorText)
public:
    // `server` (HOST:PORT) and `database` name the replica's partner in the sentence.
    static QString describe(ErrorCode code, const QString& message, const QString& server,
                            const QString& database);
    static QString describe(const Status& status, const QString& server, const QString& database)
    {
        return describe(status.code(), status.message(), server, database);
    }
};

} // namespace sen::gui
