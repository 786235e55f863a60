#pragma once

// Who is logged in to the desktop client and where their replicas live: the workspace and
// the user's credentials, unlocked once at login and kept in memory for the session (as
// Notes keeps its ID unlocked), so syncing never asks for the password again. Switching ID
// replaces the whole session.

#include "client/core/Workspace.h"
#include "common/identity/Credentials.h"

namespace sen::gui {

struct UserSession
{
    client::Workspace workspace;
    identity::Credentials credentials;

    QString userName() const { return credentials.name.toString(); }
    // The user's common name ("Nguyễn Văn A" of "Nguyễn Văn A/VPTU/HaNoi").
    QString commonName() const { return credentials.name.commonName(); }
};

} // namespace sen::gui
