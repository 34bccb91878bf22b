// The control API's general contract and the session endpoints, in process against a real
// SessionManager with real distributors on loopback: health, runtime, templates, create, list,
// status, close, export, and every refusal (400, 401, 404, 405, 409, 413, 415, 422), each
// checked to change nothing.
#include "apitestclient.h"
#include "apitesthelpers.h"
#include "controlapiserver.h"
#include "enginehost.h"
#include "testsupport.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QtTest>

#include <memory>

class TestControlApi : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void healthRuntimeAndTemplates();
    void sessionLifecycle();
    void createRejections_data();
    void createRejections();
    void exportOmitsSecrets();
    void unknownTargets_data();
    void unknownTargets();
    void wrongMethod_data();
    void wrongMethod();
    void bodyOverLimit();
    void defaultBodyLimitIsEightMiB();
    void tokenRequired();
    void listenFailures();
    void servesFromEngineThread();

private:
    void startServer(const ControlApiOptions &options);
    void createSession(const QJsonObject &body);

    std::unique_ptr<SessionManager> m_manager;
    std::unique_ptr<ControlApiServer> m_server;
    std::unique_ptr<ApiTestClient> m_client;
    std::unique_ptr<UdpReceiver> m_receiver;
    quint16 m_wsPort = 0;
};

void TestControlApi::startServer(const ControlApiOptions &options) {
    m_server = std::make_unique<ControlApiServer>(m_manager.get(), options);
    QCOMPARE(m_server->listen(), QString());
    QVERIFY(m_server->serverPort() > 0);
    m_client = std::make_unique<ApiTestClient>(m_server->serverPort(), options.token);
}

void TestControlApi::createSession(const QJsonObject &body) {
    const ApiResponse created = m_client->post(QStringLiteral("/api/sessions"), body);
    QCOMPARE(created.status, 201);
}

void TestControlApi::init() {
    m_manager = std::make_unique<SessionManager>();
    m_receiver = std::make_unique<UdpReceiver>();
    m_wsPort = TestSupport::freeTcpPort();
    ControlApiOptions options;
    options.port = 0;
    startServer(options);
    // Every test starts with s1: UDP to the receiver, and a WebSocket server on m_wsPort.
    createSession(sessionBody(QStringLiteral("s1"),
                              {{QStringLiteral("udp"), udpConfig(*m_receiver)},
                               {QStringLiteral("websocket"), webSocketConfig(m_wsPort)}}));
}

void TestControlApi::cleanup() {
    m_server.reset();
    QFuture<bool> closed = m_manager->cleanup();
    QTRY_VERIFY_WITH_TIMEOUT(closed.isFinished(), 10000);
    m_client.reset();
    m_manager.reset();
    m_receiver.reset();
}

void TestControlApi::healthRuntimeAndTemplates() {
    const ApiResponse health = m_client->get(QStringLiteral("/api/health"));
    QCOMPARE(health.status, 200);
    QCOMPARE(health.header("content-type"), QByteArray("application/json"));
    QCOMPARE(health.json().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    QCOMPARE(health.json().value(QStringLiteral("version")).toString(),
             QStringLiteral(LABRELAY_VERSION));
    QCOMPARE(health.json().value(QStringLiteral("sessions")).toInt(), 1);
    QVERIFY(health.json().value(QStringLiteral("uptime")).isDouble());
    QVERIFY(!health.json().contains(QStringLiteral("ingest"))); // no UDP ingest running

    const ApiResponse runtime = m_client->get(QStringLiteral("/api/runtime"));
    QCOMPARE(runtime.status, 200);
    QCOMPARE(runtime.json(), m_manager->configManager().getRuntimeInfo().toJson());

    const ApiResponse templates = m_client->get(QStringLiteral("/api/templates"));
    QCOMPARE(templates.status, 200);
    QStringList names;
    for (const QJsonValue &entry : templates.json().value(QStringLiteral("templates")).toArray())
        names.append(entry.toObject().value(QStringLiteral("name")).toString());
    QCOMPARE(names, m_manager->configManager().listTemplates());

    const ApiResponse local = m_client->get(QStringLiteral("/api/templates/local_testing"));
    QCOMPARE(local.status, 200);
    QCOMPARE(local.json().value(QStringLiteral("builtIn")).toBool(), true);
    QCOMPARE(local.json().value(QStringLiteral("types")).toArray(),
             (QJsonArray{QStringLiteral("http"), QStringLiteral("websocket")}));
    QVERIFY(local.json()
                .value(QStringLiteral("distributors"))
                .toObject()
                .contains(QStringLiteral("websocket")));
}

void TestControlApi::sessionLifecycle() {
    const quint16 port = TestSupport::freeTcpPort();
    const ApiResponse created =
        m_client->post(QStringLiteral("/api/sessions"),
                       sessionBody(QStringLiteral("study-2"),
                                   {{QStringLiteral("websocket"), webSocketConfig(port)}}));
    QVERIFY2(created.status == 201, created.body.constData());
    QCOMPARE(created.header("location"), QByteArray("/api/sessions/study-2"));
    QCOMPARE(created.json().value(QStringLiteral("sessionId")).toString(),
             QStringLiteral("study-2"));
    QCOMPARE(created.json().value(QStringLiteral("status")).toString(), QStringLiteral("active"));
    QCOMPARE(created.json().value(QStringLiteral("activeDistributors")).toArray(),
             QJsonArray{QStringLiteral("websocket")});
    QCOMPARE(created.json().value(QStringLiteral("startReport")).toArray().size(), 1);

    const ApiResponse list = m_client->get(QStringLiteral("/api/sessions"));
    QCOMPARE(list.status, 200);
    QCOMPARE(list.json().value(QStringLiteral("sessions")).toArray(), m_manager->listSessions());
    QCOMPARE(m_manager->sessionIds(),
             (QStringList{QStringLiteral("s1"), QStringLiteral("study-2")}));

    const ApiResponse status = m_client->get(QStringLiteral("/api/sessions/study-2"));
    QCOMPARE(status.status, 200);
    QCOMPARE(status.json().value(QStringLiteral("sessionId")).toString(),
             QStringLiteral("study-2"));
    QVERIFY(status.json().contains(QStringLiteral("health")));

    const ApiResponse exported = m_client->get(QStringLiteral("/api/sessions/study-2/export"));
    QCOMPARE(exported.status, 200);
    QCOMPARE(exported.header("content-type"), QByteArray("application/json"));
    QCOMPARE(exported.header("content-disposition"),
             QByteArray("attachment; filename=\"study-2.labrelay.json\""));
    const SessionConfigLoad reloaded =
        SessionConfigFile::parse(exported.body, QStringLiteral("export"));
    QVERIFY2(reloaded.ok(), qPrintable(reloaded.errors.join(QLatin1Char('\n'))));
    QCOMPARE(reloaded.config.distributors.types(), QStringList{QStringLiteral("websocket")});

    const ApiResponse closed = m_client->del(QStringLiteral("/api/sessions/study-2"));
    QCOMPARE(closed.status, 200);
    QCOMPARE(closed.json().value(QStringLiteral("closed")).toBool(), true);
    QCOMPARE(m_manager->sessionIds(), QStringList{QStringLiteral("s1")});
    QTcpServer probe; // the session's WebSocket port is free again
    QVERIFY(probe.listen(QHostAddress::LocalHost, port));
    QCOMPARE(m_client->get(QStringLiteral("/api/sessions/study-2")).status, 404);
}

void TestControlApi::createRejections_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("error");

    const QByteArray json = "application/json";
    QTest::newRow("malformed JSON") << QByteArray("{\"sessionId\": \"x\",") << json << 400
                                    << "request body:1:19: not valid JSON: unterminated object";
    QTest::newRow("array") << QByteArray("[]") << json << 422
                           << "request body: expected a JSON object (the session options)";
    QTest::newRow("scalar") << QByteArray("42") << json << 422
                            << "request body: expected a JSON object (the session options)";
    QTest::newRow("no sessionId") << QByteArray("{\"template\": null}") << json << 422
                                  << "sessionId: expected a non-empty string";
    QTest::newRow("numeric sessionId") << QByteArray("{\"sessionId\": 7}") << json << 422
                                       << "sessionId: expected a non-empty string";
    QTest::newRow("config not an object")
        << QByteArray("{\"sessionId\": \"x\", \"distributors\": {\"udp\": 5}}") << json << 422
        << "request body: distributors.udp: expected an object";
    QTest::newRow("invalid config")
        << QByteArray("{\"sessionId\": \"x\", \"template\": null, \"distributors\": "
                      "{\"udp\": {\"targets\": [\"127.0.0.1:9\"]}}}")
        << json << 400
        << "Invalid session configuration: udp: UDP distributor requires valid port (1-65535)";
    QTest::newRow("unknown template")
        << QByteArray("{\"sessionId\": \"x\", \"template\": \"nope\"}") << json << 400
        << "Configuration template not found: nope";
    QTest::newRow("duplicate id") << QByteArray("{\"sessionId\": \"s1\"}") << json << 409
                                  << "Session s1 already exists";
    QTest::newRow("port collision")
        << QByteArray("{\"sessionId\": \"x\", \"template\": null, \"distributors\": "
                      "{\"websocket\": {\"port\": PORT, \"host\": \"127.0.0.1\"}}}")
        << json << 409 << "websocket: port PORT already in use by session s1";
    QTest::newRow("text/plain") << QByteArray("{\"sessionId\": \"x\"}") << QByteArray("text/plain")
                                << 415 << "Content-Type: expected application/json, got text/plain";
    QTest::newRow("form") << QByteArray("sessionId=x")
                          << QByteArray("application/x-www-form-urlencoded") << 415
                          << "Content-Type: expected application/json, got "
                             "application/x-www-form-urlencoded";
}

void TestControlApi::createRejections() {
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(int, status);
    QFETCH(QString, error);
    body.replace("PORT", QByteArray::number(m_wsPort));
    error.replace(QStringLiteral("PORT"), QString::number(m_wsPort));

    const QByteArray before = engineState(*m_manager);
    const ApiResponse response =
        m_client->send("POST", QStringLiteral("/api/sessions"), body, contentType);
    QCOMPARE(response.status, status);
    QVERIFY(response.isErrorShape());
    QCOMPARE(response.error(), error);
    QVERIFY(!response.details().isEmpty() || status == 415);
    QCOMPARE(engineState(*m_manager), before);
}

void TestControlApi::exportOmitsSecrets() {
    const QJsonObject http{
        {QStringLiteral("baseUrl"), QStringLiteral("http://127.0.0.1:9")},
        {QStringLiteral("skipHealthCheck"), true},
        {QStringLiteral("headers"),
         QJsonObject{{QStringLiteral("Authorization"), QStringLiteral("Bearer literal-secret")}}}};
    createSession(sessionBody(QStringLiteral("s2"), {{QStringLiteral("http"), http}}));
    const ApiResponse exported = m_client->get(QStringLiteral("/api/sessions/s2/export"));
    QCOMPARE(exported.status, 200);
    QVERIFY(!exported.body.contains("literal-secret"));
    QCOMPARE(exported.header("x-labrelay-omitted-secrets"),
             QByteArray("distributors.http.headers.Authorization"));
}

void TestControlApi::unknownTargets_data() {
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("error");

    QTest::newRow("unknown path") << QByteArray("GET") << "/api/nope"
                                  << "No such endpoint: GET /api/nope";
    QTest::newRow("root") << QByteArray("GET") << "/"
                          << "No such endpoint: GET /";
    QTest::newRow("too deep") << QByteArray("GET") << "/api/sessions/s1/export/more"
                              << "No such endpoint: GET /api/sessions/s1/export/more";
    QTest::newRow("status") << QByteArray("GET") << "/api/sessions/nope"
                            << "Session nope not found";
    QTest::newRow("close") << QByteArray("DELETE") << "/api/sessions/nope"
                           << "Session nope not found";
    QTest::newRow("export") << QByteArray("GET") << "/api/sessions/nope/export"
                            << "Session nope not found";
    QTest::newRow("template") << QByteArray("GET") << "/api/templates/nope"
                              << "Configuration template not found: nope";
}

void TestControlApi::unknownTargets() {
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QString, error);
    const QByteArray before = engineState(*m_manager);
    const ApiResponse response = m_client->send(method, path);
    QCOMPARE(response.status, 404);
    QVERIFY(response.isErrorShape());
    QCOMPARE(response.error(), error);
    QCOMPARE(engineState(*m_manager), before);
}

void TestControlApi::wrongMethod_data() {
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("allow");

    QTest::newRow("POST health") << QByteArray("POST") << "/api/health" << QByteArray("GET");
    QTest::newRow("DELETE sessions")
        << QByteArray("DELETE") << "/api/sessions" << QByteArray("GET, POST");
    QTest::newRow("PUT session") << QByteArray("PUT") << "/api/sessions/s1"
                                 << QByteArray("GET, DELETE");
    QTest::newRow("POST export") << QByteArray("POST") << "/api/sessions/s1/export"
                                 << QByteArray("GET");
    QTest::newRow("GET routing") << QByteArray("GET") << "/api/sessions/s1/routing"
                                 << QByteArray("PUT, PATCH");
    QTest::newRow("GET events") << QByteArray("GET") << "/api/sessions/s1/events"
                                << QByteArray("POST");
    QTest::newRow("PATCH distributor")
        << QByteArray("PATCH") << "/api/sessions/s1/distributors/udp" << QByteArray("PUT, DELETE");
}

void TestControlApi::wrongMethod() {
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, allow);
    const QByteArray before = engineState(*m_manager);
    const ApiResponse response = m_client->send(method, path, "{}");
    QCOMPARE(response.status, 405);
    QVERIFY(response.isErrorShape());
    QCOMPARE(response.header("allow"), allow);
    QCOMPARE(engineState(*m_manager), before);
}

void TestControlApi::bodyOverLimit() {
    ControlApiOptions options;
    options.port = 0;
    options.bodyLimit = 1024;
    startServer(options);
    QJsonObject body = sessionBody(QStringLiteral("big"), {});
    body.insert(QStringLiteral("padding"), QString(2048, QLatin1Char('x')));
    const QByteArray before = engineState(*m_manager);
    const ApiResponse response = m_client->post(QStringLiteral("/api/sessions"), body);
    QCOMPARE(response.status, 413);
    QVERIFY(response.isErrorShape());
    QVERIFY(response.error().startsWith(QStringLiteral("request body: ")));
    QVERIFY(response.error().endsWith(QStringLiteral(" is over the limit of 1024 bytes")));
    QCOMPARE(engineState(*m_manager), before);
}

void TestControlApi::defaultBodyLimitIsEightMiB() {
    QCOMPARE(ControlApiOptions().bodyLimit, 8 * 1024 * 1024);
    QCOMPARE(ControlApiOptions().port, quint16(7380));
    QVERIFY(ControlApiOptions().bindAddress.isLoopback());
    const QByteArray before = engineState(*m_manager);
    QByteArray body(8 * 1024 * 1024 + 1, ' ');
    body.replace(0, 2, "[]");
    const ApiResponse response =
        m_client->send("POST", QStringLiteral("/api/sessions/s1/events"), body);
    QCOMPARE(response.status, 413);
    QCOMPARE(response.error(), QStringLiteral("request body: 8388609 bytes is over the limit of "
                                              "8388608 bytes"));
    QCOMPARE(engineState(*m_manager), before);
}

void TestControlApi::tokenRequired() {
    ControlApiOptions options;
    options.port = 0;
    options.token = QStringLiteral("s3cret-token");
    startServer(options);
    QSignalSpy refused(m_server.get(), &ControlApiServer::unauthorisedRequest);
    QCOMPARE(m_client->get(QStringLiteral("/api/health")).status, 200);

    const QByteArray before = engineState(*m_manager);
    m_client->setToken(QString());
    const ApiResponse missing =
        m_client->post(QStringLiteral("/api/sessions"), sessionBody(QStringLiteral("x"), {}));
    QCOMPARE(missing.status, 401);
    QVERIFY(missing.isErrorShape());
    QCOMPARE(missing.header("www-authenticate"), QByteArray("Bearer"));
    QCOMPARE(missing.error(), QStringLiteral("Authorization: a bearer token is required"));

    m_client->setToken(QStringLiteral("s3cret-tokeN"));
    const ApiResponse wrong = m_client->get(QStringLiteral("/api/sessions"));
    QCOMPARE(wrong.status, 401);
    QCOMPARE(wrong.error(), QStringLiteral("Authorization: the bearer token is not valid"));
    QVERIFY(!wrong.body.contains("s3cret"));

    m_client->setToken(QString());
    const ApiResponse basic =
        m_client->send("GET", QStringLiteral("/api/nope"), {}, {},
                       {{QByteArray("Authorization"), QByteArray("Basic czNjcmV0LXRva2Vu")}});
    QCOMPARE(basic.status, 401); // 401 before 404: no probing of paths without a token
    QCOMPARE(refused.count(), 3);
    QCOMPARE(refused.first().at(2).toString(), QStringLiteral("/api/sessions"));
    QCOMPARE(engineState(*m_manager), before);
}

void TestControlApi::listenFailures() {
    ControlApiOptions open;
    open.bindAddress = QHostAddress(QStringLiteral("0.0.0.0"));
    open.port = 0;
    ControlApiServer refused(m_manager.get(), open);
    QCOMPARE(refused.listen(),
             QStringLiteral("API token: required when the API is bound to 0.0.0.0, which is not "
                            "a loopback address (anyone on the network could control sessions)"));
    QVERIFY(!refused.isListening());

    ControlApiOptions busy;
    busy.port = m_server->serverPort(); // taken by the fixture's server
    ControlApiServer second(m_manager.get(), busy);
    const QString error = second.listen();
    QVERIFY2(error.startsWith(
                 QStringLiteral("Cannot listen on 127.0.0.1:%1: ").arg(m_server->serverPort())),
             qPrintable(error));
    QVERIFY(!second.isListening());
    QCOMPARE(second.serverPort(), quint16(0));

    ControlApiOptions noLimit;
    noLimit.port = 0;
    noLimit.bodyLimit = 0;
    QCOMPARE(ControlApiServer(m_manager.get(), noLimit).listen(),
             QStringLiteral("API body limit: expected a positive number of bytes"));
}

void TestControlApi::servesFromEngineThread() {
    // As in the window: the server is made inside the engine's worker thread and answers from
    // there, including the answers that wait for an engine future.
    EngineHost host;
    QFuture<quint16> port = host.invoke([](SessionManager &manager) {
        ControlApiOptions options;
        options.port = 0;
        auto *server = new ControlApiServer(&manager, options, &manager);
        return server->listen().isEmpty() ? server->serverPort() : quint16(0);
    });
    QTRY_VERIFY_WITH_TIMEOUT(port.isFinished(), 5000);
    QVERIFY(port.result() > 0);

    ApiTestClient client(port.result());
    UdpReceiver receiver;
    const ApiResponse created = client.post(
        QStringLiteral("/api/sessions"),
        sessionBody(QStringLiteral("worker"), {{QStringLiteral("udp"), udpConfig(receiver)}}));
    QCOMPARE(created.status, 201);
    QCOMPARE(client
                 .post(QStringLiteral("/api/sessions/worker/events"),
                       QJsonObject{{QStringLiteral("event"), QStringLiteral("gaze")},
                                   {QStringLiteral("data"), 1}})
                 .status,
             202);
    QTRY_COMPARE_WITH_TIMEOUT(receiver.count(), 1, 5000);
    QCOMPARE(client.del(QStringLiteral("/api/sessions/worker")).status, 200);
}

QTEST_GUILESS_MAIN(TestControlApi)
#include "tst_controlapi.moc"
