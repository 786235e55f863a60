#include "net/AclAccessPolicy.h"

#include "acl/AccessCheck.h"
#include "acl/ParentSecrecy.h"
#include "acl/PushDecision.h"

namespace sen::server {

bool AclAccessPolicy::mayRead(const Document& doc) const
{
    return acl::canRead(m_access, doc).isOk();
}

Status AclAccessPolicy::mayStore(const std::optional<Document>& stored, const Document& incoming) const
{
    acl::Secrecy inherited = acl::Secrecy::Unclassified;
    if (m_store && incoming.parent && !incoming.isDeleted()) {
        const Result<acl::Secrecy> parent = acl::parentSecrecy(*m_store, incoming);
        if (!parent.isOk())
            return parent.status();
        inherited = *parent;
    }
    return acl::decidePush(m_access, stored, incoming, inherited).status;
}

} // namespace sen::server
