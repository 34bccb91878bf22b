#pragma once

#include "sessionmanager.h"
#include "testpeers.h"

#include <QFuture>
#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

// Waits (processing events) for a future of the engine and returns its value.
template<typename T>
T await(QFuture<T> future, int timeoutMs = 15000) {
    QElapsedTimer timer;
    timer.start();
    while (!future.isFinished() && timer.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    if (!future.isFinished() || future.isCanceled()) {
        qWarning("engine future did not finish");
        return T();
    }
    return future.result();
}

inline SessionConfig sessionOptions(const QJsonObject &json) {
    return SessionConfig::fromJson(json);
}

inline QJsonObject parseJson(const char *text) {
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

// Per-type totals must balance: routed = sent + failed + dropped + queued.
inline bool balanced(const DistributorSnapshot &d) {
    return d.routed == d.sent + d.failed + d.dropped() + quint64(d.queued);
}

// A session with UDP to `receiver` and a WebSocket server on `wsPort`, no template.
inline SessionConfig udpAndWebSocket(const UdpReceiver &receiver, quint16 wsPort,
                                     const QJsonArray &enabled = {}) {
    QJsonObject json{
        {QStringLiteral("template"), QJsonValue::Null},
        {QStringLiteral("distributors"),
         QJsonObject{{QStringLiteral("udp"),
                      QJsonObject{{QStringLiteral("port"), 9999},
                                  {QStringLiteral("compress"), false},
                                  {QStringLiteral("targets"), QJsonArray{receiver.target()}}}},
                     {QStringLiteral("websocket"),
                      QJsonObject{{QStringLiteral("port"), wsPort},
                                  {QStringLiteral("host"), QStringLiteral("127.0.0.1")},
                                  {QStringLiteral("heartbeatInterval"), 0}}}}}};
    if (!enabled.isEmpty())
        json.insert(QStringLiteral("enabledDistributors"), enabled);
    return sessionOptions(json);
}

inline QUrl wsUrl(quint16 port) {
    return QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(port));
}
