#pragma once

#include "sessionconfig.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

// Value types the session engine answers with. They cross threads (EngineHost) by value.

enum class SessionState { Initializing, Active, Degraded, Closing, Closed };
QString sessionStateName(SessionState state);

// One line of createSession's per-type start report (SPEC §2.3 [REC]).
struct StartReportEntry {
    QString type;
    bool ok = false;
    bool pending = false; // still connecting when the report was made; it keeps trying
    QString error;
};

struct CreateSessionResult {
    QString sessionId;
    SessionState state = SessionState::Active;
    QList<StartReportEntry> startReport;
    QStringList warnings;
    QJsonObject toJson() const;
};

struct EnableResult {
    bool alreadyActive = false;
    QStringList warnings;
};

// updateEventRouting's answer: which (event, type) pairs deliver now, which are kept but
// skipped for now, and why.
struct RoutingReport {
    struct Entry {
        QString event;
        QString distributor;
        QString reason; // empty for accepted
    };
    QList<Entry> accepted;
    QList<Entry> skipped;
    QJsonObject toJson() const;
};

// What routeEvent did with one event.
struct RouteOutcome {
    quint64 seq = 0;
    QStringList queued;                  // types the event was handed to
    QList<RoutingReport::Entry> skipped; // types it could not go to, with the reason
    bool droppedUnrouted = false;
};

Q_DECLARE_METATYPE(CreateSessionResult)
Q_DECLARE_METATYPE(RoutingReport)
