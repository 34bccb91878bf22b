// The MQTT probe as a subscriber on a real mosquitto broker on 127.0.0.1: delivery over the
// prefix tree and mapped topics, loss accounting, retained and status messages skipped, raw
// payloads, and waiting for a broker that is not there yet.
#include "mosquittobroker.h"
#include "mqttdistributor.h"
#include "mqttprobe.h"
#include "probetesthelpers.h"

#include <memory>

using namespace ProbeTest;

namespace {

QJsonObject mqttConfig(quint16 port, const QJsonObject &overrides = {}) {
    QJsonObject local{{QStringLiteral("broker"), QStringLiteral("mqtt://127.0.0.1:%1").arg(port)},
                      {QStringLiteral("clientId"), QStringLiteral("probe-test")}};
    for (auto it = overrides.begin(); it != overrides.end(); ++it)
        local.insert(it.key(), it.value());
    return config(DistributorType::Mqtt, local);
}

} // namespace

class TestMqttProbe : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void topicFilters_data();
    void topicFilters();
    void delivery_data();
    void delivery();
    void lossAccounting();
    void retainedAndStatusSkipped();
    void rawCannotMeasureLoss();
    void waitsForTheBroker();
    void badBrokerUrl();

private:
    std::unique_ptr<MosquittoBroker> m_broker;
};

void TestMqttProbe::initTestCase() {
    m_broker = std::make_unique<MosquittoBroker>();
    if (!m_broker->start())
        QFAIL(qPrintable(m_broker->error()));
}

void TestMqttProbe::topicFilters_data() {
    QTest::addColumn<QJsonObject>("topics");
    QTest::addColumn<QStringList>("filters");
    QTest::newRow("defaults") << QJsonObject() << QStringList{QStringLiteral("labrelay/#")};
    QTest::newRow("own prefix") << QJsonObject{{QStringLiteral("prefix"), QStringLiteral("lab")}}
                                << QStringList{QStringLiteral("lab/#")};
    QTest::newRow("mapped topics")
        << QJsonObject{{QStringLiteral("prefix"), QStringLiteral("lab")},
                       {QStringLiteral("neon_gaze_data"), QStringLiteral("eyetracking/neon/gaze")},
                       {QStringLiteral("inside"), QStringLiteral("lab/inside")},
                       {QStringLiteral("twice"), QStringLiteral("eyetracking/neon/gaze")},
                       {QStringLiteral("wild"), QStringLiteral("a/+/b")}}
        << QStringList{QStringLiteral("lab/#"), QStringLiteral("eyetracking/neon/gaze")};
}

void TestMqttProbe::topicFilters() {
    QFETCH(QJsonObject, topics);
    QFETCH(QStringList, filters);
    QJsonObject overrides;
    if (!topics.isEmpty())
        overrides.insert(QStringLiteral("topics"), topics);
    const MqttProbe probe(mqttConfig(m_broker->port(), overrides));
    QCOMPARE(probe.topicFilters(), filters);
    QCOMPARE(probe.clientId(), QStringLiteral("probe-test-probe"));
}

void TestMqttProbe::delivery_data() {
    QTest::addColumn<QString>("event");
    QTest::addColumn<int>("qos");
    QTest::newRow("prefix tree, qos 1") << QStringLiteral("neon_pupil_data") << 1;
    QTest::newRow("prefix tree, qos 0") << QStringLiteral("neon_blink") << 0;
    QTest::newRow("mapped topic") << QStringLiteral("neon_gaze_data") << 1;
}

void TestMqttProbe::delivery() {
    QFETCH(QString, event);
    QFETCH(int, qos);
    const QJsonObject cfg = mqttConfig(
        m_broker->port(),
        {{QStringLiteral("qos"), qos},
         {QStringLiteral("topics"),
          QJsonObject{{QStringLiteral("prefix"), QStringLiteral("lab")},
                      {QStringLiteral("neon_gaze_data"), QStringLiteral("eyetracking/gaze")}}}});
    MqttProbe probe(cfg);
    QVERIFY(startProbe(probe));
    MqttDistributor distributor(cfg);
    QString error;
    QVERIFY2(startDistributor(distributor, &error), qPrintable(error));
    verifyDelivery(distributor, probe, 100, event);
}

void TestMqttProbe::lossAccounting() {
    const QJsonObject cfg = mqttConfig(m_broker->port());
    MqttProbe probe(cfg);
    QVERIFY(startProbe(probe));
    MqttDistributor distributor(cfg);
    QVERIFY(startDistributor(distributor));
    verifyLossAccounting(distributor, probe);
}

void TestMqttProbe::retainedAndStatusSkipped() {
    const QJsonObject cfg = mqttConfig(
        m_broker->port(), {{QStringLiteral("retain"), true},
                           {QStringLiteral("topics"),
                            QJsonObject{{QStringLiteral("prefix"), QStringLiteral("kept")}}}});
    {
        // An earlier run leaves retained events (and the retained status flag) on the broker.
        MqttDistributor earlier(cfg);
        QVERIFY(startDistributor(earlier));
        MqttProbe witness(cfg);
        QVERIFY(startProbe(witness));
        for (quint64 seq = 1; seq <= 3; ++seq)
            send(earlier, witness, envelope(seq));
        QTRY_COMPARE_WITH_TIMEOUT(witness.snapshot().received, 3u, 5000);
    }
    MqttProbe probe(cfg);
    QVERIFY(startProbe(probe));
    MqttDistributor distributor(cfg); // publishes "online" on kept/status
    QVERIFY(startDistributor(distributor));
    send(distributor, probe, envelope(10));
    QTRY_COMPARE_WITH_TIMEOUT(probe.snapshot().received, 1u, 5000);
    QCOMPARE(probe.snapshot().lastSeq, 10u);
    QCOMPARE(probe.ledger().unexpected(), 0u);
    QVERIFY(probe.isMeasurable()); // the status payloads did not count as seq-less events
}

void TestMqttProbe::rawCannotMeasureLoss() {
    const QJsonObject cfg =
        mqttConfig(m_broker->port(), {{QStringLiteral("payloadFormat"), QStringLiteral("raw")}});
    MqttProbe probe(cfg);
    QVERIFY(!probe.isMeasurable());
    QVERIFY(startProbe(probe));
    MqttDistributor distributor(cfg);
    QVERIFY(startDistributor(distributor));
    for (quint64 seq = 1; seq <= 4; ++seq)
        send(distributor, probe, envelope(seq));
    QTRY_COMPARE_WITH_TIMEOUT(probe.snapshot().received, 4u, 5000);
    QCOMPARE(probe.snapshot().lost, 0u);
    QVERIFY(probe.note().contains(QLatin1String("cannot be measured")));
}

void TestMqttProbe::waitsForTheBroker() {
    MosquittoBroker later; // a free port, nobody listening yet
    MqttProbe probe(mqttConfig(later.port()));
    probe.start();
    QTRY_VERIFY_WITH_TIMEOUT(probe.note().contains(QLatin1String("retrying")), 10000);
    QVERIFY2(probe.note().startsWith(QStringLiteral("mqtt://127.0.0.1:%1").arg(later.port())),
             qPrintable(probe.note()));
    QVERIFY(!probe.isConnected());
    QVERIFY(later.start());
    QTRY_VERIFY_WITH_TIMEOUT(probe.isConnected(), 20000);
    QVERIFY(probe.note().isEmpty());

    later.kill(); // the broker dies: the probe notices and waits again
    QTRY_VERIFY_WITH_TIMEOUT(!probe.isConnected(), 10000);
    probe.stop();
    QVERIFY(!probe.snapshot().enabled);
}

void TestMqttProbe::badBrokerUrl() {
    MqttProbe probe(config(DistributorType::Mqtt,
                           {{QStringLiteral("broker"), QStringLiteral("http://nope:1883")}}));
    probe.start();
    QVERIFY(!probe.isConnected());
    QVERIFY2(probe.note().startsWith(QLatin1String("not available: MQTT broker URL")),
             qPrintable(probe.note()));
}

QTEST_GUILESS_MAIN(TestMqttProbe)
#include "tst_mqttprobe.moc"
