// The accounting behind every probe, with time passed in: what counts as received, lost, late
// and duplicate, latency, and the memory bound.
#include "deliveryledger.h"

#include <QtTest>

namespace {

constexpr qint64 Ms = 1000000; // nanoseconds

} // namespace

class TestDeliveryLedger : public QObject {
    Q_OBJECT

private slots:
    void receivedInOrder();
    void receipts_data();
    void receipts();
    void lostOnlyAfterGracePeriod();
    void lateArrivalCorrectsLoss();
    void seqsNotExpectedAreNeverLost();
    void nonIncreasingExpectIgnored();
    void latencyFromEntryToReceipt();
    void memoryBoundedByCapacity();
    void memoryBoundedByRetention();
    void evictedPendingCountsAsLost();
    void clearKeepsSettings();
};

void TestDeliveryLedger::receivedInOrder() {
    DeliveryLedger ledger;
    for (quint64 seq = 1; seq <= 10; ++seq)
        ledger.expect(seq, qint64(seq) * Ms);
    for (quint64 seq = 1; seq <= 10; ++seq)
        QCOMPARE(ledger.receive(seq, qint64(seq) * Ms + Ms), DeliveryLedger::Receipt::Counted);
    ledger.expire(100000 * Ms);
    QCOMPARE(ledger.received(), 10u);
    QCOMPARE(ledger.lost(), 0u);
    QCOMPARE(ledger.duplicates(), 0u);
    QCOMPARE(ledger.lastSeq(), 10u);
}

void TestDeliveryLedger::receipts_data() {
    QTest::addColumn<QList<quint64>>("arrivals");
    QTest::addColumn<QList<int>>("receipts");
    QTest::addColumn<int>("received");
    QTest::addColumn<int>("duplicates");
    QTest::addColumn<int>("unexpected");
    using R = DeliveryLedger::Receipt;
    // Expected: 5, 6, 8 (7 was routed elsewhere).
    QTest::newRow("all once") << QList<quint64>{5, 6, 8}
                              << QList<int>{int(R::Counted), int(R::Counted), int(R::Counted)} << 3
                              << 0 << 0;
    QTest::newRow("out of order") << QList<quint64>{8, 5, 6}
                                  << QList<int>{int(R::Counted), int(R::Counted), int(R::Counted)}
                                  << 3 << 0 << 0;
    QTest::newRow("duplicate") << QList<quint64>{5, 5, 6}
                               << QList<int>{int(R::Counted), int(R::Duplicate), int(R::Counted)}
                               << 2 << 1 << 0;
    QTest::newRow("routed elsewhere")
        << QList<quint64>{7} << QList<int>{int(R::Unexpected)} << 0 << 0 << 1;
    QTest::newRow("before the window")
        << QList<quint64>{4} << QList<int>{int(R::Unexpected)} << 0 << 0 << 1;
    QTest::newRow("beyond the window")
        << QList<quint64>{9} << QList<int>{int(R::Unexpected)} << 0 << 0 << 1;
}

void TestDeliveryLedger::receipts() {
    QFETCH(QList<quint64>, arrivals);
    QFETCH(QList<int>, receipts);
    QFETCH(int, received);
    QFETCH(int, duplicates);
    QFETCH(int, unexpected);
    DeliveryLedger ledger;
    ledger.expect(5, 0);
    ledger.expect(6, 0);
    ledger.expect(8, 0);
    for (qsizetype i = 0; i < arrivals.size(); ++i)
        QCOMPARE(int(ledger.receive(arrivals.at(i), Ms)), receipts.at(i));
    QCOMPARE(ledger.received(), quint64(received));
    QCOMPARE(ledger.duplicates(), quint64(duplicates));
    QCOMPARE(ledger.unexpected(), quint64(unexpected));
    QCOMPARE(ledger.lost(), 0u);
}

void TestDeliveryLedger::lostOnlyAfterGracePeriod() {
    DeliveryLedger ledger;
    ledger.setGracePeriodNs(2000 * Ms);
    ledger.expect(1, 0);
    ledger.expect(2, 500 * Ms);
    ledger.expire(1999 * Ms);
    QCOMPARE(ledger.lost(), 0u);
    ledger.expire(2000 * Ms);
    QCOMPARE(ledger.lost(), 1u);
    ledger.expire(2499 * Ms);
    QCOMPARE(ledger.lost(), 1u);
    ledger.expire(2500 * Ms);
    QCOMPARE(ledger.lost(), 2u);
    ledger.expire(3000 * Ms); // counted once
    QCOMPARE(ledger.lost(), 2u);
}

void TestDeliveryLedger::lateArrivalCorrectsLoss() {
    DeliveryLedger ledger;
    ledger.setGracePeriodNs(100 * Ms);
    ledger.expect(1, 0);
    ledger.expect(2, 0);
    ledger.receive(1, 10 * Ms);
    ledger.expire(200 * Ms);
    QCOMPARE(ledger.lost(), 1u);
    QCOMPARE(ledger.receive(2, 300 * Ms), DeliveryLedger::Receipt::Late);
    QCOMPARE(ledger.lost(), 0u);
    QCOMPARE(ledger.received(), 2u);
    QCOMPARE(ledger.receive(2, 301 * Ms), DeliveryLedger::Receipt::Duplicate);
    QCOMPARE(ledger.latency().maxUs, 300000);
}

void TestDeliveryLedger::seqsNotExpectedAreNeverLost() {
    // Seqs 2..9 went to other distributors: only the gap at 11 is a loss.
    DeliveryLedger ledger;
    ledger.setGracePeriodNs(10 * Ms);
    ledger.expect(1, 0);
    ledger.expect(10, 0);
    ledger.expect(11, 0);
    ledger.expect(12, 0);
    ledger.receive(1, Ms);
    ledger.receive(10, Ms);
    ledger.receive(12, Ms);
    ledger.expire(100 * Ms);
    QCOMPARE(ledger.lost(), 1u);
    QCOMPARE(ledger.received(), 3u);
}

void TestDeliveryLedger::nonIncreasingExpectIgnored() {
    DeliveryLedger ledger;
    ledger.setGracePeriodNs(10 * Ms);
    ledger.expect(5, 0);
    ledger.expect(5, 0);
    ledger.expect(3, 0);
    QCOMPARE(ledger.tracked(), 1);
    ledger.expire(100 * Ms);
    QCOMPARE(ledger.lost(), 1u);
}

void TestDeliveryLedger::latencyFromEntryToReceipt() {
    DeliveryLedger ledger;
    for (quint64 seq = 1; seq <= 100; ++seq) {
        ledger.expect(seq, qint64(seq) * Ms);
        ledger.receive(seq, qint64(seq) * Ms + qint64(seq) * 10000); // seq × 10 µs
    }
    const LatencyWindow::Summary latency = ledger.latency();
    QCOMPARE(latency.samples, 100);
    QCOMPARE(latency.maxUs, 1000);
    QVERIFY(latency.p50Us >= 490 && latency.p50Us <= 510);
    QVERIFY(latency.p99Us >= 980);
}

void TestDeliveryLedger::memoryBoundedByCapacity() {
    DeliveryLedger ledger; // the default capacity, 100k
    constexpr quint64 count = 200000;
    for (quint64 seq = 1; seq <= count; ++seq) {
        ledger.expect(seq, qint64(seq) * 1000); // 1 µs apart: all within one grace period
        ledger.receive(seq, qint64(seq) * 1000 + 500);
        QVERIFY(ledger.tracked() <= DeliveryLedger::DefaultCapacity);
    }
    QCOMPARE(ledger.tracked(), DeliveryLedger::DefaultCapacity);
    QCOMPARE(ledger.received(), count);
    QCOMPARE(ledger.lost(), 0u);
    // The newest seqs are still known: a second copy is a duplicate.
    QCOMPARE(ledger.receive(count, qint64(count) * 1000 + 900), DeliveryLedger::Receipt::Duplicate);
}

void TestDeliveryLedger::memoryBoundedByRetention() {
    DeliveryLedger ledger;
    ledger.setGracePeriodNs(100 * Ms);
    ledger.setRetentionNs(1000 * Ms);
    for (quint64 seq = 1; seq <= 200000; ++seq) {
        const qint64 now = qint64(seq) * Ms / 10; // 10 kHz
        ledger.expect(seq, now);
        ledger.receive(seq, now);
        if (seq % 100 == 0)
            ledger.expire(now);
    }
    // About one second of seqs is remembered at 10 kHz.
    QVERIFY2(ledger.tracked() <= 10100, qPrintable(QString::number(ledger.tracked())));
    QCOMPARE(ledger.lost(), 0u);
}

void TestDeliveryLedger::evictedPendingCountsAsLost() {
    DeliveryLedger ledger(3);
    ledger.expect(1, 0);
    ledger.expect(2, 0);
    ledger.expect(3, 0);
    ledger.receive(2, Ms);
    ledger.expect(4, 0); // pushes out 1, still pending
    QCOMPARE(ledger.lost(), 1u);
    ledger.expect(5, 0); // pushes out 2, received
    QCOMPARE(ledger.lost(), 1u);
    QCOMPARE(ledger.tracked(), 3);
    QCOMPARE(ledger.receive(1, 2 * Ms), DeliveryLedger::Receipt::Unexpected);
}

void TestDeliveryLedger::clearKeepsSettings() {
    DeliveryLedger ledger(10);
    ledger.setGracePeriodNs(42 * Ms);
    ledger.expect(1, 0);
    ledger.receive(1, Ms);
    ledger.clear();
    QCOMPARE(ledger.received(), 0u);
    QCOMPARE(ledger.tracked(), 0);
    QCOMPARE(ledger.gracePeriodNs(), 42 * Ms);
    QCOMPARE(ledger.capacity(), 10);
}

QTEST_GUILESS_MAIN(TestDeliveryLedger)
#include "tst_deliveryledger.moc"
