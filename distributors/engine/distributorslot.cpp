#include "distributorslot.h"

#include "clock.h"
#include "distributorfactory.h"

#include <QLoggingCategory>
#include <QPromise>

Q_LOGGING_CATEGORY(lcSlot, "labrelay.engine")

namespace {

// How long a disabled, reconfigured or failed-over instance may finish what it has in flight.
constexpr int DrainMs = 2000;

bool isHealthy(Distributor::State state) {
    return state == Distributor::State::Connected || state == Distributor::State::Degraded;
}

void add(DistributorStats &total, const DistributorStats &part) {
    total.enqueued += part.enqueued;
    total.sent += part.sent;
    total.acknowledged += part.acknowledged;
    total.failed += part.failed;
    for (int i = 0; i < int(DropReason::Count); ++i)
        total.dropped[i] += part.dropped[i];
    total.handedOver += part.handedOver;
    total.retries += part.retries;
    total.bytes += part.bytes;
    total.queued += part.queued;
    total.inFlight += part.inFlight;
    total.retryWaiting += part.retryWaiting;
    if (part.lastErrorAt > total.lastErrorAt) {
        total.lastError = part.lastError;
        total.lastErrorAt = part.lastErrorAt;
    }
    total.lastActivity = std::max(total.lastActivity, part.lastActivity);
}

QString listenKey(DistributorType type, const QJsonObject &config) {
    switch (type) {
    case DistributorType::WebSocket:
    case DistributorType::Sse:
        return config.value(QStringLiteral("host")).toString() + QLatin1Char(':')
               + QString::number(config.value(QStringLiteral("port")).toInt());
    case DistributorType::Udp: {
        const int bindPort = config.value(QStringLiteral("bindPort")).toInt();
        return bindPort ? QString::number(bindPort) : QString();
    }
    case DistributorType::Mqtt:
        return config.value(QStringLiteral("broker")).toString() + QLatin1Char('#')
               + config.value(QStringLiteral("clientId")).toString();
    case DistributorType::Http:
        break;
    }
    return {};
}

} // namespace

DistributorSlot::DistributorSlot(DistributorType type, const QString &sessionId, QObject *parent)
    : QObject(parent)
    , m_type(type)
    , m_sessionId(sessionId) {
    m_failoverTimer.setSingleShot(true);
    connect(&m_failoverTimer, &QTimer::timeout, this, &DistributorSlot::onFailoverTimeout);
    connect(&m_failbackTimer, &QTimer::timeout, this, [this] {
        if (m_index != 0 && !m_tryingAlternative && !m_transition && m_instance)
            tryAlternative(0, QStringLiteral("primary configuration answers again"));
    });
}

DistributorSlot::~DistributorSlot() {
    // Children are deleted by QObject; their destructors release sockets and ports.
    m_failoverTimer.stop();
    m_failbackTimer.stop();
}

QString DistributorSlot::registeredName() const {
    return typeName() + QLatin1Char('_') + m_sessionId;
}

QJsonObject DistributorSlot::runningConfig() const {
    return m_instance ? m_instance->config() : QJsonObject();
}

void DistributorSlot::launch(const QJsonObject &config, const Launched &done) {
    std::unique_ptr<Distributor> created = DistributorFactory::create(m_type, config);
    Distributor *instance = created.release();
    instance->setParent(this);
    instance->setRegisteredName(registeredName());
    m_launching.append(instance);
    const quint64 generation = m_generation;
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection =
        connect(instance, &Distributor::started, this,
                [this, connection, instance, done, generation](bool ok, const QString &error) {
                    QObject::disconnect(*connection);
                    m_launching.removeOne(instance);
                    if (generation != m_generation) {
                        discard(instance);
                        return;
                    }
                    done(instance, ok, error);
                });
    instance->connectToTarget();
}

void DistributorSlot::discardLaunches() {
    const QList<Distributor *> launching = m_launching;
    m_launching.clear();
    for (Distributor *instance : launching)
        discard(instance);
    m_tryingAlternative = false;
}

QFuture<DistributorSlot::StartOutcome> DistributorSlot::start(const QList<QJsonObject> &configs,
                                                              OnFailure onFailure) {
    auto promise = std::make_shared<QPromise<StartOutcome>>();
    promise->start();
    if (m_instance || configs.isEmpty()) {
        promise->addResult(StartOutcome{m_instance != nullptr, QString()});
        promise->finish();
        return promise->future();
    }
    m_transition = true;
    launch(configs.first(), [this, promise, configs, onFailure](Distributor *instance, bool ok,
                                                                const QString &error) {
        if (ok || onFailure == OnFailure::KeepRetrying) {
            adopt(instance, configs, 0);
        } else {
            discard(instance);
            m_transition = false;
            m_inactiveDrops += m_held.size();
            m_held.clear();
        }
        promise->addResult(StartOutcome{ok, error});
        promise->finish();
    });
    return promise->future();
}

void DistributorSlot::adopt(Distributor *instance, const QList<QJsonObject> &configs, int index) {
    m_instance = instance;
    if (m_probeWanted) // a new target (reconfigure, failover) needs a probe of its own
        startProbe();
    m_configs = configs;
    m_index = index;
    m_transition = false;
    connect(instance, &Distributor::stateChanged, this, &DistributorSlot::onInstanceStateChanged);
    connect(instance, &Distributor::errorOccurred, this,
            [this, instance] { emit errorOccurred(instance->errorString()); });
    instance->adoptHandover(takeHeld());
    onInstanceStateChanged(instance->state());
}

std::deque<OutboxItem> DistributorSlot::takeHeld() {
    std::deque<OutboxItem> held;
    held.swap(m_held);
    return held;
}

void DistributorSlot::retire(Distributor *instance) {
    if (!instance)
        return;
    instance->disconnect(this);
    m_retiring.append(instance);
    connect(instance, &Distributor::stopped, this, [this, instance] { finishRetired(instance); });
    instance->disconnectFromTarget(DrainMs);
}

void DistributorSlot::finishRetired(Distributor *instance) {
    if (!m_retiring.removeOne(instance))
        return;
    add(m_retired, instance->stats());
    instance->deleteLater();
    checkStopped();
}

void DistributorSlot::discard(Distributor *instance) {
    instance->disconnect(this);
    instance->disconnectFromTarget(0);
    add(m_retired, instance->stats());
    instance->deleteLater();
}

void DistributorSlot::swapTo(Distributor *candidate, const QList<QJsonObject> &configs, int index) {
    Distributor *old = m_instance;
    std::deque<OutboxItem> handover = old ? old->takeHandover() : std::deque<OutboxItem>();
    std::move(handover.begin(), handover.end(), std::back_inserter(m_held));
    std::sort(m_held.begin(), m_held.end(), [](const OutboxItem &a, const OutboxItem &b) {
        return a.envelope->seq < b.envelope->seq;
    });
    m_instance = nullptr;
    retire(old);
    adopt(candidate, configs, index);
}

QFuture<Result<bool>> DistributorSlot::replace(const QList<QJsonObject> &configs) {
    auto promise = std::make_shared<QPromise<Result<bool>>>();
    promise->start();
    if (!m_instance) {
        promise->addResult(Result<bool>::success(false));
        promise->finish();
        return promise->future();
    }
    ++m_generation;
    discardLaunches();
    m_failoverTimer.stop();
    m_failbackTimer.stop();
    if (needsBreakBeforeMake(m_instance->config(), configs.first()))
        breakBeforeMake(configs, promise);
    else
        makeBeforeBreak(configs, promise);
    return promise->future();
}

bool DistributorSlot::needsBreakBeforeMake(const QJsonObject &from, const QJsonObject &to) const {
    const QString key = listenKey(m_type, from);
    return !key.isEmpty() && key == listenKey(m_type, to);
}

void DistributorSlot::makeBeforeBreak(const QList<QJsonObject> &configs,
                                      const std::shared_ptr<QPromise<Result<bool>>> &promise) {
    launch(configs.first(), [this, promise, configs](Distributor *candidate, bool ok,
                                                     const QString &error) {
        if (!ok) {
            discard(candidate);
            promise->addResult(Result<bool>::failure(
                QStringLiteral("Reconfigure of %1 failed: %2; previous configuration restored")
                    .arg(typeName(), error)));
            promise->finish();
            return;
        }
        swapTo(candidate, configs, 0);
        promise->addResult(Result<bool>::success(true));
        promise->finish();
    });
}

void DistributorSlot::breakBeforeMake(const QList<QJsonObject> &configs,
                                      const std::shared_ptr<QPromise<Result<bool>>> &promise) {
    Distributor *old = m_instance;
    const QList<QJsonObject> previous = m_configs;
    const int previousIndex = m_index;
    m_held = old->takeHandover();
    m_instance = nullptr;
    m_transition = true;
    old->disconnect(this);
    const quint64 generation = m_generation;
    connect(old, &Distributor::stopped, this,
            [this, old, configs, previous, previousIndex, promise, generation] {
                add(m_retired, old->stats());
                old->deleteLater();
                if (generation != m_generation)
                    return; // stopped or reconfigured again meanwhile
                launch(configs.first(), [this, configs, previous, previousIndex, promise](
                                            Distributor *candidate, bool ok, const QString &error) {
                    if (ok) {
                        adopt(candidate, configs, 0);
                        promise->addResult(Result<bool>::success(true));
                        promise->finish();
                        return;
                    }
                    discard(candidate);
                    launch(
                        previous.value(previousIndex),
                        [this, previous, previousIndex, promise,
                         error](Distributor *restored, bool restoredOk, const QString &) {
                            if (restoredOk) {
                                adopt(restored, previous, previousIndex);
                                promise->addResult(Result<bool>::failure(
                                    QStringLiteral("Reconfigure of %1 failed: %2; previous "
                                                   "configuration restored")
                                        .arg(typeName(), error)));
                            } else {
                                discard(restored);
                                m_transition = false;
                                m_inactiveDrops += m_held.size();
                                m_held.clear();
                                emit stateChanged(m_lastState, Distributor::State::Stopped, error);
                                m_lastState = Distributor::State::Stopped;
                                promise->addResult(Result<bool>::failure(
                                    QStringLiteral("Reconfigure of %1 failed: %2; distributor left "
                                                   "disabled")
                                        .arg(typeName(), error)));
                            }
                            promise->finish();
                        });
                });
            });
    old->disconnectFromTarget(DrainMs);
}

void DistributorSlot::enableProbe(const ProbeFactory &factory) {
    m_probeFactory = factory;
    m_probeWanted = true;
    startProbe();
}

void DistributorSlot::disableProbe() {
    m_probeWanted = false;
    stopProbe();
}

void DistributorSlot::startProbe() {
    stopProbe();
    if (!m_instance || !m_probeFactory)
        return;
    m_probe = m_probeFactory(m_type, m_instance->config());
    if (m_probe)
        m_probe->start();
}

void DistributorSlot::stopProbe() {
    if (!m_probe)
        return;
    m_probe->stop();
    m_lastProbe = m_probe->snapshot();
    m_lastProbe.enabled = false;
    m_probe.reset();
}

QFuture<bool> DistributorSlot::stop(int drainMs) {
    auto promise = std::make_shared<QPromise<bool>>();
    promise->start();
    ++m_generation;
    m_failoverTimer.stop();
    m_failbackTimer.stop();
    discardLaunches();
    stopProbe(); // before its distributor: a WebSocket probe would see 1001 and reconnect
    m_inactiveDrops += m_held.size();
    m_held.clear();
    m_transition = false;
    Distributor *instance = m_instance;
    const bool wasActive = instance != nullptr;
    m_instance = nullptr;
    m_stopPromise = promise;
    if (instance) {
        const Distributor::State from = m_lastState;
        m_lastState = Distributor::State::Stopped;
        emit stateChanged(from, Distributor::State::Stopped, QString());
        instance->disconnect(this);
        m_retiring.append(instance);
        connect(instance, &Distributor::stopped, this,
                [this, instance] { finishRetired(instance); });
        instance->disconnectFromTarget(drainMs);
    }
    if (!wasActive)
        promise->addResult(false);
    else
        promise->addResult(true);
    checkStopped();
    return promise->future();
}

void DistributorSlot::checkStopped() {
    if (m_stopPromise && m_retiring.isEmpty()) {
        m_stopPromise->finish();
        m_stopPromise.reset();
    }
}

void DistributorSlot::route(const EnvelopePtr &envelope, const QJsonObject &options) {
    ++m_routed;
    if (m_instance) {
        if (m_probe)
            m_probe->expect(envelope->seq, envelope->enteredNs);
        m_instance->enqueue(envelope, options);
    } else if (m_transition) {
        const int capacity = m_configs.isEmpty()
                                 ? 1000
                                 : m_configs.first().value(QStringLiteral("queueSize")).toInt(1000);
        if (int(m_held.size()) >= capacity) {
            ++m_heldOverflow;
            return;
        }
        m_held.push_back(OutboxItem{envelope, options, 0, 0, Clock::monotonicNs()});
    } else {
        ++m_inactiveDrops;
    }
}

void DistributorSlot::probe() {
    if (m_instance)
        m_instance->probe();
}

void DistributorSlot::switchToNextAlternative() {
    if (!m_instance || m_tryingAlternative || m_transition || m_configs.size() < 2)
        return;
    tryAlternative((m_index + 1) % int(m_configs.size()),
                   QStringLiteral("requested by the operator"));
}

void DistributorSlot::onInstanceStateChanged(Distributor::State state) {
    const Distributor::State from = m_lastState;
    m_lastState = state;
    if (from != state)
        emit stateChanged(from, state, m_instance ? m_instance->errorString() : QString());
    if (m_configs.size() < 2)
        return;
    if (isHealthy(state)) {
        m_failoverTimer.stop();
    } else if (!m_failoverTimer.isActive() && !m_tryingAlternative) {
        m_lastTried = m_index;
        m_failoverTimer.start(failoverAfterMs());
    }
}

int DistributorSlot::failoverAfterMs() const {
    return m_configs.value(m_index).value(QStringLiteral("failoverAfterMs")).toInt(10000);
}

void DistributorSlot::onFailoverTimeout() {
    if (!m_instance || m_tryingAlternative || m_transition || isHealthy(m_instance->state()))
        return;
    int next = (m_lastTried + 1) % int(m_configs.size());
    if (next == m_index)
        next = (next + 1) % int(m_configs.size());
    m_lastTried = next;
    tryAlternative(next,
                   QStringLiteral("%1 unhealthy for %2 ms").arg(typeName()).arg(failoverAfterMs()));
}

void DistributorSlot::tryAlternative(int index, const QString &reason) {
    m_tryingAlternative = true;
    const QList<QJsonObject> configs = m_configs;
    launch(configs.value(index), [this, index, reason, configs](Distributor *candidate, bool ok,
                                                                const QString &) {
        m_tryingAlternative = false;
        if (!m_instance || !ok) {
            discard(candidate);
            // Keep trying the others while the current instance stays unhealthy.
            if (m_instance && !isHealthy(m_instance->state()))
                m_failoverTimer.start(failoverAfterMs());
            return;
        }
        const int from = m_index;
        swapTo(candidate, configs, index);
        qCInfo(lcSlot) << registeredName() << "switched from config" << from << "to" << index
                       << reason;
        emit failedOver(from, index, reason);
        const QJsonObject primary = m_configs.first();
        if (index != 0 && primary.value(QStringLiteral("failback")).toBool(true))
            m_failbackTimer.start(primary.value(QStringLiteral("failoverAfterMs")).toInt(10000));
        else
            m_failbackTimer.stop();
    });
}

DistributorStats DistributorSlot::totals() const {
    DistributorStats total = m_retired;
    for (Distributor *instance : m_retiring)
        add(total, instance->stats());
    if (m_instance)
        add(total, m_instance->stats());
    return total;
}

DistributorSnapshot DistributorSlot::snapshot() const {
    const DistributorStats total = totals();
    DistributorSnapshot snapshot;
    snapshot.type = typeName();
    snapshot.configured = true;
    snapshot.active = m_instance != nullptr;
    snapshot.state = m_instance ? Distributor::stateName(m_instance->state())
                                : Distributor::stateName(Distributor::State::Stopped);
    if (m_instance) {
        snapshot.target = m_instance->targetDescription();
        const DistributorStats current = m_instance->stats();
        snapshot.connectedClients = current.connectedClients;
        snapshot.latencyMeanMs = current.latency.meanUs / 1000.0;
        snapshot.latencyP95Ms = current.latency.p95Us / 1000.0;
        snapshot.latencyP99Ms = current.latency.p99Us / 1000.0;
    }
    snapshot.lastError =
        m_instance && !m_instance->errorString().isEmpty() && !isHealthy(m_instance->state())
            ? m_instance->errorString()
            : total.lastError;
    snapshot.lastErrorAt = total.lastErrorAt;
    snapshot.routed = m_routed;
    snapshot.sent = total.sent;
    snapshot.acknowledged = total.acknowledged;
    snapshot.failed = total.failed;
    snapshot.droppedQueueFull = total.droppedBy(DropReason::QueueFull) + m_heldOverflow;
    snapshot.droppedDisabled = total.droppedBy(DropReason::Disabled) + m_inactiveDrops;
    snapshot.droppedNoClients = total.droppedBy(DropReason::NoClients);
    snapshot.retries = total.retries;
    snapshot.bytes = total.bytes;
    snapshot.queued = int(total.pending()) + int(m_held.size());
    snapshot.probe = m_probe ? m_probe->snapshot() : m_lastProbe;
    snapshot.hint = m_hint;
    snapshot.failoverIndex = m_index;
    snapshot.failoverAlternatives = std::max(0, alternativeCount());
    return snapshot;
}
