#include "replication/protocol/Numbers.h"

#include "common/registers/Registers.h"
#include "replication/protocol/BoundedCbor.h"

#include <QCborArray>

namespace sen::protocol {

namespace {

Status bad(const char* what)
{
    return Status(ErrorCode::ProtocolError, QStringLiteral("malformed message: %1").arg(QLatin1String(what)));
}

std::optional<Unid> unidOf(const QCborValue& v)
{
    if (!v.isByteArray())
        return std::nullopt;
    auto unid = Unid::fromBytes(v.toByteArray());
    if (!unid || unid->isNull())
        return std::nullopt;
    return unid;
}

bool isNumber(const QCborValue& v)
{
    return v.isInteger() && v.toInteger() >= 1 && v.toInteger() <= registers::kMaxNumber;
}

Result<QCborArray> entries(QByteArrayView payload)
{
    SEN_ASSIGN_OR_RETURN(const QCborValue value, parseBoundedCbor(payload));
    if (!value.isArray() || value.toArray().isEmpty() || value.toArray().size() > kMaxNumberRequests)
        return bad("numbers: between 1 and 256 entries");
    return value.toArray();
}

} // namespace

QByteArray encodeNumberRequests(const std::vector<NumberRequest>& requests)
{
    QCborArray out;
    for (const NumberRequest& r : requests)
        out.append(QCborArray{r.unid.toBytes(), r.registerUnid.toBytes(), r.period,
                              r.requested ? QCborValue(*r.requested) : QCborValue(nullptr)});
    return QCborValue(out).toCbor();
}

QByteArray encodeNumberAnswers(const std::vector<NumberAnswer>& answers)
{
    QCborArray out;
    for (const NumberAnswer& a : answers)
        out.append(QCborArray{a.unid.toBytes(), a.number ? QCborValue(*a.number) : QCborValue(nullptr),
                              static_cast<int>(a.code), a.message});
    return QCborValue(out).toCbor();
}

Result<std::vector<NumberRequest>> decodeNumberRequests(QByteArrayView payload)
{
    SEN_ASSIGN_OR_RETURN(const QCborArray list, entries(payload));
    std::vector<NumberRequest> out;
    out.reserve(list.size());
    for (const QCborValue& v : list) {
        const QCborArray e = v.toArray();
        if (!v.isArray() || e.size() != 4)
            return bad("number request");
        const auto unid = unidOf(e[0]);
        const auto reg = unidOf(e[1]);
        const bool periodOk = e[2].isInteger() && e[2].toInteger() >= 0 && e[2].toInteger() <= 9999;
        if (!unid || !reg || !periodOk || !(e[3].isNull() || isNumber(e[3])))
            return bad("number request");
        NumberRequest r{*unid, *reg, e[2].toInteger(), std::nullopt};
        if (!e[3].isNull())
            r.requested = e[3].toInteger();
        out.push_back(r);
    }
    return out;
}

Result<std::vector<NumberAnswer>> decodeNumberAnswers(QByteArrayView payload)
{
    SEN_ASSIGN_OR_RETURN(const QCborArray list, entries(payload));
    std::vector<NumberAnswer> out;
    out.reserve(list.size());
    for (const QCborValue& v : list) {
        const QCborArray e = v.toArray();
        if (!v.isArray() || e.size() != 4)
            return bad("number answer");
        const auto unid = unidOf(e[0]);
        const auto code = e[2].isInteger() ? errorCodeFromInt(e[2].toInteger()) : std::nullopt;
        const bool given = !e[1].isNull();
        if (!unid || (given && !isNumber(e[1])) || !code || given != (*code == ErrorCode::Ok) ||
            !e[3].isString() || e[3].toString().size() > kMaxNumberMessage)
            return bad("number answer");
        NumberAnswer a{*unid, std::nullopt, *code, e[3].toString()};
        if (given)
            a.number = e[1].toInteger();
        out.push_back(a);
    }
    return out;
}

} // namespace sen::protocol
