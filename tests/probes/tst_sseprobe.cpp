// The SSE probe as a real streaming client of a real SSE distributor on 127.0.0.1: delivery,
// loss accounting, payloads without seq, wrong endpoints, resuming with Last-Event-ID, and the
// event-stream parser on its own.
#include "probetesthelpers.h"
#include "ssedistributor.h"
#include "sseeventparser.h"
#include "sseprobe.h"

#include <QTcpServer>

using namespace ProbeTest;

namespace {

QJsonObject sseConfig(const QJsonObject &overrides = {}) {
    QJsonObject local{{QStringLiteral("host"), QStringLiteral("127.0.0.1")},
                      {QStringLiteral("port"), 0},
                      {QStringLiteral("heartbeatInterval"), 0}};
    for (auto it = overrides.begin(); it != overrides.end(); ++it)
        local.insert(it.key(), it.value());
    return config(DistributorType::Sse, local);
}

} // namespace

class TestSseProbe : public QObject {
    Q_OBJECT

private slots:
    void sseDelivery_data();
    void sseDelivery();
    void sseLossAccounting();
    void sseLegacyCannotMeasureLoss();
    void sseNotAnEventStream();
    void sseResumesWithLastEventId();
    void sseParser_data();
    void sseParser();
    void sseParserRejectsEndlessLine();
};

void TestSseProbe::sseDelivery_data() {
    QTest::addColumn<QString>("endpoint");
    QTest::newRow("default endpoint") << QString();
    QTest::newRow("custom endpoint") << QStringLiteral("/lab/stream");
}

void TestSseProbe::sseDelivery() {
    QFETCH(QString, endpoint);
    QJsonObject overrides;
    if (!endpoint.isEmpty())
        overrides.insert(QStringLiteral("endpoint"), endpoint);
    SseDistributor distributor(sseConfig(overrides));
    QVERIFY(startDistributor(distributor));
    SseProbe probe(withPort(distributor.config(), distributor.serverPort()));
    QVERIFY(probe.url().endsWith(endpoint.isEmpty() ? QStringLiteral("/events/stream") : endpoint));
    QVERIFY(startProbe(probe));
    QCOMPARE(distributor.clientCount(), 1);
    verifyDelivery(distributor, probe, 200);
}

void TestSseProbe::sseLossAccounting() {
    SseDistributor distributor(sseConfig());
    QVERIFY(startDistributor(distributor));
    SseProbe probe(withPort(distributor.config(), distributor.serverPort()));
    QVERIFY(startProbe(probe));
    verifyLossAccounting(distributor, probe);
}

void TestSseProbe::sseLegacyCannotMeasureLoss() {
    SseDistributor distributor(
        sseConfig({{QStringLiteral("payloadFormat"), QStringLiteral("legacy")}}));
    QVERIFY(startDistributor(distributor));
    SseProbe probe(withPort(distributor.config(), distributor.serverPort()));
    QVERIFY(startProbe(probe));
    for (quint64 seq = 1; seq <= 3; ++seq)
        send(distributor, probe, envelope(seq));
    QTRY_COMPARE_WITH_TIMEOUT(probe.snapshot().received, 3u, 5000);
    QCOMPARE(probe.snapshot().lost, 0u);
    QVERIFY(probe.note().contains(QLatin1String("cannot be measured")));
}

void TestSseProbe::sseNotAnEventStream() {
    // A server that answers 404: the probe says what it got and keeps trying.
    SseDistributor distributor(sseConfig());
    QVERIFY(startDistributor(distributor));
    QJsonObject probeConfig = withPort(distributor.config(), distributor.serverPort());
    probeConfig.insert(QStringLiteral("endpoint"), QStringLiteral("/nowhere"));
    SseProbe probe(probeConfig);
    probe.start();
    QTRY_VERIFY_WITH_TIMEOUT(probe.note().contains(QLatin1String("404")), 5000);
    QVERIFY(probe.note().contains(QLatin1String("retrying")));
    QVERIFY(!probe.isConnected());
}

void TestSseProbe::sseResumesWithLastEventId() {
    // A fixed port, so the restarted server is found where the stream was.
    QTcpServer reserved;
    QVERIFY(reserved.listen(QHostAddress::LocalHost, 0));
    const QJsonObject cfg = withPort(sseConfig(), reserved.serverPort());
    reserved.close();
    SseDistributor distributor(cfg);
    QVERIFY(startDistributor(distributor));
    const quint16 port = distributor.serverPort();
    SseProbe probe(withPort(cfg, port));
    probe.setGracePeriodMs(60000);
    QVERIFY(startProbe(probe));
    for (quint64 seq = 1; seq <= 3; ++seq)
        send(distributor, probe, envelope(seq));
    QTRY_COMPARE_WITH_TIMEOUT(probe.snapshot().received, 3u, 5000);

    // The stream drops; events sent meanwhile wait in the server's replay buffer.
    distributor.disconnectFromTarget();
    QTRY_VERIFY_WITH_TIMEOUT(!probe.isConnected(), 5000);
    QVERIFY(startDistributor(distributor));
    QCOMPARE(distributor.serverPort(), port);
    // No client yet: these are kept for replay only, and the probe, not connected, does not
    // expect them.
    for (quint64 seq = 4; seq <= 6; ++seq)
        send(distributor, probe, envelope(seq));
    QCOMPARE(probe.ledger().tracked(), 3);
    QTRY_VERIFY_WITH_TIMEOUT(probe.isConnected(), 15000);
    // Replayed after Last-Event-ID: 3; seen, but not counted as expected deliveries.
    QTRY_COMPARE_WITH_TIMEOUT(probe.ledger().unexpected(), 3u, 5000);
    QCOMPARE(probe.snapshot().lastSeq, 3u);
    for (quint64 seq = 7; seq <= 9; ++seq)
        send(distributor, probe, envelope(seq));
    QTRY_COMPARE_WITH_TIMEOUT(probe.snapshot().received, 6u, 5000);
    QCOMPARE(probe.snapshot().lost, 0u);
    QCOMPARE(probe.snapshot().lastSeq, 9u);
}

void TestSseProbe::sseParser_data() {
    QTest::addColumn<QByteArrayList>("chunks");
    QTest::addColumn<QStringList>("events");
    QTest::addColumn<QByteArrayList>("data");
    QTest::newRow("one frame") << QByteArrayList{"event: a\ndata: {\"seq\":1}\n\n"}
                               << QStringList{QStringLiteral("a")} << QByteArrayList{"{\"seq\":1}"};
    QTest::newRow("split anywhere")
        << QByteArrayList{"ev", "ent: a\r", "\ndata: x", "y\r\n", "\r\n"}
        << QStringList{QStringLiteral("a")} << QByteArrayList{"xy"};
    QTest::newRow("comments and id")
        << QByteArrayList{": heartbeat 1\n\nid: 7\nevent: b\ndata: 1\ndata: 2\n\n"}
        << QStringList{QStringLiteral("b")} << QByteArrayList{"1\n2"};
    QTest::newRow("default event name")
        << QByteArrayList{"data:z\n\n"} << QStringList{QStringLiteral("message")}
        << QByteArrayList{"z"};
    QTest::newRow("no data, no event")
        << QByteArrayList{"event: c\n\n"} << QStringList{} << QByteArrayList{};
    QTest::newRow("incomplete") << QByteArrayList{"event: a\ndata: 1\n"} << QStringList{}
                                << QByteArrayList{};
}

void TestSseProbe::sseParser() {
    QFETCH(QByteArrayList, chunks);
    QFETCH(QStringList, events);
    QFETCH(QByteArrayList, data);
    SseEventParser parser;
    QStringList gotEvents;
    QByteArrayList gotData;
    for (const QByteArray &chunk : chunks) {
        const QList<SseEventParser::Event> parsed = parser.feed(chunk);
        for (const SseEventParser::Event &event : parsed) {
            gotEvents.append(event.event);
            gotData.append(event.data);
        }
    }
    QCOMPARE(gotEvents, events);
    QCOMPARE(gotData, data);
    QVERIFY(!parser.hasError());
}

void TestSseProbe::sseParserRejectsEndlessLine() {
    SseEventParser parser;
    const QByteArray block(64 * 1024, 'x');
    for (int i = 0; i <= int(SseEventParser::MaxLineBytes / block.size()); ++i)
        parser.feed(block);
    QVERIFY(parser.hasError());
    QVERIFY(parser.errorString().contains(QLatin1String("exceeds")));
    QVERIFY(parser.feed("data: 1\n\n").isEmpty());
}

QTEST_GUILESS_MAIN(TestSseProbe)
#include "tst_sseprobe.moc"
