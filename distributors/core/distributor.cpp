#include "distributor.h"

#include "clock.h"

#include <QLoggingCategory>

#include <algorithm>
#include <iterator>

Q_LOGGING_CATEGORY(lcDistributor, "labrelay.distributor")

namespace {

Outbox::OverflowPolicy overflowPolicy(const QJsonObject &config) {
    return config.value(QStringLiteral("overflowPolicy")).toString() == QLatin1String("drop-newest")
               ? Outbox::OverflowPolicy::DropNewest
               : Outbox::OverflowPolicy::DropOldest;
}

// Above this share of the outbox the distributor reports itself degraded; below the lower one
// it recovers (hysteresis keeps the state from flickering).
constexpr double DegradedFill = 0.8;
constexpr double RecoveredFill = 0.5;

} // namespace

Distributor::Distributor(DistributorType type, const QJsonObject &config, QObject *parent)
    : QObject(parent)
    , m_type(type)
    , m_config(config)
    , m_retryPolicy(RetryPolicy::fromConfig(config))
    , m_outbox(config.value(QStringLiteral("queueSize")).toInt(1000), overflowPolicy(config))
    , m_createdMs(Clock::epochMs())
    , m_lastStateChangeMs(m_createdMs) {
    m_retryTimer.setSingleShot(true);
    m_reconnectTimer.setSingleShot(true);
    m_drainTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &Distributor::releaseDueRetries);
    connect(&m_reconnectTimer, &QTimer::timeout, this, [this] {
        setState(State::Connecting);
        startTransport();
    });
    connect(&m_drainTimer, &QTimer::timeout, this, &Distributor::finishStop);
}

Distributor::~Distributor() = default;

QString Distributor::name() const {
    const QString configured = m_config.value(QStringLiteral("name")).toString();
    return configured.isEmpty() ? typeName() : configured;
}

QString Distributor::stateName(State state) {
    switch (state) {
    case State::Initializing:
        return QStringLiteral("initializing");
    case State::Connecting:
        return QStringLiteral("connecting");
    case State::Connected:
        return QStringLiteral("connected");
    case State::Degraded:
        return QStringLiteral("degraded");
    case State::Disconnected:
        return QStringLiteral("disconnected");
    case State::Error:
        return QStringLiteral("error");
    case State::Stopped:
        return QStringLiteral("stopped");
    }
    return {};
}

void Distributor::connectToTarget() {
    if (m_state != State::Initializing && m_state != State::Stopped)
        return;
    m_startReported = false;
    m_reconnectBackoff.reset();
    setState(State::Connecting);
    startTransport();
}

void Distributor::disconnectFromTarget(int drainMs) {
    if (m_state == State::Stopped && !m_stopping) {
        emit stopped();
        return;
    }
    if (m_stopping)
        return; // already draining; stopped() follows
    m_stopping = true;
    m_reconnectTimer.stop();
    if (drainMs <= 0 || !canTransmit()) {
        finishStop();
        return;
    }
    m_drainTimer.start(drainMs);
    pump();
    checkDrained();
}

void Distributor::enqueue(const EnvelopePtr &envelope, const QJsonObject &options) {
    ++m_counters.enqueued;
    OutboxItem item{envelope, options, ++m_nextId, 0, Clock::monotonicNs()};
    if (m_stopping || m_state == State::Stopped) {
        ++m_counters.dropped[int(DropReason::Disabled)];
        return;
    }
    // Fast path: nothing waiting and the transport is ready, so send without queueing.
    if (m_outbox.isEmpty() && !m_pumping && canTransmit()) {
        transmitNow(std::move(item));
        return;
    }
    if (std::optional<OutboxItem> overflow = m_outbox.push(std::move(item)))
        ++m_counters.dropped[int(DropReason::QueueFull)];
    pump();
    updateLoadState();
}

std::deque<OutboxItem> Distributor::takeHandover() {
    std::deque<OutboxItem> items;
    for (auto &[due, item] : m_retryWaiting)
        items.push_back(std::move(item));
    m_retryWaiting.clear();
    m_retryTimer.stop();
    std::deque<OutboxItem> queued = m_outbox.takeAll();
    std::move(queued.begin(), queued.end(), std::back_inserter(items));
    // Oldest first, so the adopter sends them in their original order.
    std::sort(items.begin(), items.end(), [](const OutboxItem &a, const OutboxItem &b) {
        return a.envelope->seq < b.envelope->seq;
    });
    m_counters.handedOver += items.size();
    return items;
}

void Distributor::adoptHandover(std::deque<OutboxItem> items) {
    m_counters.enqueued += items.size();
    if (m_stopping || m_state == State::Stopped) {
        m_counters.dropped[int(DropReason::Disabled)] += items.size();
        return;
    }
    std::deque<OutboxItem> newer = m_outbox.takeAll();
    for (OutboxItem &item : items) {
        item.id = ++m_nextId;
        item.attempts = 0;
        if (m_outbox.push(std::move(item)))
            ++m_counters.dropped[int(DropReason::QueueFull)];
    }
    for (OutboxItem &item : newer) {
        if (m_outbox.push(std::move(item)))
            ++m_counters.dropped[int(DropReason::QueueFull)];
    }
    pump();
    updateLoadState();
}

DistributorStats Distributor::stats() const {
    DistributorStats snapshot = m_counters;
    snapshot.queued = m_outbox.size();
    snapshot.inFlight = m_inFlight;
    snapshot.retryWaiting = int(m_retryWaiting.size());
    snapshot.latency = m_latency.summary();
    return snapshot;
}

QJsonObject Distributor::health() const {
    QJsonObject health{
        {QStringLiteral("name"), name()},
        {QStringLiteral("type"), typeName()},
        {QStringLiteral("registeredName"), m_registeredName},
        {QStringLiteral("status"), stateName(m_state)},
        {QStringLiteral("healthy"), isHealthy()},
        {QStringLiteral("enabled"), m_config.value(QStringLiteral("enabled")).toBool(true)},
        {QStringLiteral("uptime"), double(Clock::epochMs() - m_createdMs)},
        {QStringLiteral("lastCheck"), double(m_lastStateChangeMs)},
        {QStringLiteral("target"), targetDescription()},
        {QStringLiteral("stats"), stats().toJson()},
    };
    if (!m_errorString.isEmpty())
        health.insert(QStringLiteral("lastError"), m_errorString);
    const QJsonObject details = healthDetails();
    for (auto it = details.begin(); it != details.end(); ++it)
        health.insert(it.key(), it.value());
    return health;
}

void Distributor::transportReady() {
    m_transportUp = true;
    m_reconnectBackoff.reset();
    m_error = Error::NoError;
    m_consecutiveFailures = 0;
    setState(State::Connected);
    if (!m_startReported) {
        m_startReported = true;
        emit started(true, QString());
    }
    pump();
    updateLoadState();
}

void Distributor::transportFailed(Error error, const QString &message, bool transient) {
    m_transportUp = false;
    m_error = error;
    m_errorString = message;
    m_counters.lastError = message;
    m_counters.lastErrorAt = Clock::epochMs();
    qCInfo(lcDistributor) << registeredName() << "connect failed:" << message;
    emit errorOccurred(error);
    if (transient && !m_stopping) {
        setState(State::Disconnected);
        scheduleReconnect();
    } else {
        setState(State::Error);
    }
    if (!m_startReported) {
        m_startReported = true;
        emit started(false, message);
    }
}

void Distributor::transportLost(Error error, const QString &message) {
    m_transportUp = false;
    m_error = error;
    m_errorString = message;
    m_counters.lastError = message;
    m_counters.lastErrorAt = Clock::epochMs();
    qCInfo(lcDistributor) << registeredName() << "connection lost:" << message;
    emit errorOccurred(error);
    if (m_stopping) {
        finishStop();
        return;
    }
    setState(State::Disconnected);
    scheduleReconnect();
}

void Distributor::completeSent(OutboxItem item, qint64 bytes, bool acknowledged) {
    --m_inFlight;
    ++m_counters.sent;
    if (acknowledged)
        ++m_counters.acknowledged;
    m_counters.bytes += quint64(std::max<qint64>(0, bytes));
    m_counters.lastActivity = Clock::epochMs();
    m_latency.add((Clock::monotonicNs() - item.enqueuedNs) / 1000);
    if (m_consecutiveFailures > 0) {
        m_consecutiveFailures = 0;
        updateLoadState();
    }
    if (m_stopping)
        checkDrained();
    else if (!m_outbox.isEmpty())
        pump();
}

void Distributor::completeFailed(OutboxItem item, const QString &reason, bool retryable) {
    --m_inFlight;
    m_counters.lastError = reason;
    m_counters.lastErrorAt = Clock::epochMs();
    ++m_consecutiveFailures;
    if (retryable && !m_stopping && m_retryPolicy.mayRetry(item.attempts)) {
        scheduleRetry(std::move(item));
    } else {
        ++m_counters.failed;
    }
    updateLoadState();
    if (m_stopping)
        checkDrained();
    else
        pump();
}

void Distributor::completeDropped(OutboxItem item, DropReason reason) {
    Q_UNUSED(item);
    --m_inFlight;
    ++m_counters.dropped[int(reason)];
    if (m_stopping)
        checkDrained();
    else if (!m_outbox.isEmpty())
        pump();
}

void Distributor::noteError(const QString &message) {
    m_counters.lastError = message;
    m_counters.lastErrorAt = Clock::epochMs();
}

void Distributor::setConnectedClients(int count) {
    m_counters.connectedClients = count;
}

void Distributor::pump() {
    if (m_pumping)
        return;
    m_pumping = true;
    while (!m_outbox.isEmpty() && canTransmit())
        transmitNow(m_outbox.takeFirst());
    m_pumping = false;
}

void Distributor::transmitNow(OutboxItem item) {
    if (item.attempts > 0)
        ++m_counters.retries;
    ++item.attempts;
    ++m_inFlight;
    transmit(std::move(item));
}

bool Distributor::canTransmit() const {
    return m_transportUp && (m_state == State::Connected || m_state == State::Degraded)
           && readyToTransmit();
}

void Distributor::setState(State state) {
    if (m_state == state)
        return;
    m_state = state;
    m_lastStateChangeMs = Clock::epochMs();
    emit stateChanged(state);
}

void Distributor::updateLoadState() {
    if (m_state != State::Connected && m_state != State::Degraded)
        return;
    const double fill = double(m_outbox.size()) / double(m_outbox.capacity());
    if (m_state == State::Connected && (m_consecutiveFailures > 0 || fill >= DegradedFill))
        setState(State::Degraded);
    else if (m_state == State::Degraded && m_consecutiveFailures == 0 && fill < RecoveredFill)
        setState(State::Connected);
}

void Distributor::scheduleReconnect() {
    m_reconnectTimer.start(m_reconnectBackoff.nextDelayMs());
}

void Distributor::scheduleRetry(OutboxItem item) {
    const qint64 due = Clock::monotonicNs() + qint64(m_retryPolicy.waitMs(item.attempts)) * 1000000;
    m_retryWaiting.emplace(due, std::move(item));
    const qint64 firstDue = m_retryWaiting.begin()->first;
    const int waitMs = int(std::max<qint64>(0, (firstDue - Clock::monotonicNs()) / 1000000));
    if (!m_retryTimer.isActive() || m_retryTimer.remainingTime() > waitMs)
        m_retryTimer.start(waitMs);
}

void Distributor::releaseDueRetries() {
    const qint64 now = Clock::monotonicNs();
    std::vector<OutboxItem> due;
    while (!m_retryWaiting.empty() && m_retryWaiting.begin()->first <= now + 1000000) {
        due.push_back(std::move(m_retryWaiting.begin()->second));
        m_retryWaiting.erase(m_retryWaiting.begin());
    }
    // Retries go first, in the order they were due.
    for (auto it = due.rbegin(); it != due.rend(); ++it)
        m_outbox.pushFront(std::move(*it));
    if (!m_retryWaiting.empty()) {
        const qint64 next = m_retryWaiting.begin()->first;
        m_retryTimer.start(int(std::max<qint64>(0, (next - now) / 1000000)));
    }
    pump();
}

void Distributor::checkDrained() {
    if (m_stopping && !m_finishing && m_inFlight == 0 && (m_outbox.isEmpty() || !canTransmit()))
        finishStop();
}

void Distributor::finishStop() {
    if (!m_stopping || m_finishing || m_state == State::Stopped)
        return;
    m_finishing = true;
    m_drainTimer.stop();
    m_retryTimer.stop();
    m_reconnectTimer.stop();
    const auto dropDisabled = [this](quint64 count) {
        m_counters.dropped[int(DropReason::Disabled)] += count;
    };
    dropDisabled(m_retryWaiting.size());
    m_retryWaiting.clear();
    dropDisabled(m_outbox.takeAll().size());
    abortInFlight();
    if (m_inFlight != 0) {
        qCWarning(lcDistributor) << registeredName() << m_inFlight
                                 << "in-flight events were not completed by the transport";
        dropDisabled(quint64(m_inFlight));
        m_inFlight = 0;
    }
    stopTransport();
    m_transportUp = false;
    if (m_counters.connectedClients >= 0)
        m_counters.connectedClients = 0;
    setState(State::Stopped);
    m_stopping = false;
    m_finishing = false;
    emit stopped();
}
