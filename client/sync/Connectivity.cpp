#include "client/sync/Connectivity.h"

namespace sen::client {

bool Connectivity::isNetworkFailure(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Ok:
    case ErrorCode::Cancelled:  // the user or the shutdown stopped it
    case ErrorCode::Corruption: // the local file, not the network
    case ErrorCode::Unsupported:
    case ErrorCode::DiskFull:
        return false;
    default:
        return true;
    }
}

void Connectivity::record(const SyncReport& report)
{
    if (report.status.isOk()) {
        m_state = State::Online;
        m_lastError = Status();
        m_lastServer = report.server;
        m_lastReplica = report.replica;
        return;
    }
    if (!isNetworkFailure(report.status.code()))
        return;
    m_state = State::Offline;
    m_lastError = report.status;
    m_lastServer = report.server;
    m_lastReplica = report.replica;
}

} // namespace sen::client
