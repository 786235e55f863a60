#pragma once

// How ACL code compares names: user, server and group names, wildcard entries and roles.
//
// Names are compared by their key: Unicode NFC, case-folded, each '/'-separated component
// trimmed of spaces and stripped of a canonical label (CN=, OU=, O=, C=). So
// "CN=Nguyễn Văn A/OU=VPTU/O=HaNoi", "nguyễn văn a/vptu/hanoi" and the same name typed in
// decomposed Unicode are one name. Tone marks are *not* ignored: "Nguyễn" and "Nguyen" are
// different people.

#include <QString>

namespace sen::acl {

QString nameKey(QStringView name);
bool namesEqual(QStringView a, QStringView b);

// "*/VPTU/HaNoi": a '*' component followed by at least one more component.
bool isWildcardName(QStringView name);
// Whether a wildcard matches a hierarchical name: the name ends with the wildcard's
// components after '*' and has at least one component before them. "*/VPTU/HaNoi" matches
// "A/VPTU/HaNoi" and "B/Office/VPTU/HaNoi", not "VPTU/HaNoi" nor "C/HaNoi". Takes keys or
// raw names.
bool wildcardMatches(QStringView wildcard, QStringView name);

// "[Role]": brackets around 1 to 64 characters without brackets, ';' or control characters.
bool isRoleName(QStringView role);

// What a Names, Readers or Authors item may hold: a role, a wildcard, or a name (of a user,
// server or group) that could be registered (identity::HierarchicalName::checkRegistrable:
// no label forms, no control or format characters, no stray spaces). Empty counts as none.
bool isAccessName(const QString& value);

} // namespace sen::acl
