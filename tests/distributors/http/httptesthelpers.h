#pragma once

#include "configmanager.h"
#include "configschema.h"
#include "envelope.h"
#include "httpdistributor.h"

#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include <memory>

// Shared by the HTTP distributor's tests: configs built the way the session builds them, and
// envelopes as a session stamps them.
namespace HttpTest {

// Distributor defaults ⊕ `overrides`, the effective config a session hands over. Retries and
// probes are fast unless a test says otherwise.
inline QJsonObject config(const QJsonObject &overrides) {
    QJsonObject fast{{QStringLiteral("retryAttempts"), 1},
                     {QStringLiteral("retryDelay"), 20},
                     {QStringLiteral("timeout"), 2000}};
    return ConfigManager::mergeOverride(
        ConfigManager::mergeOverride(ConfigSchema::defaults(DistributorType::Http), fast),
        overrides);
}

inline EnvelopePtr envelope(const QString &event, quint64 seq,
                            const QJsonValue &data = QJsonObject{{QStringLiteral("x"), 0.5}}) {
    return makeEnvelope(event, QStringLiteral("study-001"), seq, 1725880800000 + qint64(seq), data);
}

// Connects and waits for the outcome of the first attempt; returns started()'s arguments.
inline QList<QVariant> start(HttpDistributor &distributor, int timeoutMs = 5000) {
    QSignalSpy started(&distributor, &Distributor::started);
    distributor.connectToTarget();
    if (started.isEmpty() && !started.wait(timeoutMs))
        return {};
    return started.first();
}

} // namespace HttpTest
