// The UDP probe as the receiver of a real UDP distributor: gzip and plain datagrams, loss
// accounting, and the cases where it cannot listen (port taken, target on another machine).
#include "probetesthelpers.h"
#include "udpdistributor.h"
#include "udpprobe.h"

#include <QJsonArray>
#include <QUdpSocket>

using namespace ProbeTest;

namespace {

quint16 freeUdpPort() {
    QUdpSocket socket;
    socket.bind(QHostAddress::LocalHost, 0);
    return socket.localPort();
}

QJsonObject udpConfig(const QJsonArray &targets, const QJsonObject &overrides = {}) {
    QJsonObject local{{QStringLiteral("targets"), targets}};
    for (auto it = overrides.begin(); it != overrides.end(); ++it)
        local.insert(it.key(), it.value());
    return config(DistributorType::Udp, local);
}

QJsonObject target(const QString &host, quint16 port) {
    return {{QStringLiteral("host"), host}, {QStringLiteral("port"), port}};
}

} // namespace

class TestUdpProbe : public QObject {
    Q_OBJECT

private slots:
    void delivery_data();
    void delivery();
    void lossAccounting();
    void legacyCannotMeasureLoss();
    void picksTheLoopbackTarget();
    void portTaken_data();
    void portTaken();
    void notLoopback_data();
    void notLoopback();
    void stopReleasesThePort();
    void ignoresGarbage();
};

void TestUdpProbe::delivery_data() {
    QTest::addColumn<bool>("compress");
    QTest::addColumn<QString>("host");
    QTest::newRow("gzip") << true << QStringLiteral("127.0.0.1");
    QTest::newRow("plain") << false << QStringLiteral("127.0.0.1");
    QTest::newRow("localhost") << true << QStringLiteral("localhost");
}

void TestUdpProbe::delivery() {
    QFETCH(bool, compress);
    QFETCH(QString, host);
    const quint16 port = freeUdpPort();
    const QJsonObject cfg =
        udpConfig(QJsonArray{target(host, port)}, {{QStringLiteral("compress"), compress}});
    UdpProbe probe(cfg);
    QCOMPARE(probe.listenTarget(), QStringLiteral("%1:%2").arg(host).arg(port));
    QVERIFY(startProbe(probe));
    QCOMPARE(probe.localPort(), port);
    UdpDistributor distributor(cfg);
    QVERIFY(startDistributor(distributor));
    verifyDelivery(distributor, probe, 200);
}

void TestUdpProbe::lossAccounting() {
    const quint16 port = freeUdpPort();
    const QJsonObject cfg = udpConfig(QJsonArray{target(QStringLiteral("127.0.0.1"), port)});
    UdpProbe probe(cfg);
    QVERIFY(startProbe(probe));
    UdpDistributor distributor(cfg);
    QVERIFY(startDistributor(distributor));
    verifyLossAccounting(distributor, probe);
}

void TestUdpProbe::legacyCannotMeasureLoss() {
    const quint16 port = freeUdpPort();
    const QJsonObject cfg =
        udpConfig(QJsonArray{target(QStringLiteral("127.0.0.1"), port)},
                  {{QStringLiteral("payloadFormat"), QStringLiteral("legacy")}});
    UdpProbe probe(cfg);
    QVERIFY(startProbe(probe));
    UdpDistributor distributor(cfg);
    QVERIFY(startDistributor(distributor));
    for (quint64 seq = 1; seq <= 4; ++seq)
        send(distributor, probe, envelope(seq));
    QTRY_COMPARE_WITH_TIMEOUT(probe.snapshot().received, 4u, 5000);
    QCOMPARE(probe.snapshot().lost, 0u);
    QVERIFY(probe.note().contains(QLatin1String("cannot be measured")));
}

void TestUdpProbe::picksTheLoopbackTarget() {
    const quint16 port = freeUdpPort();
    const QJsonObject cfg =
        udpConfig(QJsonArray{QStringLiteral("192.0.2.10:9999"),
                             QString(QStringLiteral("127.0.0.1:") + QString::number(port))});
    UdpProbe probe(cfg);
    QCOMPARE(probe.listenTarget(), QStringLiteral("127.0.0.1:%1").arg(port));
    QVERIFY(startProbe(probe));

    // No targets at all: the default host and port are the target.
    UdpProbe defaults(config(DistributorType::Udp, {{QStringLiteral("targets"), QJsonArray()},
                                                    {QStringLiteral("port"), int(port)}}));
    QCOMPARE(defaults.listenTarget(), QStringLiteral("127.0.0.1:%1").arg(port));
}

void TestUdpProbe::portTaken_data() {
    QTest::addColumn<int>("bindMode");
    QTest::newRow("default bind") << int(QAbstractSocket::DefaultForPlatform);
    QTest::newRow("shared bind") << int(QAbstractSocket::ShareAddress
                                        | QAbstractSocket::ReuseAddressHint);
    QTest::newRow("exclusive bind") << int(QAbstractSocket::DontShareAddress);
}

void TestUdpProbe::portTaken() {
    QFETCH(int, bindMode);
    QUdpSocket other;
    QVERIFY(other.bind(QHostAddress::LocalHost, 0, QAbstractSocket::BindMode(bindMode)));
    const QJsonObject cfg =
        udpConfig(QJsonArray{target(QStringLiteral("127.0.0.1"), other.localPort())});
    UdpProbe probe(cfg);
    QSignalSpy status(&probe, &DeliveryProbe::statusChanged);
    probe.start();
    QVERIFY(!status.isEmpty());
    const ProbeSnapshot snapshot = probe.snapshot();
    QVERIFY(snapshot.enabled);
    QVERIFY(!snapshot.connected);
    QCOMPARE(snapshot.note, QStringLiteral("not available: UDP port 127.0.0.1:%1 is taken by "
                                           "another program, which receives the datagrams "
                                           "instead")
                                .arg(other.localPort()));
    // Nothing is counted while not available.
    const EnvelopePtr event = envelope(1);
    probe.expect(event->seq, event->enteredNs);
    QCOMPARE(probe.ledger().tracked(), 0);
}

void TestUdpProbe::notLoopback_data() {
    QTest::addColumn<QJsonArray>("targets");
    QTest::addColumn<QString>("note");
    QTest::newRow("remote address")
        << QJsonArray{target(QStringLiteral("192.0.2.10"), 9999)}
        << QStringLiteral("not available: UDP target 192.0.2.10:9999 is not on this machine; "
                          "only loopback targets (127.0.0.1, localhost) can be listened to");
    QTest::newRow("remote names")
        << QJsonArray{QStringLiteral("lab.example:7000"), QStringLiteral("10.1.2.3:7001")}
        << QStringLiteral("not available: UDP target lab.example:7000, 10.1.2.3:7001 is not on "
                          "this machine; only loopback targets (127.0.0.1, localhost) can be "
                          "listened to");
    QTest::newRow("no valid target")
        << QJsonArray{QStringLiteral("nonsense")}
        << QStringLiteral("not available: the UDP distributor has no valid target");
}

void TestUdpProbe::notLoopback() {
    QFETCH(QJsonArray, targets);
    QFETCH(QString, note);
    UdpProbe probe(udpConfig(targets));
    QVERIFY(probe.listenTarget().isEmpty());
    probe.start();
    QVERIFY(!probe.isConnected());
    QCOMPARE(probe.snapshot().note, note);
    probe.stop();
    QVERIFY(probe.snapshot().note.isEmpty());
}

void TestUdpProbe::stopReleasesThePort() {
    const quint16 port = freeUdpPort();
    UdpProbe probe(udpConfig(QJsonArray{target(QStringLiteral("127.0.0.1"), port)}));
    QVERIFY(startProbe(probe));
    QUdpSocket other;
    QVERIFY(!other.bind(QHostAddress::LocalHost, port, QAbstractSocket::DontShareAddress));
    probe.stop();
    QVERIFY(other.bind(QHostAddress::LocalHost, port, QAbstractSocket::DontShareAddress));
    other.close();
    QVERIFY(startProbe(probe)); // and it can start again
}

void TestUdpProbe::ignoresGarbage() {
    const quint16 port = freeUdpPort();
    UdpProbe probe(udpConfig(QJsonArray{target(QStringLiteral("127.0.0.1"), port)}));
    QVERIFY(startProbe(probe));
    QUdpSocket sender;
    // Corrupt gzip is dropped; a bare JSON envelope counts.
    sender.writeDatagram(QByteArray("\x1f\x8b garbage"), QHostAddress::LocalHost, port);
    const EnvelopePtr event = envelope(1);
    probe.expect(event->seq, event->enteredNs);
    sender.writeDatagram(
        EnvelopeEncoder(QStringLiteral("udp"), PayloadFormat::Envelope).encode(*event),
        QHostAddress::LocalHost, port);
    QTRY_COMPARE_WITH_TIMEOUT(probe.snapshot().received, 1u, 5000);
    QVERIFY(probe.isMeasurable());
}

QTEST_GUILESS_MAIN(TestUdpProbe)
#include "tst_udpprobe.moc"
