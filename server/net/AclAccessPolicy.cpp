#include "net/AclAccessPolicy.h"

#include "acl/AccessCheck.h"
#include "acl/PushDecision.h"

namespace sen::server {

bool AclAccessPolicy::mayRead(const Document& doc) const
{
    return acl::canRead(m_access, doc).isOk();
}

Status AclAccessPolicy::mayStore(const std::optional<Document>& stored, const Document& incoming) const
{
    return acl::decidePush(m_access, stored, incoming).status;
}

} // namespace sen::server
