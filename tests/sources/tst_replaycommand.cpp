// `labrelay replay` against a real HTTP server on 127.0.0.1 (the control API's stand-in): the
// NDJSON bodies, their order and timing, batching, the token, exit codes for API errors and
// unreadable files, and argument errors.
#include "httpsink.h"
#include "recorder.h"
#include "replaycommand.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTextStream>
#include <QtTest>

namespace {

QStringList record(const QTemporaryDir &dir, int count, qint64 spacingMs) {
    RecordingOptions options;
    options.directory = dir.path();
    Recorder recorder(QStringLiteral("s1"), options);
    if (!recorder.start())
        return {};
    for (int i = 0; i < count; ++i)
        recorder.record(*makeEnvelope(QStringLiteral("e%1").arg(i % 4), QStringLiteral("s1"),
                                      quint64(i + 1), 1700000000000 + i * spacingMs,
                                      QJsonObject{{QStringLiteral("i"), i}}));
    recorder.close();
    return recorder.files();
}

// One run of the command with its output.
struct Run {
    QString out;
    QString err;
    int exitCode = -1;
    qint64 elapsedMs = 0;
};

Run replay(const ReplayCommand::Options &options) {
    Run run;
    QTextStream out(&run.out);
    QTextStream err(&run.err);
    ReplayCommand command(options, out, err);
    QSignalSpy finished(&command, &ReplayCommand::finished);
    QElapsedTimer clock;
    clock.start();
    command.start();
    if (finished.wait(20000))
        run.exitCode = finished.first().first().toInt();
    run.elapsedMs = clock.elapsed();
    return run;
}

ReplayCommand::Options options(const QStringList &files, const HttpSink &sink, double speed) {
    ReplayCommand::Options o;
    o.files = files;
    o.sessionId = QStringLiteral("study 1");
    o.speed = speed;
    o.apiUrl = QUrl(sink.baseUrl());
    return o;
}

// Every NDJSON line the sink received, in order.
QList<QJsonObject> lines(const HttpSink &sink) {
    QList<QJsonObject> all;
    for (const HttpSink::Request &request : sink.requests()) {
        for (const QByteArray &line : request.body.split('\n')) {
            if (!line.isEmpty())
                all.append(QJsonDocument::fromJson(line).object());
        }
    }
    return all;
}

} // namespace

class TestReplayCommand : public QObject {
    Q_OBJECT

private slots:
    void parseGood();
    void parseBad_data();
    void parseBad();
    void postsEveryEventInOrder();
    void keepsTheScaledTiming();
    void largeEventsAreSplitByBytes();
    void sendsTheToken();
    void apiErrorExitsWithOne();
    void unreachableApiExitsWithOne();
    void unreadableFileExitsWithTwo();
    void runParsesAndReturnsTheExitCode();
};

void TestReplayCommand::parseGood() {
    const Result<ReplayCommand::Options> result = ReplayCommand::parse(
        {QStringLiteral("a.jsonl"), QStringLiteral("--session"), QStringLiteral("s1"),
         QStringLiteral("b.jsonl"), QStringLiteral("--speed"), QStringLiteral("2.5"),
         QStringLiteral("--api-url"), QStringLiteral("http://127.0.0.1:9000/base"),
         QStringLiteral("--api-token"), QStringLiteral("T")});
    QVERIFY2(result.ok(), qPrintable(result.error()));
    QCOMPARE(result->files, QStringList({QStringLiteral("a.jsonl"), QStringLiteral("b.jsonl")}));
    QCOMPARE(result->sessionId, QStringLiteral("s1"));
    QCOMPARE(result->speed, 2.5);
    QCOMPARE(result->apiUrl, QUrl(QStringLiteral("http://127.0.0.1:9000/base")));
    QCOMPARE(result->apiToken, QStringLiteral("T"));

    const Result<ReplayCommand::Options> defaults =
        ReplayCommand::parse({QStringLiteral("a.jsonl"), QStringLiteral("--session=s1")});
    QVERIFY(defaults.ok());
    QCOMPARE(defaults->speed, 1.0);
    QCOMPARE(defaults->apiUrl, QUrl(QStringLiteral("http://127.0.0.1:7380")));
}

void TestReplayCommand::parseBad_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("error");

    QTest::newRow("no file") << QStringList{QStringLiteral("--session"), QStringLiteral("s")}
                             << QStringLiteral("FILE: name at least one recording file");
    QTest::newRow("no session") << QStringList{QStringLiteral(
        "a.jsonl")} << QStringLiteral("--session: required (the id of the session to feed)");
    QTest::newRow("negative speed")
        << QStringList{QStringLiteral("a.jsonl"), QStringLiteral("--session=s"),
                       QStringLiteral("--speed=-1")}
        << QStringLiteral("--speed: expected a number >= 0 (0 = as fast as possible, 1 = real "
                          "time)");
    QTest::newRow("speed word")
        << QStringList{QStringLiteral("a.jsonl"), QStringLiteral("--session=s"),
                       QStringLiteral("--speed=fast")}
        << QStringLiteral("--speed: expected a number >= 0 (0 = as fast as possible, 1 = real "
                          "time)");
    QTest::newRow("url scheme") << QStringList{QStringLiteral("a.jsonl"),
                                               QStringLiteral("--session=s"),
                                               QStringLiteral("--api-url=ftp://host")}
                                << QStringLiteral("--api-url: expected an http:// or https:// URL");
    QTest::newRow("unknown option")
        << QStringList{QStringLiteral("a.jsonl"), QStringLiteral("--session=s"),
                       QStringLiteral("--fast")}
        << QStringLiteral("Unknown option 'fast'.");
    QTest::newRow("both missing")
        << QStringList{}
        << QStringLiteral("FILE: name at least one recording file; --session: required (the id "
                          "of the session to feed)");
}

void TestReplayCommand::parseBad() {
    QFETCH(QStringList, arguments);
    QFETCH(QString, error);
    const Result<ReplayCommand::Options> result = ReplayCommand::parse(arguments);
    QVERIFY(!result.ok());
    QCOMPARE(result.error(), error);
}

void TestReplayCommand::postsEveryEventInOrder() {
    QTemporaryDir dir;
    constexpr int Count = 2500;
    const QStringList files = record(dir, Count, 1000);
    HttpSink sink;
    QVERIFY(sink.listen());
    const Run run = replay(options(files, sink, 0));
    QVERIFY2(run.exitCode == ReplayCommand::Success, qPrintable(run.err));

    QVERIFY(sink.requests().size() >= 3); // at most 1000 events per request
    for (const HttpSink::Request &request : sink.requests()) {
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.path, QByteArray("/api/sessions/study%201/events"));
        QCOMPARE(request.header("content-type"), QByteArray("application/x-ndjson"));
        QVERIFY(request.body.count('\n') <= ReplayCommand::MaxEventsPerRequest);
        QVERIFY(request.header("authorization").isEmpty());
    }
    const QList<QJsonObject> sent = lines(sink);
    QCOMPARE(sent.size(), Count);
    for (int i = 0; i < Count; ++i) {
        const QJsonObject &line = sent.at(i);
        QCOMPARE(line.keys(), QStringList({QStringLiteral("data"), QStringLiteral("event"),
                                           QStringLiteral("timestamp")}));
        QCOMPARE(line.value(QLatin1String("event")).toString(), QStringLiteral("e%1").arg(i % 4));
        QCOMPARE(line.value(QLatin1String("data")).toObject().value(QLatin1String("i")).toInt(), i);
        QCOMPARE(line.value(QLatin1String("timestamp")).toInteger(), 1700000000000 + i * 1000);
    }
    QVERIFY2(run.out.contains(QStringLiteral("replay: 2500 events from 1 file(s)")),
             qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("replay: sent 2500 events to session study 1")),
             qPrintable(run.out));
}

void TestReplayCommand::keepsTheScaledTiming() {
    QTemporaryDir dir;
    constexpr int Count = 30;
    constexpr qint64 SpacingMs = 100; // 2.9 s recorded
    constexpr double Speed = 20;      // 145 ms replayed
    const QStringList files = record(dir, Count, SpacingMs);
    HttpSink sink;
    QVERIFY(sink.listen());
    const Run run = replay(options(files, sink, Speed));
    QVERIFY2(run.exitCode == ReplayCommand::Success, qPrintable(run.err));
    const QList<QJsonObject> sent = lines(sink);
    QCOMPARE(sent.size(), Count);
    for (int i = 0; i < Count; ++i)
        QCOMPARE(
            sent.at(i).value(QLatin1String("data")).toObject().value(QLatin1String("i")).toInt(),
            i);
    // Sent as they fall due, not in one request, and not sooner than the scaled recording.
    QVERIFY(sink.requests().size() > 1);
    QVERIFY(run.elapsedMs >= qint64((Count - 1) * SpacingMs / Speed));
    for (int i = 1; i < sink.requests().size(); ++i)
        QVERIFY(sink.requests().at(i).receivedMs >= sink.requests().at(i - 1).receivedMs);
}

void TestReplayCommand::largeEventsAreSplitByBytes() {
    QTemporaryDir dir;
    RecordingOptions recording;
    recording.directory = dir.path();
    Recorder recorder(QStringLiteral("s1"), recording);
    QVERIFY(recorder.start());
    const QString big(500 * 1024, QLatin1Char('x'));
    for (int i = 0; i < 20; ++i)
        recorder.record(*makeEnvelope(
            QStringLiteral("frame"), QStringLiteral("s1"), quint64(i + 1), 1700000000000 + i,
            QJsonObject{{QStringLiteral("i"), i}, {QStringLiteral("blob"), big}}));
    recorder.close();
    HttpSink sink;
    QVERIFY(sink.listen());
    const Run run = replay(options(recorder.files(), sink, 0));
    QVERIFY2(run.exitCode == ReplayCommand::Success, qPrintable(run.err));
    QVERIFY(sink.requests().size() >= 3);
    for (const HttpSink::Request &request : sink.requests())
        QVERIFY(request.body.size() <= ReplayCommand::MaxBytesPerRequest);
    const QList<QJsonObject> sent = lines(sink);
    QCOMPARE(sent.size(), 20);
    for (int i = 0; i < 20; ++i)
        QCOMPARE(
            sent.at(i).value(QLatin1String("data")).toObject().value(QLatin1String("i")).toInt(),
            i);
}

void TestReplayCommand::sendsTheToken() {
    QTemporaryDir dir;
    HttpSink sink;
    QVERIFY(sink.listen());
    ReplayCommand::Options o = options(record(dir, 3, 1), sink, 0);
    o.apiToken = QStringLiteral("secret-token");
    const Run run = replay(o);
    QCOMPARE(run.exitCode, int(ReplayCommand::Success));
    QVERIFY(!sink.requests().isEmpty());
    QCOMPARE(sink.requests().first().header("authorization"), QByteArray("Bearer secret-token"));
}

void TestReplayCommand::apiErrorExitsWithOne() {
    QTemporaryDir dir;
    HttpSink sink;
    QVERIFY(sink.listen());
    HttpSink::Reply notFound;
    notFound.status = 404;
    notFound.reason = "Not Found";
    sink.setDefaultReply(notFound);
    const Run run = replay(options(record(dir, 3000, 1), sink, 0));
    QCOMPARE(run.exitCode, int(ReplayCommand::ApiError));
    QVERIFY2(run.err.contains(QStringLiteral("replay: API error (HTTP 404): HTTP 404 Not Found")),
             qPrintable(run.err));
    QCOMPARE(sink.requests().size(), 1); // stops at the first error
    QVERIFY(run.out.contains(QStringLiteral("replay: sent 0 events")));
}

void TestReplayCommand::unreachableApiExitsWithOne() {
    QTemporaryDir dir;
    HttpSink sink;
    QVERIFY(sink.listen());
    ReplayCommand::Options o = options(record(dir, 3, 1), sink, 0);
    sink.close(); // nothing listens on that port any more
    const Run run = replay(o);
    QCOMPARE(run.exitCode, int(ReplayCommand::ApiError));
    QVERIFY2(run.err.contains(QStringLiteral("replay: cannot reach http://127.0.0.1:")),
             qPrintable(run.err));
}

void TestReplayCommand::unreadableFileExitsWithTwo() {
    HttpSink sink;
    QVERIFY(sink.listen());
    const Run run = replay(options({QStringLiteral("/nonexistent/r.jsonl")}, sink, 1));
    QCOMPARE(run.exitCode, int(ReplayCommand::Unreadable));
    QCOMPARE(run.err, QStringLiteral("replay: /nonexistent/r.jsonl: cannot open: No such file or "
                                     "directory\n"));
    QVERIFY(sink.requests().isEmpty());
}

void TestReplayCommand::runParsesAndReturnsTheExitCode() {
    QTemporaryDir dir;
    const QStringList files = record(dir, 10, 1);
    HttpSink sink;
    QVERIFY(sink.listen());
    QString out;
    QString err;
    QTextStream outStream(&out);
    QTextStream errStream(&err);
    // run() spins its own event loop, which also serves the sink in this thread.
    const int exitCode = ReplayCommand::run({files.first(), QStringLiteral("--session=s9"),
                                             QStringLiteral("--speed=0"),
                                             QStringLiteral("--api-url=") + sink.baseUrl()},
                                            outStream, errStream);
    QCOMPARE(exitCode, int(ReplayCommand::Success));
    QCOMPARE(lines(sink).size(), 10);
    QCOMPARE(sink.requests().first().path, QByteArray("/api/sessions/s9/events"));

    err.clear();
    QCOMPARE(ReplayCommand::run({QStringLiteral("--speed=2")}, outStream, errStream),
             int(ReplayCommand::Unreadable));
    QVERIFY2(err.startsWith(QStringLiteral("replay: FILE: name at least one recording file; "
                                           "--session: required")),
             qPrintable(err));
    QVERIFY(err.contains(QStringLiteral("usage: labrelay replay FILE... --session ID")));
}

QTEST_GUILESS_MAIN(TestReplayCommand)
#include "tst_replaycommand.moc"
