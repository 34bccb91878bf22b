#pragma once

#include "apirouter.h"

#include <QPointer>

class SessionManager;

// Runtime, templates and the session collection: list, create, status, close and export.
class SessionEndpoints final {
    Q_DISABLE_COPY_MOVE(SessionEndpoints)

public:
    // `context` lives on the manager's thread; continuations of engine futures run there.
    SessionEndpoints(SessionManager *manager, QObject *context);

    void install(ApiRouter &router);

private:
    void runtime(const ApiCall &call) const;
    void templates(const ApiCall &call) const;
    void templateByName(const ApiCall &call) const;
    void list(const ApiCall &call) const;
    void create(const ApiCall &call) const;
    void status(const ApiCall &call) const;
    void close(const ApiCall &call) const;
    void exportConfig(const ApiCall &call) const;

    QPointer<SessionManager> m_manager;
    QObject *m_context;
};
