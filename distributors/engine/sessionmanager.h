#pragma once

#include "configmanager.h"
#include "distributortype.h"
#include "enginesnapshot.h"
#include "enginetypes.h"
#include "ratemeter.h"
#include "result.h"

#include <QFuture>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QStringList>
#include <QTimer>

class DemoSetup;
class Session;

// The engine's front door (SPEC §2): creates and closes sessions, switches distributors on and
// off, reconfigures them, routes events, and reports status. Everything runs on the thread the
// manager lives on; operations that touch the network answer with a QFuture. Observers get Qt
// signals for every change and an EngineSnapshot at a fixed rate — never a signal per event.
class SessionManager : public QObject {
    Q_OBJECT

public:
    enum class ReconfigureMode { Merge, Replace };

    // How long disable/close let in-flight events finish (SPEC §2.3 [REC]).
    static constexpr int DrainMs = 2000;
    // createSession reports distributors still connecting after this long as "pending".
    static constexpr int StartReportMs = 5000;

    explicit SessionManager(QObject *parent = nullptr);
    ~SessionManager() override;

    ConfigManager &configManager() { return m_configManager; }

    QFuture<Result<CreateSessionResult>> createSession(const QString &sessionId,
                                                       const SessionConfig &options);
    Session *getSession(const QString &sessionId) const;
    QStringList sessionIds() const;
    QJsonArray listSessions() const;
    // False for an unknown id (and the warning signal); true once every resource is released.
    QFuture<bool> closeSession(const QString &sessionId);
    QFuture<bool> cleanup();

    QFuture<Result<EnableResult>> enableDistributor(const QString &sessionId, const QString &type,
                                                    const QJsonObject &config = {});
    // True once stopped and released; false (with a warning) if the type was not active.
    QFuture<Result<bool>> disableDistributor(const QString &sessionId, const QString &type);
    QFuture<Result<bool>> reconfigureDistributor(const QString &sessionId, const QString &type,
                                                 const QJsonObject &config,
                                                 ReconfigureMode mode = ReconfigureMode::Merge);
    Result<bool> switchToFailover(const QString &sessionId, const QString &type);

    // Replaces the routing table atomically (and the unrouted policy when given).
    Result<RoutingReport> updateEventRouting(const QString &sessionId, const EventRouting &routing,
                                             std::optional<UnroutedPolicy> policy = std::nullopt);
    Result<RoutingReport> mergeEventRouting(const QString &sessionId, const EventRouting &routing);

    Result<RouteOutcome> routeEvent(const QString &sessionId, const QString &event,
                                    const QJsonValue &data, const QJsonObject &options = {});
    // The same for data that is already one line of valid JSON text: it goes on the wire as it
    // is, without being parsed and serialised again (the high-rate ingest path).
    // Answers the event's seq.
    Result<quint64> routeEventJson(const QString &sessionId, const QString &event,
                                   const QByteArray &dataJson, const QJsonObject &options = {});
    // options.targets: distributor types (or "all"); other keys as for routeEvent.
    Result<RouteOutcome> distribute(const QString &sessionId, const QString &event,
                                    const QJsonValue &data, const QJsonObject &options = {});

    // Inputs and proof of delivery (SPEC §8.3, issue "Events in").
    Result<QJsonObject> startSynthetic(const QString &sessionId, const QJsonObject &options);
    Result<bool> stopSynthetic(const QString &sessionId);
    Result<QString> startRecording(const QString &sessionId, const QJsonObject &options);
    Result<bool> stopRecording(const QString &sessionId);
    Result<bool> setProbeEnabled(const QString &sessionId, const QString &type, bool enabled);
    Result<bool> startReplay(const QString &sessionId, const QStringList &files, double speed);
    Result<bool> stopReplay(const QString &sessionId);

    // The out-of-the-box demo: a loopback session "demo" with local sinks, the synthetic source
    // running and every probe on. `brokerPort` is where MQTT is looked for (1883 by default).
    QFuture<Result<CreateSessionResult>> startDemo(quint16 brokerPort = 1883);

    Result<QJsonObject> getSessionStatus(const QString &sessionId) const;
    Result<SessionConfig> exportSessionConfig(const QString &sessionId) const;

    // The state of every open session. Rates are measured between the fixed-rate snapshots
    // (snapshotReady); other callers read the latest rates without disturbing that measurement.
    EngineSnapshot snapshot() const;
    // Period of snapshotReady(); at least 100 ms (10 Hz).
    void setSnapshotInterval(int milliseconds);
    int snapshotInterval() const { return m_snapshotTimer.interval(); }

signals:
    void sessionCreated(const QString &sessionId);
    void sessionStateChanged(const QString &sessionId, const QString &state);
    void sessionClosed(const QString &sessionId);
    void distributorStateChanged(const QString &sessionId, const QString &type,
                                 const QString &oldState, const QString &newState,
                                 const QString &detail);
    void distributorError(const QString &sessionId, const QString &type, const QString &message);
    void failoverSwitched(const QString &sessionId, const QString &type, int fromIndex, int toIndex,
                          const QString &reason);
    void routingChanged(const QString &sessionId);
    void configWarnings(const QString &sessionId, const QStringList &warnings);
    void healthReport(const QString &sessionId, const QJsonObject &report);
    void eventDropped(const QString &sessionId, const QString &event, const QString &type,
                      const QString &reason);
    void warning(const QString &sessionId, const QString &message);
    void replayFinished(const QString &sessionId, qint64 events);
    void snapshotReady(const EngineSnapshot &snapshot);

private:
    Session *openSession(const QString &sessionId) const;
    static QString notFound(const QString &sessionId);
    // `action(session)` on the open session `sessionId`, or "Session <id> not found". A plain
    // value from `action` counts as success; a Result is passed on as it is.
    template<typename T, typename Action>
    Result<T> onOpenSession(const QString &sessionId, Action &&action);
    // `<type>: port <p> already in use by session <id>` if another session listens there.
    QString portConflict(const QString &sessionId, const QString &type,
                         const QJsonObject &effective) const;
    // Checks a distributor config before it is used: valid for `type` (warnings kept) and on a
    // port no other session listens on. Answers the effective configs, primary first.
    Result<QList<QJsonObject>> checkConfig(const Session &session, DistributorType type,
                                           const QJsonObject &configured) const;
    Result<RoutingReport> applyRouting(Session *session, const EventRouting &routing,
                                       UnroutedPolicy policy);
    void wire(Session *session);
    void emitSnapshot();

    ConfigManager m_configManager;
    DemoSetup *m_demo = nullptr; // child; owns the demo's local HTTP sink
    QList<Session *> m_sessions; // children, in creation order (initialising ones included)
    QHash<QString, Session *> m_byId;
    // Member QObjects are children so that moveToThread() (EngineHost) takes them along.
    QTimer m_snapshotTimer{this};
    RateMeter m_rates;
};
