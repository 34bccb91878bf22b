// `labrelay --headless` as a real process: bad configs and options stop it before anything
// starts; a config with all five distributors runs end to end (events in through the API and UDP
// ingest, out to a mosquitto subscriber, a WebSocket client, an SSE reader, a UDP socket and an
// HTTP sink); SIGTERM closes everything, exits 0 and frees every port; a second signal while
// closing exits at once with 130.
#include "apitestclient.h"
#include "httpsink.h"
#include "mosquittobroker.h"
#include "ssereader.h"
#include "testpeers.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QUdpSocket>
#include <QtTest>

#include <memory>

namespace {

// The labrelay process with its stderr collected as it arrives.
class Labrelay final : public QObject {
public:
    explicit Labrelay(const QStringList &arguments) {
        connect(&m_process, &QProcess::readyReadStandardError, this,
                [this] { m_stderr += QString::fromUtf8(m_process.readAllStandardError()); });
        m_process.start(qEnvironmentVariable("LABRELAY_BINARY"), arguments);
    }
    ~Labrelay() override {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    QProcess &process() { return m_process; }
    bool isFinished() const { return m_process.state() == QProcess::NotRunning; }
    QString log() {
        m_stderr += QString::fromUtf8(m_process.readAllStandardError());
        return m_stderr;
    }

private:
    QProcess m_process;
    QString m_stderr;
};

QString writeConfig(const QTemporaryDir &dir, const QString &name, const QByteArray &text) {
    const QString path = dir.filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(text);
    return path;
}

QByteArray configText(const QJsonObject &options) {
    QJsonObject root = options;
    root.insert(QStringLiteral("format"), QStringLiteral("labrelay-session"));
    root.insert(QStringLiteral("version"), 1);
    return QJsonDocument(root).toJson();
}

bool portIsFree(quint16 port) {
    QTcpServer server;
    return server.listen(QHostAddress::LocalHost, port);
}

} // namespace

class TestHeadless : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void refusesToStart_data();
    void refusesToStart();
    void apiPortTaken();
    void endToEndAllFiveDistributors();
    void secondSignalExitsAt130();

private:
    QTemporaryDir m_dir;
};

void TestHeadless::initTestCase() {
    QVERIFY(QFileInfo::exists(qEnvironmentVariable("LABRELAY_BINARY")));
    QVERIFY(m_dir.isValid());
}

void TestHeadless::refusesToStart_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");

    const QByteArray good = configText(
        QJsonDocument::fromJson(
            "{\"template\": null, \"distributors\": {\"udp\": {\"port\": 9, \"targets\": "
            "[\"127.0.0.1:9\"]}}}")
            .object());
    const QString a = writeConfig(m_dir, QStringLiteral("a.labrelay.json"), good);
    const QString b = writeConfig(m_dir, QStringLiteral("b.json"), good);
    const QString sameId =
        writeConfig(m_dir, QStringLiteral("other.labrelay.json"),
                    configText(QJsonDocument::fromJson("{\"sessionId\": \"a\", \"template\": null, "
                                                       "\"distributors\": {\"udp\": {\"port\": 9, "
                                                       "\"targets\": [\"127.0.0.1:9\"]}}}")
                                   .object()));
    const QString invalid = writeConfig(
        m_dir, QStringLiteral("invalid.labrelay.json"),
        configText(QJsonDocument::fromJson("{\"template\": null, \"distributors\": {\"udp\": "
                                           "{\"targets\": [\"127.0.0.1:9\"]}}}")
                       .object()));
    const QString broken =
        writeConfig(m_dir, QStringLiteral("broken.labrelay.json"), "{\"template\": ");
    const QString missing = m_dir.filePath(QStringLiteral("missing.labrelay.json"));
    const QString port = QString::number(TestSupport::freeTcpPort());
    const QString config = QStringLiteral("--config");

    QTest::newRow("invalid config")
        << QStringList{config, a, config, invalid}
        << invalid
               + QStringLiteral(": Invalid session configuration: udp: UDP distributor "
                                "requires valid port (1-65535)");
    QTest::newRow("not JSON") << QStringList{config, broken}
                              << broken + QStringLiteral(":1:14: not valid JSON: ");
    QTest::newRow("unreadable") << QStringList{config, missing}
                                << missing + QStringLiteral(": cannot read: no such file");
    QTest::newRow("same session id twice")
        << QStringList{config, a, config, sameId}
        << sameId + QStringLiteral(": session id a is already used by ") + a;
    QTest::newRow("no config") << QStringList()
                               << QStringLiteral("--config: name at least one session config file");
    QTest::newRow("bad port") << QStringList{config, b, QStringLiteral("--api-port"),
                                             QStringLiteral("70000")}
                              << QStringLiteral(
                                     "--api-port: expected a port 0-65535, got \"70000\"");
    QTest::newRow("open bind without token")
        << QStringList{config, b, QStringLiteral("--api-bind"), QStringLiteral("0.0.0.0")}
        << QStringLiteral("--api-token: required when --api-bind is 0.0.0.0, which is not a "
                          "loopback address");
    QTest::newRow("bad bind") << QStringList{config, b, QStringLiteral("--api-bind"),
                                             QStringLiteral("lab-server")}
                              << QStringLiteral("--api-bind: expected an IPv4 or IPv6 address, "
                                                "got \"lab-server\"");
}

void TestHeadless::refusesToStart() {
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const quint16 apiPort = TestSupport::freeTcpPort();
    Labrelay labrelay(QStringList{QStringLiteral("--headless"), QStringLiteral("--api-port"),
                                  QString::number(apiPort)}
                      + arguments);
    QTRY_VERIFY_WITH_TIMEOUT(labrelay.isFinished(), 15000);
    QCOMPARE(labrelay.process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(labrelay.process().exitCode(), 1);
    const QString log = labrelay.log();
    QVERIFY2(log.contains(message), qPrintable(log));
    QVERIFY2(!log.contains(QStringLiteral("API listening")), qPrintable(log)); // nothing started
    QVERIFY(portIsFree(apiPort));
}

void TestHeadless::apiPortTaken() {
    QTcpServer holder;
    QVERIFY(holder.listen(QHostAddress::LocalHost, 0));
    const QString config = writeConfig(
        m_dir, QStringLiteral("taken.labrelay.json"),
        configText(QJsonDocument::fromJson("{\"template\": null, \"distributors\": {\"udp\": "
                                           "{\"port\": 9, \"targets\": [\"127.0.0.1:9\"]}}}")
                       .object()));
    Labrelay labrelay({QStringLiteral("--headless"), QStringLiteral("--config"), config,
                       QStringLiteral("--api-port"), QString::number(holder.serverPort())});
    QTRY_VERIFY_WITH_TIMEOUT(labrelay.isFinished(), 15000);
    QCOMPARE(labrelay.process().exitCode(), 1);
    QVERIFY2(labrelay.log().contains(
                 QStringLiteral("Cannot listen on 127.0.0.1:%1: ").arg(holder.serverPort())),
             qPrintable(labrelay.log()));
    QVERIFY(!labrelay.log().contains(QStringLiteral("session taken: created")));
}

void TestHeadless::endToEndAllFiveDistributors() {
    // packaging/install-deps.sh installs mosquitto: its absence is a broken setup, not a skip.
    QVERIFY2(MosquittoBroker::isAvailable(), "mosquitto is not installed");
    MosquittoBroker broker;
    QVERIFY2(broker.start(), qPrintable(broker.error()));
    HttpSink sink;
    QVERIFY(sink.listen());
    UdpReceiver udp;
    const quint16 apiPort = TestSupport::freeTcpPort();
    const quint16 ingestPort = TestSupport::freeUdpPort();
    const quint16 wsPort = TestSupport::freeTcpPort();
    const quint16 ssePort = TestSupport::freeTcpPort();

    const QJsonObject distributors{
        {QStringLiteral("http"), QJsonObject{{QStringLiteral("baseUrl"), sink.baseUrl()},
                                             {QStringLiteral("skipHealthCheck"), true}}},
        {QStringLiteral("websocket"),
         QJsonObject{{QStringLiteral("port"), wsPort},
                     {QStringLiteral("host"), QStringLiteral("127.0.0.1")},
                     {QStringLiteral("heartbeatInterval"), 0}}},
        {QStringLiteral("mqtt"), QJsonObject{{QStringLiteral("broker"), broker.url()}}},
        {QStringLiteral("udp"), QJsonObject{{QStringLiteral("port"), 9999},
                                            {QStringLiteral("compress"), false},
                                            {QStringLiteral("targets"), QJsonArray{udp.target()}}}},
        {QStringLiteral("sse"),
         QJsonObject{{QStringLiteral("port"), ssePort},
                     {QStringLiteral("host"), QStringLiteral("127.0.0.1")}}}};
    const QString config =
        writeConfig(m_dir, QStringLiteral("study-e2e.labrelay.json"),
                    configText({{QStringLiteral("template"), QJsonValue::Null},
                                {QStringLiteral("distributors"), distributors}}));

    Labrelay labrelay({QStringLiteral("--headless"), QStringLiteral("--config"), config,
                       QStringLiteral("--api-port"), QString::number(apiPort),
                       QStringLiteral("--ingest-udp-port"), QString::number(ingestPort)});
    ApiTestClient api(apiPort);
    QTRY_VERIFY_WITH_TIMEOUT(
        api.get(QStringLiteral("/api/health")).status == 200 || labrelay.isFinished(), 20000);
    QTRY_VERIFY2_WITH_TIMEOUT(labrelay.log().contains(QStringLiteral("ready: 1 session(s)")),
                              qPrintable(labrelay.log()), 20000);
    QVERIFY(labrelay.log().contains(
        QStringLiteral("API listening on http://127.0.0.1:%1").arg(apiPort)));
    const QJsonObject status = api.get(QStringLiteral("/api/sessions/study-e2e")).json();
    QCOMPARE(status.value(QStringLiteral("activeDistributors")).toArray().size(), 5);

    WebSocketReceiver ws(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(wsPort)));
    SseReader sse(ssePort, "/events/stream");
    MqttSubscriber mqtt(broker.port(), QStringLiteral("#"));
    QVERIFY(mqtt.waitUntilSubscribed());
    QTRY_VERIFY_WITH_TIMEOUT(ws.isConnected(), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(sse.status(), 200, 5000);

    const ApiResponse posted = api.send(
        "POST", QStringLiteral("/api/sessions/study-e2e/events"),
        "{\"event\": \"gaze\", \"data\": {\"x\": 0.5}}\n{\"event\": \"pupil\", \"data\": 3.1}\n"
        "{\"event\": \"marker\", \"data\": \"start\", \"timestamp\": 1725880799995}\n",
        "application/x-ndjson");
    QCOMPARE(posted.status, 202);
    QCOMPARE(posted.json().value(QStringLiteral("accepted")).toInt(), 3);
    QUdpSocket source;
    source.writeDatagram("{\"session\": \"study-e2e\", \"event\": \"blink\", \"data\": {}}",
                         QHostAddress::LocalHost, ingestPort);

    const QSet<quint64> all{1, 2, 3, 4};
    QTRY_COMPARE_WITH_TIMEOUT(udp.seqs(), all, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(ws.seqs(), all, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(sse.seqs(), all, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(mqtt.seqs(), all, 10000);
    // The sink also sees the distributor's health probes; the events are the POSTs, which may
    // arrive out of order over parallel connections.
    const auto postedSeqs = [&sink] {
        QSet<quint64> seqs;
        for (const HttpSink::Request &request : sink.requests()) {
            if (request.method == "POST")
                seqs.insert(quint64(QJsonDocument::fromJson(request.body)
                                        .object()
                                        .value(QStringLiteral("seq"))
                                        .toInteger()));
        }
        return seqs;
    };
    QTRY_COMPARE_WITH_TIMEOUT(postedSeqs(), all, 10000);

    labrelay.process().terminate(); // SIGTERM
    QTRY_VERIFY_WITH_TIMEOUT(labrelay.isFinished(), 15000);
    QCOMPARE(labrelay.process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(labrelay.process().exitCode(), 0);
    const QString log = labrelay.log();
    QVERIFY2(log.contains(QStringLiteral("session study-e2e: created")), qPrintable(log));
    QVERIFY2(log.contains(QStringLiteral("SIGTERM received")), qPrintable(log));
    QVERIFY2(log.contains(QStringLiteral("session study-e2e: closed")), qPrintable(log));
    QVERIFY(portIsFree(apiPort));
    QVERIFY(portIsFree(wsPort));
    QVERIFY(portIsFree(ssePort));
    QUdpSocket ingest;
    QVERIFY(ingest.bind(QHostAddress::LocalHost, ingestPort));
}

void TestHeadless::secondSignalExitsAt130() {
    // An HTTP receiver that never answers keeps an event in flight, so closing takes the whole
    // drain time: long enough to signal again while it runs.
    HttpSink sink;
    sink.setDefaultReply({200, "OK", HttpSink::Answer::Never, 0});
    QVERIFY(sink.listen());
    const quint16 apiPort = TestSupport::freeTcpPort();
    const QString config = writeConfig(
        m_dir, QStringLiteral("slow.labrelay.json"),
        configText({{QStringLiteral("template"), QJsonValue::Null},
                    {QStringLiteral("distributors"),
                     QJsonObject{{QStringLiteral("http"),
                                  QJsonObject{{QStringLiteral("baseUrl"), sink.baseUrl()},
                                              {QStringLiteral("skipHealthCheck"), true},
                                              {QStringLiteral("timeout"), 30000}}}}}}));
    Labrelay labrelay({QStringLiteral("--headless"), QStringLiteral("--config"), config,
                       QStringLiteral("--api-port"), QString::number(apiPort)});
    QTRY_VERIFY2_WITH_TIMEOUT(labrelay.log().contains(QStringLiteral("ready: 1 session(s)")),
                              qPrintable(labrelay.log()), 20000);
    ApiTestClient api(apiPort);
    QCOMPARE(api.post(QStringLiteral("/api/sessions/slow/events"),
                      QJsonObject{{QStringLiteral("event"), QStringLiteral("gaze")},
                                  {QStringLiteral("data"), 1}})
                 .status,
             202);
    QTRY_COMPARE_WITH_TIMEOUT(sink.unanswered(), 1, 10000);

    labrelay.process().terminate();
    QTRY_VERIFY_WITH_TIMEOUT(labrelay.log().contains(QStringLiteral("closing 1 session(s)")),
                             10000);
    labrelay.process().terminate();
    QTRY_VERIFY_WITH_TIMEOUT(labrelay.isFinished(), 10000);
    QCOMPARE(labrelay.process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(labrelay.process().exitCode(), 130);
    QVERIFY2(labrelay.log().contains(QStringLiteral("SIGTERM while closing: exiting at once")),
             qPrintable(labrelay.log()));
    QVERIFY(!labrelay.log().contains(QStringLiteral("all sessions closed")));
}

QTEST_GUILESS_MAIN(TestHeadless)
#include "tst_headless.moc"
