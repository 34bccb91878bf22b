// HTTP delivery against a real HTTP/1.1 sink on 127.0.0.1 (SPEC §4.1, §5): the path, method,
// body (envelope and legacy shape) and headers of each request, and the health details.
#include "httpsink.h"
#include "httptesthelpers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using Reply = HttpSink::Reply;
using State = Distributor::State;

namespace {

// What the distributor sent, without its connect probe.
QList<HttpSink::Request> sends(const HttpSink &sink) {
    return sink.requestsOtherThan("/api/health");
}

} // namespace

class TestHttpDelivery : public QObject {
    Q_OBJECT

private slots:
    void deliversToResolvedPath_data();
    void deliversToResolvedPath();
    void sendsTheEnvelope();
    void sendsTheLegacyShape();
    void sendsConfiguredHeaders();
    void describesItsHealth();
};

void TestHttpDelivery::deliversToResolvedPath_data() {
    QTest::addColumn<QString>("event");
    QTest::addColumn<QJsonObject>("options");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<bool>("hasBody");
    QTest::newRow("events/<event>")
        << QStringLiteral("participant_joined") << QJsonObject() << QByteArrayLiteral("POST")
        << QByteArrayLiteral("/api/events/participant_joined") << true;
    QTest::newRow("event-named endpoint")
        << QStringLiteral("participants") << QJsonObject() << QByteArrayLiteral("POST")
        << QByteArrayLiteral("/api/participants") << true;
    QTest::newRow("options.endpoint")
        << QStringLiteral("participants")
        << QJsonObject{{QStringLiteral("endpoint"), QStringLiteral("/hooks/lab")}}
        << QByteArrayLiteral("POST") << QByteArrayLiteral("/hooks/lab") << true;
    QTest::newRow("PUT") << QStringLiteral("marker")
                         << QJsonObject{{QStringLiteral("method"), QStringLiteral("PUT")}}
                         << QByteArrayLiteral("PUT") << QByteArrayLiteral("/api/events/marker")
                         << true;
    QTest::newRow("GET has no body")
        << QStringLiteral("marker")
        << QJsonObject{{QStringLiteral("method"), QStringLiteral("get")}}
        << QByteArrayLiteral("GET") << QByteArrayLiteral("/api/events/marker") << false;
}

void TestHttpDelivery::deliversToResolvedPath() {
    QFETCH(QString, event);
    QFETCH(QJsonObject, options);
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(bool, hasBody);

    HttpSink sink;
    QVERIFY(sink.listen());
    HttpDistributor http(HttpTest::config(
        {{QStringLiteral("baseUrl"), QString(sink.baseUrl() + QLatin1Char('/'))},
         {QStringLiteral("endpoints"),
          QJsonObject{{QStringLiteral("participants"), QStringLiteral("/api/participants")},
                      {QStringLiteral("events"), QStringLiteral("/api/events")}}}}));
    QCOMPARE(HttpTest::start(http).value(0).toBool(), true);

    http.enqueue(HttpTest::envelope(event, 1), options);
    QTRY_COMPARE(http.stats().sent, 1u);
    QCOMPARE(sends(sink).size(), 1);
    const HttpSink::Request request = sends(sink).first();
    QCOMPARE(request.method, method);
    QCOMPARE(request.path, path);
    QCOMPARE(!request.body.isEmpty(), hasBody);
    const DistributorStats stats = http.stats();
    QCOMPARE(stats.acknowledged, 1u);
    QCOMPARE(stats.bytes, quint64(request.body.size()));
    QCOMPARE(stats.failed, 0u);
    QVERIFY(stats.isBalanced());
}

void TestHttpDelivery::sendsTheEnvelope() {
    HttpSink sink;
    QVERIFY(sink.listen());
    HttpDistributor http(HttpTest::config({{QStringLiteral("baseUrl"), sink.baseUrl()}}));
    QCOMPARE(HttpTest::start(http).value(0).toBool(), true);

    const QJsonObject data{{QStringLiteral("x"), 0.523}, {QStringLiteral("worn"), true}};
    http.enqueue(HttpTest::envelope(QStringLiteral("neon_gaze_data"), 48213, data),
                 {{QStringLiteral("metadata"), QJsonObject{{QStringLiteral("trial"), 3}}}});
    QTRY_COMPARE(http.stats().sent, 1u);

    const QJsonObject body = QJsonDocument::fromJson(sends(sink).first().body).object();
    QCOMPARE(body.value(QStringLiteral("event")).toString(), QStringLiteral("neon_gaze_data"));
    QCOMPARE(body.value(QStringLiteral("sessionId")).toString(), QStringLiteral("study-001"));
    QCOMPARE(body.value(QStringLiteral("seq")).toInteger(), 48213);
    QCOMPARE(body.value(QStringLiteral("timestamp")).toInteger(), 1725880800000 + 48213);
    QCOMPARE(body.value(QStringLiteral("data")).toObject(), data);
    const QJsonObject metadata = body.value(QStringLiteral("metadata")).toObject();
    QCOMPARE(metadata.value(QStringLiteral("source")).toString(), QStringLiteral("labrelay"));
    QCOMPARE(metadata.value(QStringLiteral("distributor")).toString(), QStringLiteral("http"));
    QCOMPARE(metadata.value(QStringLiteral("trial")).toInt(), 3);
    QVERIFY(http.stats().isBalanced());
}

void TestHttpDelivery::sendsTheLegacyShape() {
    HttpSink sink;
    QVERIFY(sink.listen());
    HttpDistributor http(
        HttpTest::config({{QStringLiteral("baseUrl"), sink.baseUrl()},
                          {QStringLiteral("payloadFormat"), QStringLiteral("legacy")}}));
    QCOMPARE(HttpTest::start(http).value(0).toBool(), true);

    http.enqueue(HttpTest::envelope(QStringLiteral("neon_gaze_data"), 7));
    QTRY_COMPARE(http.stats().sent, 1u);

    const QJsonObject body = QJsonDocument::fromJson(sends(sink).first().body).object();
    QStringList keys = body.keys();
    keys.sort();
    QCOMPARE(keys, (QStringList{QStringLiteral("data"), QStringLiteral("event"),
                                QStringLiteral("metadata"), QStringLiteral("timestamp")}));
    const QJsonObject metadata = body.value(QStringLiteral("metadata")).toObject();
    QCOMPARE(metadata.value(QStringLiteral("source")).toString(), QStringLiteral("synopticon-api"));
    QCOMPARE(metadata.value(QStringLiteral("distributor")).toString(), QStringLiteral("http"));
    QVERIFY(http.stats().isBalanced());
}

void TestHttpDelivery::sendsConfiguredHeaders() {
    HttpSink sink;
    QVERIFY(sink.listen());
    HttpDistributor http(HttpTest::config(
        {{QStringLiteral("baseUrl"), sink.baseUrl()},
         {QStringLiteral("headers"),
          QJsonObject{{QStringLiteral("User-Agent"), QStringLiteral("LabStation/2.1")},
                      {QStringLiteral("Authorization"), QStringLiteral("Bearer ")},
                      {QStringLiteral("X-Study"), QStringLiteral("s1")}}}}));
    QCOMPARE(HttpTest::start(http).value(0).toBool(), true);

    http.enqueue(HttpTest::envelope(QStringLiteral("marker"), 1),
                 {{QStringLiteral("headers"),
                   QJsonObject{{QStringLiteral("X-Trial"), QStringLiteral("7")}}}});
    QTRY_COMPARE(http.stats().sent, 1u);

    const HttpSink::Request request = sends(sink).first();
    QCOMPARE(request.header("user-agent"), QByteArrayLiteral("LabStation/2.1"));
    QCOMPARE(request.header("content-type"), QByteArrayLiteral("application/json"));
    QCOMPARE(request.header("x-study"), QByteArrayLiteral("s1"));
    QCOMPARE(request.header("x-trial"), QByteArrayLiteral("7"));
    QVERIFY(!request.headers.contains("authorization")); // an empty token is not sent
    // The probe carries the configured headers as well.
    QCOMPARE(sink.requests().first().header("user-agent"), QByteArrayLiteral("LabStation/2.1"));
}

void TestHttpDelivery::describesItsHealth() {
    HttpSink sink;
    QVERIFY(sink.listen());
    HttpDistributor http(HttpTest::config({{QStringLiteral("baseUrl"), sink.baseUrl()}}));
    QCOMPARE(http.targetDescription(), sink.baseUrl());
    QCOMPARE(HttpTest::start(http).value(0).toBool(), true);

    const QJsonObject health = http.health();
    QCOMPARE(health.value(QStringLiteral("status")).toString(), QStringLiteral("connected"));
    QCOMPARE(health.value(QStringLiteral("protocol")).toString(), QStringLiteral("http"));
    QCOMPARE(health.value(QStringLiteral("baseUrl")).toString(), sink.baseUrl());
    QCOMPARE(health.value(QStringLiteral("healthEndpoint")).toString(),
             QStringLiteral("/api/health"));
    QCOMPARE(health.value(QStringLiteral("healthCheckSkipped")).toBool(), false);
    QVERIFY(health.value(QStringLiteral("lastHealthCheck")).toDouble() > 0);
    QCOMPARE(health.value(QStringLiteral("capabilities")).toArray(),
             (QJsonArray{QStringLiteral("send"), QStringLiteral("reliable")}));
    const QJsonArray endpoints = health.value(QStringLiteral("endpoints")).toArray();
    QVERIFY(endpoints.contains(QStringLiteral("events")));
    QVERIFY(endpoints.contains(QStringLiteral("health")));
    QVERIFY(endpoints.contains(QStringLiteral("webhook")));
}

QTEST_GUILESS_MAIN(TestHttpDelivery)
#include "tst_httpdelivery.moc"
