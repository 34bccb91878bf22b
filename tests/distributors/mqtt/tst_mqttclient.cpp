// MqttClient against a real mosquitto broker (and bare TCP servers) on 127.0.0.1.
#include "mosquittobroker.h"
#include "mqttclient.h"
#include "mqtttestpeers.h"
#include "testsupport.h"

#include <QSignalSpy>
#include <QtTest>

#include <memory>

using State = MqttClient::State;

class TestMqttClient : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void publishReachesSubscriber_data();
    void publishReachesSubscriber();
    void retainedMessageReachesLateSubscriber();
    void lastWillAfterAbort();
    void disconnectSendsDisconnectAndReleasesSocket();
    void abortClosesWithoutDisconnect();
    void hostNameIsResolvedWithoutBlocking();
    void refusedCredentials_data();
    void refusedCredentials();
    void unreachableBroker();
    void connectTimeout();
    void tls();
    void tlsWithoutTrustedCa();
    void unreadableCaFile();
    void publishWhileDisconnectedFails();

private:
    bool connectClient(MqttClient &client, quint16 port);

    std::unique_ptr<MosquittoBroker> m_broker;
};

bool TestMqttClient::connectClient(MqttClient &client, quint16 port) {
    client.setHostname(QStringLiteral("127.0.0.1"));
    client.setPort(port);
    QSignalSpy states(&client, &MqttClient::stateChanged);
    client.connectToHost();
    while (client.state() == State::Connecting) {
        if (!states.wait(5000))
            return false;
    }
    return client.state() == State::Connected;
}

void TestMqttClient::initTestCase() {
    m_broker = std::make_unique<MosquittoBroker>();
    if (!m_broker->start())
        QFAIL(qPrintable(m_broker->error()));
}

void TestMqttClient::publishReachesSubscriber_data() {
    QTest::addColumn<MqttClient::ProtocolVersion>("version");
    QTest::addColumn<int>("qos");
    for (const auto version :
         {MqttClient::ProtocolVersion::Mqtt311, MqttClient::ProtocolVersion::Mqtt5}) {
        const char *name = version == MqttClient::ProtocolVersion::Mqtt5 ? "v5" : "v3.1.1";
        for (int qos = 0; qos <= 2; ++qos)
            QTest::addRow("%s qos %d", name, qos) << version << qos;
    }
}

void TestMqttClient::publishReachesSubscriber() {
    QFETCH(MqttClient::ProtocolVersion, version);
    QFETCH(int, qos);
    const QString topic =
        QStringLiteral("client/%1").arg(QString::fromLatin1(QTest::currentDataTag()));
    MqttSubscriber subscriber;
    QVERIFY(subscriber.start(m_broker->port(), topic, 2));

    MqttClient publisher;
    publisher.setProtocolVersion(version);
    publisher.setClientId(QStringLiteral("publisher-%1").arg(qos));
    QVERIFY(connectClient(publisher, m_broker->port()));
    QCOMPARE(publisher.error(), MqttClient::ClientError::NoError);

    QSignalSpy published(&publisher, &MqttClient::published);
    const int id = publisher.publish(topic, QByteArrayLiteral("{\"x\":1}"), qos);
    QVERIFY(id > 0);
    QCOMPARE(published.size(), 0); // signals never arrive inside publish()
    QTRY_COMPARE(published.size(), 1);
    QCOMPARE(published.first().first().toInt(), id);
    QTRY_COMPARE(subscriber.payloadsOn(topic), QByteArrayList{QByteArrayLiteral("{\"x\":1}")});
    QVERIFY(!subscriber.messages().first().retained);
}

void TestMqttClient::retainedMessageReachesLateSubscriber() {
    MqttClient publisher;
    QVERIFY(connectClient(publisher, m_broker->port()));
    QSignalSpy published(&publisher, &MqttClient::published);
    QVERIFY(publisher.publish(QStringLiteral("client/retained"), "kept", 1, true) > 0);
    QTRY_COMPARE(published.size(), 1);

    MqttSubscriber late;
    QVERIFY(late.start(m_broker->port(), QStringLiteral("client/retained")));
    QTRY_COMPARE(late.messages().size(), 1);
    QCOMPARE(late.messages().first().payload, QByteArrayLiteral("kept"));
    QVERIFY(late.messages().first().retained);
}

void TestMqttClient::lastWillAfterAbort() {
    MqttSubscriber watcher;
    QVERIFY(watcher.start(m_broker->port(), QStringLiteral("client/will")));
    MqttClient client;
    client.setWill(QStringLiteral("client/will"), "offline", 1, false);
    QVERIFY(connectClient(client, m_broker->port()));

    QSignalSpy states(&client, &MqttClient::stateChanged);
    client.abort();
    QCOMPARE(client.state(), State::Disconnected);
    QCOMPARE(states.size(), 1);
    QCOMPARE(client.error(), MqttClient::ClientError::NoError);
    QTRY_COMPARE(watcher.payloadsOn(QStringLiteral("client/will")),
                 QByteArrayList{QByteArrayLiteral("offline")});
}

void TestMqttClient::disconnectSendsDisconnectAndReleasesSocket() {
    SilentBroker peer(true);
    QVERIFY(peer.listen());
    MqttClient client;
    QVERIFY(connectClient(client, peer.port()));
    QCOMPARE(peer.openConnections(), 1);

    client.disconnectFromHost();
    QCOMPARE(client.state(), State::Disconnected);
    QTRY_COMPARE(peer.openConnections(), 0);
    QCOMPARE(peer.packetTypes(), (QList<int>{1, 14})); // CONNECT, DISCONNECT
    client.disconnectFromHost();                       // harmless when already disconnected
}

void TestMqttClient::abortClosesWithoutDisconnect() {
    SilentBroker peer(true);
    QVERIFY(peer.listen());
    MqttClient client;
    QVERIFY(connectClient(client, peer.port()));
    client.abort();
    QTRY_COMPARE(peer.openConnections(), 0);
    QCOMPARE(peer.packetTypes(), QList<int>{1});
}

void TestMqttClient::hostNameIsResolvedWithoutBlocking() {
    MqttClient client;
    client.setHostname(QStringLiteral("localhost")); // resolved by QHostInfo; ::1 may come first
    client.setPort(m_broker->port());
    QSignalSpy states(&client, &MqttClient::stateChanged);
    client.connectToHost();
    QCOMPARE(client.state(), State::Connecting);
    QTRY_COMPARE(client.state(), State::Connected);
    QCOMPARE(states.first().first().value<State>(), State::Connecting);
}

void TestMqttClient::refusedCredentials_data() {
    QTest::addColumn<MqttClient::ProtocolVersion>("version");
    QTest::newRow("v3.1.1") << MqttClient::ProtocolVersion::Mqtt311;
    QTest::newRow("v5") << MqttClient::ProtocolVersion::Mqtt5;
}

void TestMqttClient::refusedCredentials() {
    QFETCH(MqttClient::ProtocolVersion, version);
    MosquittoBroker::Options options;
    options.requireCredentials = true;
    MosquittoBroker broker(options);
    if (!broker.start())
        QFAIL(qPrintable(broker.error()));

    MqttClient client;
    client.setProtocolVersion(version);
    client.setUsername(options.username);
    client.setPassword(QStringLiteral("wrong"));
    QSignalSpy errors(&client, &MqttClient::errorOccurred);
    QVERIFY(!connectClient(client, broker.port()));
    QCOMPARE(errors.size(), 1);
    const auto error = errors.first().first().value<MqttClient::ClientError>();
    QVERIFY2(error == MqttClient::ClientError::NotAuthorized
                 || error == MqttClient::ClientError::BadUsernameOrPassword,
             QMetaEnum::fromType<MqttClient::ClientError>().valueToKey(int(error)));
    QVERIFY2(client.errorString().startsWith(QLatin1String("MQTT broker refused the connection: ")),
             qPrintable(client.errorString()));
    QCOMPARE(client.state(), State::Disconnected);

    client.setPassword(options.password);
    QVERIFY(connectClient(client, broker.port()));
    QCOMPARE(client.error(), MqttClient::ClientError::NoError);
}

void TestMqttClient::unreachableBroker() {
    const quint16 port = TestSupport::freeTcpPort();
    MqttClient client;
    QSignalSpy errors(&client, &MqttClient::errorOccurred);
    QVERIFY(!connectClient(client, port));
    QCOMPARE(errors.size(), 1);
    QCOMPARE(client.error(), MqttClient::ClientError::TransportInvalid);
    QCOMPARE(client.socketError(), QAbstractSocket::ConnectionRefusedError);
    QCOMPARE(
        client.errorString(),
        QStringLiteral("Cannot connect to MQTT broker 127.0.0.1:%1: Connection refused").arg(port));
}

void TestMqttClient::connectTimeout() {
    SilentBroker mute(false); // accepts TCP, never sends CONNACK
    QVERIFY(mute.listen());
    MqttClient client;
    client.setConnectTimeout(300);
    QVERIFY(!connectClient(client, mute.port()));
    QCOMPARE(client.socketError(), QAbstractSocket::SocketTimeoutError);
    QVERIFY2(client.errorString().startsWith(QLatin1String("MQTT connection timeout")),
             qPrintable(client.errorString()));
    QTRY_COMPARE(mute.openConnections(), 0);
}

void TestMqttClient::tls() {
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

    MqttClient client;
    client.setTlsEnabled(true);
    client.setCaFile(certificates.caFile());
    QVERIFY2(connectClient(client, broker.tlsPort()), qPrintable(client.errorString()));
    MqttSubscriber subscriber;
    QVERIFY(subscriber.start(broker.port(), QStringLiteral("tls/#")));
    QSignalSpy published(&client, &MqttClient::published);
    QVERIFY(client.publish(QStringLiteral("tls/t"), "secret", 1) > 0);
    QTRY_COMPARE(published.size(), 1);
    QTRY_COMPARE(subscriber.payloadsOn(QStringLiteral("tls/t")),
                 QByteArrayList{QByteArrayLiteral("secret")});
}

void TestMqttClient::tlsWithoutTrustedCa() {
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

    MqttClient client;
    client.setTlsEnabled(true); // system CAs only: the test CA is unknown to them
    QVERIFY(!connectClient(client, broker.tlsPort()));
    QCOMPARE(client.error(), MqttClient::ClientError::TransportInvalid);
    QCOMPARE(client.socketError(), QAbstractSocket::SslHandshakeFailedError);
    QVERIFY2(client.errorString().contains(QLatin1String("TLS handshake failed")),
             qPrintable(client.errorString()));
    QVERIFY2(client.errorString().contains(QStringLiteral("127.0.0.1:%1").arg(broker.tlsPort())),
             qPrintable(client.errorString()));
}

void TestMqttClient::unreadableCaFile() {
    MqttClient client;
    client.setTlsEnabled(true);
    client.setCaFile(QStringLiteral("/nonexistent/ca.pem"));
    QVERIFY(!connectClient(client, TestSupport::freeTcpPort()));
    QCOMPARE(client.socketError(), QAbstractSocket::SslInvalidUserDataError);
    QVERIFY2(client.errorString().contains(QLatin1String("/nonexistent/ca.pem")),
             qPrintable(client.errorString()));
}

void TestMqttClient::publishWhileDisconnectedFails() {
    MqttClient client;
    QCOMPARE(client.publish(QStringLiteral("a/b"), "x"), -1);
    QVERIFY(!client.lastPublishError().isEmpty());
    QCOMPARE(client.subscribe(QStringLiteral("a/#")), -1);
}

QTEST_GUILESS_MAIN(TestMqttClient)
#include "tst_mqttclient.moc"
