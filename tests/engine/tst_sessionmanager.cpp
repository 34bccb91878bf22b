// SessionManager against real transports: items 12-21, 23 and 24 of SPEC §9 (routing is in
// tst_sessionrouting), port collisions, multi-session, and the accounting invariant.
#include "enginetesthelpers.h"
#include "httpsink.h"
#include "session.h"
#include "testpeers.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTcpServer>

class TestSessionManager : public QObject {
    Q_OBJECT

private slots:
    void duplicateIdIsRefusedEvenConcurrently();
    void enabledDistributorsSemantics();
    void failedStartGivesDegradedSession();
    void disableReleasesPortAndCountsDrops();
    void enableUsesConfiguredConfigAndReportsFailures();
    void unknownSessionErrors();
    void statusAndListShapes();
    void retriesThenSuccessRate();
    void slowDistributorDoesNotDelayOthers();
    void portCollisionAcrossSessions();
    void multipleSessionsOnDistinctPorts();
    void reconfigureWebSocketOnSamePortKeepsEvents();
    void reconfigureToBusyPortRestoresPrevious();
    void closeReleasesEverything();
};

void TestSessionManager::duplicateIdIsRefusedEvenConcurrently() {
    SessionManager manager;
    UdpReceiver receiver;
    const SessionConfig options = udpAndWebSocket(receiver, TestSupport::freeTcpPort());
    QFuture<Result<CreateSessionResult>> first =
        manager.createSession(QStringLiteral("x"), options);
    QFuture<Result<CreateSessionResult>> second =
        manager.createSession(QStringLiteral("x"), options);
    const Result<CreateSessionResult> secondResult = await(second);
    QVERIFY(!secondResult.ok());
    QCOMPARE(secondResult.error(), QStringLiteral("Session x already exists"));
    QVERIFY(await(first).ok());
    QCOMPARE(await(manager.createSession(QStringLiteral("x"), options)).error(),
             QStringLiteral("Session x already exists"));
    QVERIFY(await(manager.cleanup()));
}

void TestSessionManager::enabledDistributorsSemantics() {
    SessionManager manager;
    UdpReceiver receiver;
    const Result<CreateSessionResult> all = await(
        manager.createSession(QStringLiteral("all"),
                              udpAndWebSocket(receiver, TestSupport::freeTcpPort(), QJsonArray())));
    QVERIFY2(all.ok(), qPrintable(all.error()));
    QCOMPARE(manager.getSession(QStringLiteral("all"))->activeTypes(),
             (QStringList{QStringLiteral("udp"), QStringLiteral("websocket")}));

    SessionConfig onlyUdp = udpAndWebSocket(receiver, TestSupport::freeTcpPort());
    onlyUdp.enabledDistributors = QStringList{QStringLiteral("udp")};
    QVERIFY(await(manager.createSession(QStringLiteral("udp-only"), onlyUdp)).ok());
    QCOMPARE(manager.getSession(QStringLiteral("udp-only"))->activeTypes(),
             QStringList{QStringLiteral("udp")});
    QVERIFY(await(manager.cleanup()));
}

void TestSessionManager::failedStartGivesDegradedSession() {
    QTcpServer squatter;
    QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
    SessionManager manager;
    UdpReceiver receiver;
    const Result<CreateSessionResult> result = await(manager.createSession(
        QStringLiteral("s"), udpAndWebSocket(receiver, squatter.serverPort())));
    QVERIFY2(result.ok(), qPrintable(result.error()));
    QCOMPARE(result->state, SessionState::Degraded);
    QCOMPARE(result->startReport.size(), 2);
    QVERIFY(result->startReport.at(0).ok);
    const StartReportEntry ws = result->startReport.at(1);
    QCOMPARE(ws.type, QStringLiteral("websocket"));
    QVERIFY(!ws.ok);
    QVERIFY2(ws.error.startsWith(QStringLiteral("Failed to connect websocket distributor: ")),
             qPrintable(ws.error));
    QVERIFY2(ws.error.contains(QString::number(squatter.serverPort())), qPrintable(ws.error));
    // UDP still delivers.
    QVERIFY(manager.routeEvent(QStringLiteral("s"), QStringLiteral("e"), 1).ok());
    QTRY_COMPARE(receiver.count(), 1);
    QVERIFY(await(manager.cleanup()));
}

void TestSessionManager::disableReleasesPortAndCountsDrops() {
    SessionManager manager;
    UdpReceiver udp;
    const quint16 wsPort = TestSupport::freeTcpPort();
    SessionConfig options = udpAndWebSocket(udp, wsPort);
    options.eventRouting.set(QStringLiteral("feedback"), {QStringLiteral("websocket")});
    QVERIFY(await(manager.createSession(QStringLiteral("s"), options)).ok());
    WebSocketReceiver ws(wsUrl(wsPort));
    QTRY_VERIFY(ws.isConnected());
    QSignalSpy closed(&ws.socket(), &QWebSocket::disconnected);

    const Result<bool> disabled =
        await(manager.disableDistributor(QStringLiteral("s"), QStringLiteral("websocket")));
    QVERIFY(disabled.ok() && disabled.value());
    QTRY_COMPARE(closed.count(), 1);
    QCOMPARE(ws.socket().closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
    QTcpServer rebind;
    QVERIFY2(rebind.listen(QHostAddress::LocalHost, wsPort),
             "the port is still taken after disable");
    rebind.close();

    for (int i = 0; i < 3; ++i) {
        const Result<RouteOutcome> outcome =
            manager.routeEvent(QStringLiteral("s"), QStringLiteral("feedback"), i);
        QCOMPARE(outcome->skipped.size(), 1);
        QCOMPARE(outcome->skipped.first().reason, QStringLiteral("inactive"));
    }
    const DistributorSnapshot *snapshot =
        manager.snapshot().session(QStringLiteral("s"))->distributor(QStringLiteral("websocket"));
    QCOMPARE(snapshot->droppedDisabled, 3u);
    QCOMPARE(snapshot->state, QStringLiteral("stopped"));
    QVERIFY(balanced(*snapshot));
    // Disabling again is a no-op that says so.
    QCOMPARE(
        await(manager.disableDistributor(QStringLiteral("s"), QStringLiteral("websocket"))).value(),
        false);

    const Result<EnableResult> enabled =
        await(manager.enableDistributor(QStringLiteral("s"), QStringLiteral("websocket")));
    QVERIFY2(enabled.ok(), qPrintable(enabled.error()));
    WebSocketReceiver again(wsUrl(wsPort));
    QTRY_VERIFY(again.isConnected());
    manager.routeEvent(QStringLiteral("s"), QStringLiteral("feedback"), 4);
    QTRY_COMPARE(again.count(), 1);
    QVERIFY(await(manager.cleanup()));
}

void TestSessionManager::enableUsesConfiguredConfigAndReportsFailures() {
    SessionManager manager;
    UdpReceiver udp;
    const quint16 wsPort = TestSupport::freeTcpPort();
    // WebSocket configured but not enabled: enabling it uses the configured port (SPEC §7 #10).
    QVERIFY(await(manager.createSession(
                      QStringLiteral("s"),
                      udpAndWebSocket(udp, wsPort, QJsonArray{QStringLiteral("udp")})))
                .ok());
    QVERIFY(
        await(manager.enableDistributor(QStringLiteral("s"), QStringLiteral("websocket"))).ok());
    WebSocketReceiver ws(wsUrl(wsPort));
    QTRY_VERIFY(ws.isConnected());
    // Already active: a no-op that says so.
    const Result<EnableResult> again =
        await(manager.enableDistributor(QStringLiteral("s"), QStringLiteral("websocket")));
    QVERIFY(again.ok() && again->alreadyActive);

    QCOMPARE(await(manager.enableDistributor(QStringLiteral("s"), QStringLiteral("ftp"))).error(),
             QStringLiteral("Unknown distributor type: ftp"));
    QCOMPARE(
        await(manager.enableDistributor(QStringLiteral("s"), QStringLiteral("sse"),
                                        QJsonObject{{QStringLiteral("port"), 0}}))
            .error(),
        QStringLiteral("Invalid sse configuration: SSE distributor requires valid port (1-65535)"));
    QTcpServer squatter;
    QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
    const Result<EnableResult> failed = await(manager.enableDistributor(
        QStringLiteral("s"), QStringLiteral("sse"),
        QJsonObject{{QStringLiteral("port"), squatter.serverPort()},
                    {QStringLiteral("host"), QStringLiteral("127.0.0.1")},
                    {QStringLiteral("endpoint"), QStringLiteral("/events")}}));
    QVERIFY(!failed.ok());
    QVERIFY2(failed.error().startsWith(QStringLiteral("Failed to connect sse distributor: ")),
             qPrintable(failed.error()));
    // The session is unchanged.
    QCOMPARE(manager.getSession(QStringLiteral("s"))->activeTypes(),
             (QStringList{QStringLiteral("udp"), QStringLiteral("websocket")}));
    QVERIFY(!manager.getSession(QStringLiteral("s"))->slot(QStringLiteral("sse")));
    QVERIFY(await(manager.cleanup()));
}

void TestSessionManager::unknownSessionErrors() {
    SessionManager manager;
    QSignalSpy warnings(&manager, &SessionManager::warning);
    QCOMPARE(await(manager.closeSession(QStringLiteral("unknown"))), false);
    QCOMPARE(warnings.count(), 1);
    const QString expected = QStringLiteral("Session unknown not found");
    QCOMPARE(manager.routeEvent(QStringLiteral("unknown"), QStringLiteral("e"), 1).error(),
             expected);
    QCOMPARE(manager.distribute(QStringLiteral("unknown"), QStringLiteral("e"), 1).error(),
             expected);
    QCOMPARE(manager.getSessionStatus(QStringLiteral("unknown")).error(), expected);
    QCOMPARE(manager.updateEventRouting(QStringLiteral("unknown"), {}).error(), expected);
    QCOMPARE(
        await(manager.enableDistributor(QStringLiteral("unknown"), QStringLiteral("udp"))).error(),
        expected);
    QCOMPARE(
        await(manager.disableDistributor(QStringLiteral("unknown"), QStringLiteral("udp"))).error(),
        expected);
    QCOMPARE(
        await(manager.reconfigureDistributor(QStringLiteral("unknown"), QStringLiteral("udp"), {}))
            .error(),
        expected);
    QVERIFY(!manager.getSession(QStringLiteral("unknown")));
}

void TestSessionManager::statusAndListShapes() {
    SessionManager manager;
    UdpReceiver udp;
    SessionConfig options = udpAndWebSocket(udp, TestSupport::freeTcpPort());
    options.eventRouting.set(QStringLiteral("gaze"), {QStringLiteral("udp")});
    QVERIFY(await(manager.createSession(QStringLiteral("s"), options)).ok());
    manager.routeEvent(QStringLiteral("s"), QStringLiteral("gaze"), 1);
    QTRY_COMPARE(udp.count(), 1);

    const QJsonObject status = manager.getSessionStatus(QStringLiteral("s")).value();
    for (const char *key : {"sessionId", "status", "createdAt", "uptime", "activeDistributors",
                            "eventRoutes", "health", "stats", "distributors", "unroutedPolicy"})
        QVERIFY2(status.contains(QLatin1String(key)), key);
    QCOMPARE(status.value(QStringLiteral("activeDistributors")).toArray(),
             (QJsonArray{QStringLiteral("udp"), QStringLiteral("websocket")}));
    const QJsonObject health = status.value(QStringLiteral("health")).toObject();
    QCOMPARE(
        health.value(QStringLiteral("summary")).toObject().value(QStringLiteral("total")).toInt(),
        2);
    QCOMPARE(
        health.value(QStringLiteral("summary")).toObject().value(QStringLiteral("healthy")).toInt(),
        2);
    const QJsonObject udpHealth =
        health.value(QStringLiteral("distributors")).toArray().first().toObject();
    for (const char *key :
         {"name", "type", "registeredName", "status", "healthy", "uptime", "lastCheck", "stats"})
        QVERIFY2(udpHealth.contains(QLatin1String(key)), key);
    QCOMPARE(udpHealth.value(QStringLiteral("registeredName")).toString(), QStringLiteral("udp_s"));
    QCOMPARE(udpHealth.value(QStringLiteral("status")).toString(), QStringLiteral("connected"));
    const QJsonObject stats = status.value(QStringLiteral("stats")).toObject();
    QCOMPARE(stats.value(QStringLiteral("distributors"))
                 .toObject()
                 .value(QStringLiteral("registered"))
                 .toArray(),
             (QJsonArray{QStringLiteral("udp_s"), QStringLiteral("websocket_s")}));
    QCOMPARE(stats.value(QStringLiteral("performance"))
                 .toObject()
                 .value(QStringLiteral("totalMessages"))
                 .toInt(),
             1);

    const QJsonArray list = manager.listSessions();
    QCOMPARE(list.size(), 1);
    const QJsonObject entry = list.first().toObject();
    QCOMPARE(entry.value(QStringLiteral("sessionId")).toString(), QStringLiteral("s"));
    QCOMPARE(entry.value(QStringLiteral("eventRoutes")).toInt(), 1);
    QCOMPARE(entry.value(QStringLiteral("activeDistributors")).toArray().size(), 2);
    QVERIFY(await(manager.cleanup()));
}

void TestSessionManager::retriesThenSuccessRate() {
    HttpSink sink;
    QVERIFY(sink.listen());
    sink.setReply("/events/bad", {500, "Internal Server Error"});
    SessionManager manager;
    SessionConfig options = sessionOptions(
        QJsonObject{{QStringLiteral("template"), QJsonValue::Null},
                    {QStringLiteral("retryAttempts"), 3},
                    {QStringLiteral("retryDelay"), 50},
                    {QStringLiteral("distributors"),
                     QJsonObject{{QStringLiteral("http"),
                                  QJsonObject{{QStringLiteral("baseUrl"), sink.baseUrl()},
                                              {QStringLiteral("skipHealthCheck"), true}}}}}});
    QVERIFY(await(manager.createSession(QStringLiteral("s"), options)).ok());
    manager.routeEvent(QStringLiteral("s"), QStringLiteral("good"), 1);
    manager.routeEvent(QStringLiteral("s"), QStringLiteral("bad"), 2);
    QTRY_COMPARE(sink.paths().count("/events/bad"), 3); // 1 attempt + 2 retries (SPEC §9 #22)
    QTRY_COMPARE(manager.snapshot()
                     .session(QStringLiteral("s"))
                     ->distributor(QStringLiteral("http"))
                     ->failed,
                 1u);
    const QJsonObject performance = manager.getSessionStatus(QStringLiteral("s"))
                                        .value()
                                        .value(QStringLiteral("stats"))
                                        .toObject()
                                        .value(QStringLiteral("performance"))
                                        .toObject();
    QCOMPARE(performance.value(QStringLiteral("totalMessages")).toInt(), 1);
    QCOMPARE(performance.value(QStringLiteral("totalErrors")).toInt(), 1);
    QCOMPARE(performance.value(QStringLiteral("successRate")).toDouble(), 50.0);
    const DistributorSnapshot *http =
        manager.snapshot().session(QStringLiteral("s"))->distributor(QStringLiteral("http"));
    QCOMPARE(http->retries, 2u);
    QVERIFY(balanced(*http));
    QVERIFY(await(manager.cleanup()));
}

void TestSessionManager::slowDistributorDoesNotDelayOthers() {
    HttpSink sink;
    QVERIFY(sink.listen());
    sink.setDefaultReply({200, "OK", HttpSink::Answer::Never});
    UdpReceiver udp;
    SessionManager manager;
    SessionConfig options = sessionOptions(QJsonObject{
        {QStringLiteral("template"), QJsonValue::Null},
        {QStringLiteral("distributors"),
         QJsonObject{
             {QStringLiteral("http"), QJsonObject{{QStringLiteral("baseUrl"), sink.baseUrl()},
                                                  {QStringLiteral("skipHealthCheck"), true},
                                                  {QStringLiteral("maxInFlight"), 2}}},
             {QStringLiteral("udp"),
              QJsonObject{{QStringLiteral("port"), 9999},
                          {QStringLiteral("targets"), QJsonArray{udp.target()}}}}}}});
    QVERIFY(await(manager.createSession(QStringLiteral("s"), options)).ok());
    // The caller is never blocked: routeEvent returns with the event queued everywhere.
    for (int i = 0; i < 50; ++i)
        QCOMPARE(manager.routeEvent(QStringLiteral("s"), QStringLiteral("e"), i)->queued.size(), 2);
    QTRY_COMPARE(udp.count(), 50);
    const DistributorSnapshot *http =
        manager.snapshot().session(QStringLiteral("s"))->distributor(QStringLiteral("http"));
    QCOMPARE(http->sent, 0u);
    QCOMPARE(http->queued, 50);
    QVERIFY(balanced(*http));
    QVERIFY(await(manager.cleanup()));
    // Close accounted for the stuck requests: nothing vanished.
    QVERIFY(!manager.getSession(QStringLiteral("s")));
}

void TestSessionManager::portCollisionAcrossSessions() {
    SessionManager manager;
    UdpReceiver udp;
    const quint16 wsPort = TestSupport::freeTcpPort();
    QVERIFY(
        await(manager.createSession(QStringLiteral("first"), udpAndWebSocket(udp, wsPort))).ok());
    const Result<CreateSessionResult> second =
        await(manager.createSession(QStringLiteral("second"), udpAndWebSocket(udp, wsPort)));
    QVERIFY(!second.ok());
    QCOMPARE(second.error(),
             QStringLiteral("websocket: port %1 already in use by session first").arg(wsPort));
    QVERIFY(!manager.getSession(QStringLiteral("second")));
    // The id is free again, and configured-but-disabled ports do not count.
    QVERIFY(await(manager.createSession(
                      QStringLiteral("second"),
                      udpAndWebSocket(udp, wsPort, QJsonArray{QStringLiteral("udp")})))
                .ok());
    QCOMPARE(await(manager.enableDistributor(QStringLiteral("second"), QStringLiteral("websocket")))
                 .error(),
             QStringLiteral("websocket: port %1 already in use by session first").arg(wsPort));
    QVERIFY(await(manager.cleanup()));
}

void TestSessionManager::multipleSessionsOnDistinctPorts() {
    SessionManager manager;
    UdpReceiver udpA;
    UdpReceiver udpB;
    const quint16 portA = TestSupport::freeTcpPort();
    const quint16 portB = TestSupport::freeTcpPort();
    QVERIFY(
        await(manager.createSession(QStringLiteral("participant-A"), udpAndWebSocket(udpA, portA)))
            .ok());
    QVERIFY(
        await(manager.createSession(QStringLiteral("participant-B"), udpAndWebSocket(udpB, portB)))
            .ok());
    WebSocketReceiver wsA(wsUrl(portA));
    WebSocketReceiver wsB(wsUrl(portB));
    QTRY_VERIFY(wsA.isConnected() && wsB.isConnected());
    manager.routeEvent(QStringLiteral("participant-A"), QStringLiteral("a"), 1);
    manager.routeEvent(QStringLiteral("participant-B"), QStringLiteral("b"), 1);
    manager.routeEvent(QStringLiteral("participant-B"), QStringLiteral("b"), 2);
    QTRY_COMPARE(wsA.count(), 1);
    QTRY_COMPARE(wsB.count(), 2);
    QCOMPARE(wsA.envelopes().first().value(QStringLiteral("sessionId")).toString(),
             QStringLiteral("participant-A"));
    QCOMPARE(udpB.seqs(), (QSet<quint64>{1, 2}));
    QCOMPARE(manager.sessionIds(),
             (QStringList{QStringLiteral("participant-A"), QStringLiteral("participant-B")}));
    QVERIFY(await(manager.cleanup()));
}

void TestSessionManager::reconfigureWebSocketOnSamePortKeepsEvents() {
    SessionManager manager;
    UdpReceiver udp;
    const quint16 wsPort = TestSupport::freeTcpPort();
    QVERIFY(await(manager.createSession(QStringLiteral("s"), udpAndWebSocket(udp, wsPort))).ok());
    const Result<bool> result =
        await(manager.reconfigureDistributor(QStringLiteral("s"), QStringLiteral("websocket"),
                                             QJsonObject{{QStringLiteral("maxConnections"), 5}}));
    QVERIFY2(result.ok(), qPrintable(result.error()));
    // Merged onto the configured config: the port stays.
    const QJsonObject configured =
        manager.getSession(QStringLiteral("s"))->slot(QStringLiteral("websocket"))->configured();
    QCOMPARE(configured.value(QStringLiteral("port")).toInt(), wsPort);
    QCOMPARE(configured.value(QStringLiteral("maxConnections")).toInt(), 5);
    WebSocketReceiver ws(wsUrl(wsPort));
    QTRY_VERIFY(ws.isConnected());
    manager.routeEvent(QStringLiteral("s"), QStringLiteral("e"), 1);
    QTRY_COMPARE(ws.count(), 1);
    QVERIFY(await(manager.cleanup()));
}

void TestSessionManager::reconfigureToBusyPortRestoresPrevious() {
    SessionManager manager;
    UdpReceiver udp;
    const quint16 wsPort = TestSupport::freeTcpPort();
    QVERIFY(await(manager.createSession(QStringLiteral("s"), udpAndWebSocket(udp, wsPort))).ok());
    QTcpServer squatter;
    QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
    const Result<bool> result = await(manager.reconfigureDistributor(
        QStringLiteral("s"), QStringLiteral("websocket"),
        QJsonObject{{QStringLiteral("port"), squatter.serverPort()}}));
    QVERIFY(!result.ok());
    QVERIFY2(result.error().startsWith(QStringLiteral("Reconfigure of websocket failed: ")),
             qPrintable(result.error()));
    QVERIFY2(result.error().endsWith(QStringLiteral("; previous configuration restored")),
             qPrintable(result.error()));
    // Still serving on the old port, with the old configuration.
    QCOMPARE(manager.getSession(QStringLiteral("s"))
                 ->slot(QStringLiteral("websocket"))
                 ->configured()
                 .value(QStringLiteral("port"))
                 .toInt(),
             wsPort);
    WebSocketReceiver ws(wsUrl(wsPort));
    QTRY_VERIFY(ws.isConnected());
    manager.routeEvent(QStringLiteral("s"), QStringLiteral("e"), 1);
    QTRY_COMPARE(ws.count(), 1);
    // A bad config is refused before anything is touched.
    QCOMPARE(await(manager.reconfigureDistributor(QStringLiteral("s"), QStringLiteral("websocket"),
                                                  QJsonObject{{QStringLiteral("port"), 70000}}))
                 .error(),
             QStringLiteral("Invalid websocket configuration: WebSocket distributor requires valid "
                            "port (1-65535)"));
    QVERIFY(await(manager.cleanup()));
}

void TestSessionManager::closeReleasesEverything() {
    SessionManager manager;
    UdpReceiver udp;
    const quint16 wsPort = TestSupport::freeTcpPort();
    QSignalSpy closedSpy(&manager, &SessionManager::sessionClosed);
    QVERIFY(await(manager.createSession(QStringLiteral("s"), udpAndWebSocket(udp, wsPort))).ok());
    QVERIFY(await(manager.closeSession(QStringLiteral("s"))));
    QCOMPARE(closedSpy.count(), 1);
    QTcpServer rebind;
    QVERIFY(rebind.listen(QHostAddress::LocalHost, wsPort));
    rebind.close();
    QVERIFY(manager.sessionIds().isEmpty());
    // The same id and port can be used again at once.
    QVERIFY(await(manager.createSession(QStringLiteral("s"), udpAndWebSocket(udp, wsPort))).ok());
    QVERIFY(await(manager.cleanup()));
}

QTEST_GUILESS_MAIN(TestSessionManager)
#include "tst_sessionmanager.moc"
