#pragma once

// A Notes-style hierarchical name, most specific part first: "Nguyễn Văn A/VPTU/HaNoi" is the
// common name "Nguyễn Văn A" in the unit "VPTU" of the organisation "HaNoi". Parts are
// trimmed and NFC-normalised when parsed; comparison ignores case, as Notes does.
//
// X.509 mapping (certificate subjects, see docs/id-file.md): the first part is the CN, the
// last part the O, and the parts between are OUs. One part is CN only; two parts are CN + O.
// The subject is encoded general to specific (O, then the OUs from the one just below the
// organisation inward, then CN), as RFC 5280 and LDAP order a DN.

#include "common/core/Result.h"

#include <QString>
#include <QStringList>

namespace sen::identity {

class HierarchicalName
{
public:
    static constexpr int kMaxParts = 6;             // CN, up to four OUs, O (as in Notes)
    static constexpr int kMaxPartLength = 64;       // characters; X.509's ub-common-name
    static constexpr qsizetype kMaxUtf8Size = 1024; // bound on the encoded name in files

    HierarchicalName() = default;

    // InvalidArgument for an empty name, an empty part ("A//B"), a part longer than
    // kMaxPartLength, more than kMaxParts parts, or a control or unpaired surrogate character.
    [[nodiscard]] static Result<HierarchicalName> parse(const QString& text);
    // The same checks applied to parts already split, most specific first.
    [[nodiscard]] static Result<HierarchicalName> fromParts(const QStringList& parts);

    // Whether a person or server may be registered under this name (issue #11): Ok, or
    // InvalidArgument when a part would make the ACL's name key (acl/NameMatch.h) fold the
    // name onto another — a part starting with an X.509 label form ("CN=", "OU=", "O=",
    // "C=", any case, spaces around '=' included) — or holds a format character (U+200B,
    // U+200E, U+FEFF, ...) that makes two names look alike. parse() keeps accepting such names
    // so that what was stored before still loads; registration and login call this.
    [[nodiscard]] Status checkRegistrable() const;

    bool isNull() const { return m_parts.isEmpty(); }
    const QStringList& parts() const { return m_parts; }
    // The canonical form: normalised parts joined by '/'.
    QString toString() const { return m_parts.join(u'/'); }
    QString commonName() const { return m_parts.value(0); }
    // The last part of a name with two or more parts; empty for a bare common name.
    QString organisation() const { return m_parts.size() > 1 ? m_parts.constLast() : QString(); }
    // The parts between the common name and the organisation, most specific first.
    QStringList organisationalUnits() const;

    // Notes' comparison: NFC-normalised parts, compared case-insensitively.
    int compare(const HierarchicalName& other) const;
    bool matches(const HierarchicalName& other) const { return compare(other) == 0; }
    friend bool operator==(const HierarchicalName& a, const HierarchicalName& b) { return a.matches(b); }
    friend bool operator!=(const HierarchicalName& a, const HierarchicalName& b) { return !a.matches(b); }

    // Compares two strings the way names are compared (for callers holding raw text).
    static int compareText(const QString& a, const QString& b);

private:
    explicit HierarchicalName(QStringList parts) : m_parts(std::move(parts)) {}
    QStringList m_parts;
};

} // namespace sen::identity
