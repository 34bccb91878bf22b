// UDP ingest against a real SessionManager: good NDJSON datagrams reach the session's
// distributors; garbage of every kind (random bytes, invalid UTF-8, huge and empty lines, JSON
// that is not an event object, unknown sessions) is counted and reported, never routed, and
// never stops the good lines around it.
#include "apitestclient.h"
#include "apitesthelpers.h"
#include "controlapiserver.h"
#include "udpingest.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QUdpSocket>
#include <QtTest>

#include <memory>

class TestUdpIngest : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void goodLinesAreRouted();
    void garbageIsCountedNeverRouted_data();
    void garbageIsCountedNeverRouted();
    void randomBytesNeverCrash();
    void goodLinesSurviveBadNeighbours();
    void problemsAreRateLimited();
    void healthReportsCounters();
    void bindFailureNamesAddressAndPort();
    void sampleIsPrintableAndShort();

private:
    void send(const QByteArray &datagram);

    std::unique_ptr<SessionManager> m_manager;
    std::unique_ptr<UdpIngest> m_ingest;
    std::unique_ptr<UdpReceiver> m_receiver;
    QUdpSocket m_sender;
};

void TestUdpIngest::init() {
    m_manager = std::make_unique<SessionManager>();
    m_receiver = std::make_unique<UdpReceiver>();
    const QJsonObject body =
        sessionBody(QStringLiteral("s1"), {{QStringLiteral("udp"), udpConfig(*m_receiver)}});
    QFuture<Result<CreateSessionResult>> created =
        m_manager->createSession(QStringLiteral("s1"), SessionConfig::fromJson(body));
    QTRY_VERIFY_WITH_TIMEOUT(created.isFinished(), 10000);
    QVERIFY(created.result().ok());
    m_ingest = std::make_unique<UdpIngest>(m_manager.get());
    QCOMPARE(m_ingest->bind(QHostAddress::LocalHost, 0), QString());
    QVERIFY(m_ingest->isBound());
}

void TestUdpIngest::cleanup() {
    m_ingest.reset();
    QFuture<bool> closed = m_manager->cleanup();
    QTRY_VERIFY_WITH_TIMEOUT(closed.isFinished(), 10000);
    m_manager.reset();
    m_receiver.reset();
}

void TestUdpIngest::send(const QByteArray &datagram) {
    QCOMPARE(m_sender.writeDatagram(datagram, QHostAddress::LocalHost, m_ingest->localPort()),
             qint64(datagram.size()));
}

void TestUdpIngest::goodLinesAreRouted() {
    send("{\"session\": \"s1\", \"event\": \"gaze\", \"data\": {\"x\": 1}, \"timestamp\": 99}\n"
         "{\"session\": \"s1\", \"event\": \"pupil\", \"data\": 3.5}");
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->count(), 2, 5000);
    QCOMPARE(m_receiver->events(), (QStringList{QStringLiteral("gaze"), QStringLiteral("pupil")}));
    QCOMPARE(m_receiver->envelopes()
                 .first()
                 .value(QStringLiteral("metadata"))
                 .toObject()
                 .value(QStringLiteral("sourceTimestamp")),
             QJsonValue(99));
    const UdpIngest::Stats &stats = m_ingest->stats();
    QCOMPARE(stats.datagrams, 1u);
    QCOMPARE(stats.lines, 2u);
    QCOMPARE(stats.accepted, 2u);
    QCOMPARE(stats.malformed, 0u);
    QVERIFY(stats.lastError.isEmpty());
}

void TestUdpIngest::garbageIsCountedNeverRouted_data() {
    QTest::addColumn<QByteArray>("datagram");
    QTest::addColumn<int>("lines");
    QTest::addColumn<int>("malformed");
    QTest::addColumn<int>("unknownSession");
    QTest::addColumn<QString>("lastError");

    QTest::newRow("not JSON") << QByteArray("hello there") << 1 << 1 << 0
                              << "line 1, column 2: not valid JSON: illegal value in: hello there";
    QTest::newRow("invalid UTF-8")
        << QByteArray("{\"session\": \"s1\", \"event\": \"\xc3\x28\", \"data\": 1}") << 1 << 1 << 0
        << QString();
    QTest::newRow("huge line") << QByteArray(60000, 'x') << 1 << 1 << 0 << QString();
    QTest::newRow("only empty lines") << QByteArray("\n\n\r\n   \n") << 0 << 0 << 0 << QString();
    QTest::newRow("empty datagram") << QByteArray() << 0 << 0 << 0 << QString();
    QTest::newRow("array") << QByteArray("[1, 2]") << 1 << 1 << 0
                           << "line 1: expected an event object, got an array in: [1, 2]";
    QTest::newRow("scalar") << QByteArray("true") << 1 << 1 << 0
                            << "line 1: expected an event object, got a boolean in: true";
    QTest::newRow("no session")
        << QByteArray("{\"event\": \"a\", \"data\": 1}") << 1 << 1 << 0
        << "line 1: session: expected a non-empty string in: {\"event\": \"a\", \"data\": 1}";
    QTest::newRow("no event") << QByteArray("{\"session\": \"s1\", \"data\": 1}") << 1 << 1 << 0
                              << "line 1: event: expected a non-empty string in: {\"session\": "
                                 "\"s1\", \"data\": 1}";
    QTest::newRow("unknown session")
        << QByteArray("\n{\"session\": \"nope\", \"event\": \"a\", \"data\": 1}") << 1 << 0 << 1
        << "line 2: session: Session nope not found";
    QTest::newRow("NUL bytes") << QByteArray("{\"session\"\0\0\0", 13) << 1 << 1 << 0 << QString();
}

void TestUdpIngest::garbageIsCountedNeverRouted() {
    QFETCH(QByteArray, datagram);
    QFETCH(int, lines);
    QFETCH(int, malformed);
    QFETCH(int, unknownSession);
    QFETCH(QString, lastError);
    const QByteArray before = engineState(*m_manager);
    send(datagram);
    QTRY_COMPARE_WITH_TIMEOUT(m_ingest->stats().datagrams, 1u, 5000);
    QCOMPARE(m_ingest->stats().lines, quint64(lines));
    QCOMPARE(m_ingest->stats().malformed, quint64(malformed));
    QCOMPARE(m_ingest->stats().unknownSession, quint64(unknownSession));
    QCOMPARE(m_ingest->stats().accepted, 0u);
    if (!lastError.isEmpty())
        QCOMPARE(m_ingest->stats().lastError, lastError);
    QCOMPARE(m_ingest->stats().lastError.isEmpty(), malformed + unknownSession == 0);
    QCOMPARE(engineState(*m_manager), before);
}

void TestUdpIngest::randomBytesNeverCrash() {
    QRandomGenerator random(20240917); // fixed seed: the same garbage on every run
    const QByteArray before = engineState(*m_manager);
    constexpr int Count = 200;
    for (int i = 0; i < Count; ++i) {
        QByteArray datagram(int(random.bounded(1, 2000)), Qt::Uninitialized);
        for (char &byte : datagram)
            byte = char(random.bounded(256));
        send(datagram);
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_ingest->stats().datagrams, quint64(Count), 10000);
    QCOMPARE(m_ingest->stats().accepted, 0u);
    QCOMPARE(m_ingest->stats().malformed + m_ingest->stats().unknownSession,
             m_ingest->stats().lines);
    QCOMPARE(engineState(*m_manager), before);
    // Still working afterwards.
    send("{\"session\": \"s1\", \"event\": \"after\", \"data\": 1}");
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->count(), 1, 5000);
}

void TestUdpIngest::goodLinesSurviveBadNeighbours() {
    send("{\"session\": \"s1\", \"event\": \"one\", \"data\": 1}\n"
         "garbage\n"
         "{\"session\": \"s1\", \"event\": \"two\", \"data\": 2}\n"
         "{\"session\": \"nope\", \"event\": \"x\", \"data\": 2}\n");
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->count(), 2, 5000);
    QCOMPARE(m_receiver->events(), (QStringList{QStringLiteral("one"), QStringLiteral("two")}));
    QCOMPARE(m_ingest->stats().lines, 4u);
    QCOMPARE(m_ingest->stats().accepted, 2u);
    QCOMPARE(m_ingest->stats().malformed, 1u);
    QCOMPARE(m_ingest->stats().unknownSession, 1u);
}

void TestUdpIngest::problemsAreRateLimited() {
    QSignalSpy problems(m_ingest.get(), &UdpIngest::problem);
    for (int i = 0; i < 20; ++i)
        send("bad");
    QTRY_COMPARE_WITH_TIMEOUT(m_ingest->stats().malformed, 20u, 5000);
    // Twenty problems well within one interval: one signal, all counted.
    QCOMPARE(problems.count(), 1);
    QVERIFY(problems.first().first().toString().startsWith(QStringLiteral("line 1, column 2")));
}

void TestUdpIngest::healthReportsCounters() {
    ControlApiOptions options;
    options.port = 0;
    ControlApiServer server(m_manager.get(), options);
    QCOMPARE(server.listen(), QString());
    server.setUdpIngest(m_ingest.get());
    send("{\"session\": \"s1\", \"event\": \"gaze\", \"data\": 1}\nnot json");
    QTRY_COMPARE_WITH_TIMEOUT(m_ingest->stats().lines, 2u, 5000);

    ApiTestClient client(server.serverPort());
    const QJsonObject ingest =
        client.get(QStringLiteral("/api/health")).json().value(QStringLiteral("ingest")).toObject();
    QCOMPARE(ingest.value(QStringLiteral("udpPort")).toInt(), int(m_ingest->localPort()));
    QCOMPARE(ingest.value(QStringLiteral("datagrams")).toInt(), 1);
    QCOMPARE(ingest.value(QStringLiteral("lines")).toInt(), 2);
    QCOMPARE(ingest.value(QStringLiteral("accepted")).toInt(), 1);
    QCOMPARE(ingest.value(QStringLiteral("malformed")).toInt(), 1);
    QCOMPARE(ingest.value(QStringLiteral("unknownSession")).toInt(), 0);
    QVERIFY(
        ingest.value(QStringLiteral("lastError")).toString().contains(QStringLiteral("line 2")));

    m_ingest.reset(); // the server must notice that the ingest is gone
    QVERIFY(!client.get(QStringLiteral("/api/health")).json().contains(QStringLiteral("ingest")));
}

void TestUdpIngest::bindFailureNamesAddressAndPort() {
    UdpIngest second(m_manager.get());
    const QString error = second.bind(QHostAddress::LocalHost, m_ingest->localPort());
    QVERIFY2(
        error.startsWith(
            QStringLiteral("Cannot bind UDP ingest to 127.0.0.1:%1: ").arg(m_ingest->localPort())),
        qPrintable(error));
    QVERIFY(!second.isBound());
}

void TestUdpIngest::sampleIsPrintableAndShort() {
    QCOMPARE(UdpIngest::sample("ok {\"a\"}"), QStringLiteral("ok {\"a\"}"));
    QCOMPARE(UdpIngest::sample(QByteArray("a\x01\xff\n", 4)), QStringLiteral("a\\x01\\xff\\x0a"));
    const QString longSample = UdpIngest::sample(QByteArray(5000, 'y'));
    QCOMPARE(longSample, QString(UdpIngest::SampleLength, QLatin1Char('y'))
                             + QStringLiteral("... (5000 bytes)"));
}

QTEST_GUILESS_MAIN(TestUdpIngest)
#include "tst_udpingest.moc"
