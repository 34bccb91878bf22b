// The control API's input endpoints, in process against a real SessionManager with a real UDP
// distributor on loopback: the synthetic source (start, restart, stop), recording the routed
// envelopes to JSONL files, and replaying a recording into another session. Every refusal is
// checked for its status and message, and that it changed nothing: no source started or
// stopped, no file written, no event routed.
#include "apitestclient.h"
#include "apitesthelpers.h"
#include "controlapiserver.h"
#include "syntheticoptions.h"

#include <QDirIterator>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

namespace {

const QString Synthetic = QStringLiteral("/api/sessions/s1/synthetic");
const QString Recording = QStringLiteral("/api/sessions/s1/recording");

QJsonObject withoutMetadata(QJsonObject envelope) {
    envelope.remove(QStringLiteral("metadata"));
    return envelope;
}

QList<QJsonObject> readLines(const QString &path) {
    QFile file(path);
    QList<QJsonObject> lines;
    if (!file.open(QIODevice::ReadOnly))
        return lines;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (!line.isEmpty())
            lines.append(QJsonDocument::fromJson(line).object());
    }
    return lines;
}

QStringList jsonlFiles(const QString &directory) {
    QStringList files;
    QDirIterator it(directory, {QStringLiteral("*.jsonl")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    return files;
}

QJsonArray events(int count, int first = 0) {
    QJsonArray list;
    for (int i = first; i < first + count; ++i)
        list.append(QJsonObject{
            {QStringLiteral("event"), i % 5 ? QStringLiteral("gaze") : QStringLiteral("marker")},
            {QStringLiteral("data"), QJsonObject{{QStringLiteral("i"), i}}}});
    return list;
}

} // namespace

class TestControlApiInputs : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void syntheticStartRestartStop();
    void syntheticRejections_data();
    void syntheticRejections();
    void syntheticRefusalKeepsTheRunningSource();
    void recordingWritesTheRoutedEnvelopes();
    void recordingRejections_data();
    void recordingRejections();
    void replayReproducesTheEventsInOrder();
    void replayStopsOnDelete();
    void replayRejections_data();
    void replayRejections();
    void stopOnUnknownSession_data();
    void stopOnUnknownSession();

private:
    // Sends the request and checks the refusal; `error` as for errorMatches(). Placeholders
    // %DIR% (the test's temporary directory) and %GOOD% (a readable recording) are filled in.
    void expectRefusal(const QByteArray &method, const QString &path, const QByteArray &body,
                       int status, const QString &error, ApiResponse *answer = nullptr);
    QString fill(QString text) const;
    SessionSnapshot snapshot(const QString &id = QStringLiteral("s1")) const;
    QString record(int count);

    std::unique_ptr<SessionManager> m_manager;
    std::unique_ptr<ControlApiServer> m_server;
    std::unique_ptr<ApiTestClient> m_client;
    std::unique_ptr<UdpReceiver> m_receiver;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestControlApiInputs::init() {
    m_manager = std::make_unique<SessionManager>();
    m_receiver = std::make_unique<UdpReceiver>();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    ControlApiOptions options;
    options.port = 0;
    m_server = std::make_unique<ControlApiServer>(m_manager.get(), options);
    QCOMPARE(m_server->listen(), QString());
    m_client = std::make_unique<ApiTestClient>(m_server->serverPort());
    // s1 routes everything to UDP (the default route of a session without a template).
    const ApiResponse created = m_client->post(
        QStringLiteral("/api/sessions"),
        sessionBody(QStringLiteral("s1"), {{QStringLiteral("udp"), udpConfig(*m_receiver)}}));
    QVERIFY2(created.status == 201, created.body.constData());
}

void TestControlApiInputs::cleanup() {
    m_server.reset();
    QFuture<bool> closed = m_manager->cleanup();
    QTRY_VERIFY_WITH_TIMEOUT(closed.isFinished(), 10000);
    m_client.reset();
    m_manager.reset();
    m_receiver.reset();
    m_dir.reset();
}

QString TestControlApiInputs::fill(QString text) const {
    text.replace(QStringLiteral("%GOOD%"), m_dir->filePath(QStringLiteral("good.jsonl")));
    return text.replace(QStringLiteral("%DIR%"), m_dir->path());
}

SessionSnapshot TestControlApiInputs::snapshot(const QString &id) const {
    const EngineSnapshot engine = m_manager->snapshot();
    const SessionSnapshot *session = engine.session(id);
    return session ? *session : SessionSnapshot();
}

void TestControlApiInputs::expectRefusal(const QByteArray &method, const QString &path,
                                         const QByteArray &body, int status, const QString &error,
                                         ApiResponse *answer) {
    const QByteArray before = engineState(*m_manager);
    const ApiResponse response =
        m_client->send(method, fill(path), fill(QString::fromUtf8(body)).toUtf8());
    QVERIFY2(response.status == status, response.body.constData());
    QVERIFY(response.isErrorShape());
    QVERIFY2(errorMatches(response.error(), fill(error)), qPrintable(response.error()));
    QCOMPARE(engineState(*m_manager), before);
    if (answer)
        *answer = response;
}

// Records `count` events routed in s1 through the API and answers the file.
QString TestControlApiInputs::record(int count) {
    const QString folder = m_dir->filePath(QStringLiteral("recordings"));
    const ApiResponse started =
        m_client->post(Recording, QJsonObject{{QStringLiteral("directory"), folder}});
    if (started.status != 200)
        return {};
    m_client->post(QStringLiteral("/api/sessions/s1/events"), events(count));
    m_client->del(Recording);
    return started.json().value(QStringLiteral("file")).toString();
}

void TestControlApiInputs::syntheticStartRestartStop() {
    const ApiResponse started =
        m_client->post(Synthetic, QJsonObject{{QStringLiteral("mode"), QStringLiteral("parity")},
                                              {QStringLiteral("seed"), 7},
                                              {QStringLiteral("gazeRate"), 100}});
    QVERIFY2(started.status == 200, started.body.constData());
    QCOMPARE(started.json().value(QStringLiteral("running")), QJsonValue(true));
    const QJsonObject options = started.json().value(QStringLiteral("options")).toObject();
    QCOMPARE(options.value(QStringLiteral("seed")).toInteger(), 7);
    QCOMPARE(options.value(QStringLiteral("mode")).toString(), QStringLiteral("parity"));
    QCOMPARE(options.value(QStringLiteral("gazeRate")).toDouble(), 100.0);
    QTRY_VERIFY_WITH_TIMEOUT(m_receiver->count(QStringLiteral("neon_gaze_data")) >= 5, 5000);
    QCOMPARE(snapshot().syntheticMode, QStringLiteral("parity"));

    // Starting again restarts with the new options; an empty body means the defaults, with a
    // seed drawn at random and reported.
    const ApiResponse restarted = m_client->send("POST", Synthetic, QByteArray(), QByteArray());
    QVERIFY2(restarted.status == 200, restarted.body.constData());
    const QJsonObject defaults = restarted.json().value(QStringLiteral("options")).toObject();
    QCOMPARE(defaults.value(QStringLiteral("mode")).toString(), QStringLiteral("realistic"));
    QCOMPARE(defaults.value(QStringLiteral("gazeRate")).toDouble(),
             SyntheticOptions::DefaultGazeRate);
    QVERIFY(defaults.value(QStringLiteral("seed")).isDouble());
    QVERIFY(snapshot().syntheticRunning);
    QCOMPARE(snapshot().syntheticMode, QStringLiteral("realistic"));

    const ApiResponse stopped = m_client->del(Synthetic);
    QCOMPARE(stopped.status, 200);
    QCOMPARE(stopped.json().value(QStringLiteral("running")), QJsonValue(false));
    QCOMPARE(stopped.json().value(QStringLiteral("stopped")), QJsonValue(true));
    QVERIFY(!snapshot().syntheticRunning);

    // Nothing is stamped after the stop: the next event gets the next seq, and once it has
    // arrived the receiver holds exactly the events up to it (those in flight included).
    const quint64 stoppedAt = m_manager->getSession(QStringLiteral("s1"))->eventsIn();
    const ApiResponse marker =
        m_client->post(QStringLiteral("/api/sessions/s1/events"),
                       QJsonObject{{QStringLiteral("event"), QStringLiteral("marker")},
                                   {QStringLiteral("data"), 1}});
    QCOMPARE(marker.json().value(QStringLiteral("firstSeq")).toInteger(), qint64(stoppedAt + 1));
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->count(QStringLiteral("marker")), 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->count(), int(stoppedAt + 1), 5000);
    QCOMPARE(m_manager->getSession(QStringLiteral("s1"))->eventsIn(), stoppedAt + 1);

    const ApiResponse again = m_client->del(Synthetic);
    QCOMPARE(again.status, 200);
    QCOMPARE(again.json().value(QStringLiteral("stopped")), QJsonValue(false));
}

void TestControlApiInputs::syntheticRejections_data() {
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("error");

    QTest::newRow("gazeRate 0") << Synthetic << QByteArray("{\"gazeRate\": 0}") << 422
                                << "gazeRate: expected a number 1-2000";
    QTest::newRow("gazeRate text") << Synthetic << QByteArray("{\"gazeRate\": \"fast\"}") << 422
                                   << "gazeRate: expected a number 1-2000";
    QTest::newRow("unknown mode") << Synthetic << QByteArray("{\"mode\": \"fast\"}") << 422
                                  << "mode: expected one of \"realistic\", \"parity\"";
    QTest::newRow("unknown key")
        << Synthetic << QByteArray("{\"colour\": 1}") << 422
        << "colour: unknown key (known keys: mode, parityProfile, seed, gazeRate, pupilRate, "
           "imuRate, deviceStatusRate, qualityRate, dropProbability, jitterMs, events)";
    QTest::newRow("not an object") << Synthetic << QByteArray("[]") << 422
                                   << "request body: expected a JSON object (the synthetic "
                                      "source options)";
    QTest::newRow("malformed") << Synthetic << QByteArray("{") << 400 << "request body:1:*";
    QTest::newRow("unknown session")
        << "/api/sessions/nope/synthetic" << QByteArray("{}") << 404 << "Session nope not found";
}

void TestControlApiInputs::syntheticRejections() {
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, error);
    expectRefusal("POST", path, body, status, error);
    QVERIFY(!snapshot().syntheticRunning);
    QCOMPARE(m_manager->getSession(QStringLiteral("s1"))->eventsIn(), 0u);
}

void TestControlApiInputs::syntheticRefusalKeepsTheRunningSource() {
    QCOMPARE(m_client
                 ->post(Synthetic, QJsonObject{{QStringLiteral("mode"), QStringLiteral("parity")},
                                               {QStringLiteral("gazeRate"), 50}})
                 .status,
             200);
    // Several broken rules: the engine's message as it is, one detail per rule.
    const QJsonObject bad{{QStringLiteral("mode"), QStringLiteral("realistic")},
                          {QStringLiteral("gazeRate"), 0},
                          {QStringLiteral("jitterMs"), -1}};
    const ApiResponse refused = m_client->post(Synthetic, bad);
    QCOMPARE(refused.status, 422);
    QVERIFY(refused.isErrorShape());
    const QString expected = SyntheticOptions::fromJson(bad).error();
    QCOMPARE(refused.error(), expected);
    QCOMPARE(refused.details(), expected.split(QStringLiteral("; ")));
    QVERIFY(refused.details().size() >= 2);
    QVERIFY(snapshot().syntheticRunning);
    QCOMPARE(snapshot().syntheticMode, QStringLiteral("parity"));
    QCOMPARE(m_client->del(Synthetic).json().value(QStringLiteral("stopped")), QJsonValue(true));
}

void TestControlApiInputs::recordingWritesTheRoutedEnvelopes() {
    const QString folder = m_dir->filePath(QStringLiteral("new/recordings"));
    const ApiResponse started =
        m_client->post(Recording, QJsonObject{{QStringLiteral("directory"), folder},
                                              {QStringLiteral("flushIntervalMs"), 10}});
    QVERIFY2(started.status == 200, started.body.constData());
    QCOMPARE(started.json().value(QStringLiteral("recording")), QJsonValue(true));
    const QString file = started.json().value(QStringLiteral("file")).toString();
    QVERIFY2(file.startsWith(folder + QLatin1Char('/')) && file.endsWith(QLatin1String(".jsonl")),
             qPrintable(file));
    const QJsonObject options = started.json().value(QStringLiteral("options")).toObject();
    QCOMPARE(options.value(QStringLiteral("directory")).toString(), folder);
    QCOMPARE(options.value(QStringLiteral("flushIntervalMs")).toInt(), 10);
    QVERIFY(snapshot().recording);
    QCOMPARE(snapshot().recordingPath, file);

    QCOMPARE(m_client->post(QStringLiteral("/api/sessions/s1/events"), events(20)).status, 202);
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->count(), 20, 5000);
    const ApiResponse stopped = m_client->del(Recording);
    QCOMPARE(stopped.status, 200);
    QCOMPARE(stopped.json().value(QStringLiteral("recording")), QJsonValue(false));
    QCOMPARE(stopped.json().value(QStringLiteral("stopped")), QJsonValue(true));
    QVERIFY(!snapshot().recording);

    // Each line is the envelope the distributor sent, without the distributor's metadata.
    QHash<qint64, QJsonObject> received;
    for (const QJsonObject &envelope : m_receiver->envelopes())
        received.insert(envelope.value(QStringLiteral("seq")).toInteger(),
                        withoutMetadata(envelope));
    const QList<QJsonObject> lines = readLines(file);
    QCOMPARE(lines.size(), 20);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QCOMPARE(lines.at(i).value(QStringLiteral("seq")).toInteger(), qint64(i + 1));
        QCOMPARE(lines.at(i), received.value(i + 1));
    }
    QCOMPARE(m_client->del(Recording).json().value(QStringLiteral("stopped")), QJsonValue(false));
}

void TestControlApiInputs::recordingRejections_data() {
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("error");

    const QString required = QStringLiteral("directory: required (the folder for the recording "
                                            "files)");
    QTest::newRow("empty body") << Recording << QByteArray() << 422 << required;
    QTest::newRow("no directory") << Recording << QByteArray("{\"keepFiles\": 2}") << 422
                                  << required;
    QTest::newRow("empty directory") << Recording << QByteArray("{\"directory\": \" \"}") << 422
                                     << "directory: expected a non-empty string";
    QTest::newRow("keepFiles 0") << Recording
                                 << QByteArray("{\"directory\": \"%DIR%/r\", \"keepFiles\": 0}")
                                 << 422 << "keepFiles: expected an integer 1-1000";
    QTest::newRow("unknown key")
        << Recording << QByteArray("{\"directory\": \"%DIR%/r\", \"format\": \"csv\"}") << 422
        << "format: unknown key (known keys: directory, maxBytes, keepFiles, flushIntervalMs)";
    // A directory below a regular file cannot be created, whoever runs the test.
    QTest::newRow("directory cannot be created")
        << Recording << QByteArray("{\"directory\": \"%DIR%/plain/sub\"}") << 422
        << "Recording failed: *";
    QTest::newRow("not an object") << Recording << QByteArray("[]") << 422
                                   << "request body: expected a JSON object (the recording "
                                      "options)";
    QTest::newRow("unknown session")
        << "/api/sessions/nope/recording" << QByteArray("{\"directory\": \"%DIR%/r\"}") << 404
        << "Session nope not found";
}

void TestControlApiInputs::recordingRejections() {
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, error);
    QFile plain(m_dir->filePath(QStringLiteral("plain")));
    QVERIFY(plain.open(QIODevice::WriteOnly));
    plain.close();
    ApiResponse answer;
    expectRefusal("POST", path, body, status, error, &answer);
    if (QTest::currentTestFailed())
        return;
    // The recorder's own words name the directory it could not use.
    if (error.startsWith(QLatin1String("Recording failed")))
        QVERIFY2(answer.error().contains(fill(QStringLiteral("%DIR%/plain/sub"))),
                 qPrintable(answer.error()));
    QVERIFY(!snapshot().recording);
    QCOMPARE(jsonlFiles(m_dir->path()), QStringList());
    QVERIFY(!QFileInfo::exists(m_dir->filePath(QStringLiteral("r"))));
}

void TestControlApiInputs::replayReproducesTheEventsInOrder() {
    const QString file = record(30);
    QVERIFY(!file.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->count(), 30, 5000);
    UdpReceiver second;
    QCOMPARE(
        m_client
            ->post(QStringLiteral("/api/sessions"),
                   sessionBody(QStringLiteral("s2"), {{QStringLiteral("udp"), udpConfig(second)}}))
            .status,
        201);

    QSignalSpy finished(m_manager.get(), &SessionManager::replayFinished);
    const QString path = QStringLiteral("/api/sessions/s2/replay");
    const ApiResponse started =
        m_client->post(path, QJsonObject{{QStringLiteral("files"), QJsonArray{file}},
                                         {QStringLiteral("speed"), 0}});
    QVERIFY2(started.status == 202, started.body.constData());
    QCOMPARE(started.json().value(QStringLiteral("replaying")), QJsonValue(true));
    QCOMPARE(started.json().value(QStringLiteral("speed")).toDouble(), 0.0);
    // The replay may finish while the client still reads the answer (its wait runs the loop).
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
    QCOMPARE(finished.first().at(0).toString(), QStringLiteral("s2"));
    QCOMPARE(finished.first().at(1).toLongLong(), 30);
    QTRY_COMPARE_WITH_TIMEOUT(second.count(), 30, 5000);
    QCOMPARE(second.events(), m_receiver->events());
    for (int i = 0; i < 30; ++i) {
        QCOMPARE(second.envelopes().at(i).value(QStringLiteral("data")),
                 m_receiver->envelopes().at(i).value(QStringLiteral("data")));
        QCOMPARE(second.envelopes().at(i).value(QStringLiteral("sessionId")).toString(),
                 QStringLiteral("s2"));
    }
    // Finished replays are gone; stopping one is no error.
    QCOMPARE(m_client->del(path).json().value(QStringLiteral("stopped")), QJsonValue(false));

    // Without a speed the recording's own timing applies (speed 1).
    const ApiResponse realTime =
        m_client->post(path, QJsonObject{{QStringLiteral("files"), QJsonArray{file}}});
    QCOMPARE(realTime.status, 202);
    QCOMPARE(realTime.json().value(QStringLiteral("speed")).toDouble(), 1.0);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(second.count(), 60, 5000);
    QCOMPARE(second.events().mid(30), m_receiver->events());
}

void TestControlApiInputs::replayStopsOnDelete() {
    // Two events ten minutes apart: at speed 1 the second is far from due when DELETE comes.
    const QString file = m_dir->filePath(QStringLiteral("slow.jsonl"));
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write("{\"event\":\"first\",\"seq\":1,\"timestamp\":1000,\"data\":1}\n"
              "{\"event\":\"second\",\"seq\":2,\"timestamp\":601000,\"data\":2}\n");
    out.close();
    const QString path = QStringLiteral("/api/sessions/s1/replay");
    QCOMPARE(m_client->post(path, QJsonObject{{QStringLiteral("files"), QJsonArray{file}}}).status,
             202);
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->count(QStringLiteral("first")), 1, 5000);

    // A refused replay leaves the running one alone.
    const ApiResponse refused = m_client->post(
        path, QJsonObject{{QStringLiteral("files"),
                           QJsonArray{m_dir->filePath(QStringLiteral("missing.jsonl"))}}});
    QCOMPARE(refused.status, 422);

    const ApiResponse stopped = m_client->del(path);
    QCOMPARE(stopped.status, 200);
    QCOMPARE(stopped.json().value(QStringLiteral("replaying")), QJsonValue(false));
    QCOMPARE(stopped.json().value(QStringLiteral("stopped")), QJsonValue(true));
    QCOMPARE(m_client->del(path).json().value(QStringLiteral("stopped")), QJsonValue(false));
    QCOMPARE(m_manager->getSession(QStringLiteral("s1"))->eventsIn(), 1u);
}

void TestControlApiInputs::replayRejections_data() {
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("error");

    const QString replay = QStringLiteral("/api/sessions/s1/replay");
    const QString files = QStringLiteral("files: expected a non-empty array of recording file "
                                         "paths");
    QTest::newRow("missing file") << replay << QByteArray("{\"files\": [\"%DIR%/missing.jsonl\"]}")
                                  << 422 << "files: %DIR%/missing.jsonl: cannot open: *";
    QTest::newRow("second file missing")
        << replay << QByteArray("{\"files\": [\"%GOOD%\", \"%DIR%/gone.jsonl\"]}") << 422
        << "files: %DIR%/gone.jsonl: cannot open: *";
    QTest::newRow("a directory") << replay << QByteArray("{\"files\": [\"%DIR%\"]}") << 422
                                 << "files: %DIR%: cannot open: is a directory";
    QTest::newRow("no files") << replay << QByteArray("{}") << 422 << files;
    QTest::newRow("empty body") << replay << QByteArray(" ") << 422 << files;
    QTest::newRow("empty list") << replay << QByteArray("{\"files\": []}") << 422 << files;
    QTest::newRow("files a string")
        << replay << QByteArray("{\"files\": \"%GOOD%\"}") << 422 << files;
    QTest::newRow("file a number") << replay << QByteArray("{\"files\": [\"%GOOD%\", 1]}") << 422
                                   << "files[1]: expected a non-empty string";
    QTest::newRow("negative speed")
        << replay << QByteArray("{\"files\": [\"%GOOD%\"], \"speed\": -1}") << 422
        << "speed: expected 0 (as fast as possible) or more";
    QTest::newRow("speed text") << replay
                                << QByteArray("{\"files\": [\"%GOOD%\"], \"speed\": \"2x\"}") << 422
                                << "speed: expected 0 (as fast as possible) or more";
    QTest::newRow("unknown key") << replay
                                 << QByteArray("{\"files\": [\"%GOOD%\"], \"loop\": true}") << 422
                                 << "loop: unknown key (known keys: files, speed)";
    QTest::newRow("not an object") << replay << QByteArray("[\"%GOOD%\"]") << 422
                                   << "request body: expected a JSON object (the replay request)";
    QTest::newRow("unknown session")
        << "/api/sessions/nope/replay" << QByteArray("{\"files\": [\"%GOOD%\"]}") << 404
        << "Session nope not found";
}

void TestControlApiInputs::replayRejections() {
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, error);
    QFile good(fill(QStringLiteral("%GOOD%")));
    QVERIFY(good.open(QIODevice::WriteOnly));
    good.write("{\"event\":\"gaze\",\"seq\":1,\"timestamp\":1000,\"data\":1}\n");
    good.close();
    expectRefusal("POST", path, body, status, error);
    // No replay was started: there is none to stop, and no event entered the session.
    const ApiResponse stop = m_client->del(QStringLiteral("/api/sessions/s1/replay"));
    QCOMPARE(stop.json().value(QStringLiteral("stopped")), QJsonValue(false));
    QCOMPARE(m_manager->getSession(QStringLiteral("s1"))->eventsIn(), 0u);
}

void TestControlApiInputs::stopOnUnknownSession_data() {
    QTest::addColumn<QString>("path");
    QTest::newRow("synthetic") << "/api/sessions/nope/synthetic";
    QTest::newRow("recording") << "/api/sessions/nope/recording";
    QTest::newRow("replay") << "/api/sessions/nope/replay";
}

void TestControlApiInputs::stopOnUnknownSession() {
    QFETCH(QString, path);
    expectRefusal("DELETE", path, QByteArray(), 404, QStringLiteral("Session nope not found"));
}

QTEST_GUILESS_MAIN(TestControlApiInputs)
#include "tst_controlapiinputs.moc"
