#pragma once

// The period a certificate is valid for, in UTC, to the second (X.509 keeps seconds).

#include <QDateTime>

namespace sen::identity {

struct Validity
{
    QDateTime notBefore;
    QDateTime notAfter;

    // `days` days from `from`; `from` defaults to now.
    static Validity days(int days, const QDateTime& from = QDateTime::currentDateTimeUtc())
    {
        const QDateTime start = from.toUTC();
        return {start, start.addDays(days)};
    }

    bool isUsable() const { return notBefore.isValid() && notAfter.isValid() && notBefore < notAfter; }
};

} // namespace sen::identity
