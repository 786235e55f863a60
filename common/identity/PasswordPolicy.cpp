#include "common/identity/PasswordPolicy.h"

#include <QList>

namespace sen::identity {

Status checkPasswordStrength(const QString& password)
{
    const QList<uint> codePoints = password.toUcs4();
    const auto length = codePoints.size();
    if (length >= kMinPasswordLength)
        return Status::ok();
    bool lower = false, upper = false, digit = false, other = false;
    for (const uint c : codePoints) {
        const QChar::Category category = QChar::category(char32_t(c));
        if (category == QChar::Letter_Lowercase)
            lower = true;
        else if (category == QChar::Letter_Uppercase || category == QChar::Letter_Titlecase)
            upper = true;
        else if (QChar::isDigit(char32_t(c)))
            digit = true;
        else
            other = true;
    }
    const int classes = int(lower) + int(upper) + int(digit) + int(other);
    if (length >= kMinShortPasswordLength && classes >= kMinCharacterClasses)
        return Status::ok();
    return Status(ErrorCode::InvalidArgument,
                  QStringLiteral("the password is too weak: use at least %1 characters, or at least %2 "
                                 "mixing three of lowercase letters, uppercase letters, digits and "
                                 "other characters")
                      .arg(kMinPasswordLength)
                      .arg(kMinShortPasswordLength));
}

} // namespace sen::identity
