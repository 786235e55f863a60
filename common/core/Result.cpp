#include "common/core/Result.h"

namespace sen {

std::optional<ErrorCode> errorCodeFromInt(qint64 value)
{
    if (value < static_cast<int>(ErrorCode::Ok) || value > static_cast<int>(ErrorCode::StaleInstance))
        return std::nullopt;
    return static_cast<ErrorCode>(value);
}

const char* errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Ok:
        return "Ok";
    case ErrorCode::NotFound:
        return "NotFound";
    case ErrorCode::Corruption:
        return "Corruption";
    case ErrorCode::IoError:
        return "IoError";
    case ErrorCode::InvalidArgument:
        return "InvalidArgument";
    case ErrorCode::Conflict:
        return "Conflict";
    case ErrorCode::PermissionDenied:
        return "PermissionDenied";
    case ErrorCode::ProtocolError:
        return "ProtocolError";
    case ErrorCode::Unsupported:
        return "Unsupported";
    case ErrorCode::DiskFull:
        return "DiskFull";
    case ErrorCode::Busy:
        return "Busy";
    case ErrorCode::Cancelled:
        return "Cancelled";
    case ErrorCode::Internal:
        return "Internal";
    case ErrorCode::StaleInstance:
        return "StaleInstance";
    }
    return "Unknown";
}

QString Status::toString() const
{
    if (isOk())
        return QStringLiteral("OK");
    return QString::fromLatin1(errorCodeName(m_code)) + QStringLiteral(": ") + m_message;
}

Status Status::withContext(const QString& context) const
{
    if (isOk())
        return *this;
    return Status(m_code, context + QStringLiteral(": ") + m_message);
}

} // namespace sen
