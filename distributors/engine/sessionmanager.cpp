#include "sessionmanager.h"

#include "clock.h"
#include "demosetup.h"
#include "probefactory.h"
#include "session.h"

#include <QJsonArray>
#include <QPointer>
#include <QPromise>
#include <QSignalBlocker>

#include <type_traits>

namespace {

template<typename T>
QFuture<T> ready(T value) {
    return QtFuture::makeReadyFuture(std::move(value));
}

// The port a distributor listens on (0 when it does not listen on a fixed port).
int listenPort(const QString &type, const QJsonObject &config) {
    if (type == QLatin1String("websocket") || type == QLatin1String("sse"))
        return config.value(QStringLiteral("port")).toInt();
    if (type == QLatin1String("udp"))
        return config.value(QStringLiteral("bindPort")).toInt();
    return 0;
}

QJsonObject withClientIdSuffix(const QString &type, QJsonObject config, const QString &sessionId) {
    if (type == QLatin1String("mqtt")
        && !config.value(QStringLiteral("clientId")).toString().isEmpty())
        config.insert(QStringLiteral("clientId"),
                      ConfigManager::suffixedClientId(
                          config.value(QStringLiteral("clientId")).toString(), sessionId));
    return config;
}

} // namespace

SessionManager::SessionManager(QObject *parent)
    : QObject(parent) {
    qRegisterMetaType<EngineSnapshot>();
    m_snapshotTimer.setInterval(200);
    connect(&m_snapshotTimer, &QTimer::timeout, this, &SessionManager::emitSnapshot);
    m_snapshotTimer.start();
}

SessionManager::~SessionManager() = default;

QString SessionManager::notFound(const QString &sessionId) {
    return QStringLiteral("Session %1 not found").arg(sessionId);
}

Session *SessionManager::openSession(const QString &sessionId) const {
    Session *session = m_byId.value(sessionId);
    return session && session->isOpen() ? session : nullptr;
}

template<typename T, typename Action>
Result<T> SessionManager::onOpenSession(const QString &sessionId, Action &&action) {
    Session *session = openSession(sessionId);
    if (!session)
        return Result<T>::failure(notFound(sessionId));
    if constexpr (std::is_same_v<std::invoke_result_t<Action, Session &>, Result<T>>)
        return action(*session);
    else
        return Result<T>::success(action(*session));
}

Session *SessionManager::getSession(const QString &sessionId) const {
    return openSession(sessionId);
}

QStringList SessionManager::sessionIds() const {
    QStringList ids;
    for (const Session *session : m_sessions) {
        if (session->isOpen())
            ids.append(session->id());
    }
    return ids;
}

QJsonArray SessionManager::listSessions() const {
    QJsonArray list;
    for (const Session *session : m_sessions) {
        if (!session->isOpen())
            continue;
        list.append(
            QJsonObject{{QStringLiteral("sessionId"), session->id()},
                        {QStringLiteral("status"), sessionStateName(session->state())},
                        {QStringLiteral("template"), session->templateName()},
                        {QStringLiteral("createdAt"), double(session->createdAt())},
                        {QStringLiteral("activeDistributors"),
                         QJsonArray::fromStringList(session->activeTypes())},
                        {QStringLiteral("eventRoutes"), session->router().routing().size()}});
    }
    return list;
}

QString SessionManager::portConflict(const QString &sessionId, const QString &type,
                                     const QJsonObject &effective) const {
    const int port = listenPort(type, effective);
    if (port <= 0)
        return {};
    for (const Session *session : m_sessions) {
        for (const DistributorSlot *slot : session->distributorSlots()) {
            QJsonObject config = slot->runningConfig();
            if (config.isEmpty() && session->state() == SessionState::Initializing
                && session->config().isEnabled(slot->typeName()))
                config = session->effectiveConfigs(slot->type(), slot->configured()).value(0);
            if (listenPort(slot->typeName(), config) != port)
                continue;
            if (session->id() != sessionId)
                return QStringLiteral("%1: port %2 already in use by session %3")
                    .arg(type)
                    .arg(port)
                    .arg(session->id());
            if (slot->typeName() != type)
                return QStringLiteral("%1: port %2 already in use by %3 in this session")
                    .arg(type)
                    .arg(port)
                    .arg(slot->typeName());
        }
    }
    return {};
}

QFuture<Result<CreateSessionResult>> SessionManager::createSession(const QString &sessionId,
                                                                   const SessionConfig &options) {
    using R = Result<CreateSessionResult>;
    if (sessionId.isEmpty())
        return ready(R::failure(QStringLiteral("A session needs an id")));
    // The id is reserved from here on: a concurrent create with the same id fails at once.
    if (m_byId.contains(sessionId))
        return ready(R::failure(QStringLiteral("Session %1 already exists").arg(sessionId)));
    SessionConfig input = options;
    input.sessionId = sessionId;
    const Result<SessionConfig> config = m_configManager.createSessionConfig(input);
    if (!config)
        return ready(R::failure(config.error(), config.warnings()));

    auto *session = new Session(sessionId, config.value(), &m_configManager, this);
    // Within the new session, a type only conflicts with the ones checked before it.
    QList<const DistributorSlot *> checked;
    for (const QString &type : config->enabledTypes()) {
        const DistributorSlot *slot = session->slot(type);
        if (!slot)
            continue;
        const QJsonObject effective =
            session->effectiveConfigs(slot->type(), slot->configured()).value(0);
        QString conflict = portConflict(sessionId, type, effective);
        for (const DistributorSlot *other : checked) {
            const QJsonObject otherConfig =
                session->effectiveConfigs(other->type(), other->configured()).value(0);
            if (conflict.isEmpty() && listenPort(type, effective) > 0
                && listenPort(type, effective) == listenPort(other->typeName(), otherConfig))
                conflict = QStringLiteral("%1: port %2 already in use by %3 in this session")
                               .arg(type)
                               .arg(listenPort(type, effective))
                               .arg(other->typeName());
        }
        if (!conflict.isEmpty()) {
            delete session;
            return ready(R::failure(conflict, config.warnings()));
        }
        checked.append(slot);
    }

    m_sessions.append(session);
    m_byId.insert(sessionId, session);
    wire(session);
    const QStringList warnings = config.warnings();
    QPointer<Session> guard(session);
    return session->start(StartReportMs)
        .then(this, [this, guard, sessionId, warnings](const QList<StartReportEntry> &report) {
            if (!guard || guard->state() != SessionState::Initializing)
                return R::failure(
                    QStringLiteral("Session %1 was closed while starting").arg(sessionId));
            // Observers hear "created" first, then the one state the session settles in.
            emit sessionCreated(sessionId);
            const bool allStarted = std::all_of(report.begin(), report.end(),
                                                [](const StartReportEntry &e) { return e.ok; });
            const QSignalBlocker settling(guard.data());
            guard->setState(SessionState::Active);
            guard->recomputeState();
            if (!allStarted)
                guard->setState(SessionState::Degraded);
            emit sessionStateChanged(sessionId, sessionStateName(guard->state()));
            CreateSessionResult result{sessionId, guard->state(), report, warnings};
            if (!warnings.isEmpty())
                emit configWarnings(sessionId, warnings);
            return R::success(result, warnings);
        });
}

void SessionManager::wire(Session *session) {
    const QString id = session->id();
    connect(session, &Session::stateChanged, this, [this, id](SessionState state) {
        if (state != SessionState::Initializing)
            emit sessionStateChanged(id, sessionStateName(state));
    });
    connect(session, &Session::distributorStateChanged, this,
            [this, id](const QString &type, const QString &from, const QString &to,
                       const QString &detail) {
                emit distributorStateChanged(id, type, from, to, detail);
            });
    connect(session, &Session::distributorError, this,
            [this, id](const QString &type, const QString &message) {
                emit distributorError(id, type, message);
            });
    connect(session, &Session::failedOver, this,
            [this, id](const QString &type, int from, int to, const QString &reason) {
                emit failoverSwitched(id, type, from, to, reason);
            });
    connect(session, &Session::healthReport, this,
            [this, id](const QJsonObject &report) { emit healthReport(id, report); });
    connect(session, &Session::replayFinished, this,
            [this, id](qint64 events) { emit replayFinished(id, events); });
    connect(session, &Session::eventDropped, this,
            [this, id](const QString &event, const QString &type, const QString &reason) {
                emit eventDropped(id, event, type, reason);
            });
}

QFuture<bool> SessionManager::closeSession(const QString &sessionId) {
    Session *session = m_byId.value(sessionId);
    if (!session || session->state() == SessionState::Closing
        || session->state() == SessionState::Closed) {
        emit warning(sessionId, notFound(sessionId));
        return ready(false);
    }
    session->setState(SessionState::Closing);
    return session->stopAll(DrainMs).then(this, [this, session, sessionId](bool) {
        session->setState(SessionState::Closed);
        m_byId.remove(sessionId);
        m_sessions.removeOne(session);
        m_rates.forget(sessionId);
        session->deleteLater();
        if (sessionId == DemoSetup::SessionId && m_demo) {
            m_demo->deleteLater(); // its HTTP sink goes with the demo session
            m_demo = nullptr;
        }
        emit sessionClosed(sessionId);
        return true;
    });
}

QFuture<bool> SessionManager::cleanup() {
    QList<QFuture<bool>> closing;
    const QList<Session *> sessions = m_sessions;
    for (Session *session : sessions) {
        if (session->state() != SessionState::Closing && session->state() != SessionState::Closed)
            closing.append(closeSession(session->id()));
    }
    if (closing.isEmpty())
        return ready(true);
    return QtFuture::whenAll(closing.begin(), closing.end())
        .then(this, [](const QList<QFuture<bool>> &) { return true; });
}

Result<QList<QJsonObject>> SessionManager::checkConfig(const Session &session, DistributorType type,
                                                       const QJsonObject &configured) const {
    const QString name = DistributorTypes::name(type);
    const ValidationResult validation = m_configManager.validateDistributorConfig(name, configured);
    if (!validation.valid)
        return Result<QList<QJsonObject>>::failure(
            QStringLiteral("Invalid %1 configuration: %2")
                .arg(name, validation.errors.join(QStringLiteral("; "))));
    const QList<QJsonObject> configs = session.effectiveConfigs(type, configured);
    if (const QString conflict = portConflict(session.id(), name, configs.first());
        !conflict.isEmpty())
        return Result<QList<QJsonObject>>::failure(conflict);
    return Result<QList<QJsonObject>>::success(configs, validation.warnings);
}

QFuture<Result<EnableResult>> SessionManager::enableDistributor(const QString &sessionId,
                                                                const QString &type,
                                                                const QJsonObject &config) {
    using R = Result<EnableResult>;
    Session *session = openSession(sessionId);
    if (!session)
        return ready(R::failure(notFound(sessionId)));
    const auto known = DistributorTypes::fromName(type);
    if (!known)
        return ready(R::failure(QStringLiteral("Unknown distributor type: %1").arg(type)));
    DistributorSlot *existing = session->slot(type);
    if (existing && existing->isActive())
        return ready(R::success(EnableResult{true, {}},
                                {QStringLiteral("%1 distributor is already active; the given "
                                                "configuration was not applied")
                                     .arg(type)}));

    const QJsonObject configured = withClientIdSuffix(
        type,
        ConfigManager::mergeOverride(existing ? existing->configured() : QJsonObject(), config),
        sessionId);
    const Result<QList<QJsonObject>> checked = checkConfig(*session, *known, configured);
    if (!checked)
        return ready(R::failure(checked.error()));
    const QList<QJsonObject> &configs = checked.value();

    const bool created = existing == nullptr;
    DistributorSlot *slot = session->ensureSlot(*known);
    QPointer<Session> guard(session);
    QPointer<DistributorSlot> slotGuard(slot);
    const QStringList warnings = checked.warnings();
    return slot->start(configs, DistributorSlot::OnFailure::TearDown)
        .then(this, [guard, slotGuard, type, configured, created,
                     warnings](DistributorSlot::StartOutcome outcome) {
            if (!guard || !slotGuard)
                return R::failure(QStringLiteral("Session closed while enabling %1").arg(type));
            if (!outcome.ok) {
                if (created)
                    guard->removeSlot(slotGuard);
                return R::failure(QStringLiteral("Failed to connect %1 distributor: %2")
                                      .arg(type, outcome.error));
            }
            slotGuard->setConfigured(configured);
            guard->recomputeState();
            return R::success(EnableResult{false, warnings}, warnings);
        });
}

QFuture<Result<bool>> SessionManager::disableDistributor(const QString &sessionId,
                                                         const QString &type) {
    using R = Result<bool>;
    Session *session = openSession(sessionId);
    if (!session)
        return ready(R::failure(notFound(sessionId)));
    DistributorSlot *slot = session->slot(type);
    if (!slot || !slot->isActive()) {
        const QString message =
            QStringLiteral("%1 distributor is not active in session %2").arg(type, sessionId);
        emit warning(sessionId, message);
        return ready(R::success(false, {message}));
    }
    QPointer<Session> guard(session);
    return slot->stop(DrainMs).then(this, [guard](bool) {
        if (guard)
            guard->recomputeState();
        return R::success(true);
    });
}

QFuture<Result<bool>> SessionManager::reconfigureDistributor(const QString &sessionId,
                                                             const QString &type,
                                                             const QJsonObject &config,
                                                             ReconfigureMode mode) {
    using R = Result<bool>;
    Session *session = openSession(sessionId);
    if (!session)
        return ready(R::failure(notFound(sessionId)));
    const auto known = DistributorTypes::fromName(type);
    if (!known)
        return ready(R::failure(QStringLiteral("Unknown distributor type: %1").arg(type)));
    DistributorSlot *slot = session->slot(type);
    const QJsonObject base = slot ? slot->configured() : QJsonObject();
    const QJsonObject configured = withClientIdSuffix(
        type, mode == ReconfigureMode::Merge ? ConfigManager::mergeOverride(base, config) : config,
        sessionId);
    const Result<QList<QJsonObject>> checked = checkConfig(*session, *known, configured);
    if (!checked)
        return ready(R::failure(checked.error()));
    const QList<QJsonObject> &configs = checked.value();
    slot = session->ensureSlot(*known);
    if (!slot->isActive()) {
        slot->setConfigured(configured);
        return ready(R::success(false, checked.warnings()));
    }
    QPointer<Session> guard(session);
    QPointer<DistributorSlot> slotGuard(slot);
    const QStringList warnings = checked.warnings();
    return slot->replace(configs).then(
        this, [guard, slotGuard, configured, warnings](Result<bool> result) {
            if (result && slotGuard)
                slotGuard->setConfigured(configured);
            if (guard)
                guard->recomputeState();
            return result ? R::success(true, warnings) : result;
        });
}

Result<bool> SessionManager::switchToFailover(const QString &sessionId, const QString &type) {
    Session *session = openSession(sessionId);
    if (!session)
        return Result<bool>::failure(notFound(sessionId));
    DistributorSlot *slot = session->slot(type);
    if (!slot || !slot->isActive())
        return Result<bool>::failure(QStringLiteral("%1 distributor is not active").arg(type));
    if (slot->alternativeCount() < 1)
        return Result<bool>::failure(QStringLiteral("%1 has no failover configuration").arg(type));
    slot->switchToNextAlternative();
    return Result<bool>::success(true);
}

Result<RoutingReport> SessionManager::applyRouting(Session *session, const EventRouting &routing,
                                                   UnroutedPolicy policy) {
    EventRouting normalised;
    RoutingReport report;
    const QString suffix = QLatin1Char('_') + session->id();
    for (const EventRouting::Route &route : routing.routes()) {
        if (!route.isList())
            return Result<RoutingReport>::failure(
                QStringLiteral("Event routing for %1 must be an array").arg(route.event));
        QStringList types;
        for (const QJsonValue &entry : route.targets.toArray()) {
            QString type = entry.toString();
            if (type.endsWith(suffix)
                && DistributorTypes::isKnown(type.left(type.size() - suffix.size())))
                type.chop(suffix.size());
            if (!entry.isString() || !DistributorTypes::isKnown(type))
                return Result<RoutingReport>::failure(
                    QStringLiteral("Event %1 routes to unknown distributor type: %2")
                        .arg(route.event, entry.isString() ? entry.toString()
                                                           : QStringLiteral("(not a string)")));
            if (types.contains(type))
                continue;
            types.append(type);
            const DistributorSlot *slot = session->slot(type);
            if (slot && slot->isActive())
                report.accepted.append({route.event, type, QString()});
            else
                report.skipped.append(
                    {route.event, type,
                     slot ? QStringLiteral("inactive") : QStringLiteral("not configured")});
        }
        normalised.set(route.event, types);
    }
    session->setRouting(normalised, policy);
    emit routingChanged(session->id());
    return Result<RoutingReport>::success(report);
}

Result<RoutingReport> SessionManager::updateEventRouting(const QString &sessionId,
                                                         const EventRouting &routing,
                                                         std::optional<UnroutedPolicy> policy) {
    return onOpenSession<RoutingReport>(sessionId, [&](Session &session) {
        return applyRouting(&session, routing, policy.value_or(session.router().policy()));
    });
}

Result<RoutingReport> SessionManager::mergeEventRouting(const QString &sessionId,
                                                        const EventRouting &routing) {
    return onOpenSession<RoutingReport>(sessionId, [&](Session &session) {
        EventRouting merged = session.router().routing();
        for (const EventRouting::Route &route : routing.routes())
            merged.setRaw(route.event, route.targets);
        return applyRouting(&session, merged, session.router().policy());
    });
}

Result<RouteOutcome> SessionManager::routeEvent(const QString &sessionId, const QString &event,
                                                const QJsonValue &data,
                                                const QJsonObject &options) {
    return onOpenSession<RouteOutcome>(
        sessionId, [&](Session &session) { return session.route(event, data, options); });
}

Result<quint64> SessionManager::routeEventJson(const QString &sessionId, const QString &event,
                                               const QByteArray &dataJson,
                                               const QJsonObject &options) {
    return onOpenSession<quint64>(
        sessionId, [&](Session &session) { return session.routeJson(event, dataJson, options); });
}

Result<RouteOutcome> SessionManager::distribute(const QString &sessionId, const QString &event,
                                                const QJsonValue &data,
                                                const QJsonObject &options) {
    return onOpenSession<RouteOutcome>(sessionId, [&](Session &session) {
        QStringList targets;
        for (const QJsonValue &target : options.value(QStringLiteral("targets")).toArray())
            targets.append(target.toString());
        QJsonObject rest = options;
        rest.remove(QStringLiteral("targets"));
        return session.distribute(event, data, targets, rest);
    });
}

Result<QJsonObject> SessionManager::startSynthetic(const QString &sessionId,
                                                   const QJsonObject &options) {
    return onOpenSession<QJsonObject>(
        sessionId, [&](Session &session) { return session.startSynthetic(options); });
}

Result<bool> SessionManager::stopSynthetic(const QString &sessionId) {
    return onOpenSession<bool>(sessionId,
                               [&](Session &session) { return session.stopSynthetic(); });
}

Result<QString> SessionManager::startRecording(const QString &sessionId,
                                               const QJsonObject &options) {
    return onOpenSession<QString>(
        sessionId, [&](Session &session) { return session.startRecording(options); });
}

Result<bool> SessionManager::stopRecording(const QString &sessionId) {
    return onOpenSession<bool>(sessionId,
                               [&](Session &session) { return session.stopRecording(); });
}

Result<bool> SessionManager::setProbeEnabled(const QString &sessionId, const QString &type,
                                             bool enabled) {
    return onOpenSession<bool>(
        sessionId, [&](Session &session) { return session.setProbeEnabled(type, enabled); });
}

Result<bool> SessionManager::startReplay(const QString &sessionId, const QStringList &files,
                                         double speed) {
    return onOpenSession<bool>(sessionId,
                               [&](Session &session) { return session.startReplay(files, speed); });
}

Result<bool> SessionManager::stopReplay(const QString &sessionId) {
    return onOpenSession<bool>(sessionId, [&](Session &session) { return session.stopReplay(); });
}

QFuture<Result<CreateSessionResult>> SessionManager::startDemo(quint16 brokerPort) {
    using R = Result<CreateSessionResult>;
    if (m_byId.contains(DemoSetup::SessionId) || m_demo)
        return ready(
            R::failure(QStringLiteral("Session %1 already exists").arg(DemoSetup::SessionId)));
    m_demo = new DemoSetup(this);
    m_demo->setMqttBroker(QStringLiteral("127.0.0.1"), brokerPort);
    auto promise = std::make_shared<QPromise<R>>();
    promise->start();
    QPointer<DemoSetup> demo(m_demo);
    connect(m_demo, &DemoSetup::ready, this, [this, demo, promise](const DemoConfig &config) {
        SessionConfig options = config.config;
        options.options.insert(QStringLiteral("basedOnTemplate"), QStringLiteral("demo"));
        createSession(DemoSetup::SessionId, options)
            .then(this, [this, demo, promise, config](const R &created) {
                Session *session = openSession(DemoSetup::SessionId);
                if (created.ok() && session && demo) {
                    session->setProbeFactory(
                        [demo](DistributorType type, const QJsonObject &effective) {
                            return demo ? demo->createProbe(type, effective)
                                        : createProbe(type, effective);
                        });
                    session->setHints(config.hints);
                    for (const QString &type : session->activeTypes())
                        session->setProbeEnabled(type, true);
                    session->startSynthetic(
                        {{QStringLiteral("mode"), QStringLiteral("realistic")}});
                } else if (demo) {
                    demo->deleteLater();
                    m_demo = nullptr;
                }
                promise->addResult(created);
                promise->finish();
            });
    });
    m_demo->start();
    return promise->future();
}

Result<QJsonObject> SessionManager::getSessionStatus(const QString &sessionId) const {
    const Session *session = m_byId.value(sessionId);
    if (!session || session->state() == SessionState::Initializing)
        return Result<QJsonObject>::failure(notFound(sessionId));
    return Result<QJsonObject>::success(session->status());
}

Result<SessionConfig> SessionManager::exportSessionConfig(const QString &sessionId) const {
    const Session *session = openSession(sessionId);
    if (!session)
        return Result<SessionConfig>::failure(notFound(sessionId));
    return Result<SessionConfig>::success(session->currentConfig());
}

EngineSnapshot SessionManager::snapshot() const {
    EngineSnapshot snapshot;
    snapshot.timestamp = Clock::epochMs();
    for (const Session *session : std::as_const(m_sessions)) {
        if (!session->isOpen())
            continue;
        SessionSnapshot s = session->snapshot();
        m_rates.fill(s);
        snapshot.sessions.append(s);
    }
    return snapshot;
}

void SessionManager::setSnapshotInterval(int milliseconds) {
    m_snapshotTimer.setInterval(std::max(100, milliseconds));
}

void SessionManager::emitSnapshot() {
    // Rates are measured on every tick, watched or not, so the API reads them headless too.
    EngineSnapshot current = snapshot();
    m_rates.measure(current);
    emit snapshotReady(current);
}
