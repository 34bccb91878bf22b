// What UDP receivers get: the envelope (gzipped or plain), the legacy shape, per-send targets,
// the payload limit, and a burst of events in order. Real QUdpSocket receivers on 127.0.0.1.
#include "udpdistributor.h"
#include "udptestsupport.h"

#include <QJsonArray>
#include <QtTest>

using namespace UdpTest;

class TestUdpDelivery : public QObject {
    Q_OBJECT

private slots:
    void deliversEnvelope_data();
    void deliversEnvelope();
    void plainDatagramIsTheEncodedEnvelope();
    void oversizedPayloadFailsOnce();
    void optionTargetsOverrideConfig_data();
    void optionTargetsOverrideConfig();
    void burstArrivesInOrder();
    void inboundDatagramsAreDiscarded();
};

void TestUdpDelivery::deliversEnvelope_data() {
    QTest::addColumn<bool>("compress");
    QTest::addColumn<QString>("format");
    QTest::newRow("gzip envelope") << true << QStringLiteral("envelope");
    QTest::newRow("plain envelope") << false << QStringLiteral("envelope");
    QTest::newRow("gzip legacy") << true << QStringLiteral("legacy");
    QTest::newRow("plain legacy") << false << QStringLiteral("legacy");
}

void TestUdpDelivery::deliversEnvelope() {
    QFETCH(bool, compress);
    QFETCH(QString, format);
    DatagramReceiver receiver;
    QVERIFY(receiver.isBound());
    UdpDistributor udp(config({{QStringLiteral("targets"), QJsonArray{receiver.targetObject()}},
                               {QStringLiteral("compress"), compress},
                               {QStringLiteral("payloadFormat"), format}}));
    QVERIFY(start(udp));
    QCOMPARE(udp.state(), Distributor::State::Connected);

    const QJsonObject trial{{QStringLiteral("trial"), 3}};
    udp.enqueue(gazeEvent(48213), {{QStringLiteral("metadata"), trial}});
    QTRY_COMPARE_WITH_TIMEOUT(receiver.count(), 1, 5000);

    const QByteArray datagram = receiver.datagrams().first();
    QCOMPARE(datagram.startsWith("\x1f\x8b"), compress);
    const QJsonObject frame = DatagramReceiver::decode(datagram);
    QCOMPARE(frame.value(QStringLiteral("event")).toString(), QStringLiteral("neon_gaze_data"));
    QCOMPARE(frame.value(QStringLiteral("timestamp")).toInteger(), 1725880800000);
    QCOMPARE(frame.value(QStringLiteral("data")).toObject().value(QStringLiteral("x")).toDouble(),
             0.523);
    const QJsonObject metadata = frame.value(QStringLiteral("metadata")).toObject();
    QCOMPARE(metadata.value(QStringLiteral("distributor")).toString(), QStringLiteral("udp"));
    QCOMPARE(metadata.value(QStringLiteral("trial")).toInt(), 3);
    if (format == QLatin1String("legacy")) {
        // The original's shape exactly: no session id, no sequence number.
        QCOMPARE(frame.keys(),
                 QStringList({QStringLiteral("data"), QStringLiteral("event"),
                              QStringLiteral("metadata"), QStringLiteral("timestamp")}));
        QCOMPARE(metadata.value(QStringLiteral("source")).toString(),
                 QStringLiteral("synopticon-api"));
    } else {
        QCOMPARE(frame.value(QStringLiteral("sessionId")).toString(), QStringLiteral("study-001"));
        QCOMPARE(frame.value(QStringLiteral("seq")).toInteger(), 48213);
        QCOMPARE(metadata.value(QStringLiteral("source")).toString(), QStringLiteral("labrelay"));
    }

    const DistributorStats stats = udp.stats();
    QCOMPARE(stats.sent, 1u);
    QCOMPARE(stats.failed, 0u);
    QCOMPARE(stats.bytes, quint64(datagram.size()));
    QVERIFY(stats.isBalanced());
    const QJsonObject target = targetHealth(udp, receiver.target());
    QCOMPARE(target.value(QStringLiteral("sent")).toInt(), 1);
    QCOMPARE(target.value(QStringLiteral("failed")).toInt(), 0);
}

void TestUdpDelivery::plainDatagramIsTheEncodedEnvelope() {
    DatagramReceiver receiver;
    UdpDistributor udp(config({{QStringLiteral("targets"), QJsonArray{receiver.target()}},
                               {QStringLiteral("compress"), false}}));
    QVERIFY(start(udp));
    const EnvelopePtr event = gazeEvent(7);
    udp.enqueue(event);
    QTRY_COMPARE_WITH_TIMEOUT(receiver.count(), 1, 5000);
    const EnvelopeEncoder encoder(QStringLiteral("udp"), PayloadFormat::Envelope);
    QCOMPARE(receiver.datagrams().first(), encoder.encode(*event));
    QVERIFY(udp.stats().isBalanced());
}

void TestUdpDelivery::oversizedPayloadFailsOnce() {
    DatagramReceiver receiver;
    UdpDistributor udp(config({{QStringLiteral("targets"), QJsonArray{receiver.target()}},
                               {QStringLiteral("maxPayload"), 64},
                               {QStringLiteral("retryAttempts"), 3},
                               {QStringLiteral("retryDelay"), 10}}));
    QVERIFY(start(udp));
    const EnvelopePtr event = gazeEvent(1);
    const qsizetype size =
        EnvelopeEncoder(QStringLiteral("udp"), PayloadFormat::Envelope).encode(*event).size();
    QVERIFY(size > 64);
    udp.enqueue(event);

    // Not retryable: failed at once, no retry waiting, nothing on the wire.
    const DistributorStats stats = udp.stats();
    QCOMPARE(stats.failed, 1u);
    QCOMPARE(stats.retries, 0u);
    QCOMPARE(stats.retryWaiting, 0);
    QCOMPARE(stats.sent, 0u);
    QCOMPARE(stats.lastError, QStringLiteral("Payload too large: %1 bytes > 64 bytes").arg(size));
    QVERIFY(stats.isBalanced());
    QCOMPARE(receiver.socket().hasPendingDatagrams(), false);
    QCOMPARE(receiver.count(), 0);
}

void TestUdpDelivery::optionTargetsOverrideConfig_data() {
    QTest::addColumn<bool>("asString");
    QTest::newRow("object target") << false;
    QTest::newRow("host:port string") << true;
}

void TestUdpDelivery::optionTargetsOverrideConfig() {
    QFETCH(bool, asString);
    DatagramReceiver configured;
    DatagramReceiver chosen;
    UdpDistributor udp(config({{QStringLiteral("targets"), QJsonArray{configured.target()}}}));
    QVERIFY(start(udp));

    const QJsonValue target = asString ? QJsonValue(chosen.target()) : chosen.targetObject();
    udp.enqueue(gazeEvent(1), {{QStringLiteral("targets"), QJsonArray{target}}});
    udp.enqueue(gazeEvent(2));
    QTRY_COMPARE_WITH_TIMEOUT(chosen.count(), 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(configured.count(), 1, 5000);
    // The configured target got only the event without the option.
    QCOMPARE(
        DatagramReceiver::decode(chosen.datagrams().first()).value(QStringLiteral("seq")).toInt(),
        1);
    QCOMPARE(DatagramReceiver::decode(configured.datagrams().first())
                 .value(QStringLiteral("seq"))
                 .toInt(),
             2);
    QCOMPARE(udp.stats().sent, 2u);
    QVERIFY(udp.stats().isBalanced());
    QCOMPARE(targetHealth(udp, chosen.target()).value(QStringLiteral("sent")).toInt(), 1);
    QCOMPARE(targetHealth(udp, configured.target()).value(QStringLiteral("sent")).toInt(), 1);
}

void TestUdpDelivery::burstArrivesInOrder() {
    constexpr int Events = 5000;
    DatagramReceiver receiver;
    UdpDistributor udp(config({{QStringLiteral("targets"), QJsonArray{receiver.target()}},
                               {QStringLiteral("queueSize"), Events}}));
    QVERIFY(start(udp));
    for (int seq = 1; seq <= Events; ++seq)
        udp.enqueue(gazeEvent(quint64(seq)));
    QTRY_COMPARE_WITH_TIMEOUT(receiver.count(), Events, 10000);

    for (int i = 0; i < Events; ++i) {
        const QJsonObject frame = DatagramReceiver::decode(receiver.datagrams().at(i));
        QCOMPARE(frame.value(QStringLiteral("seq")).toInteger(), qint64(i + 1));
    }
    const DistributorStats stats = udp.stats();
    QCOMPARE(stats.sent, quint64(Events));
    QCOMPARE(stats.failed, 0u);
    QCOMPARE(stats.droppedTotal(), 0u);
    QVERIFY(stats.isBalanced());
}

void TestUdpDelivery::inboundDatagramsAreDiscarded() {
    UdpDistributor udp(config({}));
    QVERIFY(start(udp));
    QVERIFY(udp.localPort() != 0);
    DatagramReceiver peer;
    for (int i = 0; i < 3; ++i)
        peer.socket().writeDatagram(QByteArrayLiteral("{\"hello\":1}"), QHostAddress::LocalHost,
                                    udp.localPort());
    QTRY_COMPARE_WITH_TIMEOUT(udp.health().value(QStringLiteral("messagesReceived")).toInt(), 3,
                              5000);
}

QTEST_GUILESS_MAIN(TestUdpDelivery)
#include "tst_udpdelivery.moc"
