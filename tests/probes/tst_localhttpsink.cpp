// LocalHttpSink over raw loopback sockets: 200 for everything, keep-alive and pipelining, and
// the bounds that keep a misbehaving client from holding memory (bad heads, huge heads and
// bodies, chunked bodies).
#include "localhttpconnection.h"
#include "localhttpsink.h"

#include <QSignalSpy>
#include <QTcpSocket>
#include <QtTest>

namespace {

// A raw HTTP client: writes bytes, collects whatever comes back.
class RawClient final {
public:
    explicit RawClient(quint16 port) { m_socket.connectToHost(QHostAddress::LocalHost, port); }
    bool waitConnected() {
        QSignalSpy connected(&m_socket, &QTcpSocket::connected);
        return m_socket.state() == QAbstractSocket::ConnectedState || connected.wait(5000);
    }
    void write(const QByteArray &bytes) { m_socket.write(bytes); }
    QByteArray received() {
        m_buffer += m_socket.readAll();
        return m_buffer;
    }
    int responses() { return int(received().count("HTTP/1.1 ")); }
    bool isClosed() {
        received();
        return m_socket.state() == QAbstractSocket::UnconnectedState;
    }

private:
    QTcpSocket m_socket;
    QByteArray m_buffer;
};

QByteArray post(const QByteArray &path, const QByteArray &body, const QByteArray &extra = {}) {
    return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
           + extra + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

} // namespace

class TestLocalHttpSink : public QObject {
    Q_OBJECT

private slots:
    void answersEveryPath_data();
    void answersEveryPath();
    void keepAliveAndPipelining();
    void bodyInPieces();
    void connectionClose_data();
    void connectionClose();
    void rejects_data();
    void rejects();
    void headAnswersWithoutBody();
    void closeFreesThePort();
    void listenFailureIsReported();
};

void TestLocalHttpSink::answersEveryPath_data() {
    QTest::addColumn<QByteArray>("request");
    QTest::newRow("health") << QByteArray("GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n");
    QTest::newRow("root") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    QTest::newRow("status") << QByteArray("GET /status HTTP/1.1\r\nHost: x\r\n\r\n");
    QTest::newRow("event") << post("/events/neon_blink", "{\"seq\":1}");
    QTest::newRow("put") << QByteArray("PUT /x HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}");
}

void TestLocalHttpSink::answersEveryPath() {
    QFETCH(QByteArray, request);
    LocalHttpSink sink;
    QVERIFY(sink.listen(QHostAddress::LocalHost));
    QCOMPARE(sink.baseUrl(), QStringLiteral("http://127.0.0.1:%1").arg(sink.serverPort()));
    QSignalSpy requests(&sink, &LocalHttpSink::requestReceived);
    RawClient client(sink.serverPort());
    QVERIFY(client.waitConnected());
    client.write(request);
    QTRY_VERIFY_WITH_TIMEOUT(client.received().endsWith("{\"ok\":true}"), 5000);
    const QByteArray response = client.received();
    QVERIFY(response.startsWith("HTTP/1.1 200 OK\r\n"));
    QVERIFY(response.contains("Content-Type: application/json\r\n"));
    QVERIFY(response.contains("Content-Length: 11\r\n"));
    QVERIFY(response.contains("Connection: keep-alive\r\n"));
    QCOMPARE(requests.size(), 1);
    QCOMPARE(requests.first().first().toByteArray(), request.left(request.indexOf(' ')));
    QCOMPARE(sink.requestCount(), 1u);
}

void TestLocalHttpSink::keepAliveAndPipelining() {
    LocalHttpSink sink;
    QVERIFY(sink.listen(QHostAddress::LocalHost));
    QSignalSpy requests(&sink, &LocalHttpSink::requestReceived);
    RawClient client(sink.serverPort());
    QVERIFY(client.waitConnected());
    client.write(post("/events/a", "{\"seq\":1}") + post("/events/b", "{\"seq\":2}"));
    QTRY_COMPARE_WITH_TIMEOUT(client.responses(), 2, 5000);
    client.write(post("/events/c", "{\"seq\":3}"));
    QTRY_COMPARE_WITH_TIMEOUT(client.responses(), 3, 5000);
    QCOMPARE(requests.size(), 3);
    QCOMPARE(requests.at(0).at(1).toString(), QStringLiteral("/events/a"));
    QCOMPARE(requests.at(1).at(2).toByteArray(), QByteArray("{\"seq\":2}"));
    QCOMPARE(requests.at(2).at(1).toString(), QStringLiteral("/events/c"));
    QCOMPARE(sink.connectionCount(), 1);
    QVERIFY(!client.isClosed());
}

void TestLocalHttpSink::bodyInPieces() {
    LocalHttpSink sink;
    QVERIFY(sink.listen(QHostAddress::LocalHost));
    QSignalSpy requests(&sink, &LocalHttpSink::requestReceived);
    RawClient client(sink.serverPort());
    QVERIFY(client.waitConnected());
    const QByteArray request = post("/events/x", "{\"seq\":42,\"data\":{}}");
    client.write(request.left(10));
    QTRY_COMPARE_WITH_TIMEOUT(sink.connectionCount(), 1, 5000);
    client.write(request.mid(10, request.size() - 15));
    QCOMPARE(requests.size(), 0); // the body is incomplete
    client.write(request.right(5));
    QTRY_COMPARE_WITH_TIMEOUT(requests.size(), 1, 5000);
    QCOMPARE(requests.first().at(2).toByteArray(), QByteArray("{\"seq\":42,\"data\":{}}"));
}

void TestLocalHttpSink::connectionClose_data() {
    QTest::addColumn<QByteArray>("request");
    QTest::newRow("Connection: close") << QByteArray("GET / HTTP/1.1\r\nConnection: close\r\n\r\n");
    QTest::newRow("HTTP/1.0") << QByteArray("GET / HTTP/1.0\r\n\r\n");
}

void TestLocalHttpSink::connectionClose() {
    QFETCH(QByteArray, request);
    LocalHttpSink sink;
    QVERIFY(sink.listen(QHostAddress::LocalHost));
    RawClient client(sink.serverPort());
    QVERIFY(client.waitConnected());
    client.write(request);
    QTRY_VERIFY_WITH_TIMEOUT(client.isClosed(), 5000);
    QVERIFY(client.received().startsWith("HTTP/1.1 200 OK\r\n"));
    QVERIFY(client.received().contains("Connection: close\r\n"));
    QTRY_COMPARE_WITH_TIMEOUT(sink.connectionCount(), 0, 5000);
}

void TestLocalHttpSink::rejects_data() {
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QByteArray>("status");
    QTest::newRow("not HTTP") << QByteArray("HELLO\r\n\r\n") << QByteArray("400 Bad Request");
    QTest::newRow("binary") << QByteArray("\x01\x02\x03\r\n\r\n", 7)
                            << QByteArray("400 Bad Request");
    QTest::newRow("bad Content-Length")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: ten\r\n\r\n")
        << QByteArray("400 Bad Request");
    QTest::newRow("negative Content-Length")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n")
        << QByteArray("400 Bad Request");
    QTest::newRow("head too large")
        << QByteArray("GET / HTTP/1.1\r\nX-Big: " + QByteArray(20000, 'a') + "\r\n\r\n")
        << QByteArray("431 Request Header Fields Too Large");
    QTest::newRow("endless head") << QByteArray("GET / HTTP/1.1\r\nX-Big: "
                                                + QByteArray(20000, 'a'))
                                  << QByteArray("431 Request Header Fields Too Large");
    QTest::newRow("body too large")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: "
                      + QByteArray::number(LocalHttpConnection::MaxBodyBytes + 1) + "\r\n\r\n")
        << QByteArray("413 Content Too Large");
    QTest::newRow("chunked") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                                           "2\r\n{}\r\n0\r\n\r\n")
                             << QByteArray("501 Not Implemented");
}

void TestLocalHttpSink::rejects() {
    QFETCH(QByteArray, request);
    QFETCH(QByteArray, status);
    LocalHttpSink sink;
    QVERIFY(sink.listen(QHostAddress::LocalHost));
    QSignalSpy requests(&sink, &LocalHttpSink::requestReceived);
    RawClient client(sink.serverPort());
    QVERIFY(client.waitConnected());
    client.write(request);
    QTRY_VERIFY_WITH_TIMEOUT(client.isClosed(), 5000);
    QVERIFY2(client.received().startsWith(QByteArray("HTTP/1.1 " + status + "\r\n")),
             client.received().left(80).constData());
    QCOMPARE(requests.size(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(sink.connectionCount(), 0, 5000);
}

void TestLocalHttpSink::headAnswersWithoutBody() {
    LocalHttpSink sink;
    QVERIFY(sink.listen(QHostAddress::LocalHost));
    RawClient client(sink.serverPort());
    QVERIFY(client.waitConnected());
    client.write("HEAD / HTTP/1.1\r\n\r\nGET / HTTP/1.1\r\n\r\n");
    QTRY_COMPARE_WITH_TIMEOUT(client.responses(), 2, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(client.received().endsWith("{\"ok\":true}"), 5000);
    QCOMPARE(client.received().count("{\"ok\":true}"), 1);
}

void TestLocalHttpSink::closeFreesThePort() {
    LocalHttpSink sink;
    QVERIFY(sink.listen(QHostAddress::LocalHost));
    const quint16 port = sink.serverPort();
    RawClient client(port);
    QVERIFY(client.waitConnected());
    QTRY_COMPARE_WITH_TIMEOUT(sink.connectionCount(), 1, 5000);
    sink.close();
    QCOMPARE(sink.connectionCount(), 0);
    QVERIFY(!sink.isListening());
    QTRY_VERIFY_WITH_TIMEOUT(client.isClosed(), 5000);
    QVERIFY(sink.listen(QHostAddress::LocalHost, port));
}

void TestLocalHttpSink::listenFailureIsReported() {
    LocalHttpSink first;
    QVERIFY(first.listen(QHostAddress::LocalHost));
    LocalHttpSink second;
    QVERIFY(!second.listen(QHostAddress::LocalHost, first.serverPort()));
    QCOMPARE(second.serverError(), QAbstractSocket::AddressInUseError);
    QVERIFY(!second.errorString().isEmpty());
    QVERIFY(!second.isListening());
}

QTEST_GUILESS_MAIN(TestLocalHttpSink)
#include "tst_localhttpsink.moc"
