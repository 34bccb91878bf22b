#pragma once

#include "session.h"
#include "sessionconfigfile.h"
#include "sessionmanager.h"
#include "testpeers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

// Everything a rejected request must leave alone: the session list, and per session its
// exported config (distributors, enabled types, routing, policy) and its event counter.
inline QByteArray engineState(SessionManager &manager) {
    QJsonObject state{{QStringLiteral("sessions"), manager.listSessions()}};
    for (const QString &id : manager.sessionIds()) {
        const Result<SessionConfig> config = manager.exportSessionConfig(id);
        QJsonObject session{
            {QStringLiteral("config"), QString::fromUtf8(SessionConfigFile::serialize(
                                           config.value(), SessionConfigFile::Secrets::Include))},
            {QStringLiteral("eventsIn"), double(manager.getSession(id)->eventsIn())}};
        state.insert(id, session);
    }
    return QJsonDocument(state).toJson(QJsonDocument::Compact);
}

inline QJsonObject udpConfig(const UdpReceiver &receiver) {
    return {{QStringLiteral("port"), 9999},
            {QStringLiteral("compress"), false},
            {QStringLiteral("targets"), QJsonArray{receiver.target()}}};
}

inline QJsonObject webSocketConfig(quint16 port) {
    return {{QStringLiteral("port"), port},
            {QStringLiteral("host"), QStringLiteral("127.0.0.1")},
            {QStringLiteral("heartbeatInterval"), 0}};
}

// Session options without a template: only the given distributors.
inline QJsonObject sessionBody(const QString &id, const QJsonObject &distributors,
                               const QJsonArray &enabled = {}) {
    QJsonObject body{{QStringLiteral("sessionId"), id},
                     {QStringLiteral("template"), QJsonValue::Null},
                     {QStringLiteral("distributors"), distributors}};
    if (!enabled.isEmpty())
        body.insert(QStringLiteral("enabledDistributors"), enabled);
    return body;
}

// An expected error text: exact, or a prefix when it ends with '*' (for texts that end in a
// reason the operating system or Qt words, such as a JSON syntax error).
inline bool errorMatches(const QString &actual, const QString &expected) {
    if (expected.endsWith(QLatin1Char('*')))
        return actual.startsWith(expected.chopped(1));
    return actual == expected;
}
