#pragma once

#include "apirouter.h"

#include <QPointer>

class SessionManager;

// A session's routing table (PUT replaces, PATCH merges) and the events ingest endpoint.
class EventEndpoints final {
    Q_DISABLE_COPY_MOVE(EventEndpoints)

public:
    explicit EventEndpoints(SessionManager *manager);

    void install(ApiRouter &router);

private:
    enum class RoutingChange { Replace, Merge };
    void changeRouting(const ApiCall &call, RoutingChange change) const;
    void postEvents(const ApiCall &call) const;

    QPointer<SessionManager> m_manager;
};
