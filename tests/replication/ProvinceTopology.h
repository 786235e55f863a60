#pragma once

// The shape of a simulated province (issue #16): which replicas of one database are servers,
// which are clients, and which pairs of them replicate. Node 0 is the city's hub; nodes 1 to
// servers - 1 are the district servers (spokes), each replicating with the hub, every
// `neighbourEvery`-th also with the next spoke; the clients follow, each attached to one
// server (every `hubClientsEvery`-th to the hub, the others spread over the spokes) and every
// `failoverEvery`-th to a second spoke too. A link names its initiator (the spoke towards
// the hub or its neighbour, the client towards its server) and its responder. Plain data:
// no files, no sessions.

#include <QString>

#include <vector>

namespace sen::test {

struct ProvinceShape
{
    int servers = 50;         // the hub and servers - 1 spokes (at least 1)
    int clients = 500;        // client replicas
    int neighbourEvery = 5;   // a spoke i with i % neighbourEvery == 1 also syncs with spoke i + 1
    int hubClientsEvery = 10; // a client c with c % hubClientsEvery == 0 is the hub's
    int failoverEvery = 8;    // a client c with c % failoverEvery == 3 also syncs with another spoke
};

struct ProvinceLink
{
    int initiator = 0;
    int responder = 0;
    bool betweenServers = false;
    int downUntil = -1; // partitioned until this tick (exclusive)
};

class ProvinceTopology
{
public:
    explicit ProvinceTopology(const ProvinceShape& shape);

    int servers() const { return m_servers; }
    int nodes() const { return m_servers + m_clients; }
    bool isServer(int node) const { return node < m_servers; }
    // "hub", "district-7", "client-123": the names the sessions tell each other.
    QString name(int node) const;
    std::vector<ProvinceLink>& links() { return m_links; }
    const std::vector<ProvinceLink>& links() const { return m_links; }
    // The links one end of which is `node`.
    std::vector<int> linksOf(int node) const;

private:
    int m_servers = 1;
    int m_clients = 0;
    std::vector<ProvinceLink> m_links;
};

} // namespace sen::test
