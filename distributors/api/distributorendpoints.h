#pragma once

#include "apirouter.h"

#include <QPointer>

class SessionManager;

// Switching one distributor of a session on, reconfiguring it, and switching it off.
class DistributorEndpoints final {
    Q_DISABLE_COPY_MOVE(DistributorEndpoints)

public:
    DistributorEndpoints(SessionManager *manager, QObject *context);

    void install(ApiRouter &router);

private:
    // PUT: enable when inactive; when active, reconfigure by merge (or replace, ?replace=true).
    void put(const ApiCall &call) const;
    void remove(const ApiCall &call) const;
    // Checks the session and type of the path; answers 404 and returns false when either is
    // unknown.
    bool checkTarget(const ApiCall &call) const;

    QPointer<SessionManager> m_manager;
    QObject *m_context;
};
