// How the HTTP distributor fails, against a real HTTP/1.1 sink on 127.0.0.1 (SPEC §4.1, §3.4):
// status classification and retries with linear backoff, timeouts, the in-flight cap, stopping
// with requests on the wire, and a target that goes away and comes back.
#include "httpsink.h"
#include "httptesthelpers.h"

#include <QtTest>

using Reply = HttpSink::Reply;
using Answer = HttpSink::Answer;
using State = Distributor::State;

namespace {

// What the distributor sent, without its connect probe.
QList<HttpSink::Request> sends(const HttpSink &sink) {
    return sink.requestsOtherThan("/api/health");
}

} // namespace

class TestHttpFailures : public QObject {
    Q_OBJECT

private slots:
    void retriesServerErrorsWithGrowingGaps();
    void retriesByStatus_data();
    void retriesByStatus();
    void timesOutWhenTheServerIsSilent();
    void capsRequestsInFlight();
    void stopDropsRequestsInFlight();
    void stopClosesIdleConnections();
    void waitsWhileTheTargetIsUnreachable();
};

void TestHttpFailures::retriesServerErrorsWithGrowingGaps() {
    HttpSink sink;
    QVERIFY(sink.listen());
    sink.setReply("/api/health", Reply{});
    sink.setDefaultReply(Reply{500, "Internal Server Error"});
    HttpDistributor http(HttpTest::config({{QStringLiteral("baseUrl"), sink.baseUrl()},
                                           {QStringLiteral("retryAttempts"), 3},
                                           {QStringLiteral("retryDelay"), 100}}));
    QCOMPARE(HttpTest::start(http).value(0).toBool(), true);

    http.enqueue(HttpTest::envelope(QStringLiteral("marker"), 1));
    QTRY_COMPARE_WITH_TIMEOUT(http.stats().failed, 1u, 5000);

    const QList<HttpSink::Request> attempts = sends(sink);
    QCOMPARE(attempts.size(), 3);
    // Linear backoff: 100 ms, then 200 ms. Timers may fire late, never early.
    const qint64 firstGap = attempts.at(1).receivedMs - attempts.at(0).receivedMs;
    const qint64 secondGap = attempts.at(2).receivedMs - attempts.at(1).receivedMs;
    QVERIFY2(firstGap >= 90, qPrintable(QString::number(firstGap)));
    QVERIFY2(secondGap > firstGap,
             qPrintable(QStringLiteral("%1 %2").arg(firstGap).arg(secondGap)));

    const DistributorStats stats = http.stats();
    QCOMPARE(stats.lastError,
             QStringLiteral("HTTP distribution failed: HTTP 500: Internal Server Error"));
    QCOMPARE(stats.retries, 2u);
    QCOMPARE(stats.sent, 0u);
    QVERIFY(stats.isBalanced());
    // A server that answers is reachable: failing requests do not take the target down.
    QVERIFY(http.state() == State::Connected || http.state() == State::Degraded);
}

void TestHttpFailures::retriesByStatus_data() {
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("reason");
    QTest::addColumn<int>("attempts");
    QTest::newRow("404 once") << 404 << QByteArrayLiteral("Not Found") << 1;
    QTest::newRow("400 once") << 400 << QByteArrayLiteral("Bad Request") << 1;
    QTest::newRow("408 retried") << 408 << QByteArrayLiteral("Request Timeout") << 3;
    QTest::newRow("429 retried") << 429 << QByteArrayLiteral("Too Many Requests") << 3;
    QTest::newRow("503 retried") << 503 << QByteArrayLiteral("Service Unavailable") << 3;
}

void TestHttpFailures::retriesByStatus() {
    QFETCH(int, status);
    QFETCH(QByteArray, reason);
    QFETCH(int, attempts);
    HttpSink sink;
    QVERIFY(sink.listen());
    sink.setReply("/api/health", Reply{});
    sink.setDefaultReply(Reply{status, reason});
    HttpDistributor http(HttpTest::config({{QStringLiteral("baseUrl"), sink.baseUrl()},
                                           {QStringLiteral("retryAttempts"), 3},
                                           {QStringLiteral("retryDelay"), 10}}));
    QCOMPARE(HttpTest::start(http).value(0).toBool(), true);

    http.enqueue(HttpTest::envelope(QStringLiteral("marker"), 1));
    QTRY_COMPARE(http.stats().failed, 1u);
    QCOMPARE(sends(sink).size(), attempts);
    const DistributorStats stats = http.stats();
    QCOMPARE(stats.retries, quint64(attempts - 1));
    QCOMPARE(stats.lastError, QStringLiteral("HTTP distribution failed: HTTP %1: %2")
                                  .arg(status)
                                  .arg(QString::fromLatin1(reason)));
    QVERIFY(stats.isBalanced());
}

void TestHttpFailures::timesOutWhenTheServerIsSilent() {
    HttpSink sink;
    QVERIFY(sink.listen());
    sink.setReply("/api/health", Reply{});
    sink.setDefaultReply(Reply{200, "OK", Answer::Never});
    HttpDistributor http(HttpTest::config(
        {{QStringLiteral("baseUrl"), sink.baseUrl()}, {QStringLiteral("timeout"), 200}}));
    QCOMPARE(HttpTest::start(http).value(0).toBool(), true);

    http.enqueue(HttpTest::envelope(QStringLiteral("marker"), 1));
    QTRY_COMPARE(http.stats().failed, 1u);
    const DistributorStats stats = http.stats();
    QCOMPARE(stats.lastError, QStringLiteral("HTTP distribution failed: timeout after 200 ms"));
    QCOMPARE(stats.inFlight, 0);
    QVERIFY(stats.isBalanced());
    QCOMPARE(sends(sink).size(), 1);
}

void TestHttpFailures::capsRequestsInFlight() {
    HttpSink sink;
    QVERIFY(sink.listen());
    sink.setReply("/api/health", Reply{});
    sink.setDefaultReply(Reply{200, "OK", Answer::WhenReleased});
    HttpDistributor http(HttpTest::config(
        {{QStringLiteral("baseUrl"), sink.baseUrl()}, {QStringLiteral("maxInFlight"), 2}}));
    QCOMPARE(HttpTest::start(http).value(0).toBool(), true);

    for (quint64 seq = 1; seq <= 6; ++seq)
        http.enqueue(HttpTest::envelope(QStringLiteral("gaze"), seq));
    QTRY_COMPARE(sink.unanswered(), 2);
    DistributorStats stats = http.stats();
    QCOMPARE(stats.inFlight, 2);
    QCOMPARE(stats.queued, 4);
    QVERIFY(stats.isBalanced());

    for (int i = 0; i < 6; ++i) {
        QTRY_VERIFY(sink.unanswered() > 0);
        QVERIFY(sink.releaseOne());
    }
    QTRY_COMPARE(http.stats().sent, 6u);
    QCOMPARE(sink.maxUnanswered(), 2);
    QCOMPARE(sends(sink).size(), 6);
    stats = http.stats();
    QCOMPARE(stats.acknowledged, 6u);
    QVERIFY(stats.isBalanced());
}

void TestHttpFailures::stopDropsRequestsInFlight() {
    HttpSink sink;
    QVERIFY(sink.listen());
    sink.setReply("/api/health", Reply{});
    sink.setDefaultReply(Reply{200, "OK", Answer::WhenReleased});
    HttpDistributor http(HttpTest::config(
        {{QStringLiteral("baseUrl"), sink.baseUrl()}, {QStringLiteral("maxInFlight"), 3}}));
    QCOMPARE(HttpTest::start(http).value(0).toBool(), true);

    for (quint64 seq = 1; seq <= 5; ++seq)
        http.enqueue(HttpTest::envelope(QStringLiteral("gaze"), seq));
    QTRY_COMPARE(sink.unanswered(), 3);

    QSignalSpy stopped(&http, &Distributor::stopped);
    http.disconnectFromTarget();
    // Exactly once, although abortInFlight() completes items while the stop is finishing.
    QCOMPARE(stopped.count(), 1);
    QCOMPARE(http.state(), State::Stopped);
    DistributorStats stats = http.stats();
    QCOMPARE(stats.droppedBy(DropReason::Disabled), 5u);
    QCOMPARE(stats.inFlight, 0);
    QCOMPARE(stats.sent, 0u);
    QVERIFY(stats.isBalanced());

    // Every connection is closed, and answers that come late complete nothing a second time.
    sink.releaseAll();
    QTRY_COMPARE(sink.connectionCount(), 0);
    stats = http.stats();
    QCOMPARE(stats.sent, 0u);
    QCOMPARE(stats.droppedBy(DropReason::Disabled), 5u);
    QVERIFY(stats.isBalanced());
}

void TestHttpFailures::waitsWhileTheTargetIsUnreachable() {
    HttpSink sink;
    QVERIFY(sink.listen());
    const quint16 port = sink.port();
    HttpDistributor http(HttpTest::config({{QStringLiteral("baseUrl"), sink.baseUrl()},
                                           {QStringLiteral("retryAttempts"), 3},
                                           {QStringLiteral("retryDelay"), 200}}));
    QCOMPARE(HttpTest::start(http).value(0).toBool(), true);

    sink.close();
    for (quint64 seq = 1; seq <= 3; ++seq)
        http.enqueue(HttpTest::envelope(QStringLiteral("gaze"), seq));
    // Three refusals in a row: the target counts as lost and the events wait for it.
    QTRY_COMPARE(http.state(), State::Disconnected);
    QCOMPARE(http.error(), Distributor::Error::ConnectionRefused);
    QVERIFY2(http.errorString().contains(QStringLiteral("Connection refused")),
             qPrintable(http.errorString()));
    QTRY_COMPARE(http.stats().queued, 3);
    QCOMPARE(http.stats().failed, 0u);
    QVERIFY(http.stats().isBalanced());

    QVERIFY(sink.listen(port));
    QTRY_COMPARE_WITH_TIMEOUT(http.stats().sent, 3u, 5000);
    QCOMPARE(http.state(), State::Connected);
    const DistributorStats stats = http.stats();
    QCOMPARE(stats.failed, 0u);
    QCOMPARE(stats.retries, 3u);
    QVERIFY(stats.isBalanced());
}

void TestHttpFailures::stopClosesIdleConnections() {
    HttpSink sink;
    QVERIFY(sink.listen());
    HttpDistributor http(HttpTest::config({{QStringLiteral("baseUrl"), sink.baseUrl()}}));
    QCOMPARE(HttpTest::start(http).value(0).toBool(), true);
    http.enqueue(HttpTest::envelope(QStringLiteral("gaze"), 1));
    QTRY_COMPARE(http.stats().sent, 1u);
    QVERIFY(sink.connectionCount() > 0); // kept alive for the next request

    QSignalSpy stopped(&http, &Distributor::stopped);
    http.disconnectFromTarget();
    QCOMPARE(stopped.count(), 1);
    QCOMPARE(http.state(), State::Stopped);
    QTRY_COMPARE(sink.connectionCount(), 0);
    http.enqueue(HttpTest::envelope(QStringLiteral("gaze"), 2));
    QCOMPARE(http.stats().droppedBy(DropReason::Disabled), 1u);
    QVERIFY(http.stats().isBalanced());
}

QTEST_GUILESS_MAIN(TestHttpFailures)
#include "tst_httpfailures.moc"
