// The engine on its own thread: queued calls with QFuture results, snapshots (never per-event
// signals) at no more than 10 Hz, and every port released when the host goes.
#include "enginehost.h"
#include "enginetesthelpers.h"
#include "testpeers.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTcpServer>
#include <QThread>

class TestEngineHost : public QObject {
    Q_OBJECT

private slots:
    void runsTheEngineOnItsOwnThread();
    void snapshotsAreRateLimited();
    void shutdownReleasesPorts();
};

void TestEngineHost::runsTheEngineOnItsOwnThread() {
    EngineHost host;
    QVERIFY(host.manager()->thread() != QThread::currentThread());
    UdpReceiver receiver;
    const SessionConfig options = udpAndWebSocket(receiver, TestSupport::freeTcpPort());
    QThread *engineThread = nullptr;
    const Result<CreateSessionResult> created = await(host.invoke([&](SessionManager &manager) {
        engineThread = QThread::currentThread();
        return manager.createSession(QStringLiteral("s"), options);
    }));
    QVERIFY2(created.ok(), qPrintable(created.error()));
    QCOMPARE(engineThread, host.manager()->thread());

    const quint64 seq = await(host.invoke([](SessionManager &manager) {
        return manager.routeEvent(QStringLiteral("s"), QStringLiteral("gaze"), 1)->seq;
    }));
    QCOMPARE(seq, 1u);
    QTRY_COMPARE(receiver.count(), 1);
    const QJsonObject status = await(host.invoke([](SessionManager &manager) {
        return manager.getSessionStatus(QStringLiteral("s")).value();
    }));
    QCOMPARE(status.value(QStringLiteral("status")).toString(), QStringLiteral("active"));
}

void TestEngineHost::snapshotsAreRateLimited() {
    EngineHost host;
    UdpReceiver receiver;
    const SessionConfig options = udpAndWebSocket(receiver, TestSupport::freeTcpPort());
    QVERIFY(await(host.invoke([&](SessionManager &manager) {
                return manager.createSession(QStringLiteral("s"), options);
            })).ok());
    QCOMPARE(await(host.invoke([](SessionManager &manager) {
                 manager.setSnapshotInterval(10); // asking for 100 Hz gets 10 Hz
                 return manager.snapshotInterval();
             })),
             100);

    QSignalSpy snapshots(host.manager(), &SessionManager::snapshotReady);
    QElapsedTimer elapsed;
    elapsed.start();
    // 20k events in bursts: observers still get only timed snapshots.
    for (int burst = 0; burst < 20; ++burst) {
        host.invoke([](SessionManager &manager) {
            for (int i = 0; i < 1000; ++i)
                manager.routeEvent(QStringLiteral("s"), QStringLiteral("gaze"), i);
        });
    }
    QTRY_VERIFY_WITH_TIMEOUT(
        !snapshots.isEmpty()
            && snapshots.last().first().value<EngineSnapshot>().sessions.value(0).eventsIn == 20000,
        15000);
    const int allowed = int(elapsed.elapsed() / 100) + 2;
    QVERIFY2(
        snapshots.count() <= allowed,
        qPrintable(
            QStringLiteral("%1 snapshots in %2 ms").arg(snapshots.count()).arg(elapsed.elapsed())));
    const EngineSnapshot last = snapshots.last().first().value<EngineSnapshot>();
    const DistributorSnapshot *udp =
        last.session(QStringLiteral("s"))->distributor(QStringLiteral("udp"));
    QCOMPARE(udp->routed, 20000u);
    QVERIFY(balanced(*udp));
}

void TestEngineHost::shutdownReleasesPorts() {
    const quint16 wsPort = TestSupport::freeTcpPort();
    {
        EngineHost host;
        UdpReceiver receiver;
        const SessionConfig options = udpAndWebSocket(receiver, wsPort);
        QVERIFY(await(host.invoke([&](SessionManager &manager) {
                    return manager.createSession(QStringLiteral("s"), options);
                })).ok());
        QTcpServer taken;
        QVERIFY(!taken.listen(QHostAddress::LocalHost, wsPort));
    }
    QTcpServer free;
    QVERIFY2(free.listen(QHostAddress::LocalHost, wsPort), "the WebSocket port is still taken");
}

QTEST_GUILESS_MAIN(TestEngineHost)
#include "tst_enginehost.moc"
