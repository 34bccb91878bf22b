#include "session.h"

#include "clock.h"
#include "configmanager.h"
#include "configschema.h"
#include "probefactory.h"
#include "recorder.h"
#include "recordingoptions.h"
#include "replaysource.h"
#include "syntheticoptions.h"
#include "syntheticsource.h"

#include <QJsonArray>
#include <QPromise>

namespace {

const QStringList SessionRetryKeys{QStringLiteral("retryAttempts"), QStringLiteral("retryDelay"),
                                   QStringLiteral("retryBackoff")};

bool isHealthyState(const QString &state) {
    return state == QLatin1String("connected") || state == QLatin1String("degraded");
}

} // namespace

Session::Session(const QString &id, const SessionConfig &config, ConfigManager *configManager,
                 QObject *parent)
    : QObject(parent)
    , m_id(id)
    , m_createdAt(Clock::epochMs())
    , m_config(config)
    , m_configManager(configManager) {
    for (const auto &[typeName, configured] : config.distributors.entries()) {
        if (const auto type = DistributorTypes::fromName(typeName))
            ensureSlot(*type)->setConfigured(configured);
    }
    m_router.setRouting(config.eventRouting, config.unroutedPolicy());
    const QJsonObject options = config.options;
    if (options.value(QStringLiteral("enableHealthCheck")).toBool(true)) {
        m_healthTimer.setInterval(
            options.value(QStringLiteral("healthCheckInterval")).toInt(30000));
        connect(&m_healthTimer, &QTimer::timeout, this, &Session::runHealthCheck);
    }
}

Session::~Session() = default;

void Session::setState(SessionState state) {
    if (m_state == state)
        return;
    m_state = state;
    if (isOpen() && m_healthTimer.interval() > 0 && !m_healthTimer.isActive())
        m_healthTimer.start();
    if (!isOpen())
        m_healthTimer.stop();
    emit stateChanged(state);
}

QString Session::templateName() const {
    return m_config.options.value(QStringLiteral("basedOnTemplate")).toString();
}

SessionConfig Session::currentConfig() const {
    SessionConfig config = m_config;
    config.templateName = QString(); // the distributors below are complete
    config.sessionId = m_id;
    config.distributors = DistributorConfigMap();
    for (const DistributorSlot *slot : m_slots)
        config.distributors.insert(slot->typeName(), slot->configured());
    config.enabledDistributors = activeTypes();
    config.eventRouting = m_router.routing();
    config.setUnroutedPolicy(m_router.policy());
    return config;
}

DistributorSlot *Session::slot(const QString &type) const {
    for (DistributorSlot *slot : m_slots) {
        if (slot->typeName() == type)
            return slot;
    }
    return nullptr;
}

DistributorSlot *Session::ensureSlot(DistributorType type) {
    if (DistributorSlot *existing = slot(DistributorTypes::name(type)))
        return existing;
    auto *created = new DistributorSlot(type, m_id, this);
    m_slots.append(created);
    const QString typeName = created->typeName();
    connect(
        created, &DistributorSlot::stateChanged, this,
        [this, typeName](Distributor::State from, Distributor::State to, const QString &detail) {
            emit distributorStateChanged(typeName, Distributor::stateName(from),
                                         Distributor::stateName(to), detail);
            recomputeState();
        });
    connect(created, &DistributorSlot::errorOccurred, this,
            [this, typeName](const QString &message) { emit distributorError(typeName, message); });
    connect(created, &DistributorSlot::failedOver, this,
            [this, typeName](int from, int to, const QString &reason) {
                emit failedOver(typeName, from, to, reason);
            });
    return created;
}

void Session::removeSlot(DistributorSlot *slot) {
    if (!slot || slot->isActive() || !m_slots.removeOne(slot))
        return;
    slot->deleteLater();
}

QStringList Session::activeTypes() const {
    QStringList types;
    for (const DistributorSlot *slot : m_slots) {
        if (slot->isActive())
            types.append(slot->typeName());
    }
    return types;
}

QList<QJsonObject> Session::effectiveConfigs(DistributorType type,
                                             const QJsonObject &configured) const {
    QJsonObject base = ConfigSchema::defaults(type);
    for (const QString &key : SessionRetryKeys) {
        if (m_config.options.contains(key) && !configured.contains(key))
            base.insert(key, m_config.options.value(key));
    }
    QJsonObject primary = configured;
    const QJsonArray alternatives = primary.take(QStringLiteral("failover")).toArray();
    const QString typeName = DistributorTypes::name(type);
    QList<QJsonObject> configs{ConfigManager::mergeOverride(
        base, m_configManager->expandDistributorConfig(typeName, primary))};
    for (const QJsonValue &alternative : alternatives) {
        const QJsonObject merged = ConfigManager::mergeOverride(primary, alternative.toObject());
        configs.append(ConfigManager::mergeOverride(
            base, m_configManager->expandDistributorConfig(typeName, merged)));
    }
    return configs;
}

QFuture<QList<StartReportEntry>> Session::start(int reportAfterMs) {
    struct Pending {
        QPromise<QList<StartReportEntry>> promise;
        QList<StartReportEntry> report;
        int outstanding = 0;
        bool finished = false;
        QTimer timer;
    };
    auto pending = std::make_shared<Pending>();
    pending->promise.start();
    auto finish = [pending] {
        if (pending->finished)
            return;
        pending->finished = true;
        pending->timer.stop();
        pending->promise.addResult(pending->report);
        pending->promise.finish();
    };
    // All entries exist before any start: a transport may report synchronously.
    QList<DistributorSlot *> starting;
    for (const QString &typeName : m_config.enabledTypes()) {
        if (DistributorSlot *target = slot(typeName)) {
            pending->report.append({typeName, false, true, QString()});
            starting.append(target);
        }
    }
    pending->outstanding = int(starting.size());
    for (qsizetype index = 0; index < starting.size(); ++index) {
        DistributorSlot *target = starting.at(index);
        target
            ->start(effectiveConfigs(target->type(), target->configured()),
                    DistributorSlot::OnFailure::KeepRetrying)
            .then(this, [pending, index, finish](DistributorSlot::StartOutcome outcome) {
                StartReportEntry &entry = pending->report[index];
                entry.pending = false;
                entry.ok = outcome.ok;
                entry.error = outcome.ok ? QString()
                                         : QStringLiteral("Failed to connect %1 distributor: %2")
                                               .arg(entry.type, outcome.error);
                if (--pending->outstanding == 0)
                    finish();
            });
    }
    if (pending->outstanding == 0) {
        finish();
    } else {
        pending->timer.setSingleShot(true);
        connect(&pending->timer, &QTimer::timeout, this, finish);
        pending->timer.start(reportAfterMs);
    }
    return pending->promise.future();
}

QFuture<bool> Session::stopAll(int drainMs) {
    // Inputs first, so nothing new arrives while the distributors drain.
    stopSynthetic();
    stopReplay();
    stopRecording();
    QList<QFuture<bool>> stops;
    for (DistributorSlot *slot : m_slots)
        stops.append(slot->stop(drainMs));
    m_healthTimer.stop();
    return QtFuture::whenAll(stops.begin(), stops.end()).then([](const QList<QFuture<bool>> &) {
        return true;
    });
}

void Session::setRouting(const EventRouting &routing, UnroutedPolicy policy) {
    m_router.setRouting(routing, policy);
}

EnvelopePtr Session::stamp(EnvelopePtr envelope) {
    if (m_recorder)
        m_recorder->record(*envelope);
    return envelope;
}

Result<QJsonObject> Session::startSynthetic(const QJsonObject &options) {
    const Result<SyntheticOptions> parsed = SyntheticOptions::fromJson(options);
    if (!parsed)
        return Result<QJsonObject>::failure(parsed.error());
    stopSynthetic();
    m_synthetic = new SyntheticSource(
        parsed.value(),
        [this](const QString &event, const QJsonValue &data) { route(event, data, {}); }, this);
    m_synthetic->start();
    return Result<QJsonObject>::success(m_synthetic->options().toJson());
}

bool Session::stopSynthetic() {
    if (!m_synthetic)
        return false;
    m_synthetic->stop();
    delete m_synthetic;
    m_synthetic = nullptr;
    return true;
}

bool Session::isSyntheticRunning() const {
    return m_synthetic && m_synthetic->isRunning();
}

Result<QString> Session::startRecording(const QJsonObject &options) {
    const Result<RecordingOptions> parsed = RecordingOptions::fromJson(options);
    if (!parsed)
        return Result<QString>::failure(parsed.error());
    // The new recorder starts before the old one stops: a refused restart keeps recording.
    auto *recorder = new Recorder(m_id, parsed.value(), this);
    if (!recorder->start()) {
        const QString error = recorder->errorString();
        delete recorder;
        return Result<QString>::failure(error);
    }
    stopRecording();
    m_recorder = recorder;
    return Result<QString>::success(recorder->currentFile());
}

bool Session::stopRecording() {
    if (!m_recorder)
        return false;
    m_recorder->close();
    delete m_recorder;
    m_recorder = nullptr;
    return true;
}

Result<bool> Session::startReplay(const QStringList &files, double speed) {
    if (speed < 0)
        return Result<bool>::failure(
            QStringLiteral("speed: expected 0 (as fast as possible) or more"));
    stopReplay();
    auto *replay = new ReplaySource(
        files, speed, [this](const RecordedEvent &event) { route(event.event, event.data, {}); },
        this);
    if (!replay->start()) {
        const QString error = replay->errorString();
        delete replay;
        return Result<bool>::failure(QStringLiteral("Replay failed: ") + error);
    }
    connect(replay, &ReplaySource::finished, this, [this, replay] {
        emit replayFinished(replay->progress().done);
        if (m_replay == replay) {
            m_replay = nullptr;
            replay->deleteLater();
        }
    });
    m_replay = replay;
    return Result<bool>::success(true);
}

bool Session::stopReplay() {
    if (!m_replay)
        return false;
    m_replay->stop();
    delete m_replay;
    m_replay = nullptr;
    return true;
}

Result<bool> Session::setProbeEnabled(const QString &type, bool enabled) {
    DistributorSlot *target = slot(type);
    if (!target)
        return Result<bool>::failure(
            QStringLiteral("%1 is not configured in session %2").arg(type, m_id));
    if (enabled)
        target->enableProbe(m_probeFactory ? m_probeFactory
                                           : DistributorSlot::ProbeFactory(&createProbe));
    else
        target->disableProbe();
    return Result<bool>::success(enabled);
}

void Session::setHints(const QMap<QString, QString> &hints) {
    for (auto it = hints.begin(); it != hints.end(); ++it) {
        if (const auto type = DistributorTypes::fromName(it.key()))
            ensureSlot(*type)->setHint(it.value());
    }
}

RouteOutcome Session::route(const QString &event, const QJsonValue &data,
                            const QJsonObject &options) {
    RouteOutcome outcome;
    route(stamp(makeEnvelope(event, m_id, ++m_seq, Clock::epochMs(), data)), options, &outcome);
    return outcome;
}

quint64 Session::routeJson(const QString &event, const QByteArray &dataJson,
                           const QJsonObject &options) {
    const EnvelopePtr envelope =
        stamp(makeEnvelopeFromJson(event, m_id, ++m_seq, Clock::epochMs(), dataJson));
    route(envelope, options, nullptr);
    return envelope->seq;
}

void Session::route(const EnvelopePtr &envelope, const QJsonObject &options,
                    RouteOutcome *outcome) {
    const QString &event = envelope->event;
    if (outcome)
        outcome->seq = envelope->seq;
    Delivered delivered;
    const EventRouter::Resolution resolution = m_router.resolve(event);
    switch (resolution.match) {
    case EventRouter::Match::Route:
    case EventRouter::Match::Wildcard:
        for (const QString &type : *resolution.types)
            deliver(envelope, type, options, delivered, outcome);
        break;
    case EventRouter::Match::Broadcast:
        for (DistributorSlot *slot : std::as_const(m_slots)) {
            if (slot->acceptsEvents())
                deliver(envelope, slot->typeName(), options, delivered, outcome);
        }
        break;
    case EventRouter::Match::Drop:
        ++m_unroutedDropped;
        if (outcome)
            outcome->droppedUnrouted = true;
        noteDrop(event, QString(), QStringLiteral("no route"));
        break;
    }
}

RouteOutcome Session::distribute(const QString &event, const QJsonValue &data,
                                 const QStringList &targets, const QJsonObject &options) {
    const EnvelopePtr envelope = stamp(makeEnvelope(event, m_id, ++m_seq, Clock::epochMs(), data));
    RouteOutcome outcome;
    outcome.seq = envelope->seq;
    Delivered delivered;
    if (targets.isEmpty() || targets.contains(QStringLiteral("all"))) {
        for (DistributorSlot *slot : std::as_const(m_slots)) {
            if (slot->acceptsEvents())
                deliver(envelope, slot->typeName(), options, delivered, &outcome);
        }
        return outcome;
    }
    for (const QString &target : targets)
        deliver(envelope, target, options, delivered, &outcome);
    return outcome;
}

void Session::deliver(const EnvelopePtr &envelope, const QString &type, const QJsonObject &options,
                      Delivered &delivered, RouteOutcome *outcome) {
    // Registered names (`mqtt_<session>`) are accepted for compatibility and mean the type.
    DistributorSlot *target = slot(type);
    QString typeName = type;
    if (!target && typeName.endsWith(QLatin1Char('_') + m_id)) {
        typeName.chop(m_id.size() + 1);
        target = slot(typeName);
    }
    if (!target) {
        if (outcome)
            outcome->skipped.append({envelope->event, type, QStringLiteral("not configured")});
        return;
    }
    if (delivered.contains(target))
        return; // duplicates in a route collapse
    delivered.append(target);
    if (!target->acceptsEvents()) {
        if (outcome)
            outcome->skipped.append({envelope->event, typeName, QStringLiteral("inactive")});
        noteDrop(envelope->event, typeName, QStringLiteral("disabled"));
    } else if (outcome) {
        outcome->queued.append(typeName);
    }
    target->route(envelope, options.isEmpty() ? options : optionsFor(target, options));
}

QJsonObject Session::optionsFor(const DistributorSlot *slot, const QJsonObject &options) const {
    // Flat options apply to every distributor; options keyed by type or registered name apply to
    // that one only (SPEC §7 #20 [REC]).
    QJsonObject flat;
    for (auto it = options.begin(); it != options.end(); ++it) {
        const bool perDistributor =
            it.value().isObject()
            && (DistributorTypes::isKnown(it.key()) || it.key().endsWith(QLatin1Char('_') + m_id));
        if (!perDistributor && it.key() != QLatin1String("targets"))
            flat.insert(it.key(), it.value());
    }
    QJsonObject resolved =
        ConfigManager::mergeOverride(flat, options.value(slot->typeName()).toObject());
    return ConfigManager::mergeOverride(resolved, options.value(slot->registeredName()).toObject());
}

void Session::noteDrop(const QString &event, const QString &type, const QString &reason) {
    const QString key = type + QLatin1Char('/') + reason;
    const qint64 now = Clock::epochMs();
    auto it = m_lastDropSignal.find(key);
    // Once a minute per kind of drop is enough for people; the counts are in every snapshot.
    if (it != m_lastDropSignal.end() && now - it.value() < 60000)
        return;
    m_lastDropSignal.insert(key, now);
    emit eventDropped(event, type, reason);
}

void Session::recomputeState() {
    if (!isOpen())
        return;
    bool healthy = true;
    for (const DistributorSlot *slot : std::as_const(m_slots)) {
        if (slot->isActive())
            healthy = healthy && isHealthyState(Distributor::stateName(slot->instance()->state()));
    }
    setState(healthy ? SessionState::Active : SessionState::Degraded);
}

void Session::runHealthCheck() {
    for (DistributorSlot *slot : std::as_const(m_slots))
        slot->probe();
    emit healthReport(healthJson());
}

QJsonObject Session::healthJson() const {
    QJsonArray distributors;
    int healthy = 0;
    for (const DistributorSlot *slot : m_slots) {
        if (!slot->isActive())
            continue;
        const QJsonObject health = slot->instance()->health();
        healthy += health.value(QStringLiteral("healthy")).toBool() ? 1 : 0;
        distributors.append(health);
    }
    return {{QStringLiteral("timestamp"), double(Clock::epochMs())},
            {QStringLiteral("distributors"), distributors},
            {QStringLiteral("summary"),
             QJsonObject{{QStringLiteral("total"), distributors.size()},
                         {QStringLiteral("healthy"), healthy},
                         {QStringLiteral("unhealthy"), int(distributors.size()) - healthy}}}};
}

SessionSnapshot Session::snapshot() const {
    SessionSnapshot snapshot;
    snapshot.id = m_id;
    snapshot.state = sessionStateName(m_state);
    snapshot.templateName = templateName();
    snapshot.createdAt = m_createdAt;
    snapshot.eventsIn = m_seq;
    snapshot.unroutedDropped = m_unroutedDropped;
    snapshot.syntheticRunning = isSyntheticRunning();
    if (m_synthetic)
        snapshot.syntheticMode = SyntheticOptions::modeName(m_synthetic->options().mode);
    snapshot.recording = m_recorder && m_recorder->state() == Recorder::State::Recording;
    if (m_recorder)
        snapshot.recordingPath = m_recorder->currentFile();
    for (const DistributorSlot *slot : m_slots) {
        DistributorSnapshot distributor = slot->snapshot();
        snapshot.errors += distributor.failed;
        snapshot.distributors.append(distributor);
    }
    return snapshot;
}
