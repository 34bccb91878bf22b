#include "headlesslog.h"

#include "controlapiserver.h"
#include "session.h"
#include "sessionmanager.h"
#include "udpingest.h"

#include <QDateTime>

#include <cstdio>

HeadlessLog::HeadlessLog(QObject *parent)
    : QObject(parent)
    , m_err(stderr) {}

void HeadlessLog::line(const QString &text) {
    m_err << QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) << " labrelay: " << text
          << '\n';
    m_err.flush();
}

void HeadlessLog::sessionLine(const QString &sessionId, const QString &text) {
    line(QStringLiteral("session %1: %2").arg(sessionId, text));
}

void HeadlessLog::watch(SessionManager *manager) {
    connect(manager, &SessionManager::sessionCreated, this,
            [this](const QString &id) { sessionLine(id, QStringLiteral("created")); });
    connect(manager, &SessionManager::sessionStateChanged, this,
            [this](const QString &id, const QString &state) {
                if (m_lastState.value(id) == state)
                    return;
                m_lastState.insert(id, state);
                sessionLine(id, QStringLiteral("state %1").arg(state));
            });
    connect(manager, &SessionManager::sessionClosed, this, [this](const QString &id) {
        m_lastState.remove(id);
        sessionLine(id, QStringLiteral("closed"));
    });
    connect(manager, &SessionManager::distributorStateChanged, this,
            [this](const QString &id, const QString &type, const QString &from, const QString &to,
                   const QString &detail) {
                sessionLine(id, QStringLiteral("%1 %2 -> %3%4")
                                    .arg(type, from, to,
                                         detail.isEmpty() ? QString()
                                                          : QStringLiteral(" (%1)").arg(detail)));
            });
    connect(manager, &SessionManager::distributorError, this,
            [this](const QString &id, const QString &type, const QString &message) {
                sessionLine(id, QStringLiteral("%1 error: %2").arg(type, message));
            });
    connect(
        manager, &SessionManager::failoverSwitched, this,
        [this](const QString &id, const QString &type, int from, int to, const QString &reason) {
            sessionLine(
                id,
                QStringLiteral("%1 failover %2 -> %3: %4").arg(type).arg(from).arg(to).arg(reason));
        });
    connect(manager, &SessionManager::routingChanged, this, [this, manager](const QString &id) {
        const Session *session = manager->getSession(id);
        sessionLine(id, QStringLiteral("routing changed (%1 routes)")
                            .arg(session ? session->router().routing().size() : 0));
    });
    connect(manager, &SessionManager::configWarnings, this,
            [this](const QString &id, const QStringList &warnings) {
                for (const QString &warning : warnings)
                    sessionLine(id, QStringLiteral("warning: %1").arg(warning));
            });
    connect(manager, &SessionManager::warning, this,
            [this](const QString &id, const QString &message) {
                sessionLine(id, QStringLiteral("warning: %1").arg(message));
            });
    // The engine already throttles this to one per (type, reason) and second.
    connect(manager, &SessionManager::eventDropped, this,
            [this](const QString &id, const QString &event, const QString &type,
                   const QString &reason) {
                sessionLine(id, QStringLiteral("dropped %1 for %2: %3").arg(event, type, reason));
            });
}

void HeadlessLog::watch(ControlApiServer *server) {
    connect(server, &ControlApiServer::unauthorisedRequest, this,
            [this](const QString &peer, const QString &method, const QString &path) {
                line(QStringLiteral("API: refused %1 %2 from %3 (missing or wrong token)")
                         .arg(method, path, peer));
            });
}

void HeadlessLog::watch(UdpIngest *ingest) {
    connect(ingest, &UdpIngest::problem, this, [this](const QString &message) {
        line(QStringLiteral("UDP ingest: %1").arg(message));
    });
}
