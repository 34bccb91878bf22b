// The control API's per-session endpoints, in process against a real SessionManager with real
// distributors on loopback: switching distributors on, reconfiguring and off; replacing and
// merging the routing table; posting events as one object, an array or NDJSON. Every refusal is
// checked for its status, its message and that it changed nothing.
#include "apitestclient.h"
#include "apitesthelpers.h"
#include "controlapiserver.h"
#include "testsupport.h"

#include <QTcpServer>
#include <QtTest>

#include <memory>

namespace {

QJsonObject parse(const QByteArray &json) {
    return QJsonDocument::fromJson(json).object();
}

} // namespace

class TestControlApiDistributors : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void enableReconfigureDisable();
    void distributorRejections_data();
    void distributorRejections();
    void portCollisionIs409();
    void connectFailureIs502();
    void routingReplaceAndMerge();
    void routingRejections_data();
    void routingRejections();
    void eventsAsObjectArrayAndNdjson();
    void eventRejections_data();
    void eventRejections();

private:
    void expectRefusal(const QByteArray &method, const QString &path, const QByteArray &body,
                       const QByteArray &contentType, int status, const QString &error);

    std::unique_ptr<SessionManager> m_manager;
    std::unique_ptr<ControlApiServer> m_server;
    std::unique_ptr<ApiTestClient> m_client;
    std::unique_ptr<UdpReceiver> m_receiver;
    quint16 m_wsPort = 0;
    quint16 m_ssePort = 0;
};

void TestControlApiDistributors::init() {
    m_manager = std::make_unique<SessionManager>();
    m_receiver = std::make_unique<UdpReceiver>();
    m_wsPort = TestSupport::freeTcpPort();
    m_ssePort = TestSupport::freeTcpPort();
    ControlApiOptions options;
    options.port = 0;
    m_server = std::make_unique<ControlApiServer>(m_manager.get(), options);
    QCOMPARE(m_server->listen(), QString());
    m_client = std::make_unique<ApiTestClient>(m_server->serverPort());
    // s1 runs UDP only; WebSocket and SSE are configured but not enabled.
    const QJsonObject sse{{QStringLiteral("port"), m_ssePort},
                          {QStringLiteral("host"), QStringLiteral("127.0.0.1")},
                          {QStringLiteral("heartbeatInterval"), 0}};
    QJsonObject body = sessionBody(QStringLiteral("s1"),
                                   {{QStringLiteral("udp"), udpConfig(*m_receiver)},
                                    {QStringLiteral("websocket"), webSocketConfig(m_wsPort)},
                                    {QStringLiteral("sse"), sse}},
                                   {QStringLiteral("udp")});
    body.insert(QStringLiteral("eventRouting"),
                QJsonObject{{QStringLiteral("gaze"), QJsonArray{QStringLiteral("udp")}}});
    const ApiResponse created = m_client->post(QStringLiteral("/api/sessions"), body);
    QVERIFY2(created.status == 201, created.body.constData());
}

void TestControlApiDistributors::cleanup() {
    m_server.reset();
    QFuture<bool> closed = m_manager->cleanup();
    QTRY_VERIFY_WITH_TIMEOUT(closed.isFinished(), 10000);
    m_client.reset();
    m_manager.reset();
    m_receiver.reset();
}

void TestControlApiDistributors::expectRefusal(const QByteArray &method, const QString &path,
                                               const QByteArray &body,
                                               const QByteArray &contentType, int status,
                                               const QString &error) {
    const QByteArray before = engineState(*m_manager);
    const ApiResponse response = m_client->send(method, path, body, contentType);
    QVERIFY2(response.status == status, response.body.constData());
    QVERIFY(response.isErrorShape());
    QCOMPARE(response.error(), error);
    QCOMPARE(engineState(*m_manager), before);
}

void TestControlApiDistributors::enableReconfigureDisable() {
    const QString ws = QStringLiteral("/api/sessions/s1/distributors/websocket");
    const ApiResponse enabled = m_client->put(ws, QJsonObject());
    QCOMPARE(enabled.status, 200);
    QCOMPARE(enabled.json().value(QStringLiteral("action")).toString(), QStringLiteral("enabled"));
    QVERIFY(m_manager->getSession(QStringLiteral("s1"))
                ->activeTypes()
                .contains(QStringLiteral("websocket")));
    WebSocketReceiver client(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(m_wsPort)));
    QTRY_VERIFY_WITH_TIMEOUT(client.isConnected(), 5000);

    // Merge: only maxConnections changes, the port and host stay.
    const ApiResponse merged =
        m_client->put(ws, QJsonObject{{QStringLiteral("maxConnections"), 7}});
    QCOMPARE(merged.status, 200);
    QCOMPARE(merged.json().value(QStringLiteral("action")).toString(),
             QStringLiteral("reconfigured"));
    const QJsonObject wsConfig = m_manager->exportSessionConfig(QStringLiteral("s1"))
                                     ->distributors.value(QStringLiteral("websocket"));
    QCOMPARE(wsConfig.value(QStringLiteral("maxConnections")).toInt(), 7);
    QCOMPARE(wsConfig.value(QStringLiteral("port")).toInt(), int(m_wsPort));

    // Replace: the body is the whole new config.
    UdpReceiver second;
    const ApiResponse replaced =
        m_client->send("PUT", QStringLiteral("/api/sessions/s1/distributors/udp?replace=true"),
                       toJson(udpConfig(second)));
    QCOMPARE(replaced.status, 200);
    QCOMPARE(m_client
                 ->post(QStringLiteral("/api/sessions/s1/events"),
                        QJsonObject{{QStringLiteral("event"), QStringLiteral("gaze")},
                                    {QStringLiteral("data"), 1}})
                 .status,
             202);
    QTRY_COMPARE_WITH_TIMEOUT(second.count(), 1, 5000);
    QCOMPARE(m_receiver->count(), 0);

    const ApiResponse disabled = m_client->del(ws);
    QCOMPARE(disabled.status, 200);
    QCOMPARE(disabled.json().value(QStringLiteral("action")).toString(),
             QStringLiteral("disabled"));
    QTcpServer probe; // released before the answer came
    QVERIFY(probe.listen(QHostAddress::LocalHost, m_wsPort));
    probe.close();
    QCOMPARE(m_client->put(ws, QJsonObject()).status, 200); // and on again, same port
}

void TestControlApiDistributors::distributorRejections_data() {
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("error");

    const QString ws = QStringLiteral("/api/sessions/s1/distributors/websocket");
    const QByteArray json = "application/json";
    QTest::newRow("PUT unknown session")
        << QByteArray("PUT") << "/api/sessions/nope/distributors/udp" << QByteArray("{}") << json
        << 404 << "Session nope not found";
    QTest::newRow("PUT unknown type")
        << QByteArray("PUT") << "/api/sessions/s1/distributors/pigeon" << QByteArray("{}") << json
        << 404 << "Unknown distributor type: pigeon";
    QTest::newRow("DELETE unknown session")
        << QByteArray("DELETE") << "/api/sessions/nope/distributors/udp" << QByteArray() << json
        << 404 << "Session nope not found";
    QTest::newRow("DELETE unknown type")
        << QByteArray("DELETE") << "/api/sessions/s1/distributors/pigeon" << QByteArray() << json
        << 404 << "Unknown distributor type: pigeon";
    QTest::newRow("DELETE inactive")
        << QByteArray("DELETE") << "/api/sessions/s1/distributors/sse" << QByteArray() << json
        << 404 << "sse distributor is not active in session s1";
    QTest::newRow("malformed") << QByteArray("PUT") << ws << QByteArray("{\"port\":") << json << 400
                               << "request body:1:9: not valid JSON: unterminated object";
    QTest::newRow("not an object")
        << QByteArray("PUT") << ws << QByteArray("[1]") << json << 422
        << "request body: expected a JSON object (the websocket distributor configuration)";
    QTest::newRow("invalid (enable)")
        << QByteArray("PUT") << ws << QByteArray("{\"port\": 70000}") << json << 400
        << "Invalid websocket configuration: WebSocket distributor requires valid port (1-65535)";
    QTest::newRow("invalid (reconfigure)")
        << QByteArray("PUT") << "/api/sessions/s1/distributors/udp" << QByteArray("{\"port\": 0}")
        << json << 400
        << "Invalid udp configuration: UDP distributor requires valid port (1-65535)";
    QTest::newRow("replace=maybe")
        << QByteArray("PUT") << "/api/sessions/s1/distributors/udp?replace=maybe"
        << QByteArray("{}") << json << 400 << "replace: expected true or false, got \"maybe\"";
    QTest::newRow("text/plain") << QByteArray("PUT") << ws << QByteArray("{}")
                                << QByteArray("text/plain") << 415
                                << "Content-Type: expected application/json, got text/plain";
}

void TestControlApiDistributors::distributorRejections() {
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(int, status);
    QFETCH(QString, error);
    expectRefusal(method, path, body, contentType, status, error);
}

void TestControlApiDistributors::portCollisionIs409() {
    const quint16 taken = TestSupport::freeTcpPort();
    const ApiResponse s2 = m_client->post(
        QStringLiteral("/api/sessions"),
        sessionBody(QStringLiteral("s2"), {{QStringLiteral("websocket"), webSocketConfig(taken)}}));
    QCOMPARE(s2.status, 201);
    expectRefusal("PUT", QStringLiteral("/api/sessions/s1/distributors/websocket"),
                  toJson(QJsonObject{{QStringLiteral("port"), taken}}), "application/json", 409,
                  QStringLiteral("websocket: port %1 already in use by session s2").arg(taken));
}

void TestControlApiDistributors::connectFailureIs502() {
    // A broker port nobody listens on: the connection is refused.
    const QJsonObject mqtt{{QStringLiteral("broker"),
                            QStringLiteral("mqtt://127.0.0.1:%1").arg(TestSupport::freeTcpPort())}};
    const QByteArray before = engineState(*m_manager);
    const ApiResponse response =
        m_client->put(QStringLiteral("/api/sessions/s1/distributors/mqtt"), mqtt);
    QCOMPARE(response.status, 502);
    QVERIFY(response.isErrorShape());
    QVERIFY2(response.error().startsWith(QStringLiteral("Failed to connect mqtt distributor")),
             qPrintable(response.error()));
    QCOMPARE(engineState(*m_manager), before);
}

void TestControlApiDistributors::routingReplaceAndMerge() {
    const QString path = QStringLiteral("/api/sessions/s1/routing");
    const ApiResponse replaced =
        m_client->put(path, parse("{\"marker\": [\"sse\", \"udp_s1\"], \"pupil\": [\"udp\"]}"));
    QCOMPARE(replaced.status, 200);
    QCOMPARE(replaced.json().value(QStringLiteral("accepted")).toArray(),
             parse("{\"a\": [{\"event\": \"marker\", \"distributor\": \"udp\"},"
                   "{\"event\": \"pupil\", \"distributor\": \"udp\"}]}")
                 .value(QStringLiteral("a"))
                 .toArray());
    QCOMPARE(replaced.json().value(QStringLiteral("skipped")).toArray(),
             parse("{\"s\": [{\"event\": \"marker\", \"distributor\": \"sse\", "
                   "\"reason\": \"inactive\"}]}")
                 .value(QStringLiteral("s"))
                 .toArray());
    QCOMPARE(replaced.json().value(QStringLiteral("eventRouting")).toObject(),
             parse("{\"marker\": [\"sse\", \"udp\"], \"pupil\": [\"udp\"]}"));
    const Session *session = m_manager->getSession(QStringLiteral("s1"));
    QCOMPARE(session->router().routing().events(),
             (QStringList{QStringLiteral("marker"), QStringLiteral("pupil")})); // gaze replaced

    const ApiResponse dropping = m_client->put(
        path, parse("{\"eventRouting\": {\"gaze\": [\"udp\"]}, \"unroutedPolicy\": \"drop\"}"));
    QCOMPARE(dropping.status, 200);
    QCOMPARE(dropping.json().value(QStringLiteral("unroutedPolicy")).toString(),
             QStringLiteral("drop"));
    QCOMPARE(session->router().routing().events(), QStringList{QStringLiteral("gaze")});

    const ApiResponse merged = m_client->patch(path, parse("{\"marker\": [\"udp\"]}"));
    QCOMPARE(merged.status, 200);
    QCOMPARE(session->router().routing().events(),
             (QStringList{QStringLiteral("gaze"), QStringLiteral("marker")}));
    QCOMPARE(session->router().policy(), UnroutedPolicy::Drop);

    const ApiResponse policyOnly =
        m_client->patch(path, parse("{\"unroutedPolicy\": \"broadcast\"}"));
    QCOMPARE(policyOnly.status, 200);
    QCOMPARE(session->router().policy(), UnroutedPolicy::Broadcast);
    QCOMPARE(session->router().routing().events(),
             (QStringList{QStringLiteral("gaze"), QStringLiteral("marker")}));
}

void TestControlApiDistributors::routingRejections_data() {
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("error");

    const QString path = QStringLiteral("/api/sessions/s1/routing");
    const QByteArray json = "application/json";
    QTest::newRow("unknown type")
        << QByteArray("PUT") << path << QByteArray("{\"gaze\": [\"udp\", \"pigeon\"]}") << json
        << 422
        << "eventRouting.gaze[1]: unknown distributor type \"pigeon\" (expected one of http, "
           "websocket, mqtt, udp, sse)";
    QTest::newRow("other session's name")
        << QByteArray("PATCH") << path << QByteArray("{\"gaze\": [\"udp_s2\"]}") << json << 422
        << "eventRouting.gaze[0]: unknown distributor type \"udp_s2\" (expected one of http, "
           "websocket, mqtt, udp, sse)";
    QTest::newRow("not an array") << QByteArray("PUT") << path << QByteArray("{\"gaze\": \"udp\"}")
                                  << json << 422
                                  << "eventRouting.gaze: expected an array of distributor types";
    QTest::newRow("not a name") << QByteArray("PATCH") << path << QByteArray("{\"gaze\": [1]}")
                                << json << 422
                                << "eventRouting.gaze[0]: expected a distributor type name";
    QTest::newRow("bad policy") << QByteArray("PUT") << path
                                << QByteArray("{\"eventRouting\": {}, \"unroutedPolicy\": \"x\"}")
                                << json << 422
                                << "unroutedPolicy: expected \"broadcast\" or \"drop\"";
    QTest::newRow("unknown key") << QByteArray("PUT") << path
                                 << QByteArray("{\"eventRouting\": {}, \"extra\": 1}") << json
                                 << 422
                                 << "extra: unknown key (expected eventRouting or unroutedPolicy)";
    QTest::newRow("PUT without table")
        << QByteArray("PUT") << path << QByteArray("{\"unroutedPolicy\": \"drop\"}") << json << 422
        << "eventRouting: required, because PUT replaces the whole table (PATCH changes parts of "
           "it)";
    QTest::newRow("table not an object")
        << QByteArray("PATCH") << path << QByteArray("{\"eventRouting\": []}") << json << 422
        << "eventRouting: expected an object of event names";
    QTest::newRow("malformed") << QByteArray("PUT") << path << QByteArray("{\"gaze\" [") << json
                               << 400
                               << "request body:1:10: not valid JSON: missing name separator";
    QTest::newRow("array body") << QByteArray("PUT") << path << QByteArray("[]") << json << 422
                                << "request body: expected a JSON object (a routing table)";
    QTest::newRow("text/plain") << QByteArray("PATCH") << path << QByteArray("{}")
                                << QByteArray("text/plain") << 415
                                << "Content-Type: expected application/json, got text/plain";
    QTest::newRow("unknown session") << QByteArray("PUT") << "/api/sessions/nope/routing"
                                     << QByteArray("{}") << json << 404 << "Session nope not found";
}

void TestControlApiDistributors::routingRejections() {
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(int, status);
    QFETCH(QString, error);
    expectRefusal(method, path, body, contentType, status, error);
}

void TestControlApiDistributors::eventsAsObjectArrayAndNdjson() {
    const QString path = QStringLiteral("/api/sessions/s1/events");
    const ApiResponse one = m_client->post(
        path, parse("{\"event\": \"gaze\", \"data\": {\"x\": 0.5}, \"timestamp\": 12345}"));
    QCOMPARE(one.status, 202);
    QCOMPARE(one.json(), parse("{\"accepted\": 1, \"firstSeq\": 1, \"lastSeq\": 1}"));
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->count(), 1, 5000);
    const QJsonObject envelope = m_receiver->envelopes().first();
    QCOMPARE(envelope.value(QStringLiteral("event")).toString(), QStringLiteral("gaze"));
    QCOMPARE(envelope.value(QStringLiteral("seq")).toInt(), 1);
    QCOMPARE(envelope.value(QStringLiteral("data")).toObject(), parse("{\"x\": 0.5}"));
    QCOMPARE(envelope.value(QStringLiteral("metadata"))
                 .toObject()
                 .value(QStringLiteral("sourceTimestamp"))
                 .toDouble(),
             12345.0);
    // The envelope's own timestamp is the time the event entered the session.
    QVERIFY(envelope.value(QStringLiteral("timestamp")).toDouble() > 1.6e12);

    const ApiResponse array =
        m_client->send("POST", path,
                       "[{\"event\": \"a\", \"data\": 1}, {\"event\": \"b\", \"data\": null}, "
                       "{\"event\": \"c\", \"data\": [1, 2]}]",
                       "application/json; charset=utf-8");
    QCOMPARE(array.status, 202);
    QCOMPARE(array.json(), parse("{\"accepted\": 3, \"firstSeq\": 2, \"lastSeq\": 4}"));

    const ApiResponse ndjson = m_client->send(
        "POST", path, "{\"event\": \"d\", \"data\": 1}\r\n\n{\"event\": \"e\", \"data\": 2}\n",
        "application/x-ndjson");
    QCOMPARE(ndjson.status, 202);
    QCOMPARE(ndjson.json(), parse("{\"accepted\": 2, \"firstSeq\": 5, \"lastSeq\": 6}"));
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->count(), 6, 5000);
    QCOMPARE(m_receiver->events(),
             (QStringList{QStringLiteral("gaze"), QStringLiteral("a"), QStringLiteral("b"),
                          QStringLiteral("c"), QStringLiteral("d"), QStringLiteral("e")}));
}

void TestControlApiDistributors::eventRejections_data() {
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("error");

    const QString path = QStringLiteral("/api/sessions/s1/events");
    const QByteArray json = "application/json";
    const QByteArray ndjson = "application/x-ndjson";
    QTest::newRow("one bad event of four")
        << path
        << QByteArray("[{\"event\": \"a\", \"data\": 1}, {\"event\": \"b\", \"data\": 1}, "
                      "{\"event\": \"c\", \"data\": 1}, {\"event\": \"\", \"data\": 1}]")
        << json << 422 << "events[3].event: expected a non-empty string";
    QTest::newRow("item not an object")
        << path << QByteArray("[{\"event\": \"a\", \"data\": 1}, 5]") << json << 422
        << "events[1]: expected an event object, got a number";
    QTest::newRow("no data") << path << QByteArray("{\"event\": \"a\"}") << json << 422
                             << "data: required (any JSON value)";
    QTest::newRow("timestamp text")
        << path << QByteArray("{\"event\": \"a\", \"data\": 1, \"timestamp\": \"now\"}") << json
        << 422 << "timestamp: expected a non-negative number (epoch ms)";
    QTest::newRow("event name too long")
        << path << QByteArray("{\"event\": \"" + QByteArray(1025, 'n') + "\", \"data\": 1}") << json
        << 422 << "event: expected at most 1024 characters";
    QTest::newRow("empty array") << path << QByteArray("[]") << json << 422
                                 << "events: expected at least one event";
    QTest::newRow("scalar") << path << QByteArray("\"gaze\"") << json << 422
                            << "request body: expected an event object, got a string";
    QTest::newRow("malformed")
        << path << QByteArray("{\"event\": \"a\", \"data\": }") << json << 400
        << "request body:1:25: not valid JSON: object is missing after a comma";
    QTest::newRow("empty body") << path << QByteArray() << json << 400
                                << "request body:1:1: not valid JSON: illegal value";
    QTest::newRow("ndjson bad line")
        << path << QByteArray("{\"event\": \"a\", \"data\": 1}\n{\"event\": \"b\", \"data\": 1\n")
        << ndjson << 400 << "line 2, column 25: not valid JSON: invalid termination by number";
    QTest::newRow("ndjson wrong shape")
        << path << QByteArray("{\"event\": \"a\", \"data\": 1}\n\n{\"data\": 1}\n") << ndjson << 422
        << "line 3: event: expected a non-empty string";
    QTest::newRow("ndjson array line")
        << path << QByteArray("[{\"event\": \"a\", \"data\": 1}]\n") << ndjson << 422
        << "line 1: expected an event object, got an array";
    QTest::newRow("text/plain") << path << QByteArray("{\"event\": \"a\", \"data\": 1}")
                                << QByteArray("text/plain") << 415
                                << "Content-Type: expected application/json or "
                                   "application/x-ndjson, got text/plain";
    QTest::newRow("unknown session")
        << QStringLiteral("/api/sessions/nope/events")
        << QByteArray("{\"event\": \"a\", \"data\": 1}") << json << 404 << "Session nope not found";
}

void TestControlApiDistributors::eventRejections() {
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(int, status);
    QFETCH(QString, error);
    expectRefusal("POST", path, body, contentType, status, error);
    if (QTest::currentTestFailed())
        return;
    // All or nothing: a following good event is the first the receiver sees.
    const ApiResponse good = m_client->post(QStringLiteral("/api/sessions/s1/events"),
                                            parse("{\"event\": \"ok\", \"data\": 1}"));
    QCOMPARE(good.json().value(QStringLiteral("firstSeq")).toInt(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->count(), 1, 5000);
    QCOMPARE(m_receiver->events(), QStringList{QStringLiteral("ok")});
}

QTEST_GUILESS_MAIN(TestControlApiDistributors)
#include "tst_controlapidistributors.moc"
