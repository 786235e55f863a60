#pragma once

// What one user (or server) may do in one database: the ACL resolved against their name and
// the groups the directory puts them in. The server resolves once per session and checks
// every request with AccessCheck.h; the client does the same to show what it may do.
//
// Resolution (Notes rules, https://help.hcltechsw.com "Acceptable entries in the ACL"):
// 1. An entry with the user's own name decides alone: its level, rights and roles; the
//    groups the user is in add nothing (Notes: "group privileges are ignored for that user").
// 2. Otherwise the group entries of every group the user is in, nested groups included:
//    the highest level among them, and the union of their rights and roles (Notes gives a
//    member of several groups "any additional privileges granted to any group", roles
//    included). The rights are then normalized to that level.
// 3. Otherwise the wildcard entries ("*/VPTU/HaNoi") that match the name, combined the same
//    way (Notes: "the highest level of access specified by every one of the wildcard
//    entries that match").
// 4. Otherwise -Default- (No Access when the ACL has none).
// A group entry is any entry whose name is a group the directory lists, whatever its kind.

#include "common/acl/Acl.h"
#include "common/acl/Directory.h"

namespace sen::acl {

struct EffectiveAccess
{
    QString userName;
    AccessLevel level = AccessLevel::NoAccess;
    int rights = 0;     // AclRight bits, normalized to `level`
    QStringList roles;  // "[Role]", normalizedRoles
    QStringList groups; // every directory group the user is in, in the ACL or not
    // The entry or entries that decided, for messages: a name, "-Default-", or group or
    // wildcard names joined by ", ".
    QString decidedBy;

    bool hasRight(AclRight right) const { return rights & right; }
    // The names the user "is" in Readers and Authors items: their own name, their groups and
    // their roles.
    QStringList identities() const;
    // Whether one of `names` (a Readers or Authors item's value) is the user, one of their
    // groups or roles, or a wildcard that matches the user's name.
    bool isNamedIn(const QStringList& names) const;
};

EffectiveAccess resolve(const Acl& acl, const QString& userName, const Directory& directory);

} // namespace sen::acl
