// MQTT failover and reconfiguration between two real mosquitto brokers (the feature page's
// "Failover and Recovery" example, done by the engine; SPEC §9 #18).
#include "enginetesthelpers.h"
#include "mosquittobroker.h"
#include "session.h"
#include "testpeers.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTimer>

namespace {

SessionConfig mqttSession(const QString &primary, const QJsonArray &failover = {}) {
    QJsonObject mqtt{{QStringLiteral("broker"), primary},
                     {QStringLiteral("clientId"), QStringLiteral("failover-test")},
                     {QStringLiteral("qos"), 1},
                     {QStringLiteral("retryDelay"), 100}};
    if (!failover.isEmpty()) {
        mqtt.insert(QStringLiteral("failover"), failover);
        mqtt.insert(QStringLiteral("failoverAfterMs"), 1000);
        mqtt.insert(QStringLiteral("failback"), true);
    }
    return sessionOptions(
        QJsonObject{{QStringLiteral("template"), QJsonValue::Null},
                    {QStringLiteral("distributors"), QJsonObject{{QStringLiteral("mqtt"), mqtt}}}});
}

QSet<quint64> range(quint64 first, quint64 last) {
    QSet<quint64> set;
    for (quint64 seq = first; seq <= last; ++seq)
        set.insert(seq);
    return set;
}

} // namespace

class TestFailover : public QObject {
    Q_OBJECT

private slots:
    void failsOverToTheAlternativeAndBackWithoutLoss();
    void reconfigureSwitchesBrokerOrRestoresThePrevious();
};

void TestFailover::failsOverToTheAlternativeAndBackWithoutLoss() {
    MosquittoBroker primary;
    MosquittoBroker backup;
    QVERIFY2(primary.start(), qPrintable(primary.error()));
    QVERIFY2(backup.start(), qPrintable(backup.error()));
    auto onPrimary = std::make_unique<MqttSubscriber>(primary.port(), QStringLiteral("labrelay/#"));
    MqttSubscriber onBackup(backup.port(), QStringLiteral("labrelay/#"));
    QVERIFY(onPrimary->waitUntilSubscribed());
    QVERIFY(onBackup.waitUntilSubscribed());

    SessionManager manager;
    QSignalSpy switched(&manager, &SessionManager::failoverSwitched);
    const Result<CreateSessionResult> created = await(manager.createSession(
        QStringLiteral("fo"),
        mqttSession(primary.url(),
                    QJsonArray{QJsonObject{{QStringLiteral("broker"), backup.url()}}})));
    QVERIFY2(created.ok(), qPrintable(created.error()));
    QCOMPARE(created->state, SessionState::Active);

    quint64 lastSeq = 0;
    auto send = [&] {
        lastSeq =
            manager.routeEvent(QStringLiteral("fo"), QStringLiteral("sample"), double(lastSeq))
                ->seq;
    };
    QTimer ticker;
    ticker.setInterval(10);
    connect(&ticker, &QTimer::timeout, &manager, send);

    // Phase 1: the primary receives everything.
    for (int i = 0; i < 50; ++i)
        send();
    QTRY_COMPARE_WITH_TIMEOUT(onPrimary->seqs(), range(1, 50), 10000);

    // Phase 2: the primary dies; events keep coming, wait in the outbox, then go to the backup.
    primary.kill();
    ticker.start();
    QTRY_VERIFY_WITH_TIMEOUT(switched.count() == 1, 15000);
    QCOMPARE(switched.first().at(2).toInt(), 0);
    QCOMPARE(switched.first().at(3).toInt(), 1);
    const quint64 switchedAt = lastSeq;
    QTRY_VERIFY_WITH_TIMEOUT(onBackup.seqs().contains(switchedAt), 10000);
    QCOMPARE(manager.snapshot()
                 .session(QStringLiteral("fo"))
                 ->distributor(QStringLiteral("mqtt"))
                 ->failoverIndex,
             1);

    // Phase 3: the primary comes back; with nothing in flight, the engine fails back to it.
    ticker.stop();
    QVERIFY2(primary.restart(), qPrintable(primary.error()));
    onPrimary = std::make_unique<MqttSubscriber>(primary.port(), QStringLiteral("labrelay/#"));
    QVERIFY(onPrimary->waitUntilSubscribed());
    QTRY_VERIFY_WITH_TIMEOUT(switched.count() == 2, 15000);
    QCOMPARE(switched.last().at(3).toInt(), 0);
    const quint64 beforeFailback = lastSeq;
    for (int i = 0; i < 50; ++i)
        send();
    QTRY_VERIFY_WITH_TIMEOUT(onPrimary->seqs().contains(lastSeq), 10000);

    // Every seq arrived at one broker or the other: nothing was lost across both switches.
    QSet<quint64> received = onBackup.seqs();
    received.unite(onPrimary->seqs());
    QSet<quint64> missing = range(51, lastSeq);
    missing.subtract(received);
    QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("lost %1 of %2, e.g. seq %3")
                                               .arg(missing.size())
                                               .arg(lastSeq)
                                               .arg(missing.isEmpty() ? 0 : *missing.begin())));
    QVERIFY(onPrimary->seqs().contains(beforeFailback + 1));

    const DistributorSnapshot *mqtt =
        manager.snapshot().session(QStringLiteral("fo"))->distributor(QStringLiteral("mqtt"));
    QCOMPARE(mqtt->failoverIndex, 0);
    QCOMPARE(mqtt->routed, lastSeq);
    QVERIFY(balanced(*mqtt));
    QCOMPARE(mqtt->failed, 0u);
    QVERIFY(await(manager.cleanup()));
}

void TestFailover::reconfigureSwitchesBrokerOrRestoresThePrevious() {
    MosquittoBroker first;
    MosquittoBroker second;
    QVERIFY2(first.start(), qPrintable(first.error()));
    QVERIFY2(second.start(), qPrintable(second.error()));
    MqttSubscriber onFirst(first.port(), QStringLiteral("labrelay/#"));
    MqttSubscriber onSecond(second.port(), QStringLiteral("labrelay/#"));
    QVERIFY(onFirst.waitUntilSubscribed());
    QVERIFY(onSecond.waitUntilSubscribed());

    SessionManager manager;
    QVERIFY(await(manager.createSession(QStringLiteral("r"), mqttSession(first.url()))).ok());
    manager.routeEvent(QStringLiteral("r"), QStringLiteral("e"), 1);
    QTRY_COMPARE(onFirst.count(), 1);

    // The feature page's broker switch: only broker and clientId given, the rest is kept.
    const Result<bool> switched = await(manager.reconfigureDistributor(
        QStringLiteral("r"), QStringLiteral("mqtt"),
        QJsonObject{{QStringLiteral("broker"), second.url()},
                    {QStringLiteral("clientId"), QStringLiteral("backup-connection")}}));
    QVERIFY2(switched.ok(), qPrintable(switched.error()));
    const QJsonObject configured =
        manager.getSession(QStringLiteral("r"))->slot(QStringLiteral("mqtt"))->configured();
    QCOMPARE(configured.value(QStringLiteral("clientId")).toString(),
             QStringLiteral("backup-connection-r"));
    QCOMPARE(configured.value(QStringLiteral("qos")).toInt(), 1);
    manager.routeEvent(QStringLiteral("r"), QStringLiteral("e"), 2);
    QTRY_COMPARE(onSecond.count(), 1);
    QCOMPARE(onFirst.count(), 1);

    // An unreachable broker: the error says so and the working connection stays.
    const quint16 nothing = TestSupport::freeTcpPort();
    const Result<bool> failed = await(manager.reconfigureDistributor(
        QStringLiteral("r"), QStringLiteral("mqtt"),
        QJsonObject{
            {QStringLiteral("broker"), QStringLiteral("mqtt://127.0.0.1:%1").arg(nothing)}}));
    QVERIFY(!failed.ok());
    QVERIFY2(failed.error().startsWith(QStringLiteral("Reconfigure of mqtt failed: ")),
             qPrintable(failed.error()));
    QVERIFY2(failed.error().endsWith(QStringLiteral("; previous configuration restored")),
             qPrintable(failed.error()));
    manager.routeEvent(QStringLiteral("r"), QStringLiteral("e"), 3);
    QTRY_COMPARE(onSecond.count(), 2);
    QCOMPARE(onSecond.seqs(), (QSet<quint64>{2, 3}));
    const DistributorSnapshot *mqtt =
        manager.snapshot().session(QStringLiteral("r"))->distributor(QStringLiteral("mqtt"));
    QCOMPARE(mqtt->sent, 3u);
    QVERIFY(balanced(*mqtt));
    QVERIFY(await(manager.cleanup()));
}

QTEST_GUILESS_MAIN(TestFailover)
#include "tst_failover.moc"
