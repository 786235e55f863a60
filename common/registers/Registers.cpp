#include "common/registers/Registers.h"

#include <QDateTime>

#include <cmath>

namespace sen::registers {

namespace {

Status invalid(const QString& what)
{
    return Status(ErrorCode::InvalidArgument, what);
}

// "Nội bộ" -> "noibo", "ĐẾN" -> "den": what a register's words are compared as (the form
// writes the Vietnamese words, older files and scripts the ASCII codes).
QString fold(const QString& text)
{
    QString out;
    for (const QChar c : text.normalized(QString::NormalizationForm_D)) {
        if (c.category() == QChar::Mark_NonSpacing || c.isSpace())
            continue;
        out += (c == u'đ' || c == u'Đ') ? QChar(u'd') : c.toLower();
    }
    return out;
}

} // namespace

QString directionCode(Direction direction)
{
    switch (direction) {
    case Direction::Incoming:
        return QStringLiteral("Den");
    case Direction::Outgoing:
        return QStringLiteral("Di");
    case Direction::Internal:
        return QStringLiteral("NoiBo");
    }
    return {};
}

QString directionWord(Direction direction)
{
    switch (direction) {
    case Direction::Incoming:
        return QStringLiteral("Đến");
    case Direction::Outgoing:
        return QStringLiteral("Đi");
    case Direction::Internal:
        return QStringLiteral("Nội bộ");
    }
    return {};
}

QString cycleCode(Cycle cycle)
{
    return cycle == Cycle::Year ? QStringLiteral("Nam") : QStringLiteral("NhiemKy");
}

std::optional<Direction> directionFromCode(const QString& code)
{
    for (Direction d : {Direction::Incoming, Direction::Outgoing, Direction::Internal})
        if (fold(code) == fold(directionCode(d)))
            return d;
    return std::nullopt;
}

Result<Register> registerFromDocument(const Document& doc)
{
    if (doc.form != QLatin1String(kRegisterForm) || doc.isDeleted())
        return invalid(QStringLiteral("document %1 is not a register").arg(doc.unid.toHex()));
    Register reg;
    reg.unid = doc.unid;
    reg.name = doc.text(QLatin1String(kItemName)).trimmed();
    if (reg.name.isEmpty())
        return invalid(QStringLiteral("register %1 has no name (TenSo)").arg(doc.unid.toHex()));
    const auto direction = directionFromCode(doc.text(QLatin1String(kItemDirection)).trimmed());
    if (!direction)
        return invalid(QStringLiteral("register %1 has no known direction (Huong: Den, Di or NoiBo)")
                           .arg(doc.unid.toHex()));
    reg.direction = *direction;
    if (const Item* secret = doc.item(QLatin1String(kItemSecret))) {
        const QString word = fold(secret->toText());
        reg.secret = secret->type == ItemType::Number ? secret->toNumber() != 0
                                                      : word == u"1" || word == u"co" || word == u"mat";
    }
    const QString cycle = fold(doc.text(QLatin1String(kItemCycle)));
    if (cycle.isEmpty() || cycle == fold(cycleCode(Cycle::Year)))
        reg.cycle = Cycle::Year;
    else if (cycle == fold(cycleCode(Cycle::Term)))
        reg.cycle = Cycle::Term;
    else
        return invalid(
            QStringLiteral("register %1 has no known cycle (ChuKy: Nam or NhiemKy)").arg(doc.unid.toHex()));
    reg.typeCode = doc.text(QLatin1String(kItemTypeCode)).trimmed();
    reg.issuerCode = doc.text(QLatin1String(kItemIssuerCode)).trimmed();
    const QString style = fold(doc.text(QLatin1String(kItemSymbolStyle)));
    if (style == u"nhanuoc")
        reg.partyStyle = false;
    else if (!style.isEmpty() && style != u"dang")
        return invalid(QStringLiteral("register %1 has no known ký hiệu style (KieuKyHieu: Dang or NhaNuoc)")
                           .arg(doc.unid.toHex()));
    return reg;
}

const QStringList& registrationForms()
{
    static const QStringList kForms{QStringLiteral("VanBanDen"), QStringLiteral("VanBanDi"),
                                    QStringLiteral("VanBanNoiBo")};
    return kForms;
}

std::optional<Direction> directionOfForm(const QString& form)
{
    if (form == QLatin1String("VanBanDen"))
        return Direction::Incoming;
    if (form == QLatin1String("VanBanDi"))
        return Direction::Outgoing;
    if (form == QLatin1String("VanBanNoiBo"))
        return Direction::Internal;
    return std::nullopt;
}

QString numberItem(const QString& form)
{
    return form == QLatin1String("VanBanDen") ? QStringLiteral("SoDen") : QStringLiteral("So");
}

bool isNumberingItem(const QString& form, const QString& item)
{
    const auto direction = directionOfForm(form);
    if (!direction)
        return false;
    return item == numberItem(form) ||
           (*direction != Direction::Incoming && item == QLatin1String("SoKyHieu"));
}

QString dateItem(const QString& form)
{
    return form == QLatin1String("VanBanDen") ? QStringLiteral("NgayDen") : QStringLiteral("NgayBanHanh");
}

std::vector<Register> registersFrom(const std::vector<Document>& docs)
{
    std::vector<Register> out;
    for (const Document& doc : docs)
        if (Result<Register> reg = registerFromDocument(doc); reg.isOk())
            out.push_back(std::move(reg).value());
    return out;
}

std::optional<Register> defaultRegister(const std::vector<Register>& registers, Direction direction,
                                        bool classified)
{
    for (const Register& reg : registers)
        if (reg.direction == direction && reg.secret == classified)
            return reg;
    return std::nullopt;
}

Result<std::optional<Registration>> registrationOf(const Document& doc)
{
    if (doc.isDeleted() || !directionOfForm(doc.form))
        return std::optional<Registration>();
    const Item* reg = doc.item(QLatin1String(kItemRegister));
    if (!reg)
        return std::optional<Registration>();
    const auto unid = Unid::fromHex(reg->toText().trimmed());
    if (reg->type != ItemType::Text || !unid)
        return invalid(QStringLiteral("the register item SoVanBan of document %1 is not a document ID")
                           .arg(doc.unid.toHex()));
    Registration out;
    out.registerUnid = *unid;
    if (const Item* n = doc.item(numberItem(doc.form))) {
        const double value = n->toNumber();
        if (n->type != ItemType::Number || !std::isfinite(value) || value != std::floor(value) || value < 1 ||
            value > double(kMaxNumber))
            return invalid(QStringLiteral("the number %1 of document %2 is not a whole number from 1 to %3")
                               .arg(n->value.toDouble())
                               .arg(doc.unid.toHex())
                               .arg(kMaxNumber));
        out.number = qint64(value);
    }
    if (const Item* r = doc.item(QLatin1String(kItemRequested)); r && r->type == ItemType::Number) {
        const double value = r->toNumber();
        if (std::isfinite(value) && value == std::floor(value) && value >= 1 && value <= double(kMaxNumber))
            out.requested = qint64(value);
    }
    if (const Item* d = doc.item(dateItem(doc.form)); d && d->type == ItemType::DateTime)
        out.dateMs = d->toDateTime().toMSecsSinceEpoch();
    return std::optional<Registration>(out);
}

int vietnamYear(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms + kVietnamOffsetMs, Qt::UTC).date().year();
}

qint64 periodOf(const Register& reg, std::optional<qint64> dateMs, qint64 nowMs)
{
    if (reg.cycle == Cycle::Term)
        return 0;
    return vietnamYear(dateMs.value_or(nowMs));
}

} // namespace sen::registers
