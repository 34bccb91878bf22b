#pragma once

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

// What observers (the window, the headless log, the API) learn about the engine, as plain values
// delivered at a fixed rate (at most 10 Hz) — never one signal per event.

// What a delivery probe (a real client of the distributor) saw arrive: end-to-end proof.
struct ProbeSnapshot {
    bool enabled = false;
    bool connected = false;
    QString note;         // why there is no probe, or what it is waiting for
    quint64 received = 0; // distinct seqs received
    quint64 lost = 0;     // seqs skipped over (gaps), net of late arrivals
    quint64 duplicates = 0;
    double latencyP50Ms = 0; // entry into the session → received by the probe
    double latencyP99Ms = 0;
    quint64 lastSeq = 0;
};

struct DistributorSnapshot {
    QString type;
    bool configured = false;
    bool active = false; // an instance is running (enabled)
    QString state;       // SPEC decision 9 names; "stopped" when not active
    QString target;      // where events go, for people
    QString hint;        // advice for people, e.g. how to start a missing broker
    QString lastError;
    qint64 lastErrorAt = 0;
    int connectedClients = -1; // servers only

    // Totals for this type in this session, across reconfigurations and failovers.
    quint64 routed = 0; // events the routing table sent to this type
    quint64 sent = 0;
    quint64 acknowledged = 0;
    quint64 failed = 0;
    quint64 droppedQueueFull = 0;
    quint64 droppedDisabled = 0; // includes events routed while the type was not enabled
    quint64 droppedNoClients = 0;
    quint64 retries = 0;
    quint64 bytes = 0;
    int queued = 0; // outbox + in flight + waiting to retry
    double sentPerSecond = 0;
    double latencyMeanMs = 0;
    double latencyP95Ms = 0;
    double latencyP99Ms = 0;

    int failoverIndex = 0; // 0 = primary config, n = the n-th failover alternative
    int failoverAlternatives = 0;

    ProbeSnapshot probe;

    quint64 dropped() const { return droppedQueueFull + droppedDisabled + droppedNoClients; }
};

struct SessionSnapshot {
    QString id;
    QString state;
    QString templateName;
    qint64 createdAt = 0;
    quint64 eventsIn = 0; // events routed into the session
    double eventsPerSecond = 0;
    quint64 unroutedDropped = 0; // dropped by the "drop" unrouted policy
    quint64 errors = 0;          // failed sends over all distributors
    bool syntheticRunning = false;
    QString syntheticMode; // "realistic" or "parity"
    bool recording = false;
    QString recordingPath;
    QList<DistributorSnapshot> distributors;

    const DistributorSnapshot *distributor(const QString &type) const {
        for (const DistributorSnapshot &d : distributors) {
            if (d.type == type)
                return &d;
        }
        return nullptr;
    }
};

struct EngineSnapshot {
    qint64 timestamp = 0; // epoch ms
    QList<SessionSnapshot> sessions;

    const SessionSnapshot *session(const QString &id) const {
        for (const SessionSnapshot &s : sessions) {
            if (s.id == id)
                return &s;
        }
        return nullptr;
    }
};

QJsonObject toJson(const DistributorSnapshot &snapshot);
QJsonObject toJson(const SessionSnapshot &snapshot);

Q_DECLARE_METATYPE(DistributorSnapshot)
Q_DECLARE_METATYPE(SessionSnapshot)
Q_DECLARE_METATYPE(EngineSnapshot)
