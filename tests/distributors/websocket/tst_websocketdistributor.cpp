// The WebSocket distributor against real QWebSocket consumers on 127.0.0.1: the frames it
// sends, the requests it answers, whom it targets, and what it counts.
#include "rawwebsocketpeer.h"
#include "websockettestclient.h"
#include "websockettesthelpers.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QtTest>

using namespace WebSocketTest;

class TestWebSocketDistributor : public QObject {
    Q_OBJECT

private slots:
    void welcomeFrame_data();
    void welcomeFrame();
    void controlReplies();
    void targeting_data();
    void targeting();
    void envelopeDelivery_data();
    void envelopeDelivery();
    void noClientsIsDroppedNoClients();
    void capacityClosesWith1013();
    void heartbeat();
    void inboundOversizeClosesClient();
};

void TestWebSocketDistributor::welcomeFrame_data() {
    QTest::addColumn<QString>("payloadFormat");
    QTest::addColumn<QString>("serverName");
    QTest::newRow("envelope") << QStringLiteral("envelope") << QStringLiteral("labrelay");
    QTest::newRow("legacy") << QStringLiteral("legacy") << QStringLiteral("synopticon-api");
}

void TestWebSocketDistributor::welcomeFrame() {
    QFETCH(QString, payloadFormat);
    QFETCH(QString, serverName);
    bool ok = false;
    auto distributor = start({{QStringLiteral("payloadFormat"), payloadFormat}}, &ok);
    QVERIFY(ok);
    QCOMPARE(distributor->state(), Distributor::State::Connected);
    QVERIFY(distributor->serverPort() != 0);
    QCOMPARE(distributor->targetDescription(),
             QStringLiteral("ws://127.0.0.1:%1").arg(distributor->serverPort()));

    WebSocketTestClient client;
    QVERIFY(client.connectAndWelcome(url(*distributor)));
    const QJsonObject welcome = client.frames().first();
    QCOMPARE(welcome.value(QStringLiteral("event")).toString(), QStringLiteral("connection"));
    const QString id = welcome.value(QStringLiteral("clientId")).toString();
    QVERIFY2(QRegularExpression(QStringLiteral("^ws_\\d{13}_[0-9a-z]{9}$")).match(id).hasMatch(),
             qPrintable(id));
    const QJsonObject data = welcome.value(QStringLiteral("data")).toObject();
    QCOMPARE(data.value(QStringLiteral("clientId")).toString(), id);
    QCOMPARE(data.value(QStringLiteral("server")).toString(), serverName);
    QVERIFY(data.value(QStringLiteral("timestamp")).toDouble() > 1.7e12);
    QCOMPARE(welcome.value(QStringLiteral("timestamp")).toDouble(),
             data.value(QStringLiteral("timestamp")).toDouble());

    QTRY_COMPARE(distributor->stats().connectedClients, 1);
    const QJsonArray clients = distributor->clients();
    QCOMPARE(clients.size(), 1);
    QCOMPARE(clients.first().toObject().value(QStringLiteral("id")).toString(), id);
    const QJsonObject health = distributor->health();
    QCOMPARE(health.value(QStringLiteral("protocol")).toString(), QStringLiteral("websocket"));
    QCOMPARE(health.value(QStringLiteral("clients")).toObject().value(QStringLiteral("connected")),
             QJsonValue(1));
    QCOMPARE(health.value(QStringLiteral("server")).toObject().value(QStringLiteral("port")),
             QJsonValue(int(distributor->serverPort())));
    QCOMPARE(health.value(QStringLiteral("capabilities")).toArray().size(), 5);

    client.socket().close();
    QTRY_COMPARE(distributor->stats().connectedClients, 0);
    QVERIFY(distributor->stats().isBalanced());
}

void TestWebSocketDistributor::controlReplies() {
    bool ok = false;
    auto distributor = start({}, &ok);
    QVERIFY(ok);
    WebSocketTestClient client;
    QVERIFY(client.connectAndWelcome(url(*distributor)));
    const QString id = client.clientId();
    const auto subscription = [](const char *type, const char *event) {
        return QJsonObject{{QStringLiteral("type"), QLatin1String(type)},
                           {QStringLiteral("event"), QLatin1String(event)}};
    };

    client.sendJson(subscription("subscribe", "gaze"));
    client.sendJson(subscription("subscribe", "pupil"));
    QVERIFY(client.sync());
    const QList<QJsonObject> subscribed = client.framesFor(QStringLiteral("subscribed"));
    QCOMPARE(subscribed.size(), 2);
    QCOMPARE(subscribed.first().value(QStringLiteral("data")).toObject(),
             QJsonObject({{QStringLiteral("event"), QStringLiteral("gaze")}}));
    QCOMPARE(subscribed.first().value(QStringLiteral("clientId")).toString(), id);
    QVERIFY(subscribed.first().value(QStringLiteral("timestamp")).toDouble() > 1.7e12);
    QCOMPARE(distributor->clients().first().toObject().value(QStringLiteral("subscriptions")),
             QJsonValue(QJsonArray{QStringLiteral("gaze"), QStringLiteral("pupil")}));
    QCOMPARE(distributor->subscriptions().size(), 2);

    client.sendJson(subscription("unsubscribe", "gaze"));
    client.sendJson({{QStringLiteral("type"), QStringLiteral("something-else")}});
    client.sendText(QStringLiteral("this is not json"));
    QVERIFY(client.sync());
    const QList<QJsonObject> unsubscribed = client.framesFor(QStringLiteral("unsubscribed"));
    QCOMPARE(unsubscribed.size(), 1);
    QCOMPARE(unsubscribed.first().value(QStringLiteral("data")).toObject(),
             QJsonObject({{QStringLiteral("event"), QStringLiteral("gaze")}}));
    const QList<QJsonObject> errors = client.framesFor(QStringLiteral("error"));
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().value(QStringLiteral("data")).toObject(),
             QJsonObject({{QStringLiteral("error"), QStringLiteral("Invalid message format")}}));
    QCOMPARE(errors.first().value(QStringLiteral("clientId")).toString(), id);

    const QJsonObject pong = client.framesFor(QStringLiteral("pong")).first();
    QCOMPARE(pong.value(QStringLiteral("clientId")).toString(), id);
    QVERIFY(pong.value(QStringLiteral("data"))
                .toObject()
                .value(QStringLiteral("timestamp"))
                .isDouble());
    // welcome, 2 × subscribed, pong, unsubscribed, error, pong: the unknown type got no reply.
    QCOMPARE(client.frames().size(), 7);
    const QJsonObject health = distributor->health();
    QCOMPARE(
        health.value(QStringLiteral("subscriptions")).toObject(),
        QJsonObject({{QStringLiteral("patterns"), 1}, {QStringLiteral("totalSubscribers"), 1}}));
    QCOMPARE(distributor->stats().enqueued, 0u);
}

void TestWebSocketDistributor::targeting_data() {
    QTest::addColumn<QString>("mode");
    QTest::addColumn<QStringList>("subscriptions"); // per client A, B, C: comma-separated events
    QTest::addColumn<QStringList>("clientIds");     // letters of the clientIds option
    QTest::addColumn<QString>("expected");          // letters of the clients that get "gaze"

    const QString legacy = QStringLiteral("legacy");
    const QString strict = QStringLiteral("strict");
    const QStringList none{QString(), QString(), QString()};
    const QStringList aGaze{QStringLiteral("gaze"), QString(), QString()};
    const QStringList aOther{QStringLiteral("pupil"), QString(), QString()};
    const QStringList aGazeBOther{QStringLiteral("gaze"), QStringLiteral("pupil"), QString()};
    const QStringList b{QStringLiteral("B")};

    QTest::newRow("legacy: nobody subscribed") << legacy << none << QStringList() << "ABC";
    QTest::newRow("legacy: clientIds") << legacy << none << b << "B";
    QTest::newRow("legacy: only subscribers") << legacy << aGaze << QStringList() << "A";
    QTest::newRow("legacy: subscribers win over clientIds") << legacy << aGaze << b << "A";
    QTest::newRow("legacy: other subscriptions still receive")
        << legacy << aOther << QStringList() << "ABC";
    QTest::newRow("strict: subscribed elsewhere is skipped")
        << strict << aOther << QStringList() << "BC";
    QTest::newRow("strict: unsubscribed get everything")
        << strict << aGaze << QStringList() << "ABC";
    QTest::newRow("strict: mixed") << strict << aGazeBOther << QStringList() << "AC";
    QTest::newRow("strict: clientIds") << strict << aGaze << b << "B";
    QTest::newRow("strict: clientIds to a non-subscriber")
        << strict << aOther << QStringList{QStringLiteral("A")} << "";
}

void TestWebSocketDistributor::targeting() {
    QFETCH(QString, mode);
    QFETCH(QStringList, subscriptions);
    QFETCH(QStringList, clientIds);
    QFETCH(QString, expected);
    bool ok = false;
    auto distributor = start({{QStringLiteral("subscriptionMode"), mode}}, &ok);
    QVERIFY(ok);
    std::array<WebSocketTestClient, 3> clients;
    QJsonArray ids;
    for (int i = 0; i < 3; ++i) {
        QVERIFY(clients[i].connectAndWelcome(url(*distributor)));
        for (const QString &event : subscriptions[i].split(u',', Qt::SkipEmptyParts)) {
            clients[i].sendJson({{QStringLiteral("type"), QStringLiteral("subscribe")},
                                 {QStringLiteral("event"), event}});
        }
        QVERIFY(clients[i].sync());
    }
    for (const QString &letter : clientIds)
        ids.append(clients[letter.at(0).unicode() - 'A'].clientId());

    const EnvelopePtr event = envelope(QStringLiteral("gaze"), 1);
    const QJsonObject options =
        ids.isEmpty() ? QJsonObject() : QJsonObject{{QStringLiteral("clientIds"), ids}};
    distributor->enqueue(event, options);

    QString received;
    for (int i = 0; i < 3; ++i) {
        QVERIFY(clients[i].sync()); // the event, if any, was written before the pong
        if (!clients[i].framesFor(QStringLiteral("gaze")).isEmpty())
            received.append(QLatin1Char(char('A' + i)));
    }
    QCOMPARE(received, expected);
    const DistributorStats stats = distributor->stats();
    QCOMPARE(stats.enqueued, 1u);
    QCOMPARE(stats.sent, expected.isEmpty() ? 0u : 1u);
    QCOMPARE(stats.droppedBy(DropReason::NoClients), expected.isEmpty() ? 1u : 0u);
    const qint64 frameSize =
        EnvelopeEncoder(QStringLiteral("websocket"), PayloadFormat::Envelope).encode(*event).size();
    QCOMPARE(stats.bytes, quint64(frameSize * expected.size()));
    QVERIFY(stats.isBalanced());
}

void TestWebSocketDistributor::envelopeDelivery_data() {
    QTest::addColumn<QString>("payloadFormat");
    QTest::newRow("envelope") << QStringLiteral("envelope");
    QTest::newRow("legacy") << QStringLiteral("legacy");
}

void TestWebSocketDistributor::envelopeDelivery() {
    QFETCH(QString, payloadFormat);
    const bool legacy = payloadFormat == QLatin1String("legacy");
    bool ok = false;
    auto distributor = start({{QStringLiteral("payloadFormat"), payloadFormat}}, &ok);
    QVERIFY(ok);
    WebSocketTestClient first;
    WebSocketTestClient second;
    QVERIFY(first.connectAndWelcome(url(*distributor)));
    QVERIFY(second.connectAndWelcome(url(*distributor)));

    const EnvelopeEncoder encoder(QStringLiteral("websocket"),
                                  payloadFormatFromName(payloadFormat));
    const QJsonObject metadata{{QStringLiteral("trial"), 7}};
    quint64 expectedBytes = 0;
    for (quint64 seq = 1; seq <= 3; ++seq) {
        const EnvelopePtr event = envelope(
            QStringLiteral("neon_gaze_data"), seq,
            QJsonObject{{QStringLiteral("x"), 0.25 * double(seq)}, {QStringLiteral("worn"), true}});
        distributor->enqueue(event, {{QStringLiteral("metadata"), metadata}});
        const QByteArray frame = legacy ? encoder.encodeWebSocketLegacy(*event, metadata)
                                        : encoder.encode(*event, metadata);
        expectedBytes += 2 * quint64(frame.size());
    }
    for (WebSocketTestClient *client : {&first, &second}) {
        QVERIFY(client->waitForFrames(4));
        const QList<QJsonObject> frames = client->framesFor(QStringLiteral("neon_gaze_data"));
        QCOMPARE(frames.size(), 3);
        for (int i = 0; i < 3; ++i) {
            const QJsonObject frame = frames.at(i);
            QCOMPARE(frame.value(QStringLiteral("timestamp")).toDouble(), 1725880800000.0 + i + 1);
            QCOMPARE(frame.value(QStringLiteral("data")).toObject().value(QStringLiteral("x")),
                     QJsonValue(0.25 * (i + 1)));
            const QJsonObject meta = frame.value(QStringLiteral("metadata")).toObject();
            QCOMPARE(meta.value(QStringLiteral("trial")), QJsonValue(7));
            if (legacy) {
                QVERIFY(!frame.contains(QStringLiteral("sessionId")));
                QVERIFY(!frame.contains(QStringLiteral("seq")));
                QCOMPARE(meta.size(), 1);
            } else {
                QCOMPARE(frame.value(QStringLiteral("sessionId")).toString(),
                         QStringLiteral("study-001"));
                QCOMPARE(frame.value(QStringLiteral("seq")).toInt(), i + 1);
                QCOMPARE(meta.value(QStringLiteral("source")).toString(),
                         QStringLiteral("labrelay"));
                QCOMPARE(meta.value(QStringLiteral("distributor")).toString(),
                         QStringLiteral("websocket"));
            }
        }
    }
    const DistributorStats stats = distributor->stats();
    QCOMPARE(stats.enqueued, 3u);
    QCOMPARE(stats.sent, 3u);
    QCOMPARE(stats.failed, 0u);
    QCOMPARE(stats.droppedTotal(), 0u);
    QCOMPARE(stats.bytes, expectedBytes);
    QVERIFY(stats.lastActivity > 0);
    QVERIFY(stats.isBalanced());
}

void TestWebSocketDistributor::noClientsIsDroppedNoClients() {
    bool ok = false;
    auto distributor = start({}, &ok);
    QVERIFY(ok);
    distributor->enqueue(envelope(QStringLiteral("gaze"), 1));
    distributor->enqueue(envelope(QStringLiteral("gaze"), 2));
    const DistributorStats stats = distributor->stats();
    QCOMPARE(stats.enqueued, 2u);
    QCOMPARE(stats.sent, 0u);
    QCOMPARE(stats.failed, 0u);
    QCOMPARE(stats.droppedBy(DropReason::NoClients), 2u);
    QCOMPARE(stats.bytes, 0u);
    QCOMPARE(stats.connectedClients, 0);
    QVERIFY(stats.isBalanced());
    QCOMPARE(distributor->state(), Distributor::State::Connected); // nobody listening is fine
}

void TestWebSocketDistributor::capacityClosesWith1013() {
    bool ok = false;
    auto distributor = start({{QStringLiteral("maxConnections"), 1}}, &ok);
    QVERIFY(ok);
    WebSocketTestClient admitted;
    QVERIFY(admitted.connectAndWelcome(url(*distributor)));
    // QWebSocket reports 1013 as 1002 (it predates RFC 6455's registry update), so a raw peer
    // reads the close frame as sent.
    RawWebSocketPeer refused;
    refused.open(distributor->serverPort());
    QTRY_VERIFY(refused.isClosed());
    QVERIFY(refused.isUpgraded());
    QCOMPARE(refused.closeCode(), 1013);
    QCOMPARE(refused.closeReason(), QByteArray("Server at capacity"));
    QCOMPARE(refused.textFrames(), 0); // no welcome
    QCOMPARE(distributor->stats().connectedClients, 1);

    distributor->enqueue(envelope(QStringLiteral("gaze"), 1));
    QVERIFY(admitted.waitForFrames(2));
    QCOMPARE(distributor->stats().sent, 1u);
    QVERIFY(distributor->stats().isBalanced());
}

void TestWebSocketDistributor::heartbeat() {
    bool ok = false;
    auto beating = start({{QStringLiteral("heartbeatInterval"), 100}}, &ok);
    QVERIFY(ok);
    auto silent = start({{QStringLiteral("heartbeatInterval"), 0}}, &ok);
    QVERIFY(ok);
    WebSocketTestClient beatingClient;
    WebSocketTestClient silentClient;
    QVERIFY(beatingClient.connectAndWelcome(url(*beating)));
    QVERIFY(silentClient.connectAndWelcome(url(*silent)));
    QElapsedTimer elapsed;
    elapsed.start();

    QTRY_VERIFY_WITH_TIMEOUT(beatingClient.framesFor(QStringLiteral("heartbeat")).size() >= 3,
                             5000);
    QVERIFY(elapsed.elapsed() >= 200); // three beats take at least two periods
    const QList<QJsonObject> beats = beatingClient.framesFor(QStringLiteral("heartbeat"));
    const QJsonObject beat = beats.first();
    const double timestamp = beat.value(QStringLiteral("timestamp")).toDouble();
    QCOMPARE(beat.value(QStringLiteral("data")).toObject(),
             QJsonObject({{QStringLiteral("timestamp"), timestamp}}));
    QCOMPARE(beat.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("source")),
             QJsonValue(QStringLiteral("labrelay")));
    QVERIFY(beats.at(2).value(QStringLiteral("timestamp")).toDouble() - timestamp >= 150);

    // The same time passed for the silent server: heartbeatInterval 0 sent nothing.
    QVERIFY(silentClient.sync());
    QVERIFY(silentClient.framesFor(QStringLiteral("heartbeat")).isEmpty());
    // Heartbeats are not events.
    QCOMPARE(beating->stats().enqueued, 0u);
    QCOMPARE(beating->stats().sent, 0u);
    QCOMPARE(beating->stats().bytes, 0u);
    QVERIFY(beating->stats().isBalanced());
}

void TestWebSocketDistributor::inboundOversizeClosesClient() {
    bool ok = false;
    auto distributor = start({{QStringLiteral("maxPayload"), 64}}, &ok);
    QVERIFY(ok);
    WebSocketTestClient client;
    QVERIFY(client.connectAndWelcome(url(*distributor)));
    QVERIFY(client.sync()); // a small request is fine
    QTRY_COMPARE(distributor->stats().connectedClients, 1);

    client.sendText(QString(200, u'x'));
    QVERIFY(client.waitForDisconnect());
    QCOMPARE(client.closeCode(), 1009);
    QTRY_COMPARE(distributor->stats().connectedClients, 0);
    QVERIFY2(distributor->stats().lastError.contains(client.clientId()),
             qPrintable(distributor->stats().lastError));
    QVERIFY(distributor->stats().lastError.contains(QStringLiteral("1009")));
    QCOMPARE(distributor->state(), Distributor::State::Connected);
    QVERIFY(distributor->stats().isBalanced());
}

QTEST_GUILESS_MAIN(TestWebSocketDistributor)
#include "tst_websocketdistributor.moc"
