// The control API's view into delivery, in process against a real SessionManager with real UDP
// and WebSocket distributors on loopback: delivery probes switched per distributor type, the
// session snapshot (counters, probe numbers, synthetic and recording state), and the 405
// answers of every path the input and probe endpoints added.
#include "apitestclient.h"
#include "apitesthelpers.h"
#include "controlapiserver.h"
#include "testsupport.h"

#include <QtTest>

#include <memory>

namespace {

const QString Snapshot = QStringLiteral("/api/sessions/s1/snapshot");
const QString WebSocketProbe = QStringLiteral("/api/sessions/s1/distributors/websocket/probe");

QJsonObject distributorIn(const QJsonObject &snapshot, const QString &type) {
    for (const QJsonValue &value : snapshot.value(QStringLiteral("distributors")).toArray()) {
        if (value.toObject().value(QStringLiteral("type")).toString() == type)
            return value.toObject();
    }
    return {};
}

QJsonObject ingestEvent(const QString &name, int data) {
    return {{QStringLiteral("event"), name}, {QStringLiteral("data"), data}};
}

} // namespace

class TestControlApiProbes : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void probeOnAndOff();
    void probeRejections_data();
    void probeRejections();
    void snapshotShowsCountersAndInputs();
    void snapshotOfUnknownSession();
    void wrongMethod_data();
    void wrongMethod();

private:
    QJsonObject probeIn(const QString &type);
    bool anyProbeEnabled() const;

    std::unique_ptr<SessionManager> m_manager;
    std::unique_ptr<ControlApiServer> m_server;
    std::unique_ptr<ApiTestClient> m_client;
    std::unique_ptr<UdpReceiver> m_receiver;
};

void TestControlApiProbes::init() {
    m_manager = std::make_unique<SessionManager>();
    m_receiver = std::make_unique<UdpReceiver>();
    ControlApiOptions options;
    options.port = 0;
    m_server = std::make_unique<ControlApiServer>(m_manager.get(), options);
    QCOMPARE(m_server->listen(), QString());
    m_client = std::make_unique<ApiTestClient>(m_server->serverPort());
    // s1 runs UDP (to the receiver) and a WebSocket server, whose probe is a client of it.
    const ApiResponse created = m_client->post(
        QStringLiteral("/api/sessions"),
        sessionBody(QStringLiteral("s1"),
                    {{QStringLiteral("udp"), udpConfig(*m_receiver)},
                     {QStringLiteral("websocket"), webSocketConfig(TestSupport::freeTcpPort())}}));
    QVERIFY2(created.status == 201, created.body.constData());
}

void TestControlApiProbes::cleanup() {
    m_server.reset();
    QFuture<bool> closed = m_manager->cleanup();
    QTRY_VERIFY_WITH_TIMEOUT(closed.isFinished(), 10000);
    m_client.reset();
    m_manager.reset();
    m_receiver.reset();
}

// The probe numbers as GET /snapshot reports them.
QJsonObject TestControlApiProbes::probeIn(const QString &type) {
    const ApiResponse response = m_client->get(Snapshot);
    return distributorIn(response.json(), type).value(QStringLiteral("probe")).toObject();
}

bool TestControlApiProbes::anyProbeEnabled() const {
    const EngineSnapshot engine = m_manager->snapshot();
    for (const SessionSnapshot &session : engine.sessions) {
        for (const DistributorSnapshot &distributor : session.distributors) {
            if (distributor.probe.enabled)
                return true;
        }
    }
    return false;
}

void TestControlApiProbes::probeOnAndOff() {
    const ApiResponse on =
        m_client->put(WebSocketProbe, QJsonObject{{QStringLiteral("enabled"), true}});
    QVERIFY2(on.status == 200, on.body.constData());
    QCOMPARE(on.json().value(QStringLiteral("sessionId")).toString(), QStringLiteral("s1"));
    QCOMPARE(on.json().value(QStringLiteral("type")).toString(), QStringLiteral("websocket"));
    QCOMPARE(on.json().value(QStringLiteral("probe")).toObject().value(QStringLiteral("enabled")),
             QJsonValue(true));

    QTRY_VERIFY_WITH_TIMEOUT(
        probeIn(QStringLiteral("websocket")).value(QStringLiteral("connected")).toBool(), 5000);
    QJsonArray batch;
    for (int i = 0; i < 10; ++i)
        batch.append(ingestEvent(QStringLiteral("gaze"), i));
    QCOMPARE(m_client->post(QStringLiteral("/api/sessions/s1/events"), batch).status, 202);
    QTRY_COMPARE_WITH_TIMEOUT(
        probeIn(QStringLiteral("websocket")).value(QStringLiteral("received")).toInt(), 10, 5000);
    const QJsonObject probe = probeIn(QStringLiteral("websocket"));
    QCOMPARE(probe.value(QStringLiteral("lost")).toInt(), 0);
    QCOMPARE(probe.value(QStringLiteral("lastSeq")).toInt(), 10);
    // The UDP probe was not asked for.
    QCOMPARE(probeIn(QStringLiteral("udp")).value(QStringLiteral("enabled")), QJsonValue(false));

    // Off, the probe keeps showing what it measured.
    const ApiResponse off =
        m_client->put(WebSocketProbe, QJsonObject{{QStringLiteral("enabled"), false}});
    QCOMPARE(off.status, 200);
    const QJsonObject stopped = off.json().value(QStringLiteral("probe")).toObject();
    QCOMPARE(stopped.value(QStringLiteral("enabled")), QJsonValue(false));
    QCOMPARE(stopped.value(QStringLiteral("received")).toInt(), 10);
    QVERIFY(!anyProbeEnabled());
}

void TestControlApiProbes::probeRejections_data() {
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("error");

    const QByteArray json = "application/json";
    const QByteArray on = "{\"enabled\": true}";
    const QString rule = QStringLiteral("enabled: expected true or false");
    QTest::newRow("unknown session") << "/api/sessions/nope/distributors/websocket/probe" << on
                                     << json << 404 << "Session nope not found";
    QTest::newRow("unknown type") << "/api/sessions/s1/distributors/fax/probe" << on << json << 404
                                  << "Unknown distributor type: fax";
    QTest::newRow("type not configured") << "/api/sessions/s1/distributors/mqtt/probe" << on << json
                                         << 404 << "mqtt is not configured in session s1";
    QTest::newRow("empty body") << WebSocketProbe << QByteArray() << QByteArray() << 422 << rule;
    QTest::newRow("no enabled") << WebSocketProbe << QByteArray("{}") << json << 422 << rule;
    QTest::newRow("enabled text") << WebSocketProbe << QByteArray("{\"enabled\": \"yes\"}") << json
                                  << 422 << rule;
    QTest::newRow("enabled 1") << WebSocketProbe << QByteArray("{\"enabled\": 1}") << json << 422
                               << rule;
    QTest::newRow("enabled null") << WebSocketProbe << QByteArray("{\"enabled\": null}") << json
                                  << 422 << rule;
    QTest::newRow("unknown key") << WebSocketProbe
                                 << QByteArray("{\"enabled\": true, \"interval\": 5}") << json
                                 << 422 << "interval: unknown key (known keys: enabled)";
    QTest::newRow("not an object") << WebSocketProbe << QByteArray("[true]") << json << 422
                                   << "request body: expected a JSON object ({\"enabled\": true "
                                      "or false})";
    QTest::newRow("malformed") << WebSocketProbe << QByteArray("{\"enabled\": tru}") << json << 400
                               << "request body:1:*";
    QTest::newRow("wrong content type")
        << WebSocketProbe << on << QByteArray("text/plain") << 415
        << "Content-Type: expected application/json, got text/plain";
}

void TestControlApiProbes::probeRejections() {
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(int, status);
    QFETCH(QString, error);
    const QByteArray before = engineState(*m_manager);
    const ApiResponse response = m_client->send("PUT", path, body, contentType);
    QVERIFY2(response.status == status, response.body.constData());
    QVERIFY(response.isErrorShape());
    QVERIFY2(errorMatches(response.error(), error), qPrintable(response.error()));
    QCOMPARE(engineState(*m_manager), before);
    QVERIFY(!anyProbeEnabled());
}

void TestControlApiProbes::snapshotShowsCountersAndInputs() {
    QCOMPARE(m_client
                 ->post(QStringLiteral("/api/sessions/s1/events"),
                        QJsonArray{ingestEvent(QStringLiteral("gaze"), 1),
                                   ingestEvent(QStringLiteral("gaze"), 2),
                                   ingestEvent(QStringLiteral("marker"), 3)})
                 .status,
             202);
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->count(), 3, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(distributorIn(m_client->get(Snapshot).json(), QStringLiteral("udp"))
                                  .value(QStringLiteral("sent"))
                                  .toInt(),
                              3, 5000);
    const ApiResponse response = m_client->get(Snapshot);
    QCOMPARE(response.status, 200);
    const QJsonObject snapshot = response.json();
    QCOMPARE(snapshot.value(QStringLiteral("sessionId")).toString(), QStringLiteral("s1"));
    QCOMPARE(snapshot.value(QStringLiteral("eventsIn")).toInt(), 3);
    QVERIFY(snapshot.value(QStringLiteral("eventsPerSecond")).isDouble());
    const QJsonObject udp = distributorIn(snapshot, QStringLiteral("udp"));
    QCOMPARE(udp.value(QStringLiteral("active")), QJsonValue(true));
    QCOMPARE(udp.value(QStringLiteral("routed")).toInt(), 3);
    QVERIFY(udp.value(QStringLiteral("probe")).isObject());
    QVERIFY(!distributorIn(snapshot, QStringLiteral("websocket")).isEmpty());
    const QJsonObject synthetic = snapshot.value(QStringLiteral("synthetic")).toObject();
    QCOMPARE(synthetic.value(QStringLiteral("running")), QJsonValue(false));
    QCOMPARE(snapshot.value(QStringLiteral("recording")).toObject().value(QStringLiteral("active")),
             QJsonValue(false));

    // The snapshot is taken when asked: a source started just before shows at once.
    const QString path = QStringLiteral("/api/sessions/s1/synthetic");
    QCOMPARE(m_client->post(path, QJsonObject{{QStringLiteral("mode"), QStringLiteral("parity")}})
                 .status,
             200);
    const QJsonObject running =
        m_client->get(Snapshot).json().value(QStringLiteral("synthetic")).toObject();
    QCOMPARE(running.value(QStringLiteral("running")), QJsonValue(true));
    QCOMPARE(running.value(QStringLiteral("mode")).toString(), QStringLiteral("parity"));
    QCOMPARE(m_client->del(path).status, 200);
}

void TestControlApiProbes::snapshotOfUnknownSession() {
    const ApiResponse response = m_client->get(QStringLiteral("/api/sessions/nope/snapshot"));
    QCOMPARE(response.status, 404);
    QVERIFY(response.isErrorShape());
    QCOMPARE(response.error(), QStringLiteral("Session nope not found"));
}

void TestControlApiProbes::wrongMethod_data() {
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("allow");

    QTest::newRow("GET synthetic")
        << QByteArray("GET") << "/api/sessions/s1/synthetic" << QByteArray("POST, DELETE");
    QTest::newRow("PUT recording")
        << QByteArray("PUT") << "/api/sessions/s1/recording" << QByteArray("POST, DELETE");
    QTest::newRow("GET replay") << QByteArray("GET") << "/api/sessions/s1/replay"
                                << QByteArray("POST, DELETE");
    QTest::newRow("GET probe") << QByteArray("GET") << WebSocketProbe << QByteArray("PUT");
    QTest::newRow("DELETE probe") << QByteArray("DELETE") << WebSocketProbe << QByteArray("PUT");
    QTest::newRow("POST snapshot") << QByteArray("POST") << Snapshot << QByteArray("GET");
}

void TestControlApiProbes::wrongMethod() {
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, allow);
    const QByteArray before = engineState(*m_manager);
    const ApiResponse response = m_client->send(method, path, "{\"enabled\": true}");
    QCOMPARE(response.status, 405);
    QVERIFY(response.isErrorShape());
    QCOMPARE(response.header("allow"), allow);
    QCOMPARE(engineState(*m_manager), before);
    QVERIFY(!anyProbeEnabled());
}

QTEST_GUILESS_MAIN(TestControlApiProbes)
#include "tst_controlapiprobes.moc"
