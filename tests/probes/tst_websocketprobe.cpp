// The WebSocket probe as a real client of a real WebSocket distributor on 127.0.0.1: delivery,
// loss accounting, payloads without seq, access tokens, wss:// with the server's own
// certificate, reconnecting, and what it leaves behind when stopped.
#include "probetesthelpers.h"
#include "testsupport.h"
#include "websocketdistributor.h"
#include "websocketprobe.h"

#include <QTcpServer>

using namespace ProbeTest;

namespace {

QJsonObject webSocketConfig(const QJsonObject &overrides = {}) {
    QJsonObject local{{QStringLiteral("host"), QStringLiteral("127.0.0.1")},
                      {QStringLiteral("port"), 0},
                      {QStringLiteral("heartbeatInterval"), 0}};
    for (auto it = overrides.begin(); it != overrides.end(); ++it)
        local.insert(it.key(), it.value());
    return config(DistributorType::WebSocket, local);
}

} // namespace

class TestWebSocketProbe : public QObject {
    Q_OBJECT

private slots:
    void webSocketDelivery_data();
    void webSocketDelivery();
    void webSocketLossAccounting();
    void webSocketLegacyCannotMeasureLoss();
    void webSocketWithAccessToken();
    void webSocketWrongTokenIsExplained();
    void webSocketReconnectsAfterServerRestart();
    void webSocketStopDisconnects();
    void expectBeforeConnectedIsIgnored();
    void secureWithOwnCertificate();
    void secureWithOtherCertificateRefused();
};

void TestWebSocketProbe::webSocketDelivery_data() {
    QTest::addColumn<QString>("host");
    QTest::newRow("127.0.0.1") << QStringLiteral("127.0.0.1");
    QTest::newRow("localhost") << QStringLiteral("localhost");
}

void TestWebSocketProbe::webSocketDelivery() {
    QFETCH(QString, host);
    WebSocketDistributor distributor(webSocketConfig({{QStringLiteral("host"), host}}));
    QVERIFY(startDistributor(distributor));
    WebSocketProbe probe(withPort(distributor.config(), distributor.serverPort()));
    QCOMPARE(probe.url().host(), QStringLiteral("127.0.0.1"));
    QVERIFY(startProbe(probe));
    QCOMPARE(distributor.clients().size(), 1);
    verifyDelivery(distributor, probe, 200);
}

void TestWebSocketProbe::webSocketLossAccounting() {
    WebSocketDistributor distributor(webSocketConfig());
    QVERIFY(startDistributor(distributor));
    WebSocketProbe probe(withPort(distributor.config(), distributor.serverPort()));
    QVERIFY(startProbe(probe));
    verifyLossAccounting(distributor, probe);
}

void TestWebSocketProbe::webSocketLegacyCannotMeasureLoss() {
    WebSocketDistributor distributor(
        webSocketConfig({{QStringLiteral("payloadFormat"), QStringLiteral("legacy")}}));
    QVERIFY(startDistributor(distributor));
    WebSocketProbe probe(withPort(distributor.config(), distributor.serverPort()));
    QVERIFY(!probe.isMeasurable());
    QVERIFY(startProbe(probe));
    probe.setGracePeriodMs(50);
    for (quint64 seq = 1; seq <= 5; ++seq)
        send(distributor, probe, envelope(seq));
    QTRY_COMPARE_WITH_TIMEOUT(probe.snapshot().received, 5u, 5000);
    const ProbeSnapshot snapshot = probe.snapshot();
    QCOMPARE(snapshot.lost, 0u);
    QCOMPARE(snapshot.latencyP50Ms, 0.0);
    QVERIFY2(snapshot.note.contains(QLatin1String("loss and latency cannot be measured")),
             qPrintable(snapshot.note));
}

void TestWebSocketProbe::webSocketWithAccessToken() {
    WebSocketDistributor distributor(
        webSocketConfig({{QStringLiteral("accessToken"), QStringLiteral("s3cret")}}));
    QVERIFY(startDistributor(distributor));
    WebSocketProbe probe(withPort(distributor.config(), distributor.serverPort()));
    QVERIFY(!probe.url().toString().contains(QLatin1String("s3cret")));
    QVERIFY(startProbe(probe));
    verifyDelivery(distributor, probe, 20);
}

void TestWebSocketProbe::webSocketWrongTokenIsExplained() {
    WebSocketDistributor distributor(
        webSocketConfig({{QStringLiteral("accessToken"), QStringLiteral("s3cret")}}));
    QVERIFY(startDistributor(distributor));
    QJsonObject probeConfig = withPort(distributor.config(), distributor.serverPort());
    probeConfig.insert(QStringLiteral("accessToken"), QStringLiteral("wrong"));
    WebSocketProbe probe(probeConfig);
    probe.start();
    QTRY_VERIFY_WITH_TIMEOUT(probe.note().contains(QLatin1String("Unauthorized")), 5000);
    QVERIFY2(probe.note().contains(QLatin1String("retrying")), qPrintable(probe.note()));
    QVERIFY(!probe.isConnected());
    QCOMPARE(probe.snapshot().enabled, true);
}

void TestWebSocketProbe::webSocketReconnectsAfterServerRestart() {
    const QJsonObject cfg = webSocketConfig();
    auto distributor = std::make_unique<WebSocketDistributor>(cfg);
    QVERIFY(startDistributor(*distributor));
    const quint16 port = distributor->serverPort();
    WebSocketProbe probe(withPort(cfg, port));
    QVERIFY(startProbe(probe));

    distributor.reset(); // the server goes away with its port
    QTRY_VERIFY_WITH_TIMEOUT(!probe.isConnected(), 5000);
    QVERIFY2(probe.note().contains(QLatin1String("retrying")), qPrintable(probe.note()));

    WebSocketDistributor again(withPort(cfg, port));
    QVERIFY(startDistributor(again));
    QTRY_VERIFY_WITH_TIMEOUT(probe.isConnected(), 15000);
    QVERIFY(probe.note().isEmpty());
    verifyDelivery(again, probe, 10);
}

void TestWebSocketProbe::webSocketStopDisconnects() {
    WebSocketDistributor distributor(webSocketConfig());
    QVERIFY(startDistributor(distributor));
    WebSocketProbe probe(withPort(distributor.config(), distributor.serverPort()));
    QVERIFY(startProbe(probe));
    QCOMPARE(distributor.clients().size(), 1);
    probe.stop();
    QVERIFY(!probe.snapshot().enabled);
    QVERIFY(!probe.snapshot().connected);
    QTRY_COMPARE_WITH_TIMEOUT(distributor.clients().size(), 0, 5000);
}

void TestWebSocketProbe::expectBeforeConnectedIsIgnored() {
    // Nothing listens on the port: the probe is not connected, and events routed now prove
    // nothing either way.
    QTcpServer reserved;
    QVERIFY(reserved.listen(QHostAddress::LocalHost, 0));
    const quint16 port = reserved.serverPort();
    reserved.close();
    WebSocketProbe probe(withPort(webSocketConfig(), port));
    probe.setGracePeriodMs(20);
    probe.start();
    QTRY_VERIFY_WITH_TIMEOUT(probe.note().contains(QLatin1String("retrying")), 5000);
    const EnvelopePtr event = envelope(1);
    probe.expect(event->seq, event->enteredNs);
    QCOMPARE(probe.ledger().tracked(), 0);
    QCOMPARE(probe.snapshot().lost, 0u);
    probe.stop();
    QVERIFY(probe.note().isEmpty());
}

void TestWebSocketProbe::secureWithOwnCertificate() {
    const TestSupport::TestCertificates certificates;
    QVERIFY2(certificates.isValid(), qPrintable(certificates.error()));
    WebSocketDistributor distributor(
        webSocketConfig({{QStringLiteral("tlsCertificateFile"), certificates.certificateFile()},
                         {QStringLiteral("tlsKeyFile"), certificates.keyFile()}}));
    QVERIFY(startDistributor(distributor));
    WebSocketProbe probe(withPort(distributor.config(), distributor.serverPort()));
    QCOMPARE(probe.url().scheme(), QStringLiteral("wss"));
    // The test CA is not a system CA: only the pinned certificate makes this work.
    QVERIFY2(startProbe(probe, 10000), qPrintable(probe.note()));
    verifyDelivery(distributor, probe, 20);
}

void TestWebSocketProbe::secureWithOtherCertificateRefused() {
    const TestSupport::TestCertificates served;
    const TestSupport::TestCertificates expected;
    QVERIFY2(served.isValid() && expected.isValid(), qPrintable(served.error()));
    WebSocketDistributor distributor(
        webSocketConfig({{QStringLiteral("tlsCertificateFile"), served.certificateFile()},
                         {QStringLiteral("tlsKeyFile"), served.keyFile()}}));
    QVERIFY(startDistributor(distributor));
    QJsonObject probeConfig = withPort(distributor.config(), distributor.serverPort());
    probeConfig.insert(QStringLiteral("tlsCertificateFile"), expected.certificateFile());
    WebSocketProbe probe(probeConfig);
    probe.start();
    QTRY_VERIFY_WITH_TIMEOUT(probe.note().contains(QLatin1String("retrying")), 10000);
    QVERIFY2(probe.note().contains(QLatin1String("certificate")), qPrintable(probe.note()));
    QVERIFY(!probe.isConnected());
    QCOMPARE(distributor.clients().size(), 0);
}

QTEST_GUILESS_MAIN(TestWebSocketProbe)
#include "tst_websocketprobe.moc"
