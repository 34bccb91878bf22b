// The pure parts of the SSE server: request-head parsing, the CORS answer, the replay ring and
// the event-stream framing.
#include "ssecorspolicy.h"
#include "sseframe.h"
#include "ssereplaybuffer.h"
#include "sserequest.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

class TestSseParts : public QObject {
    Q_OBJECT

private slots:
    void parseRequest_data();
    void parseRequest();
    void parseRequestInPieces();
    void rejectsOversizedHead();
    void rejectsBinaryBeforeTheHeadEnds();
    void queryAndHeaders();
    void cors_data();
    void cors();
    void corsHeaderLines();
    void replayKeepsTheLastFrames();
    void replayReportsGaps();
    void replayBoundedByBytes();
    void replayDisabled();
    void frames();
    void welcomeFrame();
};

using Status = SseRequest::Status;

void TestSseParts::parseRequest_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<Status>("status");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");

    QTest::newRow("get") << QByteArray("GET /events/stream HTTP/1.1\r\nHost: x\r\n\r\n")
                         << Status::Complete << QByteArray("GET")
                         << QStringLiteral("/events/stream");
    QTest::newRow("http/1.0") << QByteArray("GET / HTTP/1.0\r\n\r\n") << Status::Complete
                              << QByteArray("GET") << QStringLiteral("/");
    QTest::newRow("bare LF") << QByteArray("OPTIONS /x HTTP/1.1\nOrigin: a\n\n") << Status::Complete
                             << QByteArray("OPTIONS") << QStringLiteral("/x");
    QTest::newRow("leading empty lines")
        << QByteArray("\r\n\r\nGET /a HTTP/1.1\r\n\r\n") << Status::Complete << QByteArray("GET")
        << QStringLiteral("/a");
    QTest::newRow("percent-encoded path")
        << QByteArray("GET /lab%20events?x=1 HTTP/1.1\r\n\r\n") << Status::Complete
        << QByteArray("GET") << QStringLiteral("/lab events");
    QTest::newRow("options *") << QByteArray("OPTIONS * HTTP/1.1\r\n\r\n") << Status::Complete
                               << QByteArray("OPTIONS") << QStringLiteral("*");
    QTest::newRow("incomplete") << QByteArray("GET /events HTTP/1.1\r\nHost: x\r\n")
                                << Status::Incomplete << QByteArray() << QString();
    QTest::newRow("garbage") << QByteArray("GARBAGE\r\n\r\n") << Status::BadRequest << QByteArray()
                             << QString();
    QTest::newRow("two spaces") << QByteArray("GET  / HTTP/1.1\r\n\r\n") << Status::BadRequest
                                << QByteArray() << QString();
    QTest::newRow("HTTP/2") << QByteArray("GET / HTTP/2.0\r\n\r\n") << Status::BadRequest
                            << QByteArray() << QString();
    QTest::newRow("relative target") << QByteArray("GET events HTTP/1.1\r\n\r\n")
                                     << Status::BadRequest << QByteArray() << QString();
    QTest::newRow("bad method") << QByteArray("G(T / HTTP/1.1\r\n\r\n") << Status::BadRequest
                                << QByteArray() << QString();
    QTest::newRow("header without colon") << QByteArray("GET / HTTP/1.1\r\nHost x\r\n\r\n")
                                          << Status::BadRequest << QByteArray() << QString();
    QTest::newRow("space before colon") << QByteArray("GET / HTTP/1.1\r\nHost : x\r\n\r\n")
                                        << Status::BadRequest << QByteArray() << QString();
    QTest::newRow("folded header") << QByteArray("GET / HTTP/1.1\r\nA: b\r\n c\r\n\r\n")
                                   << Status::BadRequest << QByteArray() << QString();
    QTest::newRow("TLS hello") << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11)
                               << Status::BadRequest << QByteArray() << QString();
}

void TestSseParts::parseRequest() {
    QFETCH(QByteArray, bytes);
    QFETCH(Status, status);
    QFETCH(QByteArray, method);
    QFETCH(QString, path);

    SseRequest request;
    QCOMPARE(request.feed(bytes), status);
    QCOMPARE(request.status(), status);
    if (status == Status::Complete) {
        QCOMPARE(request.method(), method);
        QCOMPARE(request.path(), path);
    }
    if (status == Status::BadRequest)
        QVERIFY(!request.errorString().isEmpty());
}

void TestSseParts::parseRequestInPieces() {
    const QByteArray bytes("GET /events/stream?events=a HTTP/1.1\r\nLast-Event-ID: 42\r\n\r\n");
    SseRequest request;
    for (qsizetype i = 0; i < bytes.size() - 1; ++i)
        QCOMPARE(request.feed(bytes.mid(i, 1)), Status::Incomplete);
    QCOMPARE(request.feed(bytes.right(1)), Status::Complete);
    QCOMPARE(request.header("last-event-id"), QByteArray("42"));
    QCOMPARE(request.queryItem(QStringLiteral("events")), QStringLiteral("a"));
    // A final status is sticky.
    QCOMPARE(request.feed(QByteArrayLiteral("GARBAGE\r\n\r\n")), Status::Complete);
}

void TestSseParts::rejectsOversizedHead() {
    SseRequest request;
    QCOMPARE(request.feed(QByteArrayLiteral("GET / HTTP/1.1\r\n")), Status::Incomplete);
    const QByteArray filler = "X-Filler: " + QByteArray(1000, 'a') + "\r\n";
    Status status = Status::Incomplete;
    for (int i = 0; i < 17 && status == Status::Incomplete; ++i)
        status = request.feed(filler);
    QCOMPARE(status, Status::HeadersTooLarge);

    // Exactly at the limit is still accepted.
    const QByteArray head("GET / HTTP/1.1\r\nX-Filler: ");
    const QByteArray fits =
        head + QByteArray(SseRequest::MaxHeaderBytes - head.size() - 4, 'b') + "\r\n\r\n";
    QCOMPARE(fits.size(), SseRequest::MaxHeaderBytes);
    SseRequest atLimit;
    QCOMPARE(atLimit.feed(fits), Status::Complete);
}

void TestSseParts::rejectsBinaryBeforeTheHeadEnds() {
    SseRequest request;
    QCOMPARE(request.feed(QByteArrayLiteral("GET /")), Status::Incomplete);
    QCOMPARE(request.feed(QByteArray("\x00\x01", 2)), Status::BadRequest);
}

void TestSseParts::queryAndHeaders() {
    SseRequest request;
    QCOMPARE(request.feed("GET /s?events=a%2Cb,c&lastEventId=7&x=a+b HTTP/1.1\r\n"
                          "ORIGIN: http://lab.local\r\nAccept: a\r\naccept: b\r\n\r\n"),
             Status::Complete);
    QCOMPARE(request.path(), QStringLiteral("/s"));
    QCOMPARE(request.queryItem(QStringLiteral("events")), QStringLiteral("a,b,c"));
    QCOMPARE(request.queryItem(QStringLiteral("lastEventId")), QStringLiteral("7"));
    QCOMPARE(request.queryItem(QStringLiteral("x")), QStringLiteral("a b"));
    QCOMPARE(request.queryItem(QStringLiteral("missing")), QString());
    QCOMPARE(request.header("Origin"), QByteArray("http://lab.local"));
    QCOMPARE(request.header("accept"), QByteArray("a, b"));
    QVERIFY(request.hasHeader("ACCEPT"));
    QVERIFY(!request.hasHeader("last-event-id"));
}

void TestSseParts::cors_data() {
    QTest::addColumn<QStringList>("origins");
    QTest::addColumn<QByteArray>("requestOrigin");
    QTest::addColumn<QByteArray>("allowed");

    const QString lab = QStringLiteral("http://lab.local");
    const QString dash = QStringLiteral("http://dash.local:8000");
    QTest::newRow("wildcard, no Origin")
        << QStringList{QStringLiteral("*")} << QByteArray() << QByteArray("*");
    QTest::newRow("wildcard, any Origin")
        << QStringList{QStringLiteral("*")} << QByteArray("http://evil.example") << QByteArray("*");
    QTest::newRow("listed Origin reflected")
        << QStringList{lab, dash} << QByteArray("http://dash.local:8000")
        << QByteArray("http://dash.local:8000");
    QTest::newRow("listed beats wildcard")
        << QStringList{QStringLiteral("*"), lab} << QByteArray("http://lab.local")
        << QByteArray("http://lab.local");
    QTest::newRow("unlisted falls back to first")
        << QStringList{lab, dash} << QByteArray("http://other.local")
        << QByteArray("http://lab.local");
    QTest::newRow("no Origin falls back to first")
        << QStringList{dash, lab} << QByteArray() << QByteArray("http://dash.local:8000");
    QTest::newRow("empty list allows none")
        << QStringList{} << QByteArray("http://lab.local") << QByteArray();
}

void TestSseParts::cors() {
    QFETCH(QStringList, origins);
    QFETCH(QByteArray, requestOrigin);
    QFETCH(QByteArray, allowed);

    const SseCorsPolicy policy(origins);
    QCOMPARE(policy.allowOrigin(requestOrigin), allowed);
    const QByteArray headers = policy.headers(requestOrigin);
    QCOMPARE(headers.contains(QByteArray("Access-Control-Allow-Origin: " + allowed + "\r\n")),
             !allowed.isEmpty());
    QCOMPARE(headers.contains("Vary: Origin\r\n"), !allowed.isEmpty() && allowed != "*");
}

void TestSseParts::corsHeaderLines() {
    const QByteArray headers = SseCorsPolicy().headers({});
    QCOMPARE(headers, QByteArray("Access-Control-Allow-Origin: *\r\n"
                                 "Access-Control-Allow-Methods: GET, OPTIONS\r\n"
                                 "Access-Control-Allow-Headers: Cache-Control, Last-Event-ID\r\n"
                                 "Access-Control-Max-Age: 86400\r\n"));
    const QJsonArray config{QStringLiteral("http://a.local")};
    QCOMPARE(SseCorsPolicy::fromConfig(config).allowOrigin({}), QByteArray("http://a.local"));
}

void TestSseParts::replayKeepsTheLastFrames() {
    SseReplayBuffer buffer(3);
    QVERIFY(buffer.isEmpty());
    QCOMPARE(buffer.oldestSeq(), 0u);
    for (quint64 seq = 1; seq <= 5; ++seq)
        buffer.append(seq, QStringLiteral("e%1").arg(seq), "frame" + QByteArray::number(seq));
    QCOMPARE(buffer.size(), 3);
    QCOMPARE(buffer.oldestSeq(), 3u);
    QCOMPARE(buffer.byteSize(), 18);
    const QList<SseReplayBuffer::Frame> after = buffer.framesAfter(3);
    QCOMPARE(after.size(), 2);
    QCOMPARE(after.at(0).seq, 4u);
    QCOMPARE(after.at(0).event, QStringLiteral("e4"));
    QCOMPARE(after.at(1).bytes, QByteArray("frame5"));
    QVERIFY(buffer.framesAfter(5).isEmpty());
    QCOMPARE(buffer.framesAfter(0).size(), 3);
    buffer.clear();
    QVERIFY(buffer.isEmpty());
    QCOMPARE(buffer.byteSize(), 0);
}

void TestSseParts::replayReportsGaps() {
    SseReplayBuffer buffer(2);
    buffer.append(1, QStringLiteral("e"), "1");
    buffer.append(2, QStringLiteral("e"), "2");
    QVERIFY(!buffer.hasGapAfter(0)); // nothing evicted yet: the buffer holds everything
    buffer.append(3, QStringLiteral("e"), "3");
    buffer.append(4, QStringLiteral("e"), "4");
    QVERIFY(buffer.hasGapAfter(0));
    QVERIFY(buffer.hasGapAfter(1));
    QVERIFY(!buffer.hasGapAfter(2)); // 3 and 4 are still there
    QVERIFY(!buffer.hasGapAfter(4));
}

void TestSseParts::replayBoundedByBytes() {
    SseReplayBuffer buffer(100);
    const QByteArray big(SseReplayBuffer::MaxBytes / 4, 'x');
    for (quint64 seq = 1; seq <= 10; ++seq)
        buffer.append(seq, QStringLiteral("big"), big);
    QVERIFY(buffer.byteSize() <= SseReplayBuffer::MaxBytes);
    QCOMPARE(buffer.size(), 4);
    QCOMPARE(buffer.oldestSeq(), 7u);
}

void TestSseParts::replayDisabled() {
    SseReplayBuffer buffer(0);
    buffer.append(1, QStringLiteral("e"), "1");
    QVERIFY(buffer.isEmpty());
    QVERIFY(buffer.framesAfter(0).isEmpty());
}

void TestSseParts::frames() {
    QCOMPARE(SseFrame::event(QStringLiteral("gaze"), "{\"x\":1}", 42),
             QByteArray("id: 42\nevent: gaze\ndata: {\"x\":1}\n\n"));
    QCOMPARE(SseFrame::event(QStringLiteral("gaze"), "{}"),
             QByteArray("event: gaze\ndata: {}\n\n"));
    // A line break in an event name must not start a new field.
    QCOMPARE(SseFrame::event(QStringLiteral("a\nid: 9"), "{}"),
             QByteArray("event: a id: 9\ndata: {}\n\n"));
    QCOMPARE(SseFrame::comment("heartbeat 5"), QByteArray(": heartbeat 5\n\n"));
    QCOMPARE(SseFrame::comment("a\r\nb"), QByteArray(": a  b\n\n"));
}

void TestSseParts::welcomeFrame() {
    const QByteArray frame = SseFrame::welcome(QStringLiteral("sse_1_abcdefghi"), 1725880800000);
    QVERIFY(frame.startsWith("event: connection\ndata: "));
    QVERIFY(frame.endsWith("\n\n"));
    QVERIFY(!frame.contains("id:"));
    const QByteArray json = frame.mid(frame.indexOf("data: ") + 6).trimmed();
    const QJsonObject data = QJsonDocument::fromJson(json).object();
    QCOMPARE(data.value(QStringLiteral("clientId")).toString(), QStringLiteral("sse_1_abcdefghi"));
    QCOMPARE(data.value(QStringLiteral("timestamp")).toInteger(), 1725880800000);
    QCOMPARE(data.value(QStringLiteral("server")).toString(), QStringLiteral("labrelay"));
}

QTEST_GUILESS_MAIN(TestSseParts)
#include "tst_sseparts.moc"
