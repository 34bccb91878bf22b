// What SSE clients receive: envelope and legacy frames, per-client filters, server-side
// targeting, Last-Event-ID resume, heartbeats, and what happens with no or stuck consumers.
// Real streaming clients on 127.0.0.1; every scenario checks the counters.
#include "ssetestclient.h"
#include "ssetestsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QtTest>

using namespace SseTest;

class TestSseStreaming : public QObject {
    Q_OBJECT

private slots:
    void envelopeFrame();
    void legacyFrame();
    void zeroClientsDropsNoClients();
    void clientEventFilter();
    void serverSideTargeting();
    void resume_data();
    void resume();
    void resumeReportsGap();
    void heartbeats();
    void stuckConsumerIsClosed();
};

namespace {

QJsonObject json(const QByteArray &bytes) {
    return QJsonDocument::fromJson(bytes).object();
}

QByteArray wire(const SseTestClient::Frame &frame) {
    QByteArray bytes = frame.hasId ? "id: " + frame.id + '\n' : QByteArray();
    return bytes + "event: " + frame.event + "\ndata: " + frame.data + "\n\n";
}

QList<QByteArray> ids(const QList<SseTestClient::Frame> &frames) {
    QList<QByteArray> list;
    for (const SseTestClient::Frame &frame : frames)
        list.append(frame.id);
    return list;
}

QList<QByteArray> events(const QList<SseTestClient::Frame> &frames) {
    QList<QByteArray> list;
    for (const SseTestClient::Frame &frame : frames)
        list.append(frame.event);
    return list;
}

} // namespace

void TestSseStreaming::envelopeFrame() {
    const auto server = start();
    QVERIFY(server->isHealthy());
    SseTestClient a;
    SseTestClient b;
    a.get(server->serverPort(), streamTarget(*server));
    b.get(server->serverPort(), streamTarget(*server));
    QTRY_COMPARE(a.frames().size(), 1);
    QTRY_COMPARE(b.frames().size(), 1);

    const QJsonObject trial{{QStringLiteral("trial"), 3}};
    server->enqueue(gazeEvent(48213), {{QStringLiteral("metadata"), trial}});
    QTRY_COMPARE(a.eventFrames().size(), 1);
    QTRY_COMPARE(b.eventFrames().size(), 1);

    const SseTestClient::Frame frame = a.eventFrames().first();
    QCOMPARE(frame.id, QByteArray("48213"));
    QCOMPARE(frame.event, QByteArray("neon_gaze_data"));
    const QJsonObject envelope = json(frame.data);
    QCOMPARE(envelope.value(QStringLiteral("event")).toString(), QStringLiteral("neon_gaze_data"));
    QCOMPARE(envelope.value(QStringLiteral("sessionId")).toString(), QStringLiteral("study-001"));
    QCOMPARE(envelope.value(QStringLiteral("seq")).toInteger(), 48213);
    QCOMPARE(envelope.value(QStringLiteral("timestamp")).toInteger(), 1725880800000 + 48213);
    QCOMPARE(
        envelope.value(QStringLiteral("data")).toObject().value(QStringLiteral("x")).toDouble(),
        0.523);
    const QJsonObject metadata = envelope.value(QStringLiteral("metadata")).toObject();
    QCOMPARE(metadata.value(QStringLiteral("source")).toString(), QStringLiteral("labrelay"));
    QCOMPARE(metadata.value(QStringLiteral("distributor")).toString(), QStringLiteral("sse"));
    QCOMPARE(metadata.value(QStringLiteral("trial")).toInt(), 3);
    QCOMPARE(b.eventFrames().first().data, frame.data);

    const DistributorStats stats = server->stats();
    QCOMPARE(stats.sent, 1u);
    QCOMPARE(stats.bytes, quint64(wire(frame).size() * 2)); // bytes × clients
    QCOMPARE(stats.droppedTotal(), 0u);
    QVERIFY(stats.isBalanced());
}

void TestSseStreaming::legacyFrame() {
    const auto server = start({{QStringLiteral("payloadFormat"), QStringLiteral("legacy")}});
    QVERIFY(server->isHealthy());
    SseTestClient client;
    client.get(server->serverPort(), streamTarget(*server));
    QTRY_COMPARE(client.frames().size(), 1);

    server->enqueue(gazeEvent(7));
    server->enqueue(
        makeEnvelope(QStringLiteral("marker"), QStringLiteral("s"), 8, 5, QJsonArray{1, 2}),
        {{QStringLiteral("metadata"), QJsonObject{{QStringLiteral("k"), 1}}}});
    QTRY_COMPARE(client.eventFrames().size(), 2);

    const SseTestClient::Frame gaze = client.eventFrames().at(0);
    QVERIFY(!gaze.hasId); // the original sends no id lines
    QCOMPARE(gaze.event, QByteArray("neon_gaze_data"));
    const QJsonObject frame = json(gaze.data);
    QCOMPARE(frame.keys(), (QStringList{QStringLiteral("data"), QStringLiteral("event"),
                                        QStringLiteral("timestamp")}));
    QCOMPARE(frame.value(QStringLiteral("timestamp")).toInteger(), 1725880800007);
    const QJsonObject data = frame.value(QStringLiteral("data")).toObject();
    QCOMPARE(data.value(QStringLiteral("confidence")).toDouble(), 0.95);
    QCOMPARE(data.value(QStringLiteral("metadata")).toObject(), QJsonObject());

    // A non-object payload is wrapped, not spread (SPEC §4.5 [REC]).
    const QJsonObject marker = json(client.eventFrames().at(1).data);
    const QJsonObject markerData = marker.value(QStringLiteral("data")).toObject();
    QCOMPARE(markerData.value(QStringLiteral("value")).toArray(), (QJsonArray{1, 2}));
    QCOMPARE(
        markerData.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("k")).toInt(),
        1);
    QCOMPARE(server->stats().sent, 2u);
    QVERIFY(server->stats().isBalanced());
}

void TestSseStreaming::zeroClientsDropsNoClients() {
    const auto server = start();
    QVERIFY(server->isHealthy());
    for (quint64 seq = 1; seq <= 3; ++seq)
        server->enqueue(gazeEvent(seq));
    const DistributorStats stats = server->stats();
    QCOMPARE(stats.sent, 0u);
    QCOMPARE(stats.failed, 0u);
    QCOMPARE(stats.droppedBy(DropReason::NoClients), 3u);
    QCOMPARE(stats.retries, 0u); // "no clients" is never retried
    QCOMPARE(stats.bytes, 0u);
    QVERIFY(stats.isBalanced());
    QVERIFY(server->isHealthy());
}

void TestSseStreaming::clientEventFilter() {
    const auto server = start();
    QVERIFY(server->isHealthy());
    SseTestClient filtered;
    SseTestClient everything;
    filtered.get(server->serverPort(), streamTarget(*server, "events=a,%20b"));
    everything.get(server->serverPort(), streamTarget(*server));
    QTRY_COMPARE(filtered.frames().size(), 1);
    QTRY_COMPARE(everything.frames().size(), 1);

    server->enqueue(gazeEvent(1, QStringLiteral("a")));
    server->enqueue(gazeEvent(2, QStringLiteral("c")));
    server->enqueue(gazeEvent(3, QStringLiteral("b")));
    QTRY_COMPARE(everything.eventFrames().size(), 3);
    QTRY_COMPARE(filtered.eventFrames().size(), 2);
    QCOMPARE(events(filtered.eventFrames()), (QList<QByteArray>{"a", "b"}));
    QCOMPARE(events(everything.eventFrames()), (QList<QByteArray>{"a", "c", "b"}));

    // An event only the filtered-out client would want reaches nobody.
    everything.close();
    QTRY_COMPARE(server->clientCount(), 1);
    server->enqueue(gazeEvent(4, QStringLiteral("c")));
    const DistributorStats stats = server->stats();
    QCOMPARE(stats.sent, 3u);
    QCOMPARE(stats.droppedBy(DropReason::NoClients), 1u);
    QVERIFY(stats.isBalanced());
}

void TestSseStreaming::serverSideTargeting() {
    const auto server = start();
    QVERIFY(server->isHealthy());
    SseTestClient a;
    SseTestClient b;
    a.get(server->serverPort(), streamTarget(*server));
    b.get(server->serverPort(), streamTarget(*server));
    QTRY_COMPARE(a.frames().size(), 1);
    QTRY_COMPARE(b.frames().size(), 1);

    server->enqueue(gazeEvent(1), {{QStringLiteral("clientIds"), QJsonArray{a.clientId()}}});
    server->enqueue(gazeEvent(2), {{QStringLiteral("clientIds"), b.clientId()}});
    server->enqueue(gazeEvent(3),
                    {{QStringLiteral("clientIds"), QJsonArray{QStringLiteral("sse_0_gone")}}});
    server->enqueue(gazeEvent(4));
    QTRY_COMPARE(a.eventFrames().size(), 2);
    QTRY_COMPARE(b.eventFrames().size(), 2);
    QCOMPARE(ids(a.eventFrames()), (QList<QByteArray>{"1", "4"}));
    QCOMPARE(ids(b.eventFrames()), (QList<QByteArray>{"2", "4"}));

    const DistributorStats stats = server->stats();
    QCOMPARE(stats.sent, 3u);
    QCOMPARE(stats.droppedBy(DropReason::NoClients), 1u);
    const qint64 frameSize = wire(a.eventFrames().first()).size();
    QCOMPARE(stats.bytes, quint64(frameSize * 4)); // 1 + 1 + 2 deliveries of equal-size frames
    QVERIFY(stats.isBalanced());
}

void TestSseStreaming::resume_data() {
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QByteArray>("lastEventId");
    QTest::addColumn<QList<QByteArray>>("expected");

    QTest::newRow("Last-Event-ID header")
        << QByteArray() << QByteArray("3") << QList<QByteArray>{"4", "5", "6"};
    QTest::newRow("lastEventId query")
        << QByteArray("lastEventId=5") << QByteArray() << QList<QByteArray>{"6"};
    QTest::newRow("header wins over query")
        << QByteArray("lastEventId=1") << QByteArray("4") << QList<QByteArray>{"5", "6"};
    QTest::newRow("with event filter")
        << QByteArray("events=odd") << QByteArray("2") << QList<QByteArray>{"3", "5"};
    QTest::newRow("up to date") << QByteArray() << QByteArray("6") << QList<QByteArray>{};
    QTest::newRow("no resume point") << QByteArray() << QByteArray() << QList<QByteArray>{};
    QTest::newRow("unparsable id") << QByteArray() << QByteArray("abc") << QList<QByteArray>{};
}

void TestSseStreaming::resume() {
    QFETCH(QByteArray, query);
    QFETCH(QByteArray, lastEventId);
    QFETCH(QList<QByteArray>, expected);

    const auto server = start();
    QVERIFY(server->isHealthy());
    const auto eventName = [](quint64 seq) {
        return seq % 2 ? QStringLiteral("odd") : QStringLiteral("even");
    };
    {
        SseTestClient first;
        first.get(server->serverPort(), streamTarget(*server));
        QTRY_COMPARE(first.frames().size(), 1);
        for (quint64 seq = 1; seq <= 3; ++seq)
            server->enqueue(gazeEvent(seq, eventName(seq)));
        QTRY_COMPARE(ids(first.eventFrames()), (QList<QByteArray>{"1", "2", "3"}));
    }
    QTRY_COMPARE(server->clientCount(), 0);
    for (quint64 seq = 4; seq <= 6; ++seq)
        server->enqueue(gazeEvent(seq, eventName(seq))); // nobody listens: dropped, but kept

    SseTestClient::Headers headers;
    if (!lastEventId.isEmpty())
        headers.append({"Last-Event-ID", lastEventId});
    SseTestClient second;
    second.get(server->serverPort(), streamTarget(*server, query), headers);
    QTRY_COMPARE(second.frames().size(), 1 + expected.size());
    server->enqueue(gazeEvent(7, eventName(7)));
    QTRY_COMPARE(second.eventFrames().size(), expected.size() + 1);
    expected.append("7");
    QCOMPARE(ids(second.eventFrames()), expected);
    QCOMPARE(second.frames().first().event, QByteArray("connection")); // welcome comes first
    QVERIFY(second.comments().isEmpty());

    const DistributorStats stats = server->stats();
    QCOMPARE(stats.sent, 4u);
    QCOMPARE(stats.droppedBy(DropReason::NoClients), 3u);
    QVERIFY(stats.isBalanced());
}

void TestSseStreaming::resumeReportsGap() {
    const auto server = start({{QStringLiteral("replayBuffer"), 2}});
    QVERIFY(server->isHealthy());
    for (quint64 seq = 1; seq <= 5; ++seq)
        server->enqueue(gazeEvent(seq));
    SseTestClient client;
    client.get(server->serverPort(), streamTarget(*server), {{"Last-Event-ID", "1"}});
    QTRY_COMPARE(client.eventFrames().size(), 2);
    QCOMPARE(ids(client.eventFrames()), (QList<QByteArray>{"4", "5"}));
    QCOMPARE(client.comments(), QList<QByteArray>{"resume gap, oldest buffered seq 4"});
    QCOMPARE(server->stats().droppedBy(DropReason::NoClients), 5u);
    QVERIFY(server->stats().isBalanced());
}

void TestSseStreaming::heartbeats() {
    const auto beating = start({{QStringLiteral("heartbeatInterval"), 100}});
    const auto silent = start({{QStringLiteral("heartbeatInterval"), 0}});
    QVERIFY(beating->isHealthy());
    QVERIFY(silent->isHealthy());
    SseTestClient a;
    SseTestClient b;
    a.get(beating->serverPort(), streamTarget(*beating));
    b.get(silent->serverPort(), streamTarget(*silent));
    QTRY_COMPARE(b.frames().size(), 1);
    // Several 100 ms periods pass on the beating server while the silent one sends nothing.
    QTRY_VERIFY_WITH_TIMEOUT(a.comments().size() >= 3, 5000);
    const QRegularExpression pattern(QStringLiteral("^heartbeat \\d{13}$"));
    for (const QByteArray &comment : a.comments())
        QVERIFY2(pattern.match(QString::fromUtf8(comment)).hasMatch(), comment.constData());
    QVERIFY(b.comments().isEmpty());
    QCOMPARE(a.eventFrames().size(), 0);
    QCOMPARE(beating->stats().sent, 0u); // heartbeats are not events
    QCOMPARE(beating->clientCount(), 1);
    QVERIFY(beating->stats().isBalanced());
}

void TestSseStreaming::stuckConsumerIsClosed() {
    const auto server = start();
    QVERIFY(server->isHealthy());
    SseTestClient stuck;
    stuck.stall(4096); // reads the response head and welcome, then nothing more
    stuck.get(server->serverPort(), streamTarget(*server));
    QTRY_COMPARE(stuck.frames().size(), 1);

    const QJsonObject blob{{QStringLiteral("blob"), QString(1024 * 1024, QLatin1Char('x'))}};
    quint64 seq = 0;
    while (server->clientCount() > 0 && seq < 64) {
        server->enqueue(makeEnvelope(QStringLiteral("blob"), QStringLiteral("s"), ++seq, 1, blob));
        // Lets the socket hand what the kernel takes over, as between two real events.
        QCoreApplication::processEvents();
    }
    QCOMPARE(server->clientCount(), 0);
    QCOMPARE(server->stats().connectedClients, 0);
    QVERIFY2(server->stats().lastError.contains(QStringLiteral("stopped reading")),
             qPrintable(server->stats().lastError));

    const DistributorStats stats = server->stats();
    QVERIFY(stats.sent >= 1);
    QCOMPARE(stats.sent + stats.failed + stats.droppedBy(DropReason::NoClients), seq);
    QCOMPARE(stats.failed, 1u); // the event that found the consumer stuck
    QVERIFY(stats.isBalanced());

    // The failed write degrades the distributor until the next delivery succeeds.
    SseTestClient healthy;
    healthy.get(server->serverPort(), streamTarget(*server));
    QTRY_COMPARE(healthy.frames().size(), 1);
    server->enqueue(gazeEvent(++seq));
    QTRY_COMPARE(healthy.eventFrames().size(), 1);
    QVERIFY(server->isHealthy());
    QVERIFY(server->stats().isBalanced());
}

QTEST_GUILESS_MAIN(TestSseStreaming)
#include "tst_ssestreaming.moc"
