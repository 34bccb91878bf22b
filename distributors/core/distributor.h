#pragma once

#include "distributorstats.h"
#include "distributortype.h"
#include "envelope.h"
#include "outbox.h"
#include "retrypolicy.h"

#include <QJsonObject>
#include <QObject>
#include <QTimer>

#include <map>

// The common contract of the five distributors (SPEC §4.0 with LabRelay's decisions 6, 8, 9).
//
// A distributor owns one transport and a bounded outbox in front of it. enqueue() never blocks:
// the event is sent at once when the transport is ready, queued otherwise, and every event is
// eventually counted as sent, failed, or dropped with a reason (see DistributorStats). Failed
// sends are retried per RetryPolicy; a lost connection is re-established with ReconnectBackoff.
//
// Subclasses implement the transport through the protected hooks and report back through the
// protected completion calls; they never touch the counters themselves.
class Distributor : public QObject {
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)

public:
    // SPEC decision 9. healthy ⇔ Connected.
    enum class State {
        Initializing,
        Connecting,
        Connected,
        Degraded,
        Disconnected,
        Error,
        Stopped
    };
    Q_ENUM(State)

    enum class Error {
        NoError,
        ConfigurationError, // the config cannot work (bad file, bad URL)
        AddressInUse,       // a listening port is taken
        HostNotFound,
        ConnectionRefused,
        Timeout,
        TlsError,
        AuthenticationError, // credentials refused
        ProtocolError,       // the peer answered with something unexpected
        ConnectionLost,
        RemoteError, // the peer reported a failure (HTTP 5xx, ...)
        UnknownError,
    };
    Q_ENUM(Error)

    ~Distributor() override;

    DistributorType type() const { return m_type; }
    QString typeName() const { return DistributorTypes::name(m_type); }
    // config "name", else the type name (SPEC §4.0).
    QString name() const;
    // `<type>_<sessionId>`, set by the session that owns the distributor.
    QString registeredName() const { return m_registeredName; }
    void setRegisteredName(const QString &name) { m_registeredName = name; }
    // The effective config: distributor defaults ⊕ the session's config, references expanded.
    const QJsonObject &config() const { return m_config; }
    // A short human description of where events go ("ws://localhost:8080", "2 targets", ...).
    virtual QString targetDescription() const = 0;

    State state() const { return m_state; }
    Error error() const { return m_error; }
    QString errorString() const { return m_errorString; }
    bool isHealthy() const { return m_state == State::Connected; }
    static QString stateName(State state);

    // Starts connecting or listening. The outcome of the first attempt is reported by started().
    void connectToTarget();
    // Stops accepting events at once, lets in-flight and queued events leave for up to `drainMs`,
    // then drops what is left (counted as DropReason::Disabled), releases every resource (ports
    // free, sockets closed) and emits stopped(). With drainMs == 0 it all happens before return.
    void disconnectFromTarget(int drainMs = 0);
    bool isStopping() const { return m_stopping; }

    // Hands one event to this distributor. Never blocks, never throws.
    void enqueue(const EnvelopePtr &envelope, const QJsonObject &options = {});

    // Failover and reconfiguration replace one instance by another without losing events: the
    // old one hands over what it still holds (queued and waiting to retry, counted handedOver)
    // and the new one adopts it (counted enqueued), ahead of anything newer.
    std::deque<OutboxItem> takeHandover();
    void adoptHandover(std::deque<OutboxItem> items);

    DistributorStats stats() const;
    // The health object of SPEC §2.3 [REC]: status, healthy, uptime, lastCheck, details, stats.
    QJsonObject health() const;
    // An active health check (SPEC §3.6 [REC]); the default re-checks the state only.
    virtual void probe() {}

signals:
    void stateChanged(Distributor::State state);
    void errorOccurred(Distributor::Error error);
    // The first connect attempt finished; `error` is empty when ok.
    void started(bool ok, const QString &error);
    void stopped();

protected:
    Distributor(DistributorType type, const QJsonObject &config, QObject *parent = nullptr);

    // Begin connecting or listening; report with transportReady() or transportFailed().
    virtual void startTransport() = 0;
    // Release every resource now: close servers, sockets, timers. Called once per start.
    virtual void stopTransport() = 0;
    // Whether one more item may be handed to transmit() (e.g. an in-flight cap).
    virtual bool readyToTransmit() const { return true; }
    // Start sending `item`; finish later (or at once) with completeSent/Failed/Dropped.
    virtual void transmit(OutboxItem item) = 0;
    // Complete every in-flight item now (as dropped or failed): the distributor is stopping.
    virtual void abortInFlight() {}
    virtual QJsonObject healthDetails() const { return {}; }

    void transportReady();
    // A connect attempt failed. `transient` failures are retried with backoff (state
    // Disconnected); others leave the distributor in Error until it is reconfigured.
    void transportFailed(Error error, const QString &message, bool transient);
    // An established transport went away; reconnects with backoff.
    void transportLost(Error error, const QString &message);

    void completeSent(OutboxItem item, qint64 bytes, bool acknowledged = false);
    void completeFailed(OutboxItem item, const QString &reason, bool retryable);
    void completeDropped(OutboxItem item, DropReason reason);
    // A failure that is not tied to one item (a client write failed, a heartbeat failed).
    void noteError(const QString &message);
    void setConnectedClients(int count);
    // Sends queued items while the transport is ready.
    void pump();

private:
    void setState(State state);
    void scheduleReconnect();
    void scheduleRetry(OutboxItem item);
    void releaseDueRetries();
    void finishStop();
    void checkDrained();
    void updateLoadState();
    bool canTransmit() const;
    void transmitNow(OutboxItem item);

    const DistributorType m_type;
    const QJsonObject m_config;
    const RetryPolicy m_retryPolicy;
    QString m_registeredName;

    State m_state = State::Initializing;
    Error m_error = Error::NoError;
    QString m_errorString;
    bool m_startReported = false;
    bool m_stopping = false;
    bool m_finishing = false; // inside finishStop(): completions must not finish it again
    bool m_pumping = false;
    bool m_transportUp = false;
    int m_consecutiveFailures = 0;

    Outbox m_outbox;
    std::multimap<qint64, OutboxItem> m_retryWaiting; // due time (monotonic ns) → item
    quint64 m_nextId = 0;
    DistributorStats m_counters;
    LatencyWindow m_latency;
    int m_inFlight = 0;

    QTimer m_retryTimer{this};
    QTimer m_reconnectTimer{this};
    QTimer m_drainTimer{this};
    ReconnectBackoff m_reconnectBackoff;
    qint64 m_createdMs = 0;
    qint64 m_lastStateChangeMs = 0;
};
