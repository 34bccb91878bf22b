#pragma once

#include <QObject>

class EventLogModel;
class SessionManager;

// Turns the engine's signals into event-log entries (state changes, errors, warnings, failovers,
// reconnects). The manager lives on the engine thread; the connections are queued into the
// log model's thread, and none of them is per event.
class EngineLogBridge final : public QObject {
    Q_OBJECT

public:
    EngineLogBridge(SessionManager *manager, EventLogModel *log, QObject *parent = nullptr);
};
