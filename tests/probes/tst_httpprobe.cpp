// The HTTP probe as the target of a real HTTP distributor: its LocalHttpSink answers the
// distributor's connect probe and receives the events; targets it cannot serve are explained.
#include "httpdistributor.h"
#include "httpprobe.h"
#include "localhttpsink.h"
#include "probefactory.h"
#include "probetesthelpers.h"

#include <QTcpServer>

using namespace ProbeTest;

namespace {

quint16 freeTcpPort() {
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

QJsonObject httpConfig(const QString &baseUrl, const QJsonObject &overrides = {}) {
    QJsonObject local{{QStringLiteral("baseUrl"), baseUrl}, {QStringLiteral("timeout"), 5000}};
    for (auto it = overrides.begin(); it != overrides.end(); ++it)
        local.insert(it.key(), it.value());
    return config(DistributorType::Http, local);
}

QString loopbackUrl(quint16 port, const QString &host = QStringLiteral("127.0.0.1")) {
    return QStringLiteral("http://%1:%2").arg(host).arg(port);
}

} // namespace

class TestHttpProbe : public QObject {
    Q_OBJECT

private slots:
    void sinkMakesConnectProbeSucceed_data();
    void sinkMakesConnectProbeSucceed();
    void lossAccounting();
    void legacyCannotMeasureLoss();
    void attachedSinkKeepsServing();
    void attachedSinkOnOtherPortIsNotUsed();
    void targetServedByAnotherProgram();
    void targetNotProbeable_data();
    void targetNotProbeable();
    void stopReleasesThePort();
    void factoryCreatesEveryType();
};

void TestHttpProbe::sinkMakesConnectProbeSucceed_data() {
    QTest::addColumn<QString>("host");
    QTest::newRow("127.0.0.1") << QStringLiteral("127.0.0.1");
    QTest::newRow("localhost") << QStringLiteral("localhost");
}

void TestHttpProbe::sinkMakesConnectProbeSucceed() {
    QFETCH(QString, host);
    const QJsonObject cfg = httpConfig(loopbackUrl(freeTcpPort(), host));
    HttpProbe probe(cfg);
    QVERIFY(startProbe(probe));
    QVERIFY(probe.sink());
    QVERIFY(probe.sink()->isListening());

    HttpDistributor distributor(cfg);
    QString error;
    QVERIFY2(startDistributor(distributor, &error), qPrintable(error));
    QCOMPARE(distributor.state(), Distributor::State::Connected);
    QCOMPARE(distributor.health().value(QStringLiteral("healthEndpoint")).toString(),
             QStringLiteral("/api/health"));
    verifyDelivery(distributor, probe, 100);
    QCOMPARE(distributor.stats().failed, 0u);
}

void TestHttpProbe::lossAccounting() {
    const QJsonObject cfg = httpConfig(loopbackUrl(freeTcpPort()));
    HttpProbe probe(cfg);
    QVERIFY(startProbe(probe));
    HttpDistributor distributor(cfg);
    QVERIFY(startDistributor(distributor));
    verifyLossAccounting(distributor, probe);
}

void TestHttpProbe::legacyCannotMeasureLoss() {
    const QJsonObject cfg = httpConfig(
        loopbackUrl(freeTcpPort()), {{QStringLiteral("payloadFormat"), QStringLiteral("legacy")}});
    HttpProbe probe(cfg);
    QVERIFY(startProbe(probe));
    HttpDistributor distributor(cfg);
    QVERIFY(startDistributor(distributor));
    for (quint64 seq = 1; seq <= 3; ++seq)
        send(distributor, probe, envelope(seq));
    QTRY_COMPARE_WITH_TIMEOUT(probe.snapshot().received, 3u, 5000);
    QCOMPARE(probe.snapshot().lost, 0u);
    QVERIFY(probe.note().contains(QLatin1String("cannot be measured")));
}

void TestHttpProbe::attachedSinkKeepsServing() {
    auto sink = std::make_unique<LocalHttpSink>();
    QVERIFY(sink->listen(QHostAddress::LocalHost));
    const QJsonObject cfg = httpConfig(sink->baseUrl());
    HttpProbe probe(cfg);
    probe.attachSink(sink.get());
    QVERIFY(startProbe(probe));
    QCOMPARE(probe.sink(), sink.get());
    HttpDistributor distributor(cfg);
    QVERIFY(startDistributor(distributor));
    verifyDelivery(distributor, probe, 20);

    // The sink is the distributor's target: switching the probe off must not take it away.
    probe.stop();
    QVERIFY(sink->isListening());
    const quint64 before = sink->requestCount();
    distributor.enqueue(envelope(500));
    QTRY_COMPARE_WITH_TIMEOUT(sink->requestCount(), before + 1, 5000);
    QCOMPARE(probe.snapshot().received, 20u); // what it measured stays on show, nothing more
    QVERIFY(!probe.snapshot().enabled);
    QCOMPARE(distributor.stats().failed, 0u);

    // The sink going away is reported, not crashed on.
    QVERIFY(startProbe(probe));
    sink.reset();
    QVERIFY(!probe.isConnected());
    QVERIFY2(probe.note().contains(QLatin1String("was closed")), qPrintable(probe.note()));
    QVERIFY(!probe.sink());
}

void TestHttpProbe::attachedSinkOnOtherPortIsNotUsed() {
    LocalHttpSink sink;
    QVERIFY(sink.listen(QHostAddress::LocalHost));
    HttpProbe probe(httpConfig(loopbackUrl(freeTcpPort())));
    probe.attachSink(&sink);
    QVERIFY(startProbe(probe));
    QVERIFY(probe.sink() != &sink);
}

void TestHttpProbe::targetServedByAnotherProgram() {
    QTcpServer other;
    QVERIFY(other.listen(QHostAddress::LocalHost, 0));
    HttpProbe probe(httpConfig(loopbackUrl(other.serverPort())));
    probe.start();
    QVERIFY(!probe.isConnected());
    QCOMPARE(probe.note(), QStringLiteral("not available: 127.0.0.1:%1 is served by another "
                                          "program; its requests cannot be seen from here")
                               .arg(other.serverPort()));
    QVERIFY(!probe.sink());
}

void TestHttpProbe::targetNotProbeable_data() {
    QTest::addColumn<QString>("baseUrl");
    QTest::addColumn<QString>("note");
    QTest::newRow("remote") << QStringLiteral("http://lab-server.local:3000")
                            << QStringLiteral("not available: baseUrl http://lab-server.local:3000 "
                                              "is not on this machine; only loopback targets "
                                              "(127.0.0.1, localhost) can be received");
    QTest::newRow("https") << QStringLiteral("https://127.0.0.1:3443")
                           << QStringLiteral("not available: baseUrl https://127.0.0.1:3443 is "
                                             "not plain http://; the probe's local sink cannot "
                                             "receive https:// requests");
    QTest::newRow("malformed") << QStringLiteral("http//nope")
                               << QStringLiteral("not available: baseUrl http//nope is not a "
                                                 "valid URL");
}

void TestHttpProbe::targetNotProbeable() {
    QFETCH(QString, baseUrl);
    QFETCH(QString, note);
    HttpProbe probe(httpConfig(baseUrl));
    probe.start();
    QVERIFY(!probe.isConnected());
    QCOMPARE(probe.note(), note);
}

void TestHttpProbe::stopReleasesThePort() {
    const quint16 port = freeTcpPort();
    HttpProbe probe(httpConfig(loopbackUrl(port)));
    QVERIFY(startProbe(probe));
    probe.stop();
    QVERIFY(!probe.sink());
    QTcpServer other;
    QVERIFY2(other.listen(QHostAddress::LocalHost, port), qPrintable(other.errorString()));
}

void TestHttpProbe::factoryCreatesEveryType() {
    for (const DistributorType type : DistributorTypes::all()) {
        const std::unique_ptr<DeliveryProbe> probe =
            createProbe(type, ConfigSchema::defaults(type));
        QVERIFY(probe);
        QCOMPARE(probe->type(), type);
        QVERIFY(!probe->isRunning());
        QCOMPARE(probe->gracePeriodMs(), DeliveryProbe::DefaultGracePeriodMs);
    }
}

QTEST_GUILESS_MAIN(TestHttpProbe)
#include "tst_httpprobe.moc"
