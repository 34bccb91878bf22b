// Per-target results and the socket's lifecycle: partial and total target failures, retries,
// bind errors, bad targets, releasing the port, name resolution and the health report.
#include "udpdistributor.h"
#include "udptestsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QtTest>

using namespace UdpTest;

class TestUdpTargets : public QObject {
    Q_OBJECT

private slots:
    void partialFailureStillCountsAsSent();
    void allTargetsFailAfterRetries();
    void invalidOptionTargetFailsWithoutRetry();
    void bindPortInUseIsAnError();
    void invalidConfigTargetIsAnError();
    void stopReleasesThePort();
    void stopWithoutStartIsSafe();
    void hostNameIsResolvedAsynchronously();
    void healthReport();
};

namespace {

// An IPv6 destination cannot be reached from the IPv4 socket: writeDatagram() fails locally
// and nothing leaves this machine (checked on this machine; 255.255.255.255 is no good because
// Qt enables SO_BROADCAST on every UDP socket, so that would really broadcast).
const QString unreachable = QStringLiteral("[::1]:9");

} // namespace

void TestUdpTargets::partialFailureStillCountsAsSent() {
    DatagramReceiver receiver;
    UdpDistributor udp(
        config({{QStringLiteral("targets"), QJsonArray{unreachable, receiver.target()}}}));
    QVERIFY(start(udp));
    QCOMPARE(udp.targetDescription(), QStringLiteral("2 targets"));
    udp.enqueue(gazeEvent(1));
    QTRY_COMPARE_WITH_TIMEOUT(receiver.count(), 1, 5000);

    const DistributorStats stats = udp.stats();
    QCOMPARE(stats.sent, 1u);
    QCOMPARE(stats.failed, 0u);
    QCOMPARE(stats.retries, 0u);
    QCOMPARE(stats.bytes, quint64(receiver.datagrams().first().size()));
    QVERIFY(stats.isBalanced());

    const QJsonObject bad = targetHealth(udp, unreachable);
    QCOMPARE(bad.value(QStringLiteral("sent")).toInt(), 0);
    QCOMPARE(bad.value(QStringLiteral("failed")).toInt(), 1);
    QVERIFY(!bad.value(QStringLiteral("lastError")).toString().isEmpty());
    const QJsonObject good = targetHealth(udp, receiver.target());
    QCOMPARE(good.value(QStringLiteral("sent")).toInt(), 1);
    QCOMPARE(good.value(QStringLiteral("failed")).toInt(), 0);
}

void TestUdpTargets::allTargetsFailAfterRetries() {
    UdpDistributor udp(config({{QStringLiteral("targets"), QJsonArray{unreachable}},
                               {QStringLiteral("retryAttempts"), 3},
                               {QStringLiteral("retryDelay"), 10}}));
    QVERIFY(start(udp));
    udp.enqueue(gazeEvent(1));
    QTRY_COMPARE_WITH_TIMEOUT(udp.stats().failed, 1u, 5000);

    const DistributorStats stats = udp.stats();
    QCOMPARE(stats.sent, 0u);
    QCOMPARE(stats.retries, 2u);
    QVERIFY2(stats.lastError.startsWith(QLatin1String("All UDP targets failed: [::1]:9: ")),
             qPrintable(stats.lastError));
    QVERIFY(stats.isBalanced());
    QCOMPARE(targetHealth(udp, unreachable).value(QStringLiteral("failed")).toInt(), 3);
}

void TestUdpTargets::invalidOptionTargetFailsWithoutRetry() {
    UdpDistributor udp(config({{QStringLiteral("retryDelay"), 10}}));
    QVERIFY(start(udp));
    udp.enqueue(gazeEvent(1), {{QStringLiteral("targets"), QJsonArray{QStringLiteral("nowhere")}}});
    const DistributorStats stats = udp.stats();
    QCOMPARE(stats.failed, 1u);
    QCOMPARE(stats.retries, 0u);
    QCOMPARE(stats.lastError,
             QStringLiteral("All UDP targets failed: UDP target \"nowhere\" is not host:port"));
    QVERIFY(stats.isBalanced());
}

void TestUdpTargets::bindPortInUseIsAnError() {
    QUdpSocket occupant;
    QVERIFY(occupant.bind(QHostAddress::AnyIPv4, 0));
    const quint16 port = occupant.localPort();
    UdpDistributor udp(config({{QStringLiteral("bindPort"), int(port)}}));
    QString error;
    QVERIFY(!start(udp, &error));
    QCOMPARE(udp.state(), Distributor::State::Error);
    QCOMPARE(udp.error(), Distributor::Error::AddressInUse);
    QCOMPARE(error,
             QStringLiteral("UDP socket cannot bind port %1: The bound address is already in use")
                 .arg(port));
    QCOMPARE(udp.errorString(), error);
    QCOMPARE(udp.localPort(), quint16(0));

    // Events wait in the outbox and are counted as dropped when the distributor is stopped.
    udp.enqueue(gazeEvent(1));
    QCOMPARE(udp.stats().queued, 1);
    QVERIFY(udp.stats().isBalanced());
    udp.disconnectFromTarget();
    QCOMPARE(udp.state(), Distributor::State::Stopped);
    QCOMPARE(udp.stats().droppedBy(DropReason::Disabled), 1u);
    QVERIFY(udp.stats().isBalanced());
}

void TestUdpTargets::invalidConfigTargetIsAnError() {
    UdpDistributor udp(config({{QStringLiteral("targets"), QJsonArray{QStringLiteral("bad")}}}));
    QString error;
    QVERIFY(!start(udp, &error));
    QCOMPARE(udp.state(), Distributor::State::Error);
    QCOMPARE(udp.error(), Distributor::Error::ConfigurationError);
    QCOMPARE(error, QStringLiteral("UDP target \"bad\" is not host:port"));
    QCOMPARE(udp.localPort(), quint16(0)); // nothing left bound
}

void TestUdpTargets::stopReleasesThePort() {
    QUdpSocket probe;
    QVERIFY(probe.bind(QHostAddress::AnyIPv4, 0));
    const quint16 port = probe.localPort();
    probe.close();

    UdpDistributor udp(config({{QStringLiteral("bindPort"), int(port)}}));
    QVERIFY(start(udp));
    QCOMPARE(udp.localPort(), port);
    QSignalSpy stopped(&udp, &Distributor::stopped);
    udp.disconnectFromTarget();
    QCOMPARE(stopped.size(), 1);
    QCOMPARE(udp.state(), Distributor::State::Stopped);
    const QJsonObject socket = udp.health().value(QStringLiteral("socket")).toObject();
    QCOMPARE(socket.value(QStringLiteral("connected")).toBool(), false);

    QUdpSocket successor;
    QVERIFY2(successor.bind(QHostAddress::AnyIPv4, port), qPrintable(successor.errorString()));
    successor.close();

    // And it starts again on the same port.
    QVERIFY(start(udp));
    QCOMPARE(udp.localPort(), port);
    udp.disconnectFromTarget();
}

void TestUdpTargets::stopWithoutStartIsSafe() {
    UdpDistributor udp(config({}));
    QSignalSpy stopped(&udp, &Distributor::stopped);
    udp.disconnectFromTarget();
    QCOMPARE(stopped.size(), 1);
    QCOMPARE(udp.state(), Distributor::State::Stopped);
    udp.enqueue(gazeEvent(1));
    QCOMPARE(udp.stats().droppedBy(DropReason::Disabled), 1u);
    QVERIFY(udp.stats().isBalanced());
}

void TestUdpTargets::hostNameIsResolvedAsynchronously() {
    // Only a name that /etc/hosts maps to loopback: the test must not ask a DNS server.
    // A name /etc/hosts maps to an IPv4 loopback address: 127.0.0.1 (many containers) or
    // 127.0.1.1 (Debian's installer), so the lookup never reaches a DNS server.
    QFile hosts(QStringLiteral("/etc/hosts"));
    QString name;
    QHostAddress address;
    if (hosts.open(QIODevice::ReadOnly | QIODevice::Text)) {
        static const QRegularExpression separator(QStringLiteral("\\s+"));
        while (name.isEmpty() && !hosts.atEnd()) {
            const QStringList fields =
                QString::fromLatin1(hosts.readLine()).trimmed().split(separator);
            if (fields.size() < 2 || !address.setAddress(fields.first())
                || address.protocol() != QAbstractSocket::IPv4Protocol || !address.isLoopback())
                continue;
            for (const QString &alias : fields.mid(1)) {
                if (alias.startsWith(QLatin1Char('#')))
                    break;
                if (alias.compare(QLatin1String("localhost"), Qt::CaseInsensitive) != 0) {
                    name = alias;
                    break;
                }
            }
        }
    }
    if (name.isEmpty())
        QSKIP("/etc/hosts maps no name other than localhost to a loopback address");

    DatagramReceiver receiver(address);
    QVERIFY(receiver.isBound());
    const QString label = name + QLatin1Char(':') + QString::number(receiver.port());
    UdpDistributor udp(config({{QStringLiteral("targets"), QJsonArray{label}}}));
    QVERIFY(start(udp));
    QCOMPARE(targetHealth(udp, label).value(QStringLiteral("address")).toString(),
             address.toString());
    udp.enqueue(gazeEvent(1));
    QTRY_COMPARE_WITH_TIMEOUT(receiver.count(), 1, 5000);

    // The same name in a send's options waits for its own lookup, then goes out.
    UdpDistributor other(config({{QStringLiteral("retryDelay"), 10}}));
    QVERIFY(start(other));
    other.enqueue(gazeEvent(2), {{QStringLiteral("targets"), QJsonArray{label}}});
    QTRY_COMPARE_WITH_TIMEOUT(receiver.count(), 2, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(other.stats().sent, 1u, 5000);
    QVERIFY(other.stats().isBalanced());

    // Stopping while an event waits for its lookup drops it, counted.
    UdpDistributor stopping(config({}));
    QVERIFY(start(stopping));
    stopping.enqueue(gazeEvent(3), {{QStringLiteral("targets"), QJsonArray{label}}});
    QCOMPARE(stopping.stats().inFlight, 1);
    stopping.disconnectFromTarget();
    QCOMPARE(stopping.stats().droppedBy(DropReason::Disabled), 1u);
    QCOMPARE(stopping.stats().inFlight, 0);
    QVERIFY(stopping.stats().isBalanced());
}

void TestUdpTargets::healthReport() {
    UdpDistributor udp(config({}));
    QCOMPARE(udp.targetDescription(), QStringLiteral("127.0.0.1:9999"));
    QVERIFY(start(udp));
    const QJsonObject health = udp.health();
    QCOMPARE(health.value(QStringLiteral("status")).toString(), QStringLiteral("connected"));
    QCOMPARE(health.value(QStringLiteral("protocol")).toString(), QStringLiteral("udp"));
    QCOMPARE(health.value(QStringLiteral("target")).toString(), QStringLiteral("127.0.0.1:9999"));
    const QJsonObject socket = health.value(QStringLiteral("socket")).toObject();
    QCOMPARE(socket.value(QStringLiteral("connected")).toBool(), true);
    QCOMPARE(socket.value(QStringLiteral("address")).toString(), QStringLiteral("0.0.0.0"));
    QCOMPARE(socket.value(QStringLiteral("port")).toInt(), int(udp.localPort()));
    const QJsonObject config = health.value(QStringLiteral("config")).toObject();
    QCOMPARE(config.value(QStringLiteral("port")).toInt(), 9999);
    QCOMPARE(config.value(QStringLiteral("host")).toString(), QStringLiteral("127.0.0.1"));
    QCOMPARE(config.value(QStringLiteral("maxPayload")).toInt(), 1024);
    QCOMPARE(config.value(QStringLiteral("compress")).toBool(), true);
    QCOMPARE(health.value(QStringLiteral("capabilities")).toArray(),
             QJsonArray({QStringLiteral("send"), QStringLiteral("broadcast"),
                         QStringLiteral("high_frequency")}));
    const QJsonArray targets = health.value(QStringLiteral("targets")).toArray();
    QCOMPARE(targets.size(), 1);
    QCOMPARE(targets.first().toObject().value(QStringLiteral("target")).toString(),
             QStringLiteral("127.0.0.1:9999"));
    QCOMPARE(targets.first().toObject().value(QStringLiteral("resolved")).toBool(), true);
}

QTEST_GUILESS_MAIN(TestUdpTargets)
#include "tst_udptargets.moc"
