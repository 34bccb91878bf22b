// The pure request rules of the HTTP distributor (SPEC §4.1 [REC]): path resolution, one slash
// between baseUrl and path, the probe list, methods, headers without empty tokens, baseUrl checks.
#include "httprequestfactory.h"
#include "httptesthelpers.h"

#include <QtTest>

class TestHttpRequests : public QObject {
    Q_OBJECT

private slots:
    void resolvesUrls_data();
    void resolvesUrls();
    void probesEachHealthPathOnce_data();
    void probesEachHealthPathOnce();
    void choosesMethodAndBody_data();
    void choosesMethodAndBody();
    void mergesHeadersWithoutEmptyTokens();
    void rejectsUnusableBaseUrls_data();
    void rejectsUnusableBaseUrls();
    void rejectsUnreadableCaFile();
};

void TestHttpRequests::resolvesUrls_data() {
    QTest::addColumn<QJsonObject>("overrides");
    QTest::addColumn<QString>("event");
    QTest::addColumn<QJsonObject>("options");
    QTest::addColumn<QString>("url");

    const QJsonObject researchLab{
        {QStringLiteral("baseUrl"), QStringLiteral("http://lab-server.local:3000")},
        {QStringLiteral("endpoints"),
         QJsonObject{{QStringLiteral("participants"), QStringLiteral("/api/participants")},
                     {QStringLiteral("sessions"), QStringLiteral("/api/sessions")},
                     {QStringLiteral("events"), QStringLiteral("/api/events")}}}};
    QTest::newRow("events/<event>")
        << researchLab << QStringLiteral("participant_joined") << QJsonObject()
        << QStringLiteral("http://lab-server.local:3000/api/events/participant_joined");
    QTest::newRow("event-named endpoint")
        << researchLab << QStringLiteral("participants") << QJsonObject()
        << QStringLiteral("http://lab-server.local:3000/api/participants");
    QTest::newRow("options.endpoint wins")
        << researchLab << QStringLiteral("participants")
        << QJsonObject{{QStringLiteral("endpoint"), QStringLiteral("/hooks/lab")}}
        << QStringLiteral("http://lab-server.local:3000/hooks/lab");
    QTest::newRow("default events endpoint")
        << QJsonObject{{QStringLiteral("baseUrl"), QStringLiteral("http://127.0.0.1:3001")}}
        << QStringLiteral("neon_gaze_data") << QJsonObject()
        << QStringLiteral("http://127.0.0.1:3001/events/neon_gaze_data");
    QTest::newRow("one slash: base ends with /")
        << QJsonObject{{QStringLiteral("baseUrl"), QStringLiteral("http://127.0.0.1:3001/api/")}}
        << QStringLiteral("e") << QJsonObject()
        << QStringLiteral("http://127.0.0.1:3001/api/events/e");
    QTest::newRow("one slash: path without /")
        << QJsonObject{{QStringLiteral("baseUrl"), QStringLiteral("http://127.0.0.1:3001")}}
        << QStringLiteral("e") << QJsonObject{{QStringLiteral("endpoint"), QStringLiteral("in")}}
        << QStringLiteral("http://127.0.0.1:3001/in");
    QTest::newRow("event name is one segment")
        << QJsonObject{{QStringLiteral("baseUrl"), QStringLiteral("http://127.0.0.1:3001")}}
        << QStringLiteral("a/b c") << QJsonObject()
        << QStringLiteral("http://127.0.0.1:3001/events/a%2Fb%20c");
}

void TestHttpRequests::resolvesUrls() {
    QFETCH(QJsonObject, overrides);
    QFETCH(QString, event);
    QFETCH(QJsonObject, options);
    QFETCH(QString, url);
    const HttpRequestFactory requests(HttpTest::config(overrides));
    QVERIFY(requests.baseUrlError().isEmpty());
    QCOMPARE(requests.urlFor(requests.pathFor(event, options)).toString(QUrl::FullyEncoded), url);
}

void TestHttpRequests::probesEachHealthPathOnce_data() {
    QTest::addColumn<QString>("health");
    QTest::addColumn<QStringList>("paths");
    QTest::newRow("default") << QStringLiteral("/api/health")
                             << QStringList{QStringLiteral("/api/health"),
                                            QStringLiteral("/health"), QStringLiteral("/status"),
                                            QStringLiteral("/")};
    QTest::newRow("custom first") << QStringLiteral("/ping")
                                  << QStringList{QStringLiteral("/ping"),
                                                 QStringLiteral("/api/health"),
                                                 QStringLiteral("/health"),
                                                 QStringLiteral("/status"), QStringLiteral("/")};
    QTest::newRow("duplicate without slash")
        << QStringLiteral("health")
        << QStringList{QStringLiteral("health"), QStringLiteral("/api/health"),
                       QStringLiteral("/status"), QStringLiteral("/")};
}

void TestHttpRequests::probesEachHealthPathOnce() {
    QFETCH(QString, health);
    QFETCH(QStringList, paths);
    const HttpRequestFactory requests(HttpTest::config(
        {{QStringLiteral("endpoints"), QJsonObject{{QStringLiteral("health"), health}}}}));
    QCOMPARE(requests.healthPaths(), paths);
}

void TestHttpRequests::choosesMethodAndBody_data() {
    QTest::addColumn<QString>("method");
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<bool>("hasBody");
    QTest::newRow("default") << QString() << QByteArrayLiteral("POST") << true;
    QTest::newRow("put") << QStringLiteral("put") << QByteArrayLiteral("PUT") << true;
    QTest::newRow("patch") << QStringLiteral("PATCH") << QByteArrayLiteral("PATCH") << true;
    QTest::newRow("get") << QStringLiteral("GET") << QByteArrayLiteral("GET") << false;
    QTest::newRow("delete") << QStringLiteral("DELETE") << QByteArrayLiteral("DELETE") << false;
}

void TestHttpRequests::choosesMethodAndBody() {
    QFETCH(QString, method);
    QFETCH(QByteArray, verb);
    QFETCH(bool, hasBody);
    const QJsonObject options =
        method.isEmpty() ? QJsonObject() : QJsonObject{{QStringLiteral("method"), method}};
    QCOMPARE(HttpRequestFactory::methodFor(options), verb);
    QCOMPARE(HttpRequestFactory::methodHasBody(verb), hasBody);
}

void TestHttpRequests::mergesHeadersWithoutEmptyTokens() {
    const HttpRequestFactory requests(
        HttpTest::config({{QStringLiteral("headers"),
                           QJsonObject{{QStringLiteral("Authorization"), QStringLiteral("Bearer ")},
                                       {QStringLiteral("X-Lab"), QStringLiteral("a")},
                                       {QStringLiteral("X-Empty"), QString()}}}}));
    const QNetworkRequest request =
        requests.request(QUrl(QStringLiteral("http://127.0.0.1:1/")), 1000,
                         {{QStringLiteral("x-lab"), QStringLiteral("b")}});
    QVERIFY(!request.hasRawHeader("Authorization"));
    QVERIFY(!request.hasRawHeader("X-Empty"));
    QCOMPARE(request.rawHeader("X-Lab"), QByteArrayLiteral("b")); // the send option wins
    QCOMPARE(request.rawHeader("User-Agent"), QByteArrayLiteral("LabRelay/" LABRELAY_VERSION));
    QCOMPARE(request.rawHeader("Content-Type"), QByteArrayLiteral("application/json"));
    QCOMPARE(request.transferTimeout(), 1000);

    QVERIFY(!HttpRequestFactory::isSendableHeaderValue(QStringLiteral("Bearer")));
    QVERIFY(!HttpRequestFactory::isSendableHeaderValue(QStringLiteral(" bearer  ")));
    QVERIFY(HttpRequestFactory::isSendableHeaderValue(QStringLiteral("Bearer t0ken")));
}

void TestHttpRequests::rejectsUnusableBaseUrls_data() {
    QTest::addColumn<QString>("baseUrl");
    QTest::addColumn<QString>("message");
    QTest::newRow("scheme") << QStringLiteral("ftp://127.0.0.1/x")
                            << QStringLiteral("HTTP distributor cannot use baseUrl "
                                              "\"ftp://127.0.0.1/x\": the scheme must be http "
                                              "or https");
    QTest::newRow("no host") << QStringLiteral("http://")
                             << QStringLiteral("HTTP distributor cannot use baseUrl \"http://\": "
                                               "it names no host");
    QTest::newRow("empty") << QString() << QStringLiteral("HTTP distributor has no baseUrl");
    QTest::newRow("malformed") << QStringLiteral("http://[::1")
                               << QStringLiteral("HTTP distributor cannot use baseUrl "
                                                 "\"http://[::1\": ");
}

void TestHttpRequests::rejectsUnusableBaseUrls() {
    QFETCH(QString, baseUrl);
    QFETCH(QString, message);
    const HttpRequestFactory requests(HttpTest::config({{QStringLiteral("baseUrl"), baseUrl}}));
    QVERIFY2(requests.baseUrlError().startsWith(message), qPrintable(requests.baseUrlError()));
}

void TestHttpRequests::rejectsUnreadableCaFile() {
    HttpRequestFactory requests(
        HttpTest::config({{QStringLiteral("baseUrl"), QStringLiteral("https://127.0.0.1:1")},
                          {QStringLiteral("caFile"), QStringLiteral("/nonexistent/lab-ca.pem")}}));
    QString error;
    QVERIFY(!requests.loadTlsConfiguration(&error));
    QVERIFY2(error.startsWith(
                 QStringLiteral("HTTP distributor cannot read caFile /nonexistent/lab-ca.pem: ")),
             qPrintable(error));
}

QTEST_GUILESS_MAIN(TestHttpRequests)
#include "tst_httprequests.moc"
