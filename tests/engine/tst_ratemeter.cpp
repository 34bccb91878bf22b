// RateMeter: events per second between snapshots, per session and per distributor.
#include "ratemeter.h"

#include <QtTest>

namespace {

EngineSnapshot snapshotAt(qint64 at, quint64 eventsIn, quint64 sent) {
    DistributorSnapshot udp;
    udp.type = QStringLiteral("udp");
    udp.sent = sent;
    SessionSnapshot session;
    session.id = QStringLiteral("s1");
    session.eventsIn = eventsIn;
    session.distributors = {udp};
    EngineSnapshot snapshot;
    snapshot.timestamp = at;
    snapshot.sessions = {session};
    return snapshot;
}

} // namespace

class TestRateMeter : public QObject {
    Q_OBJECT

private slots:
    void firstSnapshotHasNoRate();
    void rateBetweenSnapshots();
    void fillReadsWithoutMeasuring();
    void counterGoingBackwardsKeepsTheLastRate();
    void forgetStartsOver();
};

void TestRateMeter::firstSnapshotHasNoRate() {
    RateMeter meter;
    EngineSnapshot first = snapshotAt(1000, 500, 400);
    meter.measure(first);
    QCOMPARE(first.sessions.first().eventsPerSecond, 0.0);
    QCOMPARE(first.sessions.first().distributors.first().sentPerSecond, 0.0);
}

void TestRateMeter::rateBetweenSnapshots() {
    RateMeter meter;
    EngineSnapshot first = snapshotAt(1000, 500, 400);
    meter.measure(first);
    EngineSnapshot second = snapshotAt(1500, 1500, 650); // 1000 in and 250 sent in 0.5 s
    meter.measure(second);
    QCOMPARE(second.sessions.first().eventsPerSecond, 2000.0);
    QCOMPARE(second.sessions.first().distributors.first().sentPerSecond, 500.0);
}

void TestRateMeter::fillReadsWithoutMeasuring() {
    RateMeter meter;
    EngineSnapshot first = snapshotAt(1000, 0, 0);
    meter.measure(first);
    EngineSnapshot second = snapshotAt(2000, 100, 100);
    meter.measure(second);
    // Reading in between (the API) sees the latest rates and leaves the next measurement alone.
    SessionSnapshot read = snapshotAt(2100, 999, 999).sessions.first();
    meter.fill(read);
    QCOMPARE(read.eventsPerSecond, 100.0);
    QCOMPARE(read.distributors.first().sentPerSecond, 100.0);
    EngineSnapshot third = snapshotAt(3000, 300, 300);
    meter.measure(third);
    QCOMPARE(third.sessions.first().eventsPerSecond, 200.0);
}

void TestRateMeter::counterGoingBackwardsKeepsTheLastRate() {
    RateMeter meter;
    EngineSnapshot first = snapshotAt(1000, 0, 0);
    meter.measure(first);
    EngineSnapshot second = snapshotAt(2000, 100, 100);
    meter.measure(second);
    EngineSnapshot restarted = snapshotAt(3000, 10, 10);
    meter.measure(restarted);
    QCOMPARE(restarted.sessions.first().eventsPerSecond, 100.0);
    EngineSnapshot next = snapshotAt(4000, 60, 60);
    meter.measure(next);
    QCOMPARE(next.sessions.first().eventsPerSecond, 50.0); // measured from the new totals
}

void TestRateMeter::forgetStartsOver() {
    RateMeter meter;
    EngineSnapshot first = snapshotAt(1000, 0, 0);
    meter.measure(first);
    EngineSnapshot second = snapshotAt(2000, 100, 100);
    meter.measure(second);
    meter.forget(QStringLiteral("s1"));
    SessionSnapshot read = second.sessions.first();
    meter.fill(read);
    QCOMPARE(read.eventsPerSecond, 0.0);
    QCOMPARE(read.distributors.first().sentPerSecond, 0.0);
}

QTEST_APPLESS_MAIN(TestRateMeter)
#include "tst_ratemeter.moc"
