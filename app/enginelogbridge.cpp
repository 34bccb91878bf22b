#include "enginelogbridge.h"

#include "eventlogmodel.h"
#include "livestatus.h"
#include "sessionmanager.h"

namespace {

LogEntry::Severity severityOfState(const QString &state) {
    if (state == QLatin1String("error"))
        return LogEntry::Severity::Error;
    if (state == QLatin1String("disconnected") || state == QLatin1String("degraded"))
        return LogEntry::Severity::Warning;
    return LogEntry::Severity::Info;
}

} // namespace

EngineLogBridge::EngineLogBridge(SessionManager *manager, EventLogModel *log, QObject *parent)
    : QObject(parent) {
    using Severity = LogEntry::Severity;
    connect(manager, &SessionManager::sessionCreated, log, [log](const QString &id) {
        log->append(Severity::Info, id, QString(), tr("Session created"));
    });
    connect(manager, &SessionManager::sessionStateChanged, log,
            [log](const QString &id, const QString &state) {
                log->append(state == QLatin1String("degraded") ? Severity::Warning : Severity::Info,
                            id, QString(), tr("Session is %1").arg(LiveStates::displayText(state)));
            });
    connect(manager, &SessionManager::sessionClosed, log, [log](const QString &id) {
        log->append(Severity::Info, id, QString(), tr("Session closed; its ports are free"));
    });
    connect(manager, &SessionManager::distributorStateChanged, log,
            [log](const QString &id, const QString &type, const QString &from, const QString &to,
                  const QString &detail) {
                const QString change =
                    tr("%1 → %2").arg(LiveStates::displayText(from), LiveStates::displayText(to));
                log->append(severityOfState(to), id, type,
                            detail.isEmpty() ? change : tr("%1: %2").arg(change, detail));
            });
    connect(manager, &SessionManager::distributorError, log,
            [log](const QString &id, const QString &type, const QString &message) {
                log->append(Severity::Error, id, type, message);
            });
    connect(manager, &SessionManager::failoverSwitched, log,
            [log](const QString &id, const QString &type, int from, int to, const QString &reason) {
                const QString target = to == 0 ? tr("the primary configuration")
                                               : tr("failover alternative %1").arg(to);
                log->append(Severity::Warning, id, type,
                            tr("Switched from %1 to %2 (%3)")
                                .arg(from == 0 ? tr("the primary configuration")
                                               : tr("failover alternative %1").arg(from),
                                     target, reason));
            });
    connect(manager, &SessionManager::configWarnings, log,
            [log](const QString &id, const QStringList &warnings) {
                for (const QString &warning : warnings)
                    log->append(Severity::Warning, id, QString(), warning);
            });
    connect(manager, &SessionManager::warning, log,
            [log](const QString &id, const QString &message) {
                log->append(Severity::Warning, id, QString(), message);
            });
    connect(
        manager, &SessionManager::eventDropped, log,
        [log](const QString &id, const QString &event, const QString &type, const QString &reason) {
            log->append(
                Severity::Warning, id, type,
                tr("Events such as %1 are dropped (%2); counted in the table").arg(event, reason));
        });
    connect(manager, &SessionManager::routingChanged, log, [log](const QString &id) {
        log->append(Severity::Info, id, QString(), tr("Routing table replaced"));
    });
    connect(manager, &SessionManager::replayFinished, log, [log](const QString &id, qint64 events) {
        log->append(Severity::Info, id, QString(),
                    tr("Replay finished: %n event(s)", "", int(events)));
    });
}
