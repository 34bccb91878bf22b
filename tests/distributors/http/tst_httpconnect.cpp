// Connecting the HTTP distributor (SPEC §4.1 connect probe, §3.6 health): the probe order,
// skipHealthCheck, a target that appears later, bad configs, HTTPS with a lab CA, and the
// periodic health check. Real HTTP(S) sinks on 127.0.0.1 only.
#include "httpsink.h"
#include "httptesthelpers.h"
#include "testsupport.h"

#include <QtTest>

using Reply = HttpSink::Reply;
using Answer = HttpSink::Answer;
using State = Distributor::State;
using Error = Distributor::Error;

class TestHttpConnect : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void probesPathsInOrder_data();
    void probesPathsInOrder();
    void failsWhenNoPathAnswers();
    void skipHealthCheckConnectsAnyway();
    void silentTargetTimesOutOnce();
    void connectsWhenTheTargetAppears();
    void rejectsBadConfig_data();
    void rejectsBadConfig();
    void deliversOverHttpsWithLabCa();
    void refusesUntrustedCertificate();
    void periodicProbeNoticesLoss();

private:
    std::unique_ptr<TestSupport::TestCertificates> m_certificates;
};

void TestHttpConnect::initTestCase() {
    m_certificates = std::make_unique<TestSupport::TestCertificates>();
    QVERIFY2(m_certificates->isValid(), qPrintable(m_certificates->error()));
}

void TestHttpConnect::probesPathsInOrder_data() {
    QTest::addColumn<QString>("health");
    QTest::addColumn<QByteArray>("answering");
    QTest::addColumn<QList<QByteArray>>("probed");
    QTest::newRow("third path") << QStringLiteral("/api/health") << QByteArrayLiteral("/status")
                                << QList<QByteArray>{"/api/health", "/health", "/status"};
    QTest::newRow("configured first") << QStringLiteral("/ping") << QByteArrayLiteral("/api/health")
                                      << QList<QByteArray>{"/ping", "/api/health"};
    QTest::newRow("root last") << QStringLiteral("/health") << QByteArrayLiteral("/")
                               << QList<QByteArray>{"/health", "/api/health", "/status", "/"};
}

void TestHttpConnect::probesPathsInOrder() {
    QFETCH(QString, health);
    QFETCH(QByteArray, answering);
    QFETCH(QList<QByteArray>, probed);
    HttpSink sink;
    QVERIFY(sink.listen());
    sink.setDefaultReply(Reply{404, "Not Found"});
    sink.setReply(answering, Reply{});
    HttpDistributor http(HttpTest::config(
        {{QStringLiteral("baseUrl"), sink.baseUrl()},
         {QStringLiteral("endpoints"), QJsonObject{{QStringLiteral("health"), health}}}}));

    const QList<QVariant> started = HttpTest::start(http);
    QCOMPARE(started.value(0).toBool(), true);
    QCOMPARE(http.state(), State::Connected);
    QCOMPARE(sink.paths(), probed);
    for (const HttpSink::Request &request : sink.requests())
        QCOMPARE(request.method, QByteArrayLiteral("GET"));
    QCOMPARE(http.health().value(QStringLiteral("healthEndpoint")).toString(),
             QString::fromLatin1(answering));
}

void TestHttpConnect::failsWhenNoPathAnswers() {
    HttpSink sink;
    QVERIFY(sink.listen());
    sink.setDefaultReply(Reply{404, "Not Found"});
    HttpDistributor http(HttpTest::config({{QStringLiteral("baseUrl"), sink.baseUrl()}}));

    const QList<QVariant> started = HttpTest::start(http);
    QCOMPARE(started.value(0).toBool(), false);
    const QString expected =
        QStringLiteral(
            "HTTP health probe failed: no 2xx answer from %1 (GET /api/health: HTTP 404: "
            "Not Found; GET /health: HTTP 404: Not Found; GET /status: HTTP 404: Not "
            "Found; GET /: HTTP 404: Not Found)")
            .arg(sink.baseUrl());
    QCOMPARE(started.value(1).toString(), expected);
    QCOMPARE(http.state(), State::Disconnected); // transient: probed again with backoff
    QCOMPARE(http.error(), Error::ProtocolError);
    QCOMPARE(sink.requests().size(), 4);

    // Events wait for the target instead of failing.
    http.enqueue(HttpTest::envelope(QStringLiteral("marker"), 1));
    QCOMPARE(http.stats().queued, 1);
    QCOMPARE(http.stats().failed, 0u);
    http.disconnectFromTarget();
    QCOMPARE(http.stats().droppedBy(DropReason::Disabled), 1u);
    QVERIFY(http.stats().isBalanced());
}

void TestHttpConnect::skipHealthCheckConnectsAnyway() {
    HttpSink sink;
    QVERIFY(sink.listen());
    sink.setDefaultReply(Reply{404, "Not Found"});
    sink.setReply("/events/marker", Reply{201, "Created"});
    HttpDistributor http(HttpTest::config(
        {{QStringLiteral("baseUrl"), sink.baseUrl()}, {QStringLiteral("skipHealthCheck"), true}}));

    QCOMPARE(HttpTest::start(http).value(0).toBool(), true);
    QCOMPARE(http.state(), State::Connected);
    const QJsonObject health = http.health();
    QCOMPARE(health.value(QStringLiteral("healthCheckSkipped")).toBool(), true);
    QVERIFY(health.value(QStringLiteral("healthEndpoint")).isNull());
    // Why the probe failed stays visible.
    QVERIFY(http.stats().lastError.startsWith(QStringLiteral("HTTP health probe failed")));

    http.enqueue(HttpTest::envelope(QStringLiteral("marker"), 1));
    QTRY_COMPARE(http.stats().sent, 1u);
    QCOMPARE(sink.paths().last(), QByteArrayLiteral("/events/marker"));
    QVERIFY(http.stats().isBalanced());
}

void TestHttpConnect::silentTargetTimesOutOnce() {
    HttpSink sink;
    QVERIFY(sink.listen());
    sink.setDefaultReply(Reply{200, "OK", Answer::Never});
    HttpDistributor http(HttpTest::config(
        {{QStringLiteral("baseUrl"), sink.baseUrl()}, {QStringLiteral("timeout"), 300}}));

    const QList<QVariant> started = HttpTest::start(http);
    QCOMPARE(started.value(0).toBool(), false);
    QCOMPARE(started.value(1).toString(),
             QStringLiteral("HTTP health probe failed: GET %1/api/health: timeout after 300 ms")
                 .arg(sink.baseUrl()));
    QCOMPARE(http.error(), Error::Timeout);
    // The same silent server would not answer on the other paths either.
    QCOMPARE(sink.requests().size(), 1);
}

void TestHttpConnect::connectsWhenTheTargetAppears() {
    const quint16 port = TestSupport::freeTcpPort();
    const QString baseUrl = QStringLiteral("http://127.0.0.1:%1").arg(port);
    HttpDistributor http(HttpTest::config({{QStringLiteral("baseUrl"), baseUrl}}));

    const QList<QVariant> started = HttpTest::start(http);
    QCOMPARE(started.value(0).toBool(), false);
    QCOMPARE(started.value(1).toString(),
             QStringLiteral("HTTP health probe failed: GET %1/api/health: Connection refused")
                 .arg(baseUrl));
    QCOMPARE(http.state(), State::Disconnected);
    QCOMPARE(http.error(), Error::ConnectionRefused);
    http.enqueue(HttpTest::envelope(QStringLiteral("gaze"), 1));
    http.enqueue(HttpTest::envelope(QStringLiteral("gaze"), 2));
    QCOMPARE(http.stats().queued, 2);

    HttpSink sink;
    QVERIFY(sink.listen(port));
    QTRY_COMPARE_WITH_TIMEOUT(http.state(), State::Connected, 5000);
    QTRY_COMPARE(http.stats().sent, 2u);
    QCOMPARE(sink.paths(), (QList<QByteArray>{"/api/health", "/events/gaze", "/events/gaze"}));
    const DistributorStats stats = http.stats();
    QCOMPARE(stats.failed, 0u);
    QVERIFY(stats.isBalanced());
}

void TestHttpConnect::rejectsBadConfig_data() {
    QTest::addColumn<QJsonObject>("overrides");
    QTest::addColumn<QString>("message");
    QTest::newRow("scheme") << QJsonObject{{QStringLiteral("baseUrl"),
                                            QStringLiteral("ftp://127.0.0.1:21")}}
                            << QStringLiteral("HTTP distributor cannot use baseUrl "
                                              "\"ftp://127.0.0.1:21\": the scheme must be http or "
                                              "https");
    QTest::newRow("caFile")
        << QJsonObject{{QStringLiteral("baseUrl"), QStringLiteral("https://127.0.0.1:1")},
                       {QStringLiteral("caFile"), QStringLiteral("/nonexistent/ca.pem")}}
        << QStringLiteral("HTTP distributor cannot read caFile /nonexistent/ca.pem");
}

void TestHttpConnect::rejectsBadConfig() {
    QFETCH(QJsonObject, overrides);
    QFETCH(QString, message);
    HttpDistributor http(HttpTest::config(overrides));
    const QList<QVariant> started = HttpTest::start(http);
    QCOMPARE(started.value(0).toBool(), false);
    QVERIFY2(started.value(1).toString().startsWith(message),
             qPrintable(started.value(1).toString()));
    QCOMPARE(http.state(), State::Error); // not transient: waits for a new config
    QCOMPARE(http.error(), Error::ConfigurationError);
    http.disconnectFromTarget();
    QCOMPARE(http.state(), State::Stopped);
}

void TestHttpConnect::deliversOverHttpsWithLabCa() {
    HttpSink sink;
    QVERIFY(sink.listenTls(m_certificates->certificateFile(), m_certificates->keyFile()));
    HttpDistributor http(HttpTest::config({{QStringLiteral("baseUrl"), sink.baseUrl()},
                                           {QStringLiteral("caFile"), m_certificates->caFile()}}));
    const QList<QVariant> started = HttpTest::start(http);
    QVERIFY2(started.value(0).toBool(), qPrintable(started.value(1).toString()));

    http.enqueue(HttpTest::envelope(QStringLiteral("marker"), 1));
    QTRY_COMPARE(http.stats().sent, 1u);
    QCOMPARE(sink.paths().last(), QByteArrayLiteral("/events/marker"));
    QVERIFY(sink.requests().last().body.contains("\"distributor\":\"http\""));
    QVERIFY(http.stats().isBalanced());
}

void TestHttpConnect::refusesUntrustedCertificate() {
    HttpSink sink;
    QVERIFY(sink.listenTls(m_certificates->certificateFile(), m_certificates->keyFile()));
    HttpDistributor http(HttpTest::config({{QStringLiteral("baseUrl"), sink.baseUrl()}}));
    const QList<QVariant> started = HttpTest::start(http);
    QCOMPARE(started.value(0).toBool(), false);
    const QString prefix =
        QStringLiteral("HTTP health probe failed: GET %1/api/health: ").arg(sink.baseUrl());
    QVERIFY2(started.value(1).toString().startsWith(prefix),
             qPrintable(started.value(1).toString()));
    QCOMPARE(http.error(), Error::TlsError);
    QVERIFY(sink.requests().isEmpty()); // nothing was said to an unverified server

    // Even when the probe is skipped, TLS failures are failures, and not worth a retry.
    HttpDistributor skipping(HttpTest::config({{QStringLiteral("baseUrl"), sink.baseUrl()},
                                               {QStringLiteral("skipHealthCheck"), true},
                                               {QStringLiteral("retryAttempts"), 3}}));
    QCOMPARE(HttpTest::start(skipping).value(0).toBool(), true);
    skipping.enqueue(HttpTest::envelope(QStringLiteral("marker"), 1));
    QTRY_COMPARE(skipping.stats().failed, 1u);
    const DistributorStats stats = skipping.stats();
    QCOMPARE(stats.retries, 0u);
    QVERIFY2(stats.lastError.startsWith(
                 QStringLiteral("HTTP distribution failed: POST %1/events/marker: ")
                     .arg(sink.baseUrl())),
             qPrintable(stats.lastError));
    QVERIFY(stats.isBalanced());
    QVERIFY(sink.requests().isEmpty());
}

void TestHttpConnect::periodicProbeNoticesLoss() {
    HttpSink sink;
    QVERIFY(sink.listen());
    sink.setDefaultReply(Reply{404, "Not Found"});
    sink.setReply("/health", Reply{});
    HttpDistributor http(HttpTest::config({{QStringLiteral("baseUrl"), sink.baseUrl()}}));
    QCOMPARE(HttpTest::start(http).value(0).toBool(), true);

    // A healthy target: the check GETs the path that answered at connect, and nothing changes.
    http.probe();
    QTRY_COMPARE(sink.requests().size(), 3);
    QCOMPARE(sink.paths().last(), QByteArrayLiteral("/health"));
    QCOMPARE(http.state(), State::Connected);

    // Probed repeatedly, as the session's health timer does: a probe() while the previous
    // check is still on the wire is skipped.
    sink.setReply("/health", Reply{503, "Service Unavailable"});
    const auto probeUntilDown = [&http] {
        http.probe();
        return http.state() == State::Disconnected;
    };
    QTRY_VERIFY(probeUntilDown());
    QVERIFY2(
        http.errorString().contains(QStringLiteral("GET /health: HTTP 503: Service Unavailable")),
        qPrintable(http.errorString()));
    QCOMPARE(http.error(), Error::RemoteError);
    // While it is down, the reconnect probing is the base's business.
    const qsizetype seen = sink.requests().size();
    http.probe();
    QCOMPARE(sink.requests().size(), seen);
}

QTEST_GUILESS_MAIN(TestHttpConnect)
#include "tst_httpconnect.moc"
