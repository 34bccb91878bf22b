// The WebSocket server's life: starting on a busy port or a bad address, shutting down with
// its clients, and closing a consumer that stopped reading.
#include "rawwebsocketpeer.h"
#include "websockettestclient.h"
#include "websockettesthelpers.h"

#include <QTcpServer>
#include <QtTest>

using namespace WebSocketTest;

class TestWebSocketLifecycle : public QObject {
    Q_OBJECT

private slots:
    void shutdownClosesClientsAndFreesPort();
    void restartAfterStop();
    void busyPortIsAnError();
    void badHostIsAConfigurationError_data();
    void badHostIsAConfigurationError();
    void stuckConsumerIsClosed();
    void slowConsumerSkipsFramesButStays();
};

void TestWebSocketLifecycle::shutdownClosesClientsAndFreesPort() {
    bool ok = false;
    auto distributor = start({}, &ok);
    QVERIFY(ok);
    const quint16 port = distributor->serverPort();
    WebSocketTestClient first;
    WebSocketTestClient second;
    QVERIFY(first.connectAndWelcome(url(*distributor)));
    QVERIFY(second.connectAndWelcome(url(*distributor)));
    QTRY_COMPARE(distributor->stats().connectedClients, 2);

    QSignalSpy stopped(distributor.get(), &Distributor::stopped);
    distributor->disconnectFromTarget();
    QCOMPARE(stopped.size(), 1);
    QCOMPARE(distributor->state(), Distributor::State::Stopped);
    QCOMPARE(distributor->serverPort(), quint16(0));
    QCOMPARE(distributor->stats().connectedClients, 0);

    // The port is free the moment disconnectFromTarget() returns.
    QTcpServer rebind;
    QVERIFY2(rebind.listen(QHostAddress::LocalHost, port), qPrintable(rebind.errorString()));

    for (WebSocketTestClient *client : {&first, &second}) {
        QVERIFY(client->waitForDisconnect());
        QCOMPARE(client->closeCode(), 1001);
        QCOMPARE(client->closeReason(), QStringLiteral("Server shutting down"));
    }
    distributor->enqueue(envelope(QStringLiteral("gaze"), 1));
    const DistributorStats stats = distributor->stats();
    QCOMPARE(stats.droppedBy(DropReason::Disabled), 1u);
    QVERIFY(stats.isBalanced());
}

void TestWebSocketLifecycle::restartAfterStop() {
    bool ok = false;
    auto distributor = start({}, &ok);
    QVERIFY(ok);
    distributor->disconnectFromTarget();
    QCOMPARE(distributor->state(), Distributor::State::Stopped);
    distributor->disconnectFromTarget(); // stopping twice is harmless

    QSignalSpy started(distributor.get(), &Distributor::started);
    distributor->connectToTarget();
    QCOMPARE(started.size(), 1);
    QVERIFY(started.first().first().toBool());
    WebSocketTestClient client;
    QVERIFY(client.connectAndWelcome(url(*distributor)));
    distributor->enqueue(envelope(QStringLiteral("gaze"), 1));
    QVERIFY(client.waitForFrames(2));
    QCOMPARE(distributor->stats().sent, 1u);
    QVERIFY(distributor->stats().isBalanced());
}

void TestWebSocketLifecycle::busyPortIsAnError() {
    bool ok = false;
    auto first = start({}, &ok);
    QVERIFY(ok);
    const int port = first->serverPort();
    auto second = start({{QStringLiteral("port"), port}}, &ok);
    QVERIFY(!ok);
    QCOMPARE(second->state(), Distributor::State::Error);
    QCOMPARE(second->error(), Distributor::Error::AddressInUse);
    const QString expected =
        QStringLiteral("WebSocket server cannot listen on 127.0.0.1:%1: ").arg(port);
    QVERIFY2(second->errorString().startsWith(expected), qPrintable(second->errorString()));
    QCOMPARE(second->serverPort(), quint16(0));

    // Events wait in the outbox of a distributor that is not running, then count as disabled.
    second->enqueue(envelope(QStringLiteral("gaze"), 1));
    QCOMPARE(second->stats().queued, 1);
    QVERIFY(second->stats().isBalanced());
    second->disconnectFromTarget();
    QCOMPARE(second->stats().droppedBy(DropReason::Disabled), 1u);
    QVERIFY(second->stats().isBalanced());
    // The first one was not disturbed.
    WebSocketTestClient client;
    QVERIFY(client.connectAndWelcome(url(*first)));
}

void TestWebSocketLifecycle::badHostIsAConfigurationError_data() {
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("fragment");
    QTest::newRow("not an address")
        << QStringLiteral("lab-server.invalid")
        << QStringLiteral("\"lab-server.invalid\" is not an IP address");
    QTest::newRow("address not on this machine")
        << QStringLiteral("192.0.2.1") << QStringLiteral("cannot listen on 192.0.2.1:");
}

void TestWebSocketLifecycle::badHostIsAConfigurationError() {
    QFETCH(QString, host);
    QFETCH(QString, fragment);
    bool ok = false;
    auto distributor = start({{QStringLiteral("host"), host}}, &ok);
    QVERIFY(!ok);
    QCOMPARE(distributor->state(), Distributor::State::Error);
    QCOMPARE(distributor->error(), Distributor::Error::ConfigurationError);
    QVERIFY2(distributor->errorString().contains(fragment), qPrintable(distributor->errorString()));
    distributor->disconnectFromTarget();
    QCOMPARE(distributor->state(), Distributor::State::Stopped);
}

void TestWebSocketLifecycle::stuckConsumerIsClosed() {
    bool ok = false;
    auto distributor = start({}, &ok);
    QVERIFY(ok);
    distributor->setStuckConsumerTimeout(300);
    WebSocketTestClient healthy;
    QVERIFY(healthy.connectAndWelcome(url(*distributor)));

    // A consumer that completes the upgrade and then never reads again.
    RawWebSocketPeer stuck;
    stuck.open(distributor->serverPort(), false);
    QTRY_COMPARE(distributor->stats().connectedClients, 2);

    // Producer: one 64 KiB event per timer tick until the stuck consumer is dropped.
    const QJsonValue payload(QString(64 * 1024, u'g'));
    quint64 seq = 0;
    QTimer producer;
    producer.setInterval(2);
    connect(&producer, &QTimer::timeout, this,
            [&] { distributor->enqueue(envelope(QStringLiteral("frame"), ++seq, payload)); });
    producer.start();
    QTRY_COMPARE_WITH_TIMEOUT(distributor->stats().connectedClients, 1, 20000);
    producer.stop();

    const DistributorStats stats = distributor->stats();
    QVERIFY2(stats.lastError.contains(QStringLiteral("stopped reading")),
             qPrintable(stats.lastError));
    QCOMPARE(stats.sent, seq); // every event still reached the healthy consumer
    QCOMPARE(stats.failed, 0u);
    QVERIFY(stats.isBalanced());
    QVERIFY(healthy.waitForFrames(int(seq) + 1, 10000));
    QVERIFY(!healthy.isDisconnected());
    QCOMPARE(distributor->state(), Distributor::State::Connected);
}

// A consumer that reads, but slower than the stream, keeps its connection: frames are skipped for
// it (counted) while its backlog is over the limit, and it gets frames again once it caught up.
void TestWebSocketLifecycle::slowConsumerSkipsFramesButStays() {
    bool ok = false;
    auto distributor = start({}, &ok);
    QVERIFY(ok);
    RawWebSocketPeer slow;
    slow.open(distributor->serverPort(), false); // not reading for now
    QTRY_COMPARE(distributor->stats().connectedClients, 1);

    // A burst far over the backlog limit while the consumer does not read.
    const QJsonValue payload(QString(64 * 1024, u'g'));
    quint64 seq = 0;
    while (distributor->stats().droppedBy(DropReason::QueueFull) == 0 && seq < 1000) {
        distributor->enqueue(envelope(QStringLiteral("frame"), ++seq, payload));
        QCoreApplication::processEvents();
    }
    DistributorStats stats = distributor->stats();
    QVERIFY(stats.droppedBy(DropReason::QueueFull) > 0);
    QVERIFY2(stats.lastError.contains(QStringLiteral("reads slower than the stream")),
             qPrintable(stats.lastError));
    QCOMPARE(stats.connectedClients, 1); // still connected
    QVERIFY(stats.isBalanced());

    // It starts reading and catches up; new events reach it again.
    slow.startReading();
    QTRY_VERIFY_WITH_TIMEOUT(slow.bytesReceived() > 4 * 1024 * 1024, 20000);
    const quint64 sentBefore = distributor->stats().sent;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            distributor->enqueue(envelope(QStringLiteral("frame"), ++seq, QJsonValue(1)));
            return distributor->stats().sent > sentBefore;
        }(),
        20000);
    QCOMPARE(distributor->stats().connectedClients, 1);
    QVERIFY(distributor->stats().isBalanced());
}

QTEST_GUILESS_MAIN(TestWebSocketLifecycle)
#include "tst_websocketlifecycle.moc"
