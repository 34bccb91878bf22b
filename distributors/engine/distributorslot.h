#pragma once

#include "deliveryprobe.h"
#include "distributor.h"
#include "enginesnapshot.h"
#include "result.h"

#include <QFuture>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <deque>
#include <functional>

// One distributor type within a session: the running instance (if any), the instances being
// retired after a reconfiguration or failover (they drain, then go), the failover alternatives,
// and the totals that survive all of that.
//
// Replacing an instance never loses events: what the old one still holds is handed to the new
// one, and events routed while no instance can take them are held and adopted (SPEC decision 8).
class DistributorSlot : public QObject {
    Q_OBJECT

public:
    // The outcome of an instance's first connect attempt.
    struct StartOutcome {
        bool ok = false;
        QString error;
    };

    DistributorSlot(DistributorType type, const QString &sessionId, QObject *parent = nullptr);
    ~DistributorSlot() override;

    DistributorType type() const { return m_type; }
    QString typeName() const { return DistributorTypes::name(m_type); }
    QString registeredName() const;

    // The operator's config for this type, as written (references kept, failover list included).
    const QJsonObject &configured() const { return m_configured; }
    void setConfigured(const QJsonObject &config) { m_configured = config; }

    Distributor *instance() const { return m_instance; }
    bool isActive() const { return m_instance != nullptr; }
    // Active, or between two instances (events are held for the next one).
    bool acceptsEvents() const { return m_instance != nullptr || m_transition; }
    // The effective config the instance runs with (empty when inactive).
    QJsonObject runningConfig() const;
    int failoverIndex() const { return m_index; }
    int alternativeCount() const { return int(m_configs.size()) - 1; }

    enum class OnFailure { KeepRetrying, TearDown };
    // Starts an instance of configs[0] (the primary; the rest are failover alternatives). With
    // TearDown a failed first attempt removes the instance again; with KeepRetrying it stays and
    // reconnects (and fails over) by itself.
    QFuture<StartOutcome> start(const QList<QJsonObject> &configs, OnFailure onFailure);
    // Replaces the running instance by one of configs[0]: make-before-break, or break-before-make
    // when both need the same exclusive resource (a listening port, an MQTT client id on the same
    // broker). On failure the previous instance is restored. Inactive slots only store configs.
    QFuture<Result<bool>> replace(const QList<QJsonObject> &configs);
    // Stops routing to the instance at once, drains it for up to `drainMs`, releases everything
    // (retiring instances included), then resolves.
    QFuture<bool> stop(int drainMs);
    // Operator action: try the next failover alternative now.
    void switchToNextAlternative();

    void route(const EnvelopePtr &envelope, const QJsonObject &options);

    // The delivery probe watching this type, fed with every event routed to the instance.
    // The slot owns it; a replaced instance gets a fresh probe through the factory.
    using ProbeFactory =
        std::function<std::unique_ptr<DeliveryProbe>(DistributorType, const QJsonObject &)>;
    // Wanted probes follow the instance: they start with it and stop with it.
    void enableProbe(const ProbeFactory &factory);
    void disableProbe();
    bool isProbeEnabled() const { return m_probeWanted; }
    // A line for people about this type (e.g. how to start the demo's MQTT broker).
    void setHint(const QString &hint) { m_hint = hint; }
    void probe();

    // Totals for the snapshot (rates are added by the caller).
    DistributorSnapshot snapshot() const;
    DistributorStats totals() const;
    quint64 routed() const { return m_routed; }

signals:
    void stateChanged(Distributor::State from, Distributor::State to, const QString &detail);
    void errorOccurred(const QString &message);
    void failedOver(int fromIndex, int toIndex, const QString &reason);

private:
    using Launched = std::function<void(Distributor *instance, bool ok, const QString &error)>;
    // Creates and connects an instance; `done` runs once its first attempt is over, unless the
    // slot was stopped or reconfigured meanwhile (then the instance is discarded).
    void launch(const QJsonObject &config, const Launched &done);
    void discardLaunches();
    void adopt(Distributor *instance, const QList<QJsonObject> &configs, int index);
    void retire(Distributor *instance);
    void discard(Distributor *instance);
    void swapTo(Distributor *candidate, const QList<QJsonObject> &configs, int index);
    void breakBeforeMake(const QList<QJsonObject> &configs,
                         const std::shared_ptr<QPromise<Result<bool>>> &promise);
    void makeBeforeBreak(const QList<QJsonObject> &configs,
                         const std::shared_ptr<QPromise<Result<bool>>> &promise);
    bool needsBreakBeforeMake(const QJsonObject &from, const QJsonObject &to) const;
    void onInstanceStateChanged(Distributor::State state);
    void onFailoverTimeout();
    int failoverAfterMs() const;
    void tryAlternative(int index, const QString &reason);
    std::deque<OutboxItem> takeHeld();
    void finishRetired(Distributor *instance);
    void checkStopped();
    void startProbe();
    void stopProbe();

    const DistributorType m_type;
    const QString m_sessionId;
    QJsonObject m_configured;
    QList<QJsonObject> m_configs; // [primary, alternatives...] of the running instance
    int m_index = 0;

    Distributor *m_instance = nullptr;
    QList<Distributor *> m_launching; // first connect attempt still running
    bool m_tryingAlternative = false;
    quint64 m_generation = 0; // bumped by stop() and replace(): stale launches bail out
    QList<Distributor *> m_retiring;
    Distributor::State m_lastState = Distributor::State::Stopped;
    bool m_transition = false; // held events are adopted by the next instance
    std::deque<OutboxItem> m_held;
    std::shared_ptr<QPromise<bool>> m_stopPromise;

    std::unique_ptr<DeliveryProbe> m_probe;
    ProbeFactory m_probeFactory;
    bool m_probeWanted = false;
    ProbeSnapshot m_lastProbe; // what a stopped probe measured, still shown
    QString m_hint;

    DistributorStats m_retired; // totals of instances that are gone
    quint64 m_routed = 0;
    quint64 m_inactiveDrops = 0; // routed while nothing ran (counted as disabled)
    quint64 m_heldOverflow = 0;

    QTimer m_failoverTimer{this};
    QTimer m_failbackTimer{this};
    int m_lastTried = 0;
};
