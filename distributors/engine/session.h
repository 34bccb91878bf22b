#pragma once

#include "distributorslot.h"
#include "enginetypes.h"
#include "eventrouter.h"
#include "sessionconfig.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QObject>
#include <QTimer>
#include <QVarLengthArray>

class ConfigManager;
class Recorder;
class ReplaySource;
class SyntheticSource;

// One distribution session (SPEC §2.2): its configuration, one DistributorSlot per configured
// type, the routing table, the sequence counter and the session-level counters.
class Session : public QObject {
    Q_OBJECT

public:
    Session(const QString &id, const SessionConfig &config, ConfigManager *configManager,
            QObject *parent = nullptr);
    ~Session() override;

    QString id() const { return m_id; }
    qint64 createdAt() const { return m_createdAt; }
    SessionState state() const { return m_state; }
    void setState(SessionState state);
    bool isOpen() const {
        return m_state == SessionState::Active || m_state == SessionState::Degraded;
    }
    QString templateName() const;

    // The configuration as it would be exported now: the configured distributors, the types
    // running now as enabledDistributors, the current routing.
    SessionConfig currentConfig() const;
    const SessionConfig &config() const { return m_config; }

    DistributorSlot *slot(const QString &type) const;
    QList<DistributorSlot *> distributorSlots() const { return m_slots; }
    DistributorSlot *ensureSlot(DistributorType type);
    // Forgets a slot that never ran (a failed enable of a type the session did not have).
    void removeSlot(DistributorSlot *slot);
    QStringList activeTypes() const;

    // The configs an instance of `type` runs with: [primary, failover alternatives...], each the
    // distributor defaults ⊕ the session's retry settings ⊕ `configured`, references expanded.
    QList<QJsonObject> effectiveConfigs(DistributorType type, const QJsonObject &configured) const;

    // Starts every enabled type; the report lists each first attempt (or "pending" if it is
    // still connecting after `reportAfterMs`).
    QFuture<QList<StartReportEntry>> start(int reportAfterMs);
    QFuture<bool> stopAll(int drainMs);

    const EventRouter &router() const { return m_router; }
    void setRouting(const EventRouting &routing, UnroutedPolicy policy);

    RouteOutcome route(const QString &event, const QJsonValue &data, const QJsonObject &options);
    // The same for data that is already one line of valid JSON text (ingest).
    // Answers only the seq: the high-rate path does not build the per-type report.
    quint64 routeJson(const QString &event, const QByteArray &dataJson, const QJsonObject &options);
    RouteOutcome distribute(const QString &event, const QJsonValue &data,
                            const QStringList &targets, const QJsonObject &options);

    // The synthetic eye-tracking source feeding this session (SPEC §8.3). Answers the effective
    // options (with the seed) or the validation message.
    Result<QJsonObject> startSynthetic(const QJsonObject &options);
    bool stopSynthetic();
    bool isSyntheticRunning() const;

    // Records every envelope the session stamps to rotating JSONL files; answers the file path.
    Result<QString> startRecording(const QJsonObject &options);
    bool stopRecording();

    // Feeds a recording back into this session with its timing scaled by `speed` (0 = as fast
    // as possible); replayFinished() follows.
    Result<bool> startReplay(const QStringList &files, double speed);
    bool stopReplay();

    // Delivery probes; the factory decides how a probe is made (the demo attaches its sink).
    Result<bool> setProbeEnabled(const QString &type, bool enabled);
    void setProbeFactory(const DistributorSlot::ProbeFactory &factory) { m_probeFactory = factory; }
    void setHints(const QMap<QString, QString> &hints);

    quint64 eventsIn() const { return m_seq; }
    quint64 unroutedDropped() const { return m_unroutedDropped; }
    SessionSnapshot snapshot() const;
    QJsonObject status() const;
    void recomputeState();

signals:
    void stateChanged(SessionState state);
    void distributorStateChanged(const QString &type, const QString &from, const QString &to,
                                 const QString &detail);
    void distributorError(const QString &type, const QString &message);
    void failedOver(const QString &type, int fromIndex, int toIndex, const QString &reason);
    void healthReport(const QJsonObject &report);
    // At most once a minute per (type, reason); the counts are in the snapshots.
    void eventDropped(const QString &event, const QString &type, const QString &reason);
    void replayFinished(qint64 events);

private:
    EnvelopePtr stamp(EnvelopePtr envelope);
    // Routes one stamped envelope; `outcome`, when given, is filled with the report.
    void route(const EnvelopePtr &envelope, const QJsonObject &options, RouteOutcome *outcome);
    using Delivered = QVarLengthArray<const DistributorSlot *, 8>;
    void deliver(const EnvelopePtr &envelope, const QString &type, const QJsonObject &options,
                 Delivered &delivered, RouteOutcome *outcome);
    QJsonObject optionsFor(const DistributorSlot *slot, const QJsonObject &options) const;
    void noteDrop(const QString &event, const QString &type, const QString &reason);
    void runHealthCheck();
    QJsonObject healthJson() const;

    const QString m_id;
    const qint64 m_createdAt;
    SessionConfig m_config;
    ConfigManager *m_configManager;
    SessionState m_state = SessionState::Initializing;
    QList<DistributorSlot *> m_slots; // children, in configuration order
    EventRouter m_router;
    quint64 m_seq = 0;
    quint64 m_unroutedDropped = 0;
    QTimer m_healthTimer{this};
    QHash<QString, qint64> m_lastDropSignal;
    SyntheticSource *m_synthetic = nullptr; // child
    Recorder *m_recorder = nullptr;         // child
    ReplaySource *m_replay = nullptr;       // child
    DistributorSlot::ProbeFactory m_probeFactory;
};
