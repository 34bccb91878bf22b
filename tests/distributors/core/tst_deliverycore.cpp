// The pure parts of delivery: the bounded outbox, retry timing, reconnect backoff, latencies.
#include "latencywindow.h"
#include "outbox.h"
#include "retrypolicy.h"

#include <QtTest>

class TestDeliveryCore : public QObject {
    Q_OBJECT

private slots:
    void outboxDropsOldest();
    void outboxDropsNewest();
    void retryPolicyParity();
    void retryPolicyFromConfig();
    void exponentialBackoffCaps();
    void reconnectBackoffDoublesToCapWithJitter();
    void latencyPercentiles();
};

namespace {

OutboxItem item(quint64 id) {
    OutboxItem it;
    it.id = id;
    return it;
}

} // namespace

void TestDeliveryCore::outboxDropsOldest() {
    Outbox outbox(2, Outbox::OverflowPolicy::DropOldest);
    QVERIFY(!outbox.push(item(1)));
    QVERIFY(!outbox.push(item(2)));
    const auto dropped = outbox.push(item(3));
    QVERIFY(dropped);
    QCOMPARE(dropped->id, 1u);
    QCOMPARE(outbox.size(), 2);
    QCOMPARE(outbox.takeFirst().id, 2u);
    outbox.pushFront(item(9));
    QCOMPARE(outbox.takeFirst().id, 9u);
    QCOMPARE(outbox.takeAll().size(), 1u);
    QVERIFY(outbox.isEmpty());
}

void TestDeliveryCore::outboxDropsNewest() {
    Outbox outbox(1, Outbox::OverflowPolicy::DropNewest);
    QVERIFY(!outbox.push(item(1)));
    const auto dropped = outbox.push(item(2));
    QCOMPARE(dropped->id, 2u);
    QCOMPARE(outbox.takeFirst().id, 1u);
}

void TestDeliveryCore::retryPolicyParity() {
    const RetryPolicy policy;
    QCOMPARE(policy.attempts(), 3);
    QVERIFY(policy.mayRetry(1));
    QVERIFY(policy.mayRetry(2));
    QVERIFY(!policy.mayRetry(3));
    QCOMPARE(policy.waitMs(1), 1000);
    QCOMPARE(policy.waitMs(2), 2000);
}

void TestDeliveryCore::retryPolicyFromConfig() {
    const RetryPolicy http = RetryPolicy::fromConfig(
        {{QStringLiteral("retryCount"), 5}, {QStringLiteral("retryAttempts"), 2}});
    QCOMPARE(http.attempts(), 6); // retryCount is "retries after the first attempt"
    const RetryPolicy once = RetryPolicy::fromConfig(
        {{QStringLiteral("retryAttempts"), 1}, {QStringLiteral("retryDelay"), 50}});
    QCOMPARE(once.attempts(), 1);
    QVERIFY(!once.mayRetry(1));
    QCOMPARE(once.delayMs(), 50);
}

void TestDeliveryCore::exponentialBackoffCaps() {
    const RetryPolicy policy(10, 100, RetryPolicy::Backoff::Exponential);
    QCOMPARE(policy.waitMs(1), 100);
    QCOMPARE(policy.waitMs(2), 200);
    QCOMPARE(policy.waitMs(3), 400);
    QCOMPARE(policy.waitMs(9), RetryPolicy::ExponentialCapMs);
}

void TestDeliveryCore::reconnectBackoffDoublesToCapWithJitter() {
    ReconnectBackoff backoff;
    const int expected[] = {1000, 2000, 4000, 8000, 16000, 30000, 30000};
    for (int base : expected) {
        const int delay = backoff.nextDelayMs();
        QVERIFY2(delay >= base * 0.8 && delay <= base * 1.2, qPrintable(QString::number(delay)));
    }
    backoff.reset();
    QVERIFY(backoff.nextDelayMs() <= 1200);
}

void TestDeliveryCore::latencyPercentiles() {
    LatencyWindow window;
    QCOMPARE(window.summary().samples, 0);
    for (int i = 1; i <= 100; ++i)
        window.add(i);
    const LatencyWindow::Summary summary = window.summary();
    QCOMPARE(summary.samples, 100);
    QCOMPARE(summary.lastUs, 100);
    QCOMPARE(summary.p50Us, 51);
    QCOMPARE(summary.p95Us, 95);
    QCOMPARE(summary.p99Us, 99);
    QCOMPARE(summary.maxUs, 100);
    QCOMPARE(summary.meanUs, 50);
    // The window forgets the oldest values.
    for (int i = 0; i < LatencyWindow::Capacity; ++i)
        window.add(7);
    QCOMPARE(window.summary().p99Us, 7);
}

QTEST_GUILESS_MAIN(TestDeliveryCore)
#include "tst_deliverycore.moc"
