#include "common/cmdline/Arguments.h"

namespace sen::cli {

Result<Arguments> Arguments::parse(const QStringList& words, const QSet<QString>& valued,
                                   const QSet<QString>& flags)
{
    Arguments args;
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QString& word = words[i];
        if (!word.startsWith(QLatin1String("--")) || word == QLatin1String("--")) {
            args.m_positional << word;
            continue;
        }
        QString name = word;
        QString inlineValue;
        bool hasInline = false;
        if (const qsizetype eq = word.indexOf(u'='); eq > 0) {
            name = word.left(eq);
            inlineValue = word.mid(eq + 1);
            hasInline = true;
        }
        if (valued.contains(name)) {
            if (!hasInline) {
                if (i + 1 >= words.size())
                    return Status(ErrorCode::InvalidArgument, QStringLiteral("%1 needs a value").arg(name));
                inlineValue = words[++i];
            }
            args.m_values[name] << inlineValue;
        } else if (flags.contains(name) && !hasInline) {
            args.m_flags.insert(name);
        } else {
            return Status(ErrorCode::InvalidArgument, QStringLiteral("unknown option %1").arg(word));
        }
    }
    return args;
}

QString Arguments::value(const QString& option) const
{
    const QStringList list = m_values.value(option);
    return list.isEmpty() ? QString() : list.last();
}

QStringList Arguments::values(const QString& option) const
{
    return m_values.value(option);
}

Status Arguments::allowOnly(const QSet<QString>& allowed) const
{
    for (auto it = m_values.begin(); it != m_values.end(); ++it) {
        if (!allowed.contains(it.key()))
            return Status(ErrorCode::InvalidArgument,
                          QStringLiteral("this command does not take %1").arg(it.key()));
    }
    for (const QString& flag : m_flags) {
        if (!allowed.contains(flag))
            return Status(ErrorCode::InvalidArgument,
                          QStringLiteral("this command does not take %1").arg(flag));
    }
    return Status::ok();
}

Status Arguments::expectPositional(int count, const QString& usage) const
{
    if (m_positional.size() != count)
        return Status(ErrorCode::InvalidArgument, QStringLiteral("usage: ") + m_usagePrefix + usage);
    return Status::ok();
}

} // namespace sen::cli
