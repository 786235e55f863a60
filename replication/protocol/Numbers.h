#pragma once

// The numbering messages of protocol version 4 (docs/protocol.md §Numbers; docs/registers.md):
// NUMBER asks the responder, the authority over its registers, for the numbers of
// registrations; NUMBERS answers each request in order. Decoders bound every field: at most
// kMaxNumberRequests entries, document IDs of 16 bytes, a period 0 or a year 1..9999, numbers
// 1..registers::kMaxNumber, messages of at most kMaxNumberMessage characters.

#include "common/core/Ids.h"
#include "common/core/Result.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <vector>

namespace sen::protocol {

// Registrations in one NUMBER: an office registers a few hundred documents a day at most, and
// a client that has more awaiting sends them in several messages.
constexpr int kMaxNumberRequests = 256;
constexpr int kMaxNumberMessage = 1000;

struct NumberRequest
{
    Unid unid;                       // the registration
    Unid registerUnid;               // its register (SoVanBan)
    qint64 period = 0;               // the Vietnam year of its date; 0 in a register of a term
    std::optional<qint64> requested; // a number typed by hand (re-registering paper)
};

struct NumberAnswer
{
    Unid unid;
    std::optional<qint64> number; // given (or already bound to it); none: refused
    ErrorCode code = ErrorCode::Ok;
    QString message; // why it was refused
};

QByteArray encodeNumberRequests(const std::vector<NumberRequest>& requests);
QByteArray encodeNumberAnswers(const std::vector<NumberAnswer>& answers);
// The same, named like the other messages' encoders (Messages.h).
inline QByteArray encode(const std::vector<NumberRequest>& m)
{
    return encodeNumberRequests(m);
}
inline QByteArray encode(const std::vector<NumberAnswer>& m)
{
    return encodeNumberAnswers(m);
}
Result<std::vector<NumberRequest>> decodeNumberRequests(QByteArrayView payload);
Result<std::vector<NumberAnswer>> decodeNumberAnswers(QByteArrayView payload);

} // namespace sen::protocol
