#pragma once

#include "sessionmanager.h"

#include <QFuture>
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
