// The HTTP front of the SSE server against real sockets on 127.0.0.1: complete requests are
// handed over, bad ones are answered and closed, slow ones time out, and close() frees it all.
#include "ssehttpserver.h"
#include "ssetestclient.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

class TestSseHttpServer : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void handsOverCompleteRequests();
    void answersAndCloses();
    void rejects_data();
    void rejects();
    void slowClientTimesOut();
    void closeFreesPortAndPendingConnections();
    void listenFailureIsReported();
};

void TestSseHttpServer::initTestCase() {
    qRegisterMetaType<QTcpSocket *>();
    qRegisterMetaType<SseRequest>();
}

void TestSseHttpServer::handsOverCompleteRequests() {
    SseHttpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    QVERIFY(server.serverPort() != 0);
    QSignalSpy received(&server, &SseHttpServer::requestReceived);

    SseTestClient client;
    // The head arrives in two writes; the server must wait for the blank line.
    client.sendRaw(server.serverPort(), "GET /events/stream?events=a HTTP/1.1\r\n");
    QTRY_COMPARE(server.pendingCount(), 1);
    QCOMPARE(received.count(), 0);
    client.write("Origin: http://lab.local\r\n\r\n");
    QTRY_COMPARE_WITH_TIMEOUT(received.count(), 1, 5000);
    QCOMPARE(server.pendingCount(), 0);
    const auto request = received.at(0).at(1).value<SseRequest>();
    QCOMPARE(request.path(), QStringLiteral("/events/stream"));
    QCOMPARE(request.header("origin"), QByteArray("http://lab.local"));
    auto *socket = received.at(0).at(0).value<QTcpSocket *>();
    QVERIFY(socket);
    QCOMPARE(socket->state(), QAbstractSocket::ConnectedState);
    socket->setParent(this); // the receiver owns it now
    delete socket;
    QTRY_VERIFY(client.isClosed());
}

void TestSseHttpServer::answersAndCloses() {
    SseHttpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    connect(&server, &SseHttpServer::requestReceived, this,
            [&server](QTcpSocket *socket, const SseRequest &request) {
                server.respond(socket, 200, "X-Test: 1\r\n", "text/plain", request.method());
            });
    SseTestClient client;
    client.request(server.serverPort(), "DELETE", "/anything");
    QTRY_VERIFY(client.isClosed());
    QCOMPARE(client.status(), 200);
    QCOMPARE(client.header("X-Test"), QByteArray("1"));
    QCOMPARE(client.header("Content-Type"), QByteArray("text/plain"));
    QCOMPARE(client.header("Content-Length"), QByteArray("6"));
    QCOMPARE(client.header("Connection"), QByteArray("close"));
    QCOMPARE(client.body(), QByteArray("DELETE"));
}

void TestSseHttpServer::rejects_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");

    QTest::newRow("garbage") << QByteArray("GARBAGE\r\n\r\n") << 400 << QByteArray("Bad Request");
    QTest::newRow("binary") << QByteArray("\x16\x03\x01\x00\xa5\x01\x00", 7) << 400
                            << QByteArray("Bad Request");
    QTest::newRow("header too large")
        << QByteArray("GET / HTTP/1.1\r\nX-Big: " + QByteArray(20000, 'a') + "\r\n\r\n") << 431
        << QByteArray("Request Header Fields Too Large");
}

void TestSseHttpServer::rejects() {
    QFETCH(QByteArray, bytes);
    QFETCH(int, status);
    QFETCH(QByteArray, body);

    SseHttpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    QSignalSpy received(&server, &SseHttpServer::requestReceived);
    SseTestClient client;
    client.sendRaw(server.serverPort(), bytes);
    QTRY_VERIFY(client.isClosed());
    QCOMPARE(client.status(), status);
    QCOMPARE(client.body(), body);
    QCOMPARE(received.count(), 0);
    QTRY_COMPARE(server.pendingCount(), 0);
}

void TestSseHttpServer::slowClientTimesOut() {
    SseHttpServer server;
    server.setRequestTimeout(100);
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    SseTestClient client;
    client.sendRaw(server.serverPort(), "GET /events/stream HTTP/1.1\r\nHost: 127");
    QTRY_VERIFY_WITH_TIMEOUT(client.isClosed(), 5000);
    QCOMPARE(client.status(), 408);
    QCOMPARE(server.pendingCount(), 0);
}

void TestSseHttpServer::closeFreesPortAndPendingConnections() {
    SseHttpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    const quint16 port = server.serverPort();
    SseTestClient client;
    client.sendRaw(port, "GET /");
    QTRY_COMPARE(server.pendingCount(), 1);

    server.close();
    QVERIFY(!server.isListening());
    QCOMPARE(server.pendingCount(), 0);
    QTcpServer rebind;
    QVERIFY2(rebind.listen(QHostAddress::LocalHost, port), qPrintable(rebind.errorString()));
    QTRY_VERIFY(client.isClosed());
    QCOMPARE(client.status(), 0); // no response: the server went away
}

void TestSseHttpServer::listenFailureIsReported() {
    QTcpServer occupier;
    QVERIFY(occupier.listen(QHostAddress::LocalHost, 0));
    SseHttpServer server;
    QVERIFY(!server.listen(QHostAddress::LocalHost, occupier.serverPort()));
    QCOMPARE(server.serverError(), QAbstractSocket::AddressInUseError);
    QVERIFY(!server.errorString().isEmpty());
}

QTEST_GUILESS_MAIN(TestSseHttpServer)
#include "tst_ssehttpserver.moc"
