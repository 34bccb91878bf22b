// Every row of SPEC §1.4.1 with its boundaries, under LabRelay's strict types.
#include "configmanager.h"

#include <QJsonDocument>
#include <QtTest>

namespace {

QJsonObject json(const char *text) {
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

} // namespace

class TestConfigValidation : public QObject {
    Q_OBJECT

private slots:
    void distributorRules_data();
    void distributorRules();
    void failoverAlternativesAreValidated();
};

void TestConfigValidation::distributorRules_data() {
    QTest::addColumn<QString>("type");
    QTest::addColumn<QJsonObject>("config");
    QTest::addColumn<QStringList>("errors");
    QTest::addColumn<QStringList>("warnings");

    const QString http = QStringLiteral("http");
    const QString ws = QStringLiteral("websocket");
    const QString mqtt = QStringLiteral("mqtt");
    const QString udp = QStringLiteral("udp");
    const QString sse = QStringLiteral("sse");
    const QStringList none;
    const QString requiresBase = QStringLiteral("HTTP distributor requires baseUrl");
    const QString badBase = QStringLiteral("HTTP baseUrl must start with http:// or https://");
    const QString shortTimeout = QStringLiteral("HTTP timeout less than 1000ms may cause issues");
    const QString wsPort = QStringLiteral("WebSocket distributor requires valid port (1-65535)");
    const QString wsMax = QStringLiteral("WebSocket maxConnections must be positive");
    const QString noBroker = QStringLiteral("MQTT distributor requires broker URL");
    const QString badBroker = QStringLiteral("MQTT broker must start with mqtt:// or mqtts://");
    const QString noClient = QStringLiteral("MQTT clientId not specified, will use default");
    const QString udpPort = QStringLiteral("UDP distributor requires valid port (1-65535)");
    const QString noTargets = QStringLiteral("UDP distributor has no targets configured");
    const QString bigPayload = QStringLiteral("UDP maxPayload exceeds UDP maximum (65507 bytes)");
    const QString ssePort = QStringLiteral("SSE distributor requires valid port (1-65535)");
    const QString noEndpoint = QStringLiteral("SSE endpoint not specified, will use default");
    const QString targets = QStringLiteral(R"("targets":[{"host":"127.0.0.1","port":9999}])");

    // http
    QTest::newRow("http ok") << http
                             << json(R"({"baseUrl":"https://api.example.com","timeout":10000})")
                             << none << none;
    QTest::newRow("http baseUrl absent") << http << json("{}") << QStringList{requiresBase} << none;
    QTest::newRow("http baseUrl null")
        << http << json(R"({"baseUrl":null})") << QStringList{requiresBase} << none;
    QTest::newRow("http baseUrl invalid-url")
        << http << json(R"({"baseUrl":"invalid-url"})") << QStringList{badBase} << none;
    QTest::newRow("http baseUrl httpfoo (strict)")
        << http << json(R"({"baseUrl":"httpfoo"})") << QStringList{badBase} << none;
    QTest::newRow("http baseUrl ftp")
        << http << json(R"({"baseUrl":"ftp://x"})") << QStringList{badBase} << none;
    QTest::newRow("http baseUrl number")
        << http << json(R"({"baseUrl":42})") << QStringList{badBase} << none;
    QTest::newRow("http timeout 999") << http << json(R"({"baseUrl":"http://h","timeout":999})")
                                      << none << QStringList{shortTimeout};
    QTest::newRow("http timeout 1000")
        << http << json(R"({"baseUrl":"http://h","timeout":1000})") << none << none;
    QTest::newRow("http timeout 1") << http << json(R"({"baseUrl":"http://h","timeout":1})") << none
                                    << QStringList{shortTimeout};
    QTest::newRow("http timeout 0 (strict)")
        << http << json(R"({"baseUrl":"http://h","timeout":0})")
        << QStringList{QStringLiteral("timeout: expected an integer 1-600000")} << none;
    QTest::newRow("http timeout string")
        << http << json(R"({"baseUrl":"http://h","timeout":"5000"})")
        << QStringList{QStringLiteral("timeout: expected an integer 1-600000")} << none;
    QTest::newRow("http headers not strings")
        << http << json(R"({"baseUrl":"http://h","headers":{"X":1}})")
        << QStringList{QStringLiteral("headers: expected an object whose values are strings")}
        << none;

    // websocket
    QTest::newRow("ws port 8080") << ws << json(R"({"port":8080})") << none << none;
    QTest::newRow("ws port absent") << ws << json("{}") << QStringList{wsPort} << none;
    QTest::newRow("ws port 0") << ws << json(R"({"port":0})") << QStringList{wsPort} << none;
    QTest::newRow("ws port 1") << ws << json(R"({"port":1})") << none << none;
    QTest::newRow("ws port 65535") << ws << json(R"({"port":65535})") << none << none;
    QTest::newRow("ws port 65536")
        << ws << json(R"({"port":65536})") << QStringList{wsPort} << none;
    QTest::newRow("ws port 99999")
        << ws << json(R"({"port":99999})") << QStringList{wsPort} << none;
    QTest::newRow("ws port -1") << ws << json(R"({"port":-1})") << QStringList{wsPort} << none;
    QTest::newRow("ws port string (strict)")
        << ws << json(R"({"port":"8080"})") << QStringList{wsPort} << none;
    QTest::newRow("ws port 80.5") << ws << json(R"({"port":80.5})") << QStringList{wsPort} << none;
    QTest::newRow("ws port 1e300")
        << ws << json(R"({"port":1e300})") << QStringList{wsPort} << none;
    QTest::newRow("ws maxConnections 1")
        << ws << json(R"({"port":8080,"maxConnections":1})") << none << none;
    QTest::newRow("ws maxConnections 0 (strict)")
        << ws << json(R"({"port":8080,"maxConnections":0})") << QStringList{wsMax} << none;
    QTest::newRow("ws maxConnections -5")
        << ws << json(R"({"port":8080,"maxConnections":-5})") << QStringList{wsMax} << none;
    QTest::newRow("ws two errors")
        << ws << json(R"({"port":0,"maxConnections":-1})") << QStringList{wsPort, wsMax} << none;
    QTest::newRow("ws all interfaces")
        << ws << json(R"({"port":8080,"host":"0.0.0.0"})") << none
        << QStringList{QStringLiteral("WebSocket host 0.0.0.0 listens on all network interfaces")};
    QTest::newRow("ws heartbeat 0 allowed")
        << ws << json(R"({"port":8080,"heartbeatInterval":0})") << none << none;
    QTest::newRow("ws certificate without key")
        << ws << json(R"({"port":8080,"tlsCertificateFile":"c.pem"})")
        << QStringList{QStringLiteral("WebSocket wss needs both tlsCertificateFile and tlsKeyFile")}
        << none;

    // mqtt
    QTest::newRow("mqtt ok") << mqtt << json(R"({"broker":"mqtt://localhost:1883","clientId":"c"})")
                             << none << none;
    QTest::newRow("mqtt mqtts ok")
        << mqtt << json(R"({"broker":"mqtts://broker:8883","clientId":"c"})") << none << none;
    QTest::newRow("mqtt broker absent")
        << mqtt << json("{}") << QStringList{noBroker} << QStringList{noClient};
    QTest::newRow("mqtt broker tcp://")
        << mqtt << json(R"({"broker":"tcp://x:1883","clientId":"c"})") << QStringList{badBroker}
        << none;
    QTest::newRow("mqtt broker MQTT:// (case)")
        << mqtt << json(R"({"broker":"MQTT://x","clientId":"c"})") << QStringList{badBroker}
        << none;
    QTest::newRow("mqtt broker without host")
        << mqtt << json(R"({"broker":"mqtt://","clientId":"c"})")
        << QStringList{QStringLiteral("MQTT broker URL must name a host (mqtt://host:port)")}
        << none;
    QTest::newRow("mqtt qos 3") << mqtt << json(R"({"broker":"mqtt://x","clientId":"c","qos":3})")
                                << QStringList{QStringLiteral("qos: expected an integer 0-2")}
                                << none;
    QTest::newRow("mqtt credentials in clear")
        << mqtt << json(R"({"broker":"mqtt://x","clientId":"c","username":"u","password":"p"})")
        << none
        << QStringList{QStringLiteral(
               "MQTT credentials are sent unencrypted over mqtt://; consider mqtts://")};

    // udp
    QTest::newRow("udp ok")
        << udp << json(QByteArray(R"({"port":9999,)" + targets.toUtf8() + "}").constData()) << none
        << none;
    QTest::newRow("udp port absent")
        << udp << json(R"({"targets":[]})") << QStringList{udpPort} << QStringList{noTargets};
    QTest::newRow("udp port 0") << udp << json(R"({"port":0,"targets":["127.0.0.1:1"]})")
                                << QStringList{udpPort} << none;
    QTest::newRow("udp port 65536") << udp << json(R"({"port":65536,"targets":["127.0.0.1:1"]})")
                                    << QStringList{udpPort} << none;
    QTest::newRow("udp no targets")
        << udp << json(R"({"port":9999})") << none << QStringList{noTargets};
    QTest::newRow("udp maxPayload 65507")
        << udp << json(R"({"port":9999,"maxPayload":65507,"targets":["127.0.0.1:9"]})") << none
        << none;
    QTest::newRow("udp maxPayload 65508")
        << udp << json(R"({"port":9999,"maxPayload":65508,"targets":["127.0.0.1:9"]})") << none
        << QStringList{bigPayload};
    QTest::newRow("udp target without port")
        << udp << json(R"({"port":9999,"targets":["lab-pc"]})")
        << QStringList{QStringLiteral("UDP target \"lab-pc\" is not host:port")} << none;
    QTest::newRow("udp wildcard target")
        << udp << json(R"({"port":9999,"targets":[{"host":"0.0.0.0","port":9}]})")
        << QStringList{QStringLiteral("UDP target host 0.0.0.0 is not a destination")} << none;

    // sse
    QTest::newRow("sse ok") << sse << json(R"({"port":3002,"endpoint":"/lab/events"})") << none
                            << none;
    QTest::newRow("sse port absent")
        << sse << json(R"({"endpoint":"/e"})") << QStringList{ssePort} << none;
    QTest::newRow("sse port 0") << sse << json(R"({"port":0,"endpoint":"/e"})")
                                << QStringList{ssePort} << none;
    QTest::newRow("sse port 65536")
        << sse << json(R"({"port":65536,"endpoint":"/e"})") << QStringList{ssePort} << none;
    QTest::newRow("sse endpoint absent")
        << sse << json(R"({"port":3001})") << none << QStringList{noEndpoint};
    QTest::newRow("sse endpoint relative")
        << sse << json(R"({"port":3001,"endpoint":"events"})")
        << QStringList{QStringLiteral("SSE endpoint must start with /")} << none;

    // other
    QTest::newRow("unknown type") << QStringLiteral("ftp") << json("{}")
                                  << QStringList{QStringLiteral("Unknown distributor type: ftp")}
                                  << none;
}

void TestConfigValidation::distributorRules() {
    QFETCH(QString, type);
    QFETCH(QJsonObject, config);
    QFETCH(QStringList, errors);
    QFETCH(QStringList, warnings);

    const ConfigManager manager(Environment::fromValues({}));
    const ValidationResult result = manager.validateDistributorConfig(type, config);
    QCOMPARE(result.errors, errors);
    QCOMPARE(result.warnings, warnings);
    QCOMPARE(result.valid, errors.isEmpty());
}

void TestConfigValidation::failoverAlternativesAreValidated() {
    const ConfigManager manager(Environment::fromValues({}));
    const ValidationResult result = manager.validateDistributorConfig(
        QStringLiteral("mqtt"),
        json(
            R"({"broker":"mqtt://a:1883","clientId":"c","failover":[{"broker":"mqtt://b:1883"},{"broker":"http://c"}]})"));
    QCOMPARE(result.errors, QStringList{QStringLiteral(
                                "failover[1]: MQTT broker must start with mqtt:// or mqtts://")});
}

QTEST_GUILESS_MAIN(TestConfigValidation)
#include "tst_configvalidation.moc"
