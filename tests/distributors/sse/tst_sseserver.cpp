// The SSE distributor as an HTTP server: stream response headers, the welcome frame, CORS,
// OPTIONS, /health, 404, capacity, malformed requests, listen failures and a clean shutdown.
// Real streaming clients on 127.0.0.1.
#include "ssetestclient.h"
#include "ssetestsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QtTest>

using namespace SseTest;

class TestSseServer : public QObject {
    Q_OBJECT

private slots:
    void streamHeadersAndWelcome();
    void cors_data();
    void cors();
    void optionsAnswers200();
    void healthEndpointCountsClients();
    void unknownRoutesAre404_data();
    void unknownRoutesAre404();
    void capacityAnswers503();
    void malformedRequestsAre400();
    void clientLeavingIsNoticed();
    void disconnectEndsStreamsAndFreesPort();
    void listenFailure_data();
    void listenFailure();
    void healthDetailsAndTarget();
};

void TestSseServer::streamHeadersAndWelcome() {
    const auto server = start();
    QVERIFY(server->isHealthy());
    QVERIFY(server->serverPort() != 0);

    SseTestClient client;
    client.get(server->serverPort(), "/events/stream");
    QTRY_COMPARE(client.frames().size(), 1);
    QCOMPARE(client.statusLine(), QByteArray("HTTP/1.1 200 OK"));
    QCOMPARE(client.header("Content-Type"), QByteArray("text/event-stream"));
    QCOMPARE(client.header("Cache-Control"), QByteArray("no-cache"));
    QCOMPARE(client.header("Connection"), QByteArray("keep-alive"));
    QCOMPARE(client.header("X-Accel-Buffering"), QByteArray("no"));
    QCOMPARE(client.header("Access-Control-Allow-Origin"), QByteArray("*"));
    QVERIFY(!client.hasHeader("Content-Length"));
    QVERIFY(!client.hasHeader("Transfer-Encoding"));

    const SseTestClient::Frame welcome = client.frames().first();
    QCOMPARE(welcome.event, QByteArray("connection"));
    QVERIFY(!welcome.hasId);
    const QJsonObject data = QJsonDocument::fromJson(welcome.data).object();
    const QString clientId = data.value(QStringLiteral("clientId")).toString();
    QVERIFY2(
        QRegularExpression(QStringLiteral("^sse_\\d{13}_[0-9a-z]{9}$")).match(clientId).hasMatch(),
        qPrintable(clientId));
    QVERIFY(data.value(QStringLiteral("timestamp")).toInteger() > 1700000000000);
    QCOMPARE(data.value(QStringLiteral("server")).toString(), QStringLiteral("labrelay"));

    QCOMPARE(server->clientIds(), QStringList{clientId});
    QCOMPARE(server->stats().connectedClients, 1);
    QCOMPARE(server->stats().sent, 0u); // control frames are not events
    QVERIFY(server->stats().isBalanced());
}

void TestSseServer::cors_data() {
    QTest::addColumn<QJsonArray>("origins");
    QTest::addColumn<QByteArray>("origin");
    QTest::addColumn<QByteArray>("allowed");
    QTest::addColumn<bool>("vary");

    const QJsonArray listed{QStringLiteral("http://lab.local"),
                            QStringLiteral("http://dash.local")};
    QTest::newRow("wildcard") << QJsonArray{QStringLiteral("*")} << QByteArray("http://x.local")
                              << QByteArray("*") << false;
    QTest::newRow("listed origin reflected")
        << listed << QByteArray("http://dash.local") << QByteArray("http://dash.local") << true;
    QTest::newRow("first origin fallback")
        << listed << QByteArray("http://other.local") << QByteArray("http://lab.local") << true;
    QTest::newRow("no Origin header")
        << listed << QByteArray() << QByteArray("http://lab.local") << true;
}

void TestSseServer::cors() {
    QFETCH(QJsonArray, origins);
    QFETCH(QByteArray, origin);
    QFETCH(QByteArray, allowed);
    QFETCH(bool, vary);

    const auto server = start({{QStringLiteral("corsOrigins"), origins}});
    QVERIFY(server->isHealthy());
    SseTestClient::Headers headers;
    if (!origin.isEmpty())
        headers.append({"Origin", origin});
    SseTestClient stream;
    stream.get(server->serverPort(), "/events/stream", headers);
    SseTestClient preflight;
    preflight.request(server->serverPort(), "OPTIONS", "/events/stream", headers);
    QTRY_COMPARE(stream.frames().size(), 1);
    QTRY_VERIFY(preflight.isClosed());
    for (const SseTestClient *client : {&stream, &preflight}) {
        QCOMPARE(client->header("Access-Control-Allow-Origin"), allowed);
        QCOMPARE(client->header("Vary") == "Origin", vary);
        QCOMPARE(client->header("Access-Control-Allow-Methods"), QByteArray("GET, OPTIONS"));
        QCOMPARE(client->header("Access-Control-Allow-Headers"),
                 QByteArray("Cache-Control, Last-Event-ID"));
        QCOMPARE(client->header("Access-Control-Max-Age"), QByteArray("86400"));
    }
}

void TestSseServer::optionsAnswers200() {
    const auto server = start();
    QVERIFY(server->isHealthy());
    SseTestClient client;
    client.request(server->serverPort(), "OPTIONS", "/anywhere/at/all");
    QTRY_VERIFY(client.isClosed());
    QCOMPARE(client.status(), 200);
    QCOMPARE(client.header("Access-Control-Allow-Origin"), QByteArray("*"));
    QCOMPARE(client.header("Content-Length"), QByteArray("0"));
    QCOMPARE(server->clientCount(), 0);
}

void TestSseServer::healthEndpointCountsClients() {
    const auto server = start();
    QVERIFY(server->isHealthy());
    SseTestClient stream;
    stream.get(server->serverPort(), "/events/stream");
    QTRY_COMPARE(stream.frames().size(), 1);

    SseTestClient client;
    client.get(server->serverPort(), "/health");
    QTRY_VERIFY(client.isClosed());
    QCOMPARE(client.status(), 200);
    QCOMPARE(client.header("Content-Type"), QByteArray("application/json"));
    QCOMPARE(client.header("Access-Control-Allow-Origin"), QByteArray("*"));
    const QJsonObject health = QJsonDocument::fromJson(client.body()).object();
    QCOMPARE(health.value(QStringLiteral("status")).toString(), QStringLiteral("healthy"));
    QCOMPARE(health.value(QStringLiteral("protocol")).toString(), QStringLiteral("sse"));
    QCOMPARE(health.value(QStringLiteral("clients")).toInt(), 1);
    QVERIFY(health.value(QStringLiteral("uptime")).isDouble());
    QVERIFY(health.value(QStringLiteral("uptime")).toDouble() >= 0);
    QCOMPARE(server->clientCount(), 1); // /health is not a stream
}

void TestSseServer::unknownRoutesAre404_data() {
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("target");
    QTest::newRow("other path") << QByteArray("GET") << QByteArray("/nope");
    QTest::newRow("below the endpoint") << QByteArray("GET") << QByteArray("/events/stream/x");
    QTest::newRow("POST to the endpoint") << QByteArray("POST") << QByteArray("/events/stream");
    QTest::newRow("POST /health") << QByteArray("POST") << QByteArray("/health");
}

void TestSseServer::unknownRoutesAre404() {
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, target);
    const auto server = start();
    QVERIFY(server->isHealthy());
    SseTestClient client;
    client.request(server->serverPort(), method, target);
    QTRY_VERIFY(client.isClosed());
    QCOMPARE(client.status(), 404);
    QCOMPARE(client.body(), QByteArray("Not Found"));
    QCOMPARE(client.header("Access-Control-Allow-Origin"), QByteArray("*"));
    QCOMPARE(server->clientCount(), 0);
}

void TestSseServer::capacityAnswers503() {
    const auto server = start({{QStringLiteral("maxConnections"), 1}});
    QVERIFY(server->isHealthy());
    auto first = std::make_unique<SseTestClient>();
    first->get(server->serverPort(), "/events/stream");
    QTRY_COMPARE(first->frames().size(), 1);

    SseTestClient refused;
    refused.get(server->serverPort(), "/events/stream");
    QTRY_VERIFY(refused.isClosed());
    QCOMPARE(refused.status(), 503);
    QCOMPARE(refused.header("Content-Type"), QByteArray("text/plain"));
    QCOMPARE(refused.body(), QByteArray("Server at capacity"));
    QCOMPARE(server->clientCount(), 1);

    // A freed slot is usable again.
    first.reset();
    QTRY_COMPARE(server->clientCount(), 0);
    SseTestClient second;
    second.get(server->serverPort(), "/events/stream");
    QTRY_COMPARE(second.frames().size(), 1);
    QCOMPARE(server->stats().connectedClients, 1);
}

void TestSseServer::malformedRequestsAre400() {
    const auto server = start();
    QVERIFY(server->isHealthy());
    SseTestClient garbage;
    garbage.sendRaw(server->serverPort(), "GARBAGE\r\n\r\n");
    SseTestClient binary;
    binary.sendRaw(server->serverPort(), QByteArray("\x16\x03\x01\x00\xa5\x01\x00\x00", 8));
    SseTestClient huge;
    huge.sendRaw(server->serverPort(),
                 "GET /events/stream HTTP/1.1\r\nCookie: " + QByteArray(17000, 'c') + "\r\n\r\n");
    QTRY_VERIFY(garbage.isClosed());
    QTRY_VERIFY(binary.isClosed());
    QTRY_VERIFY(huge.isClosed());
    QCOMPARE(garbage.status(), 400);
    QCOMPARE(binary.status(), 400);
    QCOMPARE(huge.status(), 431);

    // The server is unharmed and still streams.
    SseTestClient client;
    client.get(server->serverPort(), "/events/stream");
    QTRY_COMPARE(client.frames().size(), 1);
    QCOMPARE(server->clientCount(), 1);
    QVERIFY(server->isHealthy());
    QVERIFY(server->stats().isBalanced());
}

void TestSseServer::clientLeavingIsNoticed() {
    const auto server = start();
    QVERIFY(server->isHealthy());
    SseTestClient a;
    SseTestClient b;
    a.get(server->serverPort(), "/events/stream");
    b.get(server->serverPort(), "/events/stream");
    QTRY_COMPARE(server->clientCount(), 2);
    QTRY_COMPARE(a.frames().size(), 1);
    a.close();
    QTRY_COMPARE(server->clientCount(), 1);
    QCOMPARE(server->stats().connectedClients, 1);
    QTRY_COMPARE(b.frames().size(), 1);
    QCOMPARE(server->clientIds(), QStringList{b.clientId()});
}

void TestSseServer::disconnectEndsStreamsAndFreesPort() {
    const auto server = start();
    QVERIFY(server->isHealthy());
    const quint16 port = server->serverPort();
    SseTestClient client;
    client.get(port, "/events/stream");
    SseTestClient pending; // still sending its request head when the server stops
    pending.sendRaw(port, "GET /events/str");
    QTRY_COMPARE(client.frames().size(), 1);

    QSignalSpy stopped(server.get(), &Distributor::stopped);
    server->disconnectFromTarget();
    QCOMPARE(stopped.count(), 1);
    QCOMPARE(server->state(), Distributor::State::Stopped);
    QCOMPARE(server->serverPort(), quint16(0));
    QCOMPARE(server->clientCount(), 0);
    QCOMPARE(server->stats().connectedClients, 0);

    QTcpServer rebind;
    QVERIFY2(rebind.listen(QHostAddress::LocalHost, port), qPrintable(rebind.errorString()));
    QTRY_VERIFY(client.isClosed());
    QTRY_VERIFY(pending.isClosed());

    server->enqueue(gazeEvent(1));
    QCOMPARE(server->stats().droppedBy(DropReason::Disabled), 1u);
    QVERIFY(server->stats().isBalanced());

    // Stopping twice is harmless, and the distributor can start again.
    server->disconnectFromTarget();
    server->connectToTarget();
    QVERIFY(server->isHealthy());
    QVERIFY(server->serverPort() != 0);
}

void TestSseServer::listenFailure_data() {
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("occupy");
    QTest::addColumn<Distributor::Error>("error");
    QTest::addColumn<QString>("reason");
    QTest::newRow("port in use") << QStringLiteral("127.0.0.1") << true
                                 << Distributor::Error::AddressInUse
                                 << QStringLiteral("The bound address is already in use");
    QTest::newRow("host not an address")
        << QStringLiteral("lab-server.invalid") << false << Distributor::Error::ConfigurationError
        << QStringLiteral("is not localhost or an IP address");
}

void TestSseServer::listenFailure() {
    QFETCH(QString, host);
    QFETCH(bool, occupy);
    QFETCH(Distributor::Error, error);
    QFETCH(QString, reason);

    QTcpServer occupier;
    QVERIFY(occupier.listen(QHostAddress::LocalHost, 0));
    const quint16 port = occupy ? occupier.serverPort() : 0;
    SseDistributor server(config({{QStringLiteral("host"), host}, {QStringLiteral("port"), port}}));
    QSignalSpy started(&server, &Distributor::started);
    server.connectToTarget();
    QTRY_COMPARE(started.count(), 1);
    QCOMPARE(started.at(0).at(0).toBool(), false);
    const QString message = started.at(0).at(1).toString();
    QVERIFY2(message.startsWith(
                 QStringLiteral("SSE server cannot listen on %1:%2: ").arg(host).arg(port)),
             qPrintable(message));
    QVERIFY2(message.contains(reason), qPrintable(message));
    QCOMPARE(server.state(), Distributor::State::Error);
    QCOMPARE(server.error(), error);
    QCOMPARE(server.serverPort(), quint16(0));

    server.enqueue(gazeEvent(1));
    QCOMPARE(server.stats().queued, 1); // held until the distributor works, never lost silently
    QVERIFY(server.stats().isBalanced());
    server.disconnectFromTarget();
    QCOMPARE(server.stats().droppedBy(DropReason::Disabled), 1u);
    QVERIFY(server.stats().isBalanced());
}

void TestSseServer::healthDetailsAndTarget() {
    const auto server = start({{QStringLiteral("endpoint"), QStringLiteral("/lab/events")},
                               {QStringLiteral("maxConnections"), 20}});
    QVERIFY(server->isHealthy());
    const QString port = QString::number(server->serverPort());
    QCOMPARE(server->targetDescription(),
             QStringLiteral("http://127.0.0.1:") + port + QStringLiteral("/lab/events"));
    SseTestClient client;
    client.get(server->serverPort(), "/lab/events");
    QTRY_COMPARE(client.frames().size(), 1);

    const QJsonObject health = server->health();
    QCOMPARE(health.value(QStringLiteral("status")).toString(), QStringLiteral("connected"));
    QCOMPARE(health.value(QStringLiteral("protocol")).toString(), QStringLiteral("sse"));
    const QJsonObject listening = health.value(QStringLiteral("server")).toObject();
    QCOMPARE(listening.value(QStringLiteral("port")).toInt(), int(server->serverPort()));
    QCOMPARE(listening.value(QStringLiteral("host")).toString(), QStringLiteral("127.0.0.1"));
    QCOMPARE(listening.value(QStringLiteral("endpoint")).toString(), QStringLiteral("/lab/events"));
    QCOMPARE(listening.value(QStringLiteral("running")).toBool(), true);
    const QJsonObject clients = health.value(QStringLiteral("clients")).toObject();
    QCOMPARE(clients.value(QStringLiteral("connected")).toInt(), 1);
    QCOMPARE(clients.value(QStringLiteral("maxConnections")).toInt(), 20);
    QCOMPARE(health.value(QStringLiteral("capabilities")).toArray(),
             (QJsonArray{QStringLiteral("send"), QStringLiteral("broadcast"),
                         QStringLiteral("real_time"), QStringLiteral("subscribe")}));

    server->probe();
    QVERIFY(server->isHealthy());
    server->disconnectFromTarget();
    QCOMPARE(server->health()
                 .value(QStringLiteral("server"))
                 .toObject()
                 .value(QStringLiteral("running"))
                 .toBool(),
             false);
}

QTEST_GUILESS_MAIN(TestSseServer)
#include "tst_sseserver.moc"
