#include "tests/replication/ProvinceTopology.h"

#include <algorithm>

namespace sen::test {

ProvinceTopology::ProvinceTopology(const ProvinceShape& shape)
    : m_servers(std::max(1, shape.servers)), m_clients(std::max(0, shape.clients))
{
    const int spokes = m_servers - 1;
    for (int spoke = 1; spoke < m_servers; ++spoke) {
        m_links.push_back({spoke, 0, true});
        if (shape.neighbourEvery > 0 && spoke % shape.neighbourEvery == 1 && spoke + 1 < m_servers)
            m_links.push_back({spoke, spoke + 1, true});
    }
    for (int c = 0; c < m_clients; ++c) {
        const int node = m_servers + c;
        const bool atHub = spokes == 0 || (shape.hubClientsEvery > 0 && c % shape.hubClientsEvery == 0);
        const int home = atHub ? 0 : 1 + c % spokes;
        m_links.push_back({node, home, false});
        if (spokes > 1 && shape.failoverEvery > 0 && c % shape.failoverEvery == 3) {
            const int other = home == 0 ? 1 + c % spokes : 1 + home % spokes;
            m_links.push_back({node, other, false});
        }
    }
}

QString ProvinceTopology::name(int node) const
{
    if (node == 0)
        return QStringLiteral("hub");
    if (isServer(node))
        return QStringLiteral("district-%1").arg(node);
    return QStringLiteral("client-%1").arg(node - m_servers);
}

std::vector<int> ProvinceTopology::linksOf(int node) const
{
    std::vector<int> out;
    for (int i = 0; i < static_cast<int>(m_links.size()); ++i) {
        if (m_links[static_cast<std::size_t>(i)].initiator == node ||
            m_links[static_cast<std::size_t>(i)].responder == node)
            out.push_back(i);
    }
    return out;
}

} // namespace sen::test
