#include "server/audit/AuditRecord.h"

#include "common/crypto/Sha256.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

#include <array>
#include <cmath>

namespace sen::server {

namespace {

constexpr qint64 kMaxSeq = qint64{1} << 53; // exact in a JSON number read as double

// Minimal JSON escaping (docs/audit-log.md): '"' and '\\', the short escapes for
// \b \f \n \r \t, \u00xx (lowercase hex) for the other control characters and DEL; all
// other characters as UTF-8.
void appendString(QByteArray& out, const QString& text)
{
    out += '"';
    const QByteArray utf8 = text.toUtf8();
    for (char ch : utf8) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (c < 0x20 || c == 0x7f) {
                static constexpr char kHex[] = "0123456789abcdef";
                out += "\\u00";
                out += kHex[c >> 4];
                out += kHex[c & 0xf];
            } else {
                out += ch;
            }
        }
    }
    out += '"';
}

QByteArray serialize(const AuditRecord& r, bool withHash)
{
    QByteArray out;
    out.reserve(256 + r.detail.size());
    auto key = [&](const char* name) {
        out += out.isEmpty() ? "{\"" : ",\"";
        out += name;
        out += "\":";
    };
    // Keys in byte order.
    key("actor");
    appendString(out, r.actor);
    key("detail");
    appendString(out, r.detail);
    if (withHash) {
        key("hash");
        appendString(out, r.hash);
    }
    key("kind");
    appendString(out, r.kind);
    key("peer");
    appendString(out, r.peer);
    key("prev");
    appendString(out, r.prev);
    key("seq");
    out += QByteArray::number(r.seq);
    key("time");
    appendString(out, r.time);
    key("v");
    out += QByteArray::number(r.version);
    out += '}';
    return out;
}

Status malformed(const char* field)
{
    return Status(ErrorCode::Corruption,
                  QStringLiteral("missing or malformed field \"%1\"").arg(QLatin1String(field)));
}

} // namespace

QByteArray AuditRecord::canonicalBody() const
{
    return serialize(*this, false);
}

QString AuditRecord::computeHash() const
{
    return crypto::Sha256::hash(canonicalBody()).toHex();
}

QByteArray AuditRecord::toLine() const
{
    return serialize(*this, true);
}

QString zeroAuditHash()
{
    return QString(64, u'0');
}

bool isAuditHash(QStringView hex)
{
    if (hex.size() != 64)
        return false;
    for (QChar c : hex) {
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return false;
    }
    return true;
}

Result<AuditRecord> AuditRecord::parse(QByteArrayView line)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(line.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return Status(ErrorCode::Corruption, QStringLiteral("not valid JSON"));
    const QJsonObject object = doc.object();

    static constexpr std::array<const char*, 9> kKeys{"actor", "detail", "hash", "kind", "peer",
                                                      "prev",  "seq",    "time", "v"};
    for (auto it = object.begin(); it != object.end(); ++it) {
        bool known = false;
        for (const char* k : kKeys)
            known = known || it.key() == QLatin1String(k);
        if (!known)
            return Status(ErrorCode::Corruption, QStringLiteral("unknown field \"%1\"").arg(it.key()));
    }

    AuditRecord r;
    const QJsonValue v = object.value(QLatin1String("v"));
    if (!v.isDouble() || v.toDouble() != std::floor(v.toDouble()))
        return malformed("v");
    if (v.toInt() != kFormatVersion)
        return Status(ErrorCode::Corruption,
                      QStringLiteral("unsupported format version %1").arg(v.toDouble()));
    r.version = kFormatVersion;

    const QJsonValue seq = object.value(QLatin1String("seq"));
    if (!seq.isDouble() || seq.toDouble() != std::floor(seq.toDouble()) || seq.toDouble() < 1 ||
        seq.toDouble() > static_cast<double>(kMaxSeq))
        return malformed("seq");
    r.seq = static_cast<qint64>(seq.toDouble());

    struct TextField
    {
        const char* name;
        QString* target;
    };
    const std::array<TextField, 7> texts{{{"time", &r.time},
                                          {"kind", &r.kind},
                                          {"actor", &r.actor},
                                          {"peer", &r.peer},
                                          {"detail", &r.detail},
                                          {"prev", &r.prev},
                                          {"hash", &r.hash}}};
    for (const TextField& field : texts) {
        const QJsonValue value = object.value(QLatin1String(field.name));
        if (!value.isString())
            return malformed(field.name);
        *field.target = value.toString();
    }
    if (!isAuditHash(r.prev))
        return malformed("prev");
    if (!isAuditHash(r.hash))
        return malformed("hash");
    if (!QDateTime::fromString(r.time, Qt::ISODateWithMs).isValid())
        return malformed("time");
    if (r.toLine() != line)
        return Status(ErrorCode::Corruption, QStringLiteral("not in canonical form"));
    return r;
}

} // namespace sen::server
