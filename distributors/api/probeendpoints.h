#pragma once

#include "apirouter.h"

#include <QPointer>

class SessionManager;

// What automation reads to prove delivery: a session's delivery probes (switched per
// distributor type) and the engine's snapshot of the session, with every distributor's counters,
// rates and probe numbers and the state of the synthetic source and the recording.
class ProbeEndpoints final {
    Q_DISABLE_COPY_MOVE(ProbeEndpoints)

public:
    explicit ProbeEndpoints(SessionManager *manager);

    void install(ApiRouter &router);

private:
    void setProbe(const ApiCall &call) const;
    void snapshot(const ApiCall &call) const;

    QPointer<SessionManager> m_manager;
};
