#pragma once

// The argument list of one command-line invocation (senctl, sen-server): positional words,
// options that take a value (repeatable), and flags. Unknown options are errors, so a typo
// never passes silently.

#include "common/core/Result.h"

#include <QHash>
#include <QSet>
#include <QStringList>

namespace sen::cli {

class Arguments
{
public:
    // `valued` options take the next word ("--set NAME=X"); `flags` take none.
    static Result<Arguments> parse(const QStringList& words, const QSet<QString>& valued,
                                   const QSet<QString>& flags);

    const QStringList& positional() const { return m_positional; }
    QString positional(int i) const { return i < m_positional.size() ? m_positional[i] : QString(); }
    bool has(const QString& option) const { return m_values.contains(option) || m_flags.contains(option); }
    QString value(const QString& option) const;      // the last one given
    QStringList values(const QString& option) const; // all, in order

    // Fails when an option outside `allowed` was given (the command does not take it).
    Status allowOnly(const QSet<QString>& allowed) const;

    // What expectPositional puts between "usage: " and the command's own usage, e.g.
    // "senctl --home DIR ". Empty by default.
    void setUsagePrefix(const QString& prefix) { m_usagePrefix = prefix; }

    // Fails unless exactly `count` positional words were given: InvalidArgument,
    // "usage: <prefix><usage>".
    Status expectPositional(int count, const QString& usage) const;

private:
    QStringList m_positional;
    QHash<QString, QStringList> m_values;
    QSet<QString> m_flags;
    QString m_usagePrefix;
};

} // namespace sen::cli
