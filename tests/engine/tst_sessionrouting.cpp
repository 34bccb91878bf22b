// SessionManager's routing against real transports: routed types only, the "*" route and the
// drop policy, distribute() by type, one seq on every channel, and atomic table replacement.
#include "enginetesthelpers.h"
#include "session.h"
#include "testpeers.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QSignalSpy>

class TestSessionRouting : public QObject {
    Q_OBJECT

private slots:
    void routingDeliversToRoutedTypesOnly();
    void wildcardAndDropPolicy();
    void distributeTargetsByType();
    void sameSeqOnEveryChannel();
    void updateEventRoutingReplacesAtomically();
};

void TestSessionRouting::routingDeliversToRoutedTypesOnly() {
    SessionManager manager;
    UdpReceiver udp;
    const quint16 wsPort = TestSupport::freeTcpPort();
    SessionConfig options = udpAndWebSocket(udp, wsPort);
    options.eventRouting.set(QStringLiteral("gaze"), {QStringLiteral("udp")});
    QVERIFY(await(manager.createSession(QStringLiteral("s"), options)).ok());
    WebSocketReceiver ws(wsUrl(wsPort));
    QTRY_VERIFY(ws.isConnected());
    QTRY_COMPARE(ws.controlFrames(), 1); // the welcome frame

    const Result<RouteOutcome> routed = manager.routeEvent(
        QStringLiteral("s"), QStringLiteral("gaze"), QJsonObject{{QStringLiteral("x"), 0.5}});
    QCOMPARE(routed->queued, QStringList{QStringLiteral("udp")});
    const Result<RouteOutcome> unrouted =
        manager.routeEvent(QStringLiteral("s"), QStringLiteral("marker"), QStringLiteral("start"));
    QCOMPARE(unrouted->queued, (QStringList{QStringLiteral("udp"), QStringLiteral("websocket")}));

    QTRY_COMPARE(udp.count(), 2);
    QTRY_COMPARE(ws.count(), 1);
    QCOMPARE(ws.events(), QStringList{QStringLiteral("marker")});
    QCOMPARE(udp.events(), (QStringList{QStringLiteral("gaze"), QStringLiteral("marker")}));
    QVERIFY(await(manager.cleanup()));
}

void TestSessionRouting::wildcardAndDropPolicy() {
    SessionManager manager;
    UdpReceiver udp;
    const quint16 wsPort = TestSupport::freeTcpPort();
    SessionConfig options = udpAndWebSocket(udp, wsPort);
    options.setUnroutedPolicy(UnroutedPolicy::Drop);
    options.eventRouting.set(QStringLiteral("gaze"), {QStringLiteral("websocket")});
    QVERIFY(await(manager.createSession(QStringLiteral("s"), options)).ok());

    const Result<RouteOutcome> dropped =
        manager.routeEvent(QStringLiteral("s"), QStringLiteral("marker"), 1);
    QVERIFY(dropped->droppedUnrouted);
    QVERIFY(dropped->queued.isEmpty());
    QCOMPARE(manager.getSession(QStringLiteral("s"))->unroutedDropped(), 1u);

    EventRouting withWildcard = manager.getSession(QStringLiteral("s"))->router().routing();
    withWildcard.set(QStringLiteral("*"), {QStringLiteral("udp")});
    QVERIFY(manager.updateEventRouting(QStringLiteral("s"), withWildcard).ok());
    const Result<RouteOutcome> caught =
        manager.routeEvent(QStringLiteral("s"), QStringLiteral("marker"), 2);
    QCOMPARE(caught->queued, QStringList{QStringLiteral("udp")});
    QTRY_COMPARE(udp.count(), 1);
    QCOMPARE(udp.envelopes().first().value(QStringLiteral("seq")).toInteger(), 2);
    QVERIFY(await(manager.cleanup()));
}

void TestSessionRouting::distributeTargetsByType() {
    SessionManager manager;
    UdpReceiver udp;
    const quint16 wsPort = TestSupport::freeTcpPort();
    QVERIFY(await(manager.createSession(QStringLiteral("s"), udpAndWebSocket(udp, wsPort))).ok());
    WebSocketReceiver ws(wsUrl(wsPort));
    QTRY_VERIFY(ws.isConnected());
    const Result<RouteOutcome> outcome = manager.distribute(
        QStringLiteral("s"), QStringLiteral("gaze_batch"),
        QJsonObject{{QStringLiteral("count"), 100}},
        QJsonObject{{QStringLiteral("targets"), QJsonArray{QStringLiteral("udp")}}});
    QCOMPARE(outcome->queued, QStringList{QStringLiteral("udp")});
    // Registered names are accepted for compatibility.
    manager.distribute(
        QStringLiteral("s"), QStringLiteral("again"), 1,
        QJsonObject{{QStringLiteral("targets"), QJsonArray{QStringLiteral("udp_s")}}});
    QTRY_COMPARE(udp.count(), 2);
    QCOMPARE(ws.count(), 0);
    QVERIFY(await(manager.cleanup()));
}

void TestSessionRouting::sameSeqOnEveryChannel() {
    SessionManager manager;
    UdpReceiver udp;
    const quint16 wsPort = TestSupport::freeTcpPort();
    QVERIFY(await(manager.createSession(QStringLiteral("study-001"), udpAndWebSocket(udp, wsPort)))
                .ok());
    WebSocketReceiver ws(wsUrl(wsPort));
    QTRY_VERIFY(ws.isConnected());
    for (int i = 0; i < 20; ++i)
        manager.routeEvent(QStringLiteral("study-001"), QStringLiteral("neon_gaze_data"),
                           QJsonObject{{QStringLiteral("i"), i}});
    QTRY_COMPARE(udp.count(), 20);
    QTRY_COMPARE(ws.count(), 20);
    for (int i = 0; i < 20; ++i) {
        const QJsonObject a = udp.envelopes().at(i);
        const QJsonObject b = ws.envelopes().at(i);
        QCOMPARE(a.value(QStringLiteral("seq")).toInteger(), i + 1);
        QCOMPARE(b.value(QStringLiteral("seq")), a.value(QStringLiteral("seq")));
        QCOMPARE(b.value(QStringLiteral("timestamp")), a.value(QStringLiteral("timestamp")));
        QCOMPARE(b.value(QStringLiteral("sessionId")).toString(), QStringLiteral("study-001"));
    }
    QVERIFY(await(manager.cleanup()));
}

void TestSessionRouting::updateEventRoutingReplacesAtomically() {
    SessionManager manager;
    UdpReceiver udp;
    SessionConfig options =
        udpAndWebSocket(udp, TestSupport::freeTcpPort(), QJsonArray{QStringLiteral("udp")});
    options.eventRouting.set(QStringLiteral("old"), {QStringLiteral("udp")});
    options.setUnroutedPolicy(UnroutedPolicy::Drop);
    QVERIFY(await(manager.createSession(QStringLiteral("s"), options)).ok());
    QSignalSpy changed(&manager, &SessionManager::routingChanged);

    const Result<RoutingReport> report = manager.updateEventRouting(
        QStringLiteral("s"), EventRouting{{QStringLiteral("participant_data"),
                                           {QStringLiteral("udp"), QStringLiteral("websocket"),
                                            QStringLiteral("mqtt")}}});
    QVERIFY(report.ok());
    QCOMPARE(report->accepted.size(), 1);
    QCOMPARE(report->skipped.size(), 2);
    QCOMPARE(report->skipped.at(0).distributor, QStringLiteral("websocket"));
    QCOMPARE(report->skipped.at(0).reason, QStringLiteral("inactive"));
    QCOMPARE(report->skipped.at(1).reason, QStringLiteral("not configured"));
    QCOMPARE(changed.count(), 1);

    // The old route no longer delivers, and status shows only the new one.
    QVERIFY(manager.routeEvent(QStringLiteral("s"), QStringLiteral("old"), 1)->droppedUnrouted);
    const QJsonObject status = manager.getSessionStatus(QStringLiteral("s")).value();
    QCOMPARE(status.value(QStringLiteral("eventRoutes")).toArray().size(), 1);
    QCOMPARE(
        status.value(QStringLiteral("eventRoutes")).toArray().first().toArray().first().toString(),
        QStringLiteral("participant_data"));

    // Bad input changes nothing.
    const Result<RoutingReport> bad = manager.updateEventRouting(
        QStringLiteral("s"), EventRouting{{QStringLiteral("x"), {QStringLiteral("ftp")}}});
    QCOMPARE(bad.error(), QStringLiteral("Event x routes to unknown distributor type: ftp"));
    QCOMPARE(changed.count(), 1);
    QVERIFY(manager.getSession(QStringLiteral("s"))
                ->router()
                .routing()
                .contains(QStringLiteral("participant_data")));

    // Merge keeps the rest.
    QVERIFY(manager
                .mergeEventRouting(QStringLiteral("s"),
                                   EventRouting{{QStringLiteral("gaze"), {QStringLiteral("udp")}}})
                .ok());
    QCOMPARE(manager.getSession(QStringLiteral("s"))->router().routing().events(),
             (QStringList{QStringLiteral("participant_data"), QStringLiteral("gaze")}));
    QVERIFY(await(manager.cleanup()));
}

QTEST_GUILESS_MAIN(TestSessionRouting)
#include "tst_sessionrouting.moc"
