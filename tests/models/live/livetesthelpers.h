#pragma once

#include "enginesnapshot.h"

#include <QStringList>

// Snapshot builders shared by the live model and panel tests.
namespace LiveTest {

inline DistributorSnapshot distributor(const QString &type, bool active,
                                       const QString &state = QStringLiteral("connected")) {
    DistributorSnapshot d;
    d.type = type;
    d.configured = true;
    d.active = active;
    d.state = active ? state : QStringLiteral("stopped");
    d.target = QStringLiteral("http://127.0.0.1:3001");
    return d;
}

inline SessionSnapshot session(const QString &id, const QString &state = QStringLiteral("active"),
                               double eventsPerSecond = 0) {
    SessionSnapshot s;
    s.id = id;
    s.state = state;
    s.templateName = QStringLiteral("local_testing");
    s.eventsPerSecond = eventsPerSecond;
    return s;
}

inline EngineSnapshot engine(const QList<SessionSnapshot> &sessions) {
    EngineSnapshot snapshot;
    snapshot.timestamp = 1;
    snapshot.sessions = sessions;
    return snapshot;
}

inline QStringList ids(int count) {
    QStringList list;
    for (int i = 0; i < count; ++i)
        list.append(QStringLiteral("s%1").arg(i));
    return list;
}

} // namespace LiveTest
