// What feeds a session and what proves delivery, wired into the engine: the synthetic source,
// recording and replay, delivery probes, and the demo session.
#include "enginetesthelpers.h"
#include "mosquittobroker.h"
#include "session.h"
#include "testpeers.h"
#include "testsupport.h"

#include <QDir>
#include <QJsonArray>
#include <QTemporaryDir>

namespace {

SessionConfig udpOnly(const QString &target) {
    return sessionOptions(
        QJsonObject{{QStringLiteral("template"), QJsonValue::Null},
                    {QStringLiteral("distributors"),
                     QJsonObject{{QStringLiteral("udp"),
                                  QJsonObject{{QStringLiteral("port"), 9999},
                                              {QStringLiteral("targets"), QJsonArray{target}}}}}}});
}

} // namespace

class TestSessionInputs : public QObject {
    Q_OBJECT

private slots:
    void syntheticSourceFeedsTheSession();
    void recordingThenReplayReproducesTheEvents();
    void probesProveDelivery();
    void demoWithABroker();
    void demoWithoutABrokerSaysHowToStartOne();
};

void TestSessionInputs::syntheticSourceFeedsTheSession() {
    SessionManager manager;
    UdpReceiver receiver;
    QVERIFY(await(manager.createSession(QStringLiteral("s"), udpOnly(receiver.target()))).ok());
    QCOMPARE(manager.startSynthetic(QStringLiteral("s"), {{QStringLiteral("gazeRate"), 0}}).error(),
             QStringLiteral("gazeRate: expected a number 1-2000"));
    QVERIFY(!manager.snapshot().session(QStringLiteral("s"))->syntheticRunning);

    const Result<QJsonObject> started = manager.startSynthetic(
        QStringLiteral("s"),
        {{QStringLiteral("mode"), QStringLiteral("parity")}, {QStringLiteral("seed"), 7}});
    QVERIFY2(started.ok(), qPrintable(started.error()));
    QCOMPARE(started->value(QStringLiteral("seed")).toInt(), 7);
    QTRY_VERIFY(receiver.count(QStringLiteral("neon_gaze_data")) >= 20);
    const SessionSnapshot *snapshot = manager.snapshot().session(QStringLiteral("s"));
    QVERIFY(snapshot->syntheticRunning);
    QCOMPARE(snapshot->syntheticMode, QStringLiteral("parity"));

    QVERIFY(manager.stopSynthetic(QStringLiteral("s")).value());
    const quint64 stoppedAt = manager.getSession(QStringLiteral("s"))->eventsIn();
    manager.routeEvent(QStringLiteral("s"), QStringLiteral("marker"), 1);
    QCOMPARE(manager.getSession(QStringLiteral("s"))->eventsIn(), stoppedAt + 1);
    QVERIFY(await(manager.cleanup()));
}

void TestSessionInputs::recordingThenReplayReproducesTheEvents() {
    QTemporaryDir dir;
    SessionManager manager;
    UdpReceiver first;
    QVERIFY(await(manager.createSession(QStringLiteral("recorded"), udpOnly(first.target()))).ok());
    QCOMPARE(manager.startRecording(QStringLiteral("recorded"), {}).error(),
             QStringLiteral("directory: required (the folder for the recording files)"));
    const Result<QString> file = manager.startRecording(
        QStringLiteral("recorded"), {{QStringLiteral("directory"), dir.path()}});
    QVERIFY2(file.ok(), qPrintable(file.error()));
    for (int i = 0; i < 50; ++i)
        manager.routeEvent(QStringLiteral("recorded"),
                           i % 5 ? QStringLiteral("gaze") : QStringLiteral("marker"),
                           QJsonObject{{QStringLiteral("i"), i}});
    QVERIFY(manager.snapshot().session(QStringLiteral("recorded"))->recording);
    QVERIFY(manager.stopRecording(QStringLiteral("recorded")).value());

    // Replayed into another session, the events arrive in the same order with the same data.
    UdpReceiver second;
    QVERIFY(
        await(manager.createSession(QStringLiteral("replayed"), udpOnly(second.target()))).ok());
    QSignalSpy finished(&manager, &SessionManager::replayFinished);
    QCOMPARE(manager.startReplay(QStringLiteral("replayed"), {file.value()}, -1).error(),
             QStringLiteral("speed: expected 0 (as fast as possible) or more"));
    QVERIFY(manager.startReplay(QStringLiteral("replayed"), {file.value()}, 0).ok());
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().at(1).toLongLong(), 50);
    QTRY_COMPARE(second.count(), 50);
    QTRY_COMPARE(first.count(), 50);
    QCOMPARE(second.events(), first.events());
    for (int i = 0; i < 50; ++i)
        QCOMPARE(second.envelopes().at(i).value(QStringLiteral("data")),
                 first.envelopes().at(i).value(QStringLiteral("data")));
    QVERIFY(await(manager.cleanup()));
}

void TestSessionInputs::probesProveDelivery() {
    SessionManager manager;
    // The UDP probe becomes the receiver on a free loopback port.
    const QString target = QStringLiteral("127.0.0.1:%1").arg(TestSupport::freeUdpPort());
    const quint16 wsPort = TestSupport::freeTcpPort();
    SessionConfig options = udpOnly(target);
    options.distributors.insert(QStringLiteral("websocket"),
                                QJsonObject{{QStringLiteral("port"), wsPort},
                                            {QStringLiteral("host"), QStringLiteral("127.0.0.1")}});
    QVERIFY(await(manager.createSession(QStringLiteral("p"), options)).ok());
    QCOMPARE(manager.setProbeEnabled(QStringLiteral("p"), QStringLiteral("sse"), true).error(),
             QStringLiteral("sse is not configured in session p"));
    QVERIFY(manager.setProbeEnabled(QStringLiteral("p"), QStringLiteral("udp"), true).ok());
    QVERIFY(manager.setProbeEnabled(QStringLiteral("p"), QStringLiteral("websocket"), true).ok());
    auto probe = [&](const char *type) {
        return manager.snapshot()
            .session(QStringLiteral("p"))
            ->distributor(QLatin1String(type))
            ->probe;
    };
    QTRY_VERIFY(probe("udp").connected && probe("websocket").connected);
    for (int i = 0; i < 100; ++i)
        manager.routeEvent(QStringLiteral("p"), QStringLiteral("gaze"), i);
    QTRY_COMPARE(probe("udp").received, 100u);
    QTRY_COMPARE(probe("websocket").received, 100u);
    QCOMPARE(probe("udp").lost, 0u);
    QVERIFY(probe("udp").latencyP99Ms > 0);
    QVERIFY(probe("udp").enabled);

    // Switched off, the probe frees its port and keeps showing what it measured.
    QVERIFY(manager.setProbeEnabled(QStringLiteral("p"), QStringLiteral("udp"), false).ok());
    QVERIFY(!probe("udp").enabled);
    QCOMPARE(probe("udp").received, 100u);
    QVERIFY(await(manager.cleanup()));
}

void TestSessionInputs::demoWithABroker() {
    MosquittoBroker broker;
    QVERIFY2(broker.start(), qPrintable(broker.error()));
    SessionManager manager;
    const Result<CreateSessionResult> demo = await(manager.startDemo(broker.port()));
    QVERIFY2(demo.ok(), qPrintable(demo.error()));
    QCOMPARE(demo->state, SessionState::Active);
    Session *session = manager.getSession(QStringLiteral("demo"));
    QCOMPARE(session->activeTypes().size(), 5);
    // Live data within seconds, and every probe sees it arrive.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const SessionSnapshot *s = manager.snapshot().session(QStringLiteral("demo"));
            return s && s->syntheticRunning
                   && std::all_of(
                       s->distributors.begin(), s->distributors.end(),
                       [](const DistributorSnapshot &d) { return d.probe.received > 0; });
        }(),
        15000);
    QCOMPARE(await(manager.startDemo(broker.port())).error(),
             QStringLiteral("Session demo already exists"));
    QVERIFY(await(manager.closeSession(QStringLiteral("demo"))));
    // Closed, it can start again (its local sink went with it).
    QVERIFY(await(manager.startDemo(broker.port())).ok());
    QVERIFY(await(manager.cleanup()));
}

void TestSessionInputs::demoWithoutABrokerSaysHowToStartOne() {
    SessionManager manager;
    const quint16 nobody = TestSupport::freeTcpPort();
    const Result<CreateSessionResult> demo = await(manager.startDemo(nobody));
    QVERIFY2(demo.ok(), qPrintable(demo.error()));
    QCOMPARE(demo->state, SessionState::Active);
    const DistributorSnapshot *mqtt =
        manager.snapshot().session(QStringLiteral("demo"))->distributor(QStringLiteral("mqtt"));
    QVERIFY(mqtt);
    QVERIFY(!mqtt->active);
    QVERIFY2(mqtt->hint.contains(QStringLiteral("mosquitto -p")), qPrintable(mqtt->hint));
    QVERIFY(await(manager.cleanup()));
}

QTEST_GUILESS_MAIN(TestSessionInputs)
#include "tst_sessioninputs.moc"
