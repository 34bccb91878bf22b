// Who may connect: the access token (query or Authorization header) and wss:// with the
// operator's certificate, plus the errors for unusable TLS files.
#include "testsupport.h"
#include "websockettestclient.h"
#include "websockettesthelpers.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslCipher>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QtTest>

using namespace WebSocketTest;

class TestWebSocketSecurity : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void accessToken_data();
    void accessToken();
    void secureWebSocket();
    void unusableTlsFiles_data();
    void unusableTlsFiles();

private:
    std::unique_ptr<TestSupport::TestCertificates> m_certificates;
};

void TestWebSocketSecurity::initTestCase() {
    m_certificates = std::make_unique<TestSupport::TestCertificates>();
    QVERIFY2(m_certificates->isValid(), qPrintable(m_certificates->error()));
}

void TestWebSocketSecurity::accessToken_data() {
    QTest::addColumn<QString>("query");
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<bool>("admitted");
    QTest::newRow("no token") << QString() << QByteArray() << false;
    QTest::newRow("wrong query token") << QStringLiteral("token=guess") << QByteArray() << false;
    QTest::newRow("wrong bearer") << QString() << QByteArray("Bearer guess") << false;
    QTest::newRow("basic scheme") << QString() << QByteArray("Basic s3cr3t-t0ken") << false;
    QTest::newRow("query token") << QStringLiteral("token=s3cr3t-t0ken") << QByteArray() << true;
    QTest::newRow("bearer header") << QString() << QByteArray("Bearer s3cr3t-t0ken") << true;
    QTest::newRow("bearer any case") << QString() << QByteArray("bearer s3cr3t-t0ken") << true;
}

void TestWebSocketSecurity::accessToken() {
    QFETCH(QString, query);
    QFETCH(QByteArray, authorization);
    QFETCH(bool, admitted);
    bool ok = false;
    auto distributor =
        start({{QStringLiteral("accessToken"), QStringLiteral("s3cr3t-t0ken")}}, &ok);
    QVERIFY(ok);
    WebSocketTestClient client;
    client.open(url(*distributor, query), authorization);
    if (admitted) {
        QVERIFY(client.waitForFrames(1));
        QCOMPARE(client.frames().first().value(QStringLiteral("event")).toString(),
                 QStringLiteral("connection"));
        QTRY_COMPARE(distributor->stats().connectedClients, 1);
        distributor->enqueue(envelope(QStringLiteral("gaze"), 1));
        QVERIFY(client.waitForFrames(2));
        QCOMPARE(distributor->stats().sent, 1u);
    } else {
        QVERIFY(client.waitForDisconnect());
        QCOMPARE(client.closeCode(), 1008);
        QCOMPARE(client.closeReason(), QStringLiteral("Unauthorized"));
        QVERIFY(client.frames().isEmpty());
        QCOMPARE(distributor->stats().connectedClients, 0);
        distributor->enqueue(envelope(QStringLiteral("gaze"), 1));
        QCOMPARE(distributor->stats().droppedBy(DropReason::NoClients), 1u);
    }
    QVERIFY(distributor->stats().isBalanced());
}

void TestWebSocketSecurity::secureWebSocket() {
    bool ok = false;
    auto distributor =
        start({{QStringLiteral("tlsCertificateFile"), m_certificates->certificateFile()},
               {QStringLiteral("tlsKeyFile"), m_certificates->keyFile()}},
              &ok);
    QVERIFY2(ok, qPrintable(distributor->errorString()));
    QVERIFY(distributor->isSecure());
    QCOMPARE(distributor->targetDescription(),
             QStringLiteral("wss://127.0.0.1:%1").arg(distributor->serverPort()));

    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromPath(m_certificates->caFile()));
    WebSocketTestClient client;
    QVERIFY(client.connectAndWelcome(url(*distributor, {}, QStringLiteral("wss")), {}, tls));
    QVERIFY(!client.socket().sslConfiguration().sessionCipher().isNull());

    distributor->enqueue(envelope(QStringLiteral("gaze"), 1));
    QVERIFY(client.waitForFrames(2));
    const QJsonObject frame = client.framesFor(QStringLiteral("gaze")).first();
    QCOMPARE(frame.value(QStringLiteral("seq")).toInt(), 1);
    const DistributorStats stats = distributor->stats();
    QCOMPARE(stats.sent, 1u);
    QCOMPARE(stats.bytes, quint64(client.rawFrames().last().size()));
    QVERIFY(stats.isBalanced());

    // A client that does not trust the lab CA is refused by its own TLS check, not admitted.
    WebSocketTestClient untrusting;
    untrusting.open(url(*distributor, {}, QStringLiteral("wss")));
    QVERIFY(untrusting.waitForDisconnect());
    QVERIFY(untrusting.frames().isEmpty());
    QTRY_VERIFY(!distributor->stats().lastError.isEmpty());
    QCOMPARE(distributor->stats().connectedClients, 1);
}

void TestWebSocketSecurity::unusableTlsFiles_data() {
    QTest::addColumn<QString>("certificate"); // "good", "missing", "garbage" or "none"
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("fragment"); // a part of the expected message
    QTest::newRow("missing certificate") << "missing"
                                         << "good"
                                         << "missing.pem cannot be read";
    QTest::newRow("garbage certificate") << "garbage"
                                         << "good"
                                         << "holds no PEM certificate";
    QTest::newRow("missing key") << "good"
                                 << "missing"
                                 << "missing.pem cannot be read";
    QTest::newRow("garbage key") << "good"
                                 << "garbage"
                                 << "holds no unencrypted PEM private key";
    QTest::newRow("key without certificate") << "none"
                                             << "good"
                                             << "needs both";
}

void TestWebSocketSecurity::unusableTlsFiles() {
    QFETCH(QString, certificate);
    QFETCH(QString, key);
    QFETCH(QString, fragment);
    QTemporaryDir dir;
    QFile garbage(dir.filePath(QStringLiteral("garbage.pem")));
    QVERIFY(garbage.open(QIODevice::WriteOnly));
    garbage.write("-----BEGIN NOTHING-----\nnot base64 at all\n-----END NOTHING-----\n");
    garbage.close();
    const auto file = [&](const QString &which, const QString &good) {
        if (which == QLatin1String("good"))
            return good;
        if (which == QLatin1String("none"))
            return QString();
        return dir.filePath(which + QStringLiteral(".pem"));
    };
    QJsonObject overrides;
    if (certificate != QLatin1String("none"))
        overrides.insert(QStringLiteral("tlsCertificateFile"),
                         file(certificate, m_certificates->certificateFile()));
    overrides.insert(QStringLiteral("tlsKeyFile"), file(key, m_certificates->keyFile()));

    bool ok = false;
    auto distributor = start(overrides, &ok);
    QVERIFY(!ok);
    QCOMPARE(distributor->state(), Distributor::State::Error);
    QCOMPARE(distributor->error(), Distributor::Error::ConfigurationError);
    QVERIFY2(distributor->errorString().contains(fragment), qPrintable(distributor->errorString()));
    QCOMPARE(distributor->serverPort(), quint16(0));
}

QTEST_GUILESS_MAIN(TestWebSocketSecurity)
#include "tst_websocketsecurity.moc"
