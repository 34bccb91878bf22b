#pragma once

#include "clock.h"
#include "configmanager.h"
#include "configschema.h"
#include "deliveryprobe.h"
#include "distributor.h"
#include "envelope.h"

#include <QDeadlineTimer>
#include <QSignalSpy>
#include <QtTest>

#include <functional>

// Shared set-up of the probe tests: effective configs built the way a session builds them,
// envelopes, and event-driven waits.
namespace ProbeTest {

// Schema defaults ⊕ `overrides`, as the session hands a distributor its effective config.
inline QJsonObject config(DistributorType type, const QJsonObject &overrides) {
    return ConfigManager::mergeOverride(ConfigSchema::defaults(type), overrides);
}

inline QJsonObject withPort(QJsonObject config, quint16 port) {
    config.insert(QStringLiteral("port"), port);
    return config;
}

inline EnvelopePtr envelope(quint64 seq, const QString &event = QStringLiteral("neon_gaze_data")) {
    return makeEnvelope(event, QStringLiteral("study-001"), seq, Clock::epochMs(),
                        QJsonObject{{QStringLiteral("x"), 0.523}, {QStringLiteral("y"), 0.412}});
}

// Waits (on signals, never sleeping) until `done` holds or `timeoutMs` passed.
template<typename Object, typename Signal>
bool waitFor(const Object *emitter, Signal signal, const std::function<bool()> &done,
             int timeoutMs = 5000) {
    QSignalSpy spy(emitter, signal);
    QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        spy.wait(int(qMax<qint64>(1, deadline.remainingTime())));
    }
    return true;
}

// Starts `distributor` and waits for the outcome of its first connect attempt.
inline bool startDistributor(Distributor &distributor, QString *error = nullptr) {
    QSignalSpy started(&distributor, &Distributor::started);
    distributor.connectToTarget();
    if (started.isEmpty() && !started.wait(10000))
        return false;
    if (error)
        *error = started.first().at(1).toString();
    return started.first().first().toBool();
}

inline bool startProbe(DeliveryProbe &probe, int timeoutMs = 5000) {
    probe.start();
    return waitFor(
        &probe, &DeliveryProbe::statusChanged, [&] { return probe.isConnected(); }, timeoutMs);
}

// Routes one event to the distributor the way the engine does: expect first, then enqueue.
inline void send(Distributor &distributor, DeliveryProbe &probe, const EnvelopePtr &envelope) {
    probe.expect(envelope->seq, envelope->enteredNs);
    distributor.enqueue(envelope);
}

// `count` events arrive: every seq received once, nothing lost, latency measured and sane.
inline void verifyDelivery(Distributor &distributor, DeliveryProbe &probe, quint64 count,
                           const QString &event = QStringLiteral("neon_gaze_data")) {
    for (quint64 seq = 1; seq <= count; ++seq)
        send(distributor, probe, envelope(seq, event));
    QTRY_COMPARE_WITH_TIMEOUT(probe.snapshot().received, count, 10000);
    const ProbeSnapshot snapshot = probe.snapshot();
    QVERIFY(snapshot.enabled);
    QVERIFY(snapshot.connected);
    QCOMPARE(snapshot.lost, 0u);
    QCOMPARE(snapshot.duplicates, 0u);
    QCOMPARE(snapshot.lastSeq, count);
    QVERIFY2(snapshot.latencyP50Ms > 0, qPrintable(QString::number(snapshot.latencyP50Ms)));
    // Generous: loopback delivery takes well under a millisecond when the machine is idle.
    QVERIFY2(snapshot.latencyP99Ms < 2000, qPrintable(QString::number(snapshot.latencyP99Ms)));
    QVERIFY(snapshot.latencyP50Ms <= snapshot.latencyP99Ms);
    QCOMPARE(probe.ledger().unexpected(), 0u);
}

// Seqs expected but never sent count as lost after the grace period; a late arrival undoes
// its loss; a second copy counts as a duplicate.
inline void verifyLossAccounting(Distributor &distributor, DeliveryProbe &probe) {
    probe.setGracePeriodMs(150);
    const EnvelopePtr first = envelope(101);
    const EnvelopePtr missing = envelope(102);
    const EnvelopePtr last = envelope(103);
    send(distributor, probe, first);
    probe.expect(missing->seq, missing->enteredNs); // routed, but held back
    send(distributor, probe, last);
    QTRY_COMPARE_WITH_TIMEOUT(probe.snapshot().received, 2u, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(probe.snapshot().lost, 1u, 5000);
    QCOMPARE(probe.snapshot().lastSeq, 103u);

    distributor.enqueue(missing); // arrives late
    QTRY_COMPARE_WITH_TIMEOUT(probe.snapshot().received, 3u, 10000);
    QCOMPARE(probe.snapshot().lost, 0u);

    distributor.enqueue(last); // the same seq again
    QTRY_COMPARE_WITH_TIMEOUT(probe.snapshot().duplicates, 1u, 10000);
    QCOMPARE(probe.snapshot().received, 3u);
    QCOMPARE(probe.snapshot().lost, 0u);
}

} // namespace ProbeTest
