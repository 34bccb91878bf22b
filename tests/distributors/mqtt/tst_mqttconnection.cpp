// MqttDistributor when the connection is the problem: last will, broker restarts, TLS,
// credentials, unreachable and silent brokers, ack timeouts and bad configs.
#include "mosquittobroker.h"
#include "mqttdistributor.h"
#include "mqtttestpeers.h"
#include "testsupport.h"

#include <QSignalSpy>
#include <QtTest>

#include <memory>

using namespace MqttTest;
using State = Distributor::State;

class TestMqttConnection : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void lastWillAndReconnectAfterAbort();
    void reconnectAfterBrokerRestart();
    void lostConnectionRetriesInFlight();
    void tls_data();
    void tls();
    void credentials();
    void unreachableBrokerKeepsEvents();
    void ackTimeoutAndInFlightCap_data();
    void ackTimeoutAndInFlightCap();
    void connectTimeout();
    void badConfig_data();
    void badConfig();

private:
    std::unique_ptr<MosquittoBroker> m_broker;
};

void TestMqttConnection::initTestCase() {
    m_broker = std::make_unique<MosquittoBroker>();
    if (!m_broker->start())
        QFAIL(qPrintable(m_broker->error()));
}

void TestMqttConnection::lastWillAndReconnectAfterAbort() {
    const QString status = QStringLiteral("will1/status");
    MqttSubscriber watcher;
    QVERIFY(watcher.start(m_broker->port(), status));
    MqttDistributor distributor(
        mqttConfig({{QStringLiteral("broker"), brokerUrl(m_broker->port())},
                    {QStringLiteral("topics"),
                     QJsonObject{{QStringLiteral("prefix"), QStringLiteral("will1")}}}}));
    QCOMPARE(startAndWait(distributor).first().toBool(), true);
    QTRY_COMPARE(watcher.payloadsOn(status).size(), 1);

    distributor.findChild<MqttClient *>()->abort(); // as a pulled cable would
    QCOMPARE(distributor.state(), State::Disconnected);
    QCOMPARE(distributor.error(), Distributor::Error::ConnectionLost);
    QTRY_COMPARE(watcher.payloadsOn(status),
                 (QByteArrayList{QByteArrayLiteral("online"), QByteArrayLiteral("offline")}));
    QTRY_COMPARE(distributor.state(), State::Connected); // backoff ~1 s
    QTRY_COMPARE(watcher.payloadsOn(status).size(), 3);
    QCOMPARE(watcher.payloadsOn(status).last(), QByteArrayLiteral("online"));
    QCOMPARE(distributor.health().value(QStringLiteral("reconnectCount")).toInt(), 1);
}

void TestMqttConnection::reconnectAfterBrokerRestart() {
    MosquittoBroker broker;
    if (!broker.start())
        QFAIL(qPrintable(broker.error()));
    MqttDistributor distributor(
        mqttConfig({{QStringLiteral("broker"), broker.url()},
                    {QStringLiteral("topics"),
                     QJsonObject{{QStringLiteral("prefix"), QStringLiteral("rc")}}}}));
    QSignalSpy states(&distributor, &Distributor::stateChanged);
    QCOMPARE(startAndWait(distributor).first().toBool(), true);

    broker.kill();
    QTRY_COMPARE(distributor.state(), State::Disconnected);
    // Routed while the broker is down: each to its own retained topic, so a subscriber that
    // connects after everything still sees all of them.
    for (quint64 seq = 1; seq <= 5; ++seq) {
        distributor.enqueue(gaze(seq),
                            {{QStringLiteral("topic"), QStringLiteral("rc/e%1").arg(seq)},
                             {QStringLiteral("retain"), true}});
    }
    QCOMPARE(distributor.stats().queued, 5);
    QCOMPARE(distributor.stats().failed, 0u);
    if (!broker.restart())
        QFAIL(qPrintable(broker.error()));

    QTRY_COMPARE_WITH_TIMEOUT(distributor.state(), State::Connected, 10000);
    QTRY_COMPARE(distributor.stats().sent, 5u);
    const DistributorStats stats = distributor.stats();
    QCOMPARE(stats.acknowledged, 5u);
    QCOMPARE(stats.failed, 0u);
    QCOMPARE(stats.droppedTotal(), 0u);
    QVERIFY(stats.isBalanced());

    QList<State> seen;
    for (const QVariantList &arguments : states)
        seen.append(arguments.first().value<State>());
    QVERIFY2(containsInOrder(seen, {State::Connected, State::Disconnected, State::Connecting,
                                    State::Connected}),
             qPrintable(QDebug::toString(seen)));

    MqttSubscriber subscriber;
    QVERIFY(subscriber.start(broker.port(), QStringLiteral("rc/+")));
    for (int seq = 1; seq <= 5; ++seq)
        QTRY_COMPARE(subscriber.messagesOn(QStringLiteral("rc/e%1").arg(seq)).size(), 1);
}

void TestMqttConnection::lostConnectionRetriesInFlight() {
    SilentBroker silent(true);
    QVERIFY(silent.listen());
    MqttDistributor distributor(mqttConfig({{QStringLiteral("broker"), brokerUrl(silent.port())},
                                            {QStringLiteral("retryDelay"), 50},
                                            {QStringLiteral("statusMessages"), false}}));
    QCOMPARE(startAndWait(distributor).first().toBool(), true);
    distributor.enqueue(gaze(1));
    distributor.enqueue(gaze(2));
    QTRY_COMPARE(silent.countOf(3), 2);
    QCOMPARE(distributor.stats().inFlight, 2);

    silent.dropClients(); // no PUBACK ever came: both go back for another attempt
    QTRY_COMPARE(distributor.state(), State::Disconnected);
    QCOMPARE(distributor.error(), Distributor::Error::ConnectionLost);
    DistributorStats stats = distributor.stats();
    QCOMPARE(stats.inFlight, 0);
    QCOMPARE(stats.retryWaiting + stats.queued, 2);
    QCOMPARE(stats.failed, 0u);
    QVERIFY(stats.lastError.startsWith(QLatin1String("MQTT connection lost")));
    QVERIFY(stats.isBalanced());

    QTRY_COMPARE(distributor.state(), State::Connected); // reconnect backoff ~1 s
    QTRY_COMPARE(silent.countOf(3), 4);
    stats = distributor.stats();
    QCOMPARE(stats.retries, 2u);
    QCOMPARE(stats.inFlight, 2);
    QVERIFY(stats.isBalanced());
}

void TestMqttConnection::tls_data() {
    QTest::addColumn<bool>("withCa");
    QTest::newRow("caFile") << true;
    QTest::newRow("system CAs only") << false;
}

void TestMqttConnection::tls() {
    QFETCH(bool, withCa);
    TestSupport::TestCertificates certificates;
    QVERIFY2(certificates.isValid(), qPrintable(certificates.error()));
    MosquittoBroker::Options options;
    options.tls = true;
    options.caFile = certificates.caFile();
    options.certificateFile = certificates.certificateFile();
    options.keyFile = certificates.keyFile();
    MosquittoBroker broker(options);
    if (!broker.start())
        QFAIL(qPrintable(broker.error()));

    QJsonObject config{
        {QStringLiteral("broker"), QStringLiteral("mqtts://127.0.0.1:%1").arg(broker.tlsPort())}};
    if (withCa)
        config.insert(QStringLiteral("caFile"), certificates.caFile());
    MqttDistributor distributor(mqttConfig(config));
    const QVariantList started = startAndWait(distributor);
    if (!withCa) {
        QCOMPARE(started.first().toBool(), false);
        const QString message = started.last().toString();
        QVERIFY2(message.contains(QLatin1String("TLS handshake failed")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("127.0.0.1:%1").arg(broker.tlsPort())),
                 qPrintable(message));
        QCOMPARE(distributor.state(), State::Error);
        QCOMPARE(distributor.error(), Distributor::Error::TlsError);
        return;
    }
    QVERIFY2(started.first().toBool(), qPrintable(started.last().toString()));
    QCOMPARE(distributor.health().value(QStringLiteral("protocol")).toString(),
             QStringLiteral("mqtts"));
    MqttSubscriber subscriber;
    QVERIFY(subscriber.start(broker.port(), QStringLiteral("labrelay/gaze")));
    distributor.enqueue(gaze(1));
    QTRY_COMPARE(subscriber.messages().size(), 1);
    QTRY_COMPARE(distributor.stats().acknowledged, 1u);
}

void TestMqttConnection::credentials() {
    MosquittoBroker::Options options;
    options.requireCredentials = true;
    MosquittoBroker broker(options);
    if (!broker.start())
        QFAIL(qPrintable(broker.error()));

    MqttDistributor refused(mqttConfig({{QStringLiteral("broker"), broker.url()},
                                        {QStringLiteral("username"), options.username},
                                        {QStringLiteral("password"), QStringLiteral("wrong")}}));
    const QVariantList failed = startAndWait(refused);
    QCOMPARE(failed.first().toBool(), false);
    QVERIFY2(
        failed.last().toString().startsWith(QLatin1String("MQTT broker refused the connection: ")),
        qPrintable(failed.last().toString()));
    QVERIFY(failed.last().toString().contains(broker.url()));
    QCOMPARE(refused.state(), State::Error); // no point retrying refused credentials
    QCOMPARE(refused.error(), Distributor::Error::AuthenticationError);

    MqttDistributor accepted(mqttConfig({{QStringLiteral("broker"), broker.url()},
                                         {QStringLiteral("username"), options.username},
                                         {QStringLiteral("password"), options.password}}));
    QCOMPARE(startAndWait(accepted).first().toBool(), true);
    accepted.enqueue(gaze(1));
    QTRY_COMPARE(accepted.stats().acknowledged, 1u);
    QVERIFY(accepted.stats().isBalanced());
}

void TestMqttConnection::unreachableBrokerKeepsEvents() {
    const quint16 port = TestSupport::freeTcpPort();
    MqttDistributor distributor(mqttConfig({{QStringLiteral("broker"), brokerUrl(port)}}));
    const QVariantList started = startAndWait(distributor);
    QCOMPARE(started.first().toBool(), false);
    QCOMPARE(
        started.last().toString(),
        QStringLiteral("Cannot connect to MQTT broker 127.0.0.1:%1: Connection refused").arg(port));
    QCOMPARE(distributor.state(), State::Disconnected); // retried with backoff
    QCOMPARE(distributor.error(), Distributor::Error::ConnectionRefused);

    for (quint64 seq = 1; seq <= 3; ++seq)
        distributor.enqueue(gaze(seq));
    QCOMPARE(distributor.stats().queued, 3);
    QCOMPARE(distributor.stats().failed, 0u);

    distributor.disconnectFromTarget();
    QCOMPARE(distributor.state(), State::Stopped);
    const DistributorStats stats = distributor.stats();
    QCOMPARE(stats.droppedBy(DropReason::Disabled), 3u);
    QVERIFY(stats.isBalanced());
}

void TestMqttConnection::ackTimeoutAndInFlightCap_data() {
    QTest::addColumn<int>("qos");
    QTest::addColumn<QString>("message");
    QTest::newRow("qos 1") << 1 << "MQTT PUBACK timeout after 200 ms";
    QTest::newRow("qos 2") << 2 << "MQTT PUBCOMP timeout after 200 ms";
}

void TestMqttConnection::ackTimeoutAndInFlightCap() {
    QFETCH(int, qos);
    QFETCH(QString, message);
    SilentBroker silent(true); // CONNACK, then never an acknowledgement
    QVERIFY(silent.listen());
    MqttDistributor distributor(mqttConfig({{QStringLiteral("broker"), brokerUrl(silent.port())},
                                            {QStringLiteral("qos"), qos},
                                            {QStringLiteral("ackTimeout"), 200},
                                            {QStringLiteral("maxInFlight"), 2},
                                            {QStringLiteral("retryAttempts"), 1},
                                            {QStringLiteral("statusMessages"), false}}));
    QCOMPARE(startAndWait(distributor).first().toBool(), true);
    for (quint64 seq = 1; seq <= 3; ++seq)
        distributor.enqueue(gaze(seq));
    QCOMPARE(distributor.stats().inFlight, 2);
    QCOMPARE(distributor.stats().queued, 1);
    QVERIFY(distributor.stats().isBalanced());

    QTRY_COMPARE(distributor.stats().failed, 3u);
    const DistributorStats stats = distributor.stats();
    QCOMPARE(stats.sent, 0u);
    QCOMPARE(stats.lastError, message);
    QVERIFY(stats.isBalanced());
    QCOMPARE(silent.countOf(3), 3); // all three PUBLISH packets reached the wire
}

void TestMqttConnection::connectTimeout() {
    SilentBroker mute(false);
    QVERIFY(mute.listen());
    MqttDistributor distributor(mqttConfig({{QStringLiteral("broker"), brokerUrl(mute.port())},
                                            {QStringLiteral("connectTimeout"), 1000}}));
    const QVariantList started = startAndWait(distributor);
    QCOMPARE(started.first().toBool(), false);
    QVERIFY2(started.last().toString().startsWith(QLatin1String("MQTT connection timeout")),
             qPrintable(started.last().toString()));
    QCOMPARE(distributor.error(), Distributor::Error::Timeout);
    QCOMPARE(distributor.state(), State::Disconnected);
    QTRY_COMPARE(mute.openConnections(), 0);
}

void TestMqttConnection::badConfig_data() {
    QTest::addColumn<QJsonObject>("config");
    QTest::addColumn<QString>("expected");
    QTest::newRow("wrong scheme") << QJsonObject{{QStringLiteral("broker"),
                                                  QStringLiteral("http://127.0.0.1:1883")}}
                                  << "MQTT broker URL http://127.0.0.1:1883 is not valid";
    QTest::newRow("no host") << QJsonObject{{QStringLiteral("broker"), QStringLiteral("mqtt://")}}
                             << "MQTT broker URL mqtt:// is not valid";
    QTest::newRow("unreadable caFile")
        << QJsonObject{{QStringLiteral("broker"), QStringLiteral("mqtts://127.0.0.1:1")},
                       {QStringLiteral("caFile"), QStringLiteral("/nonexistent/ca.pem")}}
        << "MQTT CA file /nonexistent/ca.pem for 127.0.0.1:1 is not readable";
}

void TestMqttConnection::badConfig() {
    QFETCH(QJsonObject, config);
    QFETCH(QString, expected);
    MqttDistributor distributor(mqttConfig(config));
    const QVariantList started = startAndWait(distributor);
    QCOMPARE(started.first().toBool(), false);
    QVERIFY2(started.last().toString().startsWith(expected), qPrintable(started.last().toString()));
    QCOMPARE(distributor.state(), State::Error);
    QCOMPARE(distributor.error(), Distributor::Error::ConfigurationError);
    distributor.disconnectFromTarget();
    QCOMPARE(distributor.state(), State::Stopped);
}

QTEST_GUILESS_MAIN(TestMqttConnection)
#include "tst_mqttconnection.moc"
