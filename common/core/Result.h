#pragma once

// One error vocabulary for all of Sen. Functions that can fail return Status (no value) or
// Result<T> (a value or a Status); nothing throws across a library boundary.
// Misuse is a programming error caught in every build type (SEN_CHECK, common/core/Check.h):
// reading the value of a failed Result, or making a failed Result from an Ok status.

#include "common/core/Check.h"

#include <QString>

#include <optional>
#include <utility>

namespace sen {

// Persisted and sent on the wire: the numbers never change.
enum class ErrorCode : int
{
    Ok = 0,
    NotFound = 1,
    Corruption = 2,
    IoError = 3,
    InvalidArgument = 4,
    Conflict = 5,
    PermissionDenied = 6,
    ProtocolError = 7,
    Unsupported = 8, // e.g. a file written by a newer schema version
    DiskFull = 9,
    Busy = 10,
    Cancelled = 11,
    Internal = 12,
    StaleInstance = 13, // a replica file that is a copy or a restored backup: it must take a new instance ID
};

// Stable English name of a code ("NotFound"), for logs and the wire.
[[nodiscard]] const char* errorCodeName(ErrorCode code);

// The code a stored or received number names, or nullopt for a number no code has (a file or
// a peer of a newer Sen, or damage): callers decide what an unknown code means, never a cast.
[[nodiscard]] std::optional<ErrorCode> errorCodeFromInt(qint64 value);

class [[nodiscard]] Status
{
public:
    Status() = default;
    Status(ErrorCode code, QString message) : m_code(code), m_message(std::move(message)) {}

    static Status ok() { return {}; }

    bool isOk() const { return m_code == ErrorCode::Ok; }
    explicit operator bool() const { return isOk(); }

    ErrorCode code() const { return m_code; }
    const QString& message() const { return m_message; }

    // "Corruption: database disk image is malformed"
    QString toString() const;

    // Prefixes context to the message, keeping the code: "opening x.sen: <message>".
    Status withContext(const QString& context) const;

private:
    ErrorCode m_code = ErrorCode::Ok;
    QString m_message;
};

template <typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(Status status) : m_status(std::move(status))
    {
        SEN_CHECK(!m_status.isOk(), "Result made from an Ok status has no value");
    }
    Result(ErrorCode code, QString message) : m_status(code, std::move(message))
    {
        SEN_CHECK(code != ErrorCode::Ok, "Result made from ErrorCode::Ok has no value");
    }

    bool isOk() const { return m_value.has_value(); }
    explicit operator bool() const { return isOk(); }

    const Status& status() const { return m_status; }
    ErrorCode code() const { return m_status.code(); }
    const QString& message() const { return m_status.message(); }

    T& value() &
    {
        SEN_CHECK(isOk(), "value() of a failed Result");
        return *m_value;
    }
    const T& value() const&
    {
        SEN_CHECK(isOk(), "value() of a failed Result");
        return *m_value;
    }
    // By value, so `for (auto& x : f().value())` does not dangle.
    T value() &&
    {
        SEN_CHECK(isOk(), "value() of a failed Result");
        return std::move(*m_value);
    }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    T valueOr(T fallback) const { return isOk() ? *m_value : std::move(fallback); }

private:
    std::optional<T> m_value;
    Status m_status;
};

} // namespace sen

// Propagates a failed Status out of the current function.
#define SEN_TRY(expr) SEN_TRY_IMPL(SEN_CONCAT(sen_try_status_, __LINE__), expr)
#define SEN_TRY_IMPL(tmp, expr)                                                                              \
    do {                                                                                                     \
        ::sen::Status tmp = (expr);                                                                          \
        if (!tmp.isOk())                                                                                     \
            return tmp;                                                                                      \
    } while (0)

// Unwraps a Result<T> into `lhs`, or propagates its Status.
#define SEN_ASSIGN_OR_RETURN(lhs, expr)                                                                      \
    SEN_ASSIGN_OR_RETURN_IMPL(SEN_CONCAT(sen_result_, __LINE__), lhs, expr)
#define SEN_CONCAT_INNER(a, b) a##b
#define SEN_CONCAT(a, b) SEN_CONCAT_INNER(a, b)
#define SEN_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr)                                                            \
    auto tmp = (expr);                                                                                       \
    if (!tmp.isOk())                                                                                         \
        return tmp.status();                                                                                 \
    lhs = std::move(tmp).value()
