// DemoSetup with and without an MQTT broker: the session config it builds (distributors, ports,
// routing, what is enabled), the hint for a missing broker, and the whole demo delivering to
// its probes the way the engine owner will run it.
#include "configmanager.h"
#include "demosetup.h"
#include "httpdistributor.h"
#include "localhttpsink.h"
#include "mosquittobroker.h"
#include "mqttdistributor.h"
#include "probetesthelpers.h"
#include "ssedistributor.h"
#include "udpdistributor.h"
#include "websocketdistributor.h"

#include <QJsonArray>
#include <QTcpServer>
#include <QUdpSocket>

#include <map>
#include <memory>

using namespace ProbeTest;

namespace {

quint16 closedPort() {
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

bool runDemo(DemoSetup &demo) {
    QSignalSpy ready(&demo, &DemoSetup::ready);
    demo.start();
    if (demo.isReady())
        return false; // ready() must never be synchronous
    return ready.wait(5000) && demo.isReady();
}

bool tcpPortFree(quint16 port) {
    QTcpServer server;
    return server.listen(QHostAddress::LocalHost, port);
}

} // namespace

class TestDemoSetup : public QObject {
    Q_OBJECT

private slots:
    void withoutBroker();
    void withBroker();
    void preferredPortsUsedWhenFree();
    void takenPreferredPortsAreReplaced();
    void routingTable();
    void configPassesValidation();
    void demoDeliversToEveryProbe();
};

void TestDemoSetup::withoutBroker() {
    const quint16 port = closedPort();
    DemoSetup demo;
    demo.setMqttBroker(QStringLiteral("127.0.0.1"), port);
    QVERIFY(runDemo(demo));
    const DemoConfig &result = demo.result();
    QVERIFY(!result.mqttAvailable);
    QCOMPARE(result.hints.value(QStringLiteral("mqtt")),
             QStringLiteral("No MQTT broker on 127.0.0.1:%1 — start one with: mosquitto -p %1")
                 .arg(port));
    QVERIFY(!result.hints.contains(QStringLiteral("http")));
    const SessionConfig &config = result.config;
    QCOMPARE(config.sessionId, QStringLiteral("demo"));
    QVERIFY(config.distributors.contains(QStringLiteral("mqtt"))); // configured, not enabled
    QCOMPARE(config.enabledTypes(), QStringList({QStringLiteral("websocket"), QStringLiteral("sse"),
                                                 QStringLiteral("udp"), QStringLiteral("http")}));
    QCOMPARE(config.distributors.value(QStringLiteral("mqtt")).value(QStringLiteral("broker")),
             QJsonValue(QStringLiteral("mqtt://127.0.0.1:%1").arg(port)));
}

void TestDemoSetup::withBroker() {
    MosquittoBroker broker;
    QVERIFY2(broker.start(), qPrintable(broker.error()));
    DemoSetup demo;
    demo.setMqttBroker(QStringLiteral("127.0.0.1"), broker.port());
    QVERIFY(runDemo(demo));
    const DemoConfig &result = demo.result();
    QVERIFY(result.mqttAvailable);
    QVERIFY(result.hints.isEmpty());
    QCOMPARE(result.config.enabledTypes(),
             QStringList({QStringLiteral("websocket"), QStringLiteral("sse"), QStringLiteral("udp"),
                          QStringLiteral("http"), QStringLiteral("mqtt")}));
    QCOMPARE(
        result.config.distributors.value(QStringLiteral("mqtt")).value(QStringLiteral("broker")),
        QJsonValue(broker.url()));

    // Every listening port is free for the session, the HTTP target is served, and the four
    // ports differ.
    QVERIFY(tcpPortFree(result.webSocketPort));
    QVERIFY(tcpPortFree(result.ssePort));
    QUdpSocket udp;
    QVERIFY(udp.bind(QHostAddress::LocalHost, result.udpPort, QAbstractSocket::DontShareAddress));
    udp.close();
    QVERIFY(demo.httpSink());
    QVERIFY(demo.httpSink()->isListening());
    QCOMPARE(demo.httpSink()->serverPort(), result.httpPort);
    QVERIFY(!tcpPortFree(result.httpPort));
    QCOMPARE(QSet<quint16>({result.webSocketPort, result.ssePort, result.httpPort}).size(), 3);

    const DistributorConfigMap &distributors = result.config.distributors;
    QCOMPARE(distributors.types(),
             QStringList({QStringLiteral("websocket"), QStringLiteral("sse"), QStringLiteral("udp"),
                          QStringLiteral("http"), QStringLiteral("mqtt")}));
    const QJsonObject ws = distributors.value(QStringLiteral("websocket"));
    QCOMPARE(ws.value(QStringLiteral("host")).toString(), QStringLiteral("127.0.0.1"));
    QCOMPARE(ws.value(QStringLiteral("port")).toInt(), result.webSocketPort);
    QCOMPARE(distributors.value(QStringLiteral("sse")).value(QStringLiteral("port")).toInt(),
             result.ssePort);
    const QJsonArray udpTargets =
        distributors.value(QStringLiteral("udp")).value(QStringLiteral("targets")).toArray();
    QCOMPARE(udpTargets.size(), 1);
    QCOMPARE(udpTargets.first().toObject().value(QStringLiteral("host")).toString(),
             QStringLiteral("127.0.0.1"));
    QCOMPARE(udpTargets.first().toObject().value(QStringLiteral("port")).toInt(), result.udpPort);
    QCOMPARE(distributors.value(QStringLiteral("http")).value(QStringLiteral("baseUrl")).toString(),
             QStringLiteral("http://127.0.0.1:%1").arg(result.httpPort));
}

void TestDemoSetup::preferredPortsUsedWhenFree() {
    const quint16 ws = closedPort();
    quint16 sse = closedPort();
    while (sse == ws) // the system may hand out a just-closed port again
        sse = closedPort();
    DemoSetup demo;
    demo.setMqttBroker(QStringLiteral("127.0.0.1"), closedPort());
    demo.setPreferredPorts(ws, sse);
    QVERIFY(runDemo(demo));
    QCOMPARE(demo.result().webSocketPort, ws);
    QCOMPARE(demo.result().ssePort, sse);
}

void TestDemoSetup::takenPreferredPortsAreReplaced() {
    QTcpServer takenWs;
    QTcpServer takenSse;
    QVERIFY(takenWs.listen(QHostAddress::LocalHost, 0));
    QVERIFY(takenSse.listen(QHostAddress::AnyIPv4, 0));
    DemoSetup demo;
    demo.setMqttBroker(QStringLiteral("127.0.0.1"), closedPort());
    demo.setPreferredPorts(takenWs.serverPort(), takenSse.serverPort());
    QVERIFY(runDemo(demo));
    const DemoConfig &result = demo.result();
    QVERIFY(result.webSocketPort != 0 && result.webSocketPort != takenWs.serverPort());
    QVERIFY(result.ssePort != 0 && result.ssePort != takenSse.serverPort());
    QVERIFY(result.webSocketPort != result.ssePort);
    QVERIFY(tcpPortFree(result.webSocketPort));
    QVERIFY(tcpPortFree(result.ssePort));
}

void TestDemoSetup::routingTable() {
    const EventRouting routing = DemoSetup::routing();
    const QStringList gaze{QStringLiteral("udp"), QStringLiteral("websocket"),
                           QStringLiteral("sse")};
    const QStringList events{QStringLiteral("http"), QStringLiteral("mqtt"),
                             QStringLiteral("websocket")};
    const QStringList status{QStringLiteral("http"), QStringLiteral("sse"), QStringLiteral("mqtt")};
    QCOMPARE(routing.typesFor(QStringLiteral("neon_gaze_data")), gaze);
    QCOMPARE(routing.typesFor(QStringLiteral("neon_pupil_data")),
             QStringList({QStringLiteral("websocket"), QStringLiteral("mqtt")}));
    QCOMPARE(routing.typesFor(QStringLiteral("neon_blink")), events);
    QCOMPARE(routing.typesFor(QStringLiteral("neon_fixation")), events);
    QCOMPARE(routing.typesFor(QStringLiteral("neon_saccade")), events);
    QCOMPARE(routing.typesFor(QStringLiteral("neon_device_status")), status);
    QCOMPARE(routing.typesFor(QStringLiteral("neon_quality_metrics")), status);
    QCOMPARE(routing.typesFor(EventRouting::Wildcard), QStringList{QStringLiteral("websocket")});
    QCOMPARE(routing.size(), 8);
}

void TestDemoSetup::configPassesValidation() {
    DemoSetup demo;
    demo.setMqttBroker(QStringLiteral("127.0.0.1"), closedPort());
    QVERIFY(runDemo(demo));
    ConfigManager manager;
    const SessionValidation validation = manager.validateSessionConfig(demo.result().config);
    QVERIFY2(validation.valid, qPrintable(validation.errors.join(QStringLiteral("; "))));
    const Result<SessionConfig> created = manager.createSessionConfig(demo.result().config);
    QVERIFY2(created.ok(), qPrintable(created.error()));
    // No template: only the demo's own distributors.
    QCOMPARE(created.value().distributors.types(), demo.result().config.distributors.types());
}

void TestDemoSetup::demoDeliversToEveryProbe() {
    // The engine owner's part, done by hand: create each enabled distributor from its effective
    // config, start the probes first, route events by the demo's table, and see every probe
    // receive what was routed to its distributor.
    MosquittoBroker broker;
    QVERIFY2(broker.start(), qPrintable(broker.error()));
    DemoSetup demo;
    demo.setMqttBroker(QStringLiteral("127.0.0.1"), broker.port());
    QVERIFY(runDemo(demo));
    const SessionConfig &config = demo.result().config;

    std::map<QString, std::unique_ptr<Distributor>> distributors;
    std::map<QString, std::unique_ptr<DeliveryProbe>> probes;
    for (const QString &name : config.enabledTypes()) {
        const DistributorType type = *DistributorTypes::fromName(name);
        const QJsonObject effective = ProbeTest::config(type, config.distributors.value(name));
        probes[name] = demo.createProbe(type, effective);
        // The receivers first (the HTTP distributor's connect probe needs its sink), the
        // servers before their clients.
        const bool receiver = type == DistributorType::Http || type == DistributorType::Udp;
        if (receiver)
            QVERIFY2(startProbe(*probes[name]), qPrintable(name + u' ' + probes[name]->note()));
        switch (type) {
        case DistributorType::Http:
            distributors[name] = std::make_unique<HttpDistributor>(effective);
            break;
        case DistributorType::WebSocket:
            distributors[name] = std::make_unique<WebSocketDistributor>(effective);
            break;
        case DistributorType::Mqtt:
            distributors[name] = std::make_unique<MqttDistributor>(effective);
            break;
        case DistributorType::Udp:
            distributors[name] = std::make_unique<UdpDistributor>(effective);
            break;
        case DistributorType::Sse:
            distributors[name] = std::make_unique<SseDistributor>(effective);
            break;
        }
        QString error;
        QVERIFY2(startDistributor(*distributors[name], &error), qPrintable(name + u' ' + error));
        if (!receiver)
            QVERIFY2(startProbe(*probes[name]), qPrintable(name + u' ' + probes[name]->note()));
    }
    QCOMPARE(demo.createProbe(DistributorType::Http, {})->type(), DistributorType::Http);

    // One session's seqs, each event to the types its route names.
    const QStringList events{QStringLiteral("neon_gaze_data"), QStringLiteral("neon_pupil_data"),
                             QStringLiteral("neon_blink"), QStringLiteral("neon_device_status"),
                             QStringLiteral("neon_imu_data")};
    std::map<QString, quint64> routed;
    quint64 seq = 0;
    for (int round = 0; round < 20; ++round) {
        for (const QString &event : events) {
            const EnvelopePtr envelope = ProbeTest::envelope(++seq, event);
            QStringList types = config.eventRouting.typesFor(event);
            if (types.isEmpty())
                types = config.eventRouting.typesFor(EventRouting::Wildcard);
            for (const QString &type : std::as_const(types)) {
                send(*distributors.at(type), *probes.at(type), envelope);
                ++routed[type];
            }
        }
    }
    for (auto &[name, probe] : probes) {
        QTRY_COMPARE_WITH_TIMEOUT(probe->snapshot().received, routed[name], 10000);
        QCOMPARE(probe->snapshot().lost, 0u);
        QVERIFY(probe->snapshot().latencyP50Ms > 0);
    }
    QVERIFY(routed[QStringLiteral("websocket")] > routed[QStringLiteral("udp")]);
    probes.clear(); // the HTTP probe's sink belongs to the demo and keeps serving
    QVERIFY(demo.httpSink()->isListening());
}

QTEST_GUILESS_MAIN(TestDemoSetup)
#include "tst_demosetup.moc"
