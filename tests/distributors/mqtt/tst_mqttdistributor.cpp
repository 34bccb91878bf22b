// MqttDistributor publishing to a real mosquitto broker on 127.0.0.1: topics, QoS, retain,
// payload formats, the status flag, health and the stop contract.
#include "mosquittobroker.h"
#include "mqttdistributor.h"
#include "mqtttestpeers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QtTest>

#include <memory>

using namespace MqttTest;
using State = Distributor::State;

class TestMqttDistributor : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void brokerUrlParsing_data();
    void brokerUrlParsing();
    void topicResolution_data();
    void topicResolution();
    void qosLevels_data();
    void qosLevels();
    void retainReachesLateSubscriber();
    void payloadFormats_data();
    void payloadFormats();
    void statusOnlineThenOfflineOnStop();
    void drainingStopDeliversInFlight();
    void invalidSendOptions();
    void healthDetails();
    void stopWhenNeverStarted();

private:
    std::unique_ptr<MosquittoBroker> m_broker;
};

void TestMqttDistributor::initTestCase() {
    m_broker = std::make_unique<MosquittoBroker>();
    if (!m_broker->start())
        QFAIL(qPrintable(m_broker->error()));
}

void TestMqttDistributor::brokerUrlParsing_data() {
    QTest::addColumn<QString>("broker");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<bool>("tls");
    QTest::newRow("mqtt default port") << "mqtt://lab.local"
                                       << "lab.local" << 1883 << false;
    QTest::newRow("mqtts default port") << "mqtts://lab.local"
                                        << "lab.local" << 8883 << true;
    QTest::newRow("explicit port") << "mqtt://10.0.0.5:1999"
                                   << "10.0.0.5" << 1999 << false;
    QTest::newRow("path ignored") << "mqtt://lab.local/B"
                                  << "lab.local" << 1883 << false;
}

void TestMqttDistributor::brokerUrlParsing() {
    QFETCH(QString, broker);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(bool, tls);
    const MqttSettings settings =
        MqttSettings::fromConfig(mqttConfig({{QStringLiteral("broker"), broker}}));
    QVERIFY(settings.configError.isEmpty());
    QCOMPARE(settings.host, host);
    QCOMPARE(int(settings.port), port);
    QCOMPARE(settings.tls, tls);
    QVERIFY(settings.clientId.startsWith(QLatin1String("labrelay-")));
    QCOMPARE(settings.qos, 1);
    QCOMPARE(settings.keepAlive, 60);
    QCOMPARE(settings.connectTimeoutMs, 30000);
}

void TestMqttDistributor::topicResolution_data() {
    QTest::addColumn<QJsonObject>("config");
    QTest::addColumn<QString>("event");
    QTest::addColumn<QJsonObject>("options");
    QTest::addColumn<QString>("topic");
    const QJsonObject neonTopics{{QStringLiteral("gaze"), QStringLiteral("eyetracking/neon/gaze")}};
    QTest::newRow("default prefix")
        << QJsonObject{} << "pupil" << QJsonObject{} << "labrelay/pupil";
    QTest::newRow("custom prefix")
        << QJsonObject{{QStringLiteral("topics"),
                        QJsonObject{{QStringLiteral("prefix"), QStringLiteral("lab/eye")}}}}
        << "pupil" << QJsonObject{} << "lab/eye/pupil";
    QTest::newRow("topics[event]") << QJsonObject{{QStringLiteral("topics"), neonTopics}} << "gaze"
                                   << QJsonObject{} << "eyetracking/neon/gaze";
    QTest::newRow("alias") << QJsonObject{{QStringLiteral("topics"), neonTopics},
                                          {QStringLiteral("topicAliases"),
                                           QJsonObject{{QStringLiteral("neon_gaze_data"),
                                                        QStringLiteral("gaze")}}}}
                           << "neon_gaze_data" << QJsonObject{} << "eyetracking/neon/gaze";
    QTest::newRow("options.topic")
        << QJsonObject{{QStringLiteral("topics"), neonTopics}} << "gaze"
        << QJsonObject{{QStringLiteral("topic"), QStringLiteral("override/here")}}
        << "override/here";
}

void TestMqttDistributor::topicResolution() {
    QFETCH(QJsonObject, config);
    QFETCH(QString, event);
    QFETCH(QJsonObject, options);
    QFETCH(QString, topic);
    MqttSubscriber subscriber;
    QVERIFY(subscriber.start(m_broker->port(), topic));

    config.insert(QStringLiteral("broker"), brokerUrl(m_broker->port()));
    config.insert(QStringLiteral("statusMessages"), false);
    MqttDistributor distributor(mqttConfig(config));
    QCOMPARE(startAndWait(distributor).first().toBool(), true);
    distributor.enqueue(gaze(1, event), options);
    QTRY_COMPARE(subscriber.messagesOn(topic).size(), 1);
    QCOMPARE(subscriber.messages().size(), 1);
    QTRY_COMPARE(distributor.stats().sent, 1u);
    QVERIFY(distributor.stats().isBalanced());
}

void TestMqttDistributor::qosLevels_data() {
    QTest::addColumn<int>("configQos");
    QTest::addColumn<QJsonObject>("options");
    QTest::addColumn<bool>("acknowledged");
    const auto qosOption = [](int qos) {
        return QJsonObject{{QStringLiteral("qos"), qos}};
    };
    QTest::newRow("config qos 0") << 0 << QJsonObject{} << false;
    QTest::newRow("config qos 1") << 1 << QJsonObject{} << true;
    QTest::newRow("config qos 2") << 2 << QJsonObject{} << true;
    QTest::newRow("option qos 0 over 2") << 2 << qosOption(0) << false;
    QTest::newRow("option qos 2 over 0") << 0 << qosOption(2) << true;
}

void TestMqttDistributor::qosLevels() {
    QFETCH(int, configQos);
    QFETCH(QJsonObject, options);
    QFETCH(bool, acknowledged);
    const QString prefix = QStringLiteral("qos-")
                           + QString::fromLatin1(QTest::currentDataTag()).remove(QLatin1Char(' '));
    MqttSubscriber subscriber;
    QVERIFY(subscriber.start(m_broker->port(), prefix + QStringLiteral("/gaze"), 2));
    MqttDistributor distributor(
        mqttConfig({{QStringLiteral("broker"), brokerUrl(m_broker->port())},
                    {QStringLiteral("qos"), configQos},
                    {QStringLiteral("topics"), QJsonObject{{QStringLiteral("prefix"), prefix}}}}));
    QCOMPARE(startAndWait(distributor).first().toBool(), true);

    for (quint64 seq = 1; seq <= 3; ++seq)
        distributor.enqueue(gaze(seq), options);
    QTRY_COMPARE(distributor.stats().sent, 3u);
    const DistributorStats stats = distributor.stats();
    QCOMPARE(stats.acknowledged, acknowledged ? 3u : 0u);
    QCOMPARE(stats.failed, 0u);
    QCOMPARE(stats.inFlight, 0);
    QTRY_COMPARE(subscriber.messages().size(), 3);
    qint64 bytes = 0;
    for (const ReceivedMessage &message : subscriber.messages())
        bytes += message.payload.size();
    QCOMPARE(stats.bytes, quint64(bytes));
    QVERIFY(stats.isBalanced());
}

void TestMqttDistributor::retainReachesLateSubscriber() {
    MqttDistributor distributor(
        mqttConfig({{QStringLiteral("broker"), brokerUrl(m_broker->port())},
                    {QStringLiteral("retain"), true},
                    {QStringLiteral("topics"),
                     QJsonObject{{QStringLiteral("prefix"), QStringLiteral("kept")}}}}));
    QCOMPARE(startAndWait(distributor).first().toBool(), true);
    distributor.enqueue(gaze(7));
    QTRY_COMPARE(distributor.stats().sent, 1u);

    MqttSubscriber late;
    QVERIFY(late.start(m_broker->port(), QStringLiteral("kept/gaze")));
    QTRY_COMPARE(late.messages().size(), 1);
    QVERIFY(late.messages().first().retained);
    const QJsonObject envelope = QJsonDocument::fromJson(late.messages().first().payload).object();
    QCOMPARE(envelope.value(QStringLiteral("seq")).toInteger(), 7);
}

void TestMqttDistributor::payloadFormats_data() {
    QTest::addColumn<QString>("format");
    QTest::newRow("envelope") << "envelope";
    QTest::newRow("legacy") << "legacy";
    QTest::newRow("raw") << "raw";
}

void TestMqttDistributor::payloadFormats() {
    QFETCH(QString, format);
    const QString prefix = QStringLiteral("format-") + format;
    MqttSubscriber subscriber;
    QVERIFY(subscriber.start(m_broker->port(), prefix + QStringLiteral("/#")));
    MqttDistributor distributor(
        mqttConfig({{QStringLiteral("broker"), brokerUrl(m_broker->port())},
                    {QStringLiteral("clientId"), QStringLiteral("lab-client")},
                    {QStringLiteral("payloadFormat"), format},
                    {QStringLiteral("statusMessages"), false},
                    {QStringLiteral("topics"), QJsonObject{{QStringLiteral("prefix"), prefix}}}}));
    QCOMPARE(startAndWait(distributor).first().toBool(), true);
    distributor.enqueue(gaze(42),
                        {{QStringLiteral("metadata"), QJsonObject{{QStringLiteral("trial"), 3}}}});
    QTRY_COMPARE(subscriber.messages().size(), 1);
    const QByteArray payload = subscriber.messages().first().payload;
    QCOMPARE(subscriber.messages().first().topic, prefix + QStringLiteral("/gaze"));
    QCOMPARE(distributor.stats().bytes, quint64(payload.size()));

    const QJsonObject data{{QStringLiteral("x"), 0.5}, {QStringLiteral("y"), 0.25}};
    if (format == QLatin1String("raw")) {
        QCOMPARE(payload, QByteArrayLiteral("{\"x\":0.5,\"y\":0.25}"));
        return;
    }
    const QJsonObject object = QJsonDocument::fromJson(payload).object();
    const QJsonObject metadata = object.value(QStringLiteral("metadata")).toObject();
    QCOMPARE(object.value(QStringLiteral("event")).toString(), QStringLiteral("gaze"));
    QCOMPARE(object.value(QStringLiteral("data")).toObject(), data);
    QCOMPARE(object.value(QStringLiteral("timestamp")).toInteger(), 1725880800042);
    QCOMPARE(metadata.value(QStringLiteral("distributor")).toString(), QStringLiteral("mqtt"));
    QCOMPARE(metadata.value(QStringLiteral("clientId")).toString(), QStringLiteral("lab-client"));
    QCOMPARE(metadata.value(QStringLiteral("trial")).toInt(), 3);
    if (format == QLatin1String("legacy")) {
        QCOMPARE(object.keys(),
                 (QStringList{QStringLiteral("data"), QStringLiteral("event"),
                              QStringLiteral("metadata"), QStringLiteral("timestamp")}));
        QCOMPARE(metadata.value(QStringLiteral("source")).toString(),
                 QStringLiteral("synopticon-api"));
    } else {
        QCOMPARE(object.value(QStringLiteral("sessionId")).toString(), QStringLiteral("study-1"));
        QCOMPARE(object.value(QStringLiteral("seq")).toInteger(), 42);
        QCOMPARE(metadata.value(QStringLiteral("source")).toString(), QStringLiteral("labrelay"));
    }
}

void TestMqttDistributor::statusOnlineThenOfflineOnStop() {
    const QString status = QStringLiteral("status1/status");
    MqttSubscriber watcher;
    QVERIFY(watcher.start(m_broker->port(), status));
    MqttDistributor distributor(
        mqttConfig({{QStringLiteral("broker"), brokerUrl(m_broker->port())},
                    {QStringLiteral("topics"),
                     QJsonObject{{QStringLiteral("prefix"), QStringLiteral("status1")}}}}));
    QCOMPARE(startAndWait(distributor).first().toBool(), true);
    QTRY_COMPARE(watcher.payloadsOn(status), QByteArrayList{QByteArrayLiteral("online")});

    QSignalSpy stopped(&distributor, &Distributor::stopped);
    distributor.disconnectFromTarget();
    QCOMPARE(stopped.size(), 1);
    QCOMPARE(distributor.state(), State::Stopped);
    QCOMPARE(distributor.findChild<MqttClient *>()->state(), MqttClient::State::Disconnected);
    QTRY_COMPARE(watcher.payloadsOn(status),
                 (QByteArrayList{QByteArrayLiteral("online"), QByteArrayLiteral("offline")}));

    MqttSubscriber late; // the flag is retained
    QVERIFY(late.start(m_broker->port(), status));
    QTRY_COMPARE(late.payloadsOn(status), QByteArrayList{QByteArrayLiteral("offline")});
}

void TestMqttDistributor::drainingStopDeliversInFlight() {
    MqttDistributor distributor(
        mqttConfig({{QStringLiteral("broker"), brokerUrl(m_broker->port())},
                    {QStringLiteral("qos"), 2},
                    {QStringLiteral("topics"),
                     QJsonObject{{QStringLiteral("prefix"), QStringLiteral("drain")}}}}));
    QCOMPARE(startAndWait(distributor).first().toBool(), true);
    for (quint64 seq = 1; seq <= 20; ++seq)
        distributor.enqueue(gaze(seq));
    QSignalSpy stopped(&distributor, &Distributor::stopped);
    distributor.disconnectFromTarget(5000);
    QVERIFY(stopped.wait(5000));
    const DistributorStats stats = distributor.stats();
    QCOMPARE(stats.sent, 20u);
    QCOMPARE(stats.acknowledged, 20u);
    QCOMPARE(stats.droppedTotal(), 0u);
    QVERIFY(stats.isBalanced());
}

void TestMqttDistributor::invalidSendOptions() {
    MqttDistributor distributor(mqttConfig({{QStringLiteral("broker"), brokerUrl(m_broker->port())},
                                            {QStringLiteral("statusMessages"), false}}));
    QCOMPARE(startAndWait(distributor).first().toBool(), true);
    distributor.enqueue(gaze(1), {{QStringLiteral("qos"), 5}});
    QCOMPARE(distributor.stats().failed, 1u); // not retried: it cannot get better
    QCOMPARE(distributor.stats().lastError,
             QStringLiteral("MQTT qos option 5 is not valid: use 0, 1 or 2"));
    distributor.enqueue(gaze(2), {{QStringLiteral("topic"), QStringLiteral("a/+/b")}});
    QCOMPARE(distributor.stats().failed, 2u);
    QVERIFY2(distributor.stats().lastError.contains(QLatin1String("wildcards")),
             qPrintable(distributor.stats().lastError));
    QCOMPARE(distributor.stats().retries, 0u);
    QVERIFY(distributor.stats().isBalanced());
}

void TestMqttDistributor::healthDetails() {
    MqttDistributor distributor(mqttConfig(
        {{QStringLiteral("broker"), brokerUrl(m_broker->port())},
         {QStringLiteral("clientId"), QStringLiteral("research-lab-s1")},
         {QStringLiteral("topics"),
          QJsonObject{{QStringLiteral("gaze"), QStringLiteral("eyetracking/neon/gaze")}}}}));
    QCOMPARE(distributor.targetDescription(), brokerUrl(m_broker->port()));
    QCOMPARE(distributor.health().value(QStringLiteral("connected")).toBool(), false);
    QCOMPARE(startAndWait(distributor).first().toBool(), true);

    const QJsonObject health = distributor.health();
    QCOMPARE(health.value(QStringLiteral("status")).toString(), QStringLiteral("connected"));
    QCOMPARE(health.value(QStringLiteral("protocol")).toString(), QStringLiteral("mqtt"));
    QCOMPARE(health.value(QStringLiteral("broker")).toString(), brokerUrl(m_broker->port()));
    QCOMPARE(health.value(QStringLiteral("clientId")).toString(),
             QStringLiteral("research-lab-s1"));
    QCOMPARE(health.value(QStringLiteral("connected")).toBool(), true);
    QCOMPARE(health.value(QStringLiteral("topics")).toArray(),
             (QJsonArray{QStringLiteral("gaze"), QStringLiteral("prefix")}));
    QCOMPARE(
        health.value(QStringLiteral("capabilities")).toArray(),
        (QJsonArray{QStringLiteral("send"), QStringLiteral("receive"), QStringLiteral("subscribe"),
                    QStringLiteral("broadcast"), QStringLiteral("reliable")}));
    QCOMPARE(health.value(QStringLiteral("reconnectCount")).toInt(), 0);
}

void TestMqttDistributor::stopWhenNeverStarted() {
    MqttDistributor distributor(mqttConfig({}));
    QCOMPARE(distributor.targetDescription(), QStringLiteral("mqtt://localhost:1883"));
    QSignalSpy stopped(&distributor, &Distributor::stopped);
    distributor.disconnectFromTarget();
    QCOMPARE(stopped.size(), 1);
    QCOMPARE(distributor.state(), State::Stopped);
    distributor.enqueue(gaze(1));
    QCOMPARE(distributor.stats().droppedBy(DropReason::Disabled), 1u);
    QVERIFY(distributor.stats().isBalanced());
}

QTEST_GUILESS_MAIN(TestMqttDistributor)
#include "tst_mqttdistributor.moc"
