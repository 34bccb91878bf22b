// The pieces of the control API that need no network: JSON text with scalars, event batches
// (object, array, NDJSON) and their messages, routing bodies, path matching with 404/405, the
// mapping of engine messages to status codes, and the listen options.
#include "apierrors.h"
#include "apirouter.h"
#include "controlapioptions.h"
#include "eventbatch.h"
#include "jsontext.h"
#include "routingbody.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

class TestApiParsing : public QObject {
    Q_OBJECT

private slots:
    void jsonTextTellsScalarsFromSyntaxErrors();
    void eventBatches_data();
    void eventBatches();
    void sourceTimestampBecomesMetadata();
    void errorListIsBounded();
    void routingBodies_data();
    void routingBodies();
    void routerTellsMissingPathFromWrongMethod();
    void engineMessagesMapToStatus_data();
    void engineMessagesMapToStatus();
    void listenOptions();
};

void TestApiParsing::jsonTextTellsScalarsFromSyntaxErrors() {
    JsonText::SyntaxError error;
    QCOMPARE(JsonText::parse("42", &error), std::optional<QJsonValue>(42));
    QCOMPARE(JsonText::parse("\"x\"", &error), std::optional<QJsonValue>(QStringLiteral("x")));
    QCOMPARE(JsonText::parse("null", &error), std::optional<QJsonValue>(QJsonValue::Null));
    QVERIFY(JsonText::parse("[1]", &error)->isArray());
    QVERIFY(!JsonText::parse("1, 2", &error));
    QVERIFY(!JsonText::parse("", &error));
    QVERIFY(!JsonText::parse("1],[2", &error));
    QVERIFY(!JsonText::parse("{\n  \"a\": tru\n}", &error));
    QVERIFY(error.line > 1); // lines are counted, not only bytes
    QCOMPARE(JsonText::describe(QStringLiteral("body"), {3, 4, QStringLiteral("why")}),
             QStringLiteral("body:3:4: not valid JSON: why"));
    QVERIFY(!JsonText::parse(QByteArray("{\"a\": \"\xff\xfe\"}"), &error)); // invalid UTF-8
}

void TestApiParsing::eventBatches_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("ndjson");
    QTest::addColumn<int>("problem");
    QTest::addColumn<int>("events");
    QTest::addColumn<QStringList>("errors");

    const int none = int(EventBatch::Problem::None);
    const int malformed = int(EventBatch::Problem::Malformed);
    const int shape = int(EventBatch::Problem::WrongShape);
    QTest::newRow("object") << QByteArray("{\"event\": \"a\", \"data\": {}}") << false << none << 1
                            << QStringList();
    QTest::newRow("data null counts")
        << QByteArray("{\"event\": \"a\", \"data\": null}") << false << none << 1 << QStringList();
    QTest::newRow("timestamp null") << QByteArray("{\"event\":\"a\",\"data\":1,\"timestamp\":null}")
                                    << false << none << 1 << QStringList();
    QTest::newRow("array") << QByteArray(
        "[{\"event\":\"a\",\"data\":1},{\"event\":\"b\",\"data\":2}]")
                           << false << none << 2 << QStringList();
    QTest::newRow("every problem of an item")
        << QByteArray("[{\"event\": 5, \"timestamp\": -1}]") << false << shape << 0
        << QStringList{QStringLiteral("events[0].event: expected a non-empty string"),
                       QStringLiteral("events[0].data: required (any JSON value)"),
                       QStringLiteral("events[0].timestamp: expected a non-negative number "
                                      "(epoch ms)")};
    QTest::newRow("null item") << QByteArray("[null]") << false << shape << 0
                               << QStringList{QStringLiteral(
                                      "events[0]: expected an event object, got null")};
    QTest::newRow("ndjson") << QByteArray("{\"event\":\"a\",\"data\":1}\n\n  \n{\"event\":\"b\","
                                          "\"data\":1}")
                            << true << none << 2 << QStringList();
    QTest::newRow("ndjson only blank lines")
        << QByteArray("\n\r\n  \n") << true << shape << 0
        << QStringList{QStringLiteral("events: expected at least one event line")};
    QTest::newRow("ndjson syntax beats shape")
        << QByteArray("{\"data\":1}\nnot json\n") << true << malformed << 0
        << QStringList{QStringLiteral("line 1: event: expected a non-empty string"),
                       QStringLiteral("line 2, column 2: not valid JSON: illegal value")};
    QTest::newRow("ndjson scalar line")
        << QByteArray("7\n") << true << shape << 0
        << QStringList{QStringLiteral("line 1: expected an event object, got a number")};
}

void TestApiParsing::eventBatches() {
    QFETCH(QByteArray, body);
    QFETCH(bool, ndjson);
    QFETCH(int, problem);
    QFETCH(int, events);
    QFETCH(QStringList, errors);
    const EventBatch batch = ndjson ? EventBatch::fromNdjson(body) : EventBatch::fromJson(body);
    QCOMPARE(int(batch.problem), problem);
    QCOMPARE(batch.events.size(), events);
    QCOMPARE(batch.errors, errors);
}

void TestApiParsing::sourceTimestampBecomesMetadata() {
    const EventBatch batch =
        EventBatch::fromJson("{\"event\": \"gaze\", \"data\": 1, \"timestamp\": 1725880799995}");
    QVERIFY(batch.ok());
    QCOMPARE(
        batch.events.first().routeOptions(),
        QJsonDocument::fromJson("{\"metadata\": {\"sourceTimestamp\": 1725880799995}}").object());
    QCOMPARE(EventBatch::fromJson("{\"event\": \"a\", \"data\": 1}").events.first().routeOptions(),
             QJsonObject());

    QStringList errors;
    const auto udpLine =
        EventBatch::readEvent(QJsonDocument::fromJson("{\"event\": \"a\", \"data\": 1}").object(),
                              QStringLiteral("line 1: "), true, &errors);
    QVERIFY(!udpLine);
    QCOMPARE(errors, QStringList{QStringLiteral("line 1: session: expected a non-empty string")});
}

void TestApiParsing::errorListIsBounded() {
    QByteArray body = "[";
    for (int i = 0; i < 100; ++i)
        body += "{},";
    body += "{}]";
    const EventBatch batch = EventBatch::fromJson(body);
    QCOMPARE(batch.problem, EventBatch::Problem::WrongShape);
    QCOMPARE(batch.errors.size(), EventBatch::MaxReportedErrors + 1);
    QCOMPARE(batch.errors.last(), QStringLiteral("(further errors not listed)"));
    QVERIFY(batch.events.isEmpty());
}

void TestApiParsing::routingBodies_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("events");
    QTest::addColumn<QString>("policy");
    QTest::addColumn<QStringList>("errors");

    QTest::newRow("bare, document order")
        << QByteArray("{\"zeta\": [\"udp\"], \"alpha\": [\"mqtt_s1\", \"sse\"], \"*\": []}")
        << QStringList{QStringLiteral("zeta"), QStringLiteral("alpha"), QStringLiteral("*")}
        << QString() << QStringList();
    QTest::newRow("wrapped") << QByteArray("{\"unroutedPolicy\": \"drop\", \"eventRouting\": "
                                           "{\"b\": [\"http\"], \"a\": [\"udp\"]}}")
                             << QStringList{QStringLiteral("b"), QStringLiteral("a")}
                             << QStringLiteral("drop") << QStringList();
    QTest::newRow("policy only") << QByteArray("{\"unroutedPolicy\": \"broadcast\"}")
                                 << QStringList() << QStringLiteral("broadcast") << QStringList();
    QTest::newRow("every error")
        << QByteArray("{\"eventRouting\": {\"\": [], \"a\": {}, \"b\": [\"udp\", null]}, "
                      "\"unroutedPolicy\": 1, \"x\": 2}")
        << QStringList() << QString()
        << QStringList{QStringLiteral("x: unknown key (expected eventRouting or unroutedPolicy)"),
                       QStringLiteral("unroutedPolicy: expected \"broadcast\" or \"drop\""),
                       QStringLiteral("eventRouting: event names must not be empty"),
                       QStringLiteral("eventRouting.a: expected an array of distributor types"),
                       QStringLiteral("eventRouting.b[1]: expected a distributor type name")};
}

void TestApiParsing::routingBodies() {
    QFETCH(QByteArray, body);
    QFETCH(QStringList, events);
    QFETCH(QString, policy);
    QFETCH(QStringList, errors);
    const RoutingBody read =
        RoutingBody::read(QJsonDocument::fromJson(body).object(), body, QStringLiteral("s1"));
    QCOMPARE(read.errors, errors);
    QCOMPARE(read.routing ? read.routing->events() : QStringList(), events);
    QCOMPARE(read.policy ? unroutedPolicyName(*read.policy) : QString(), policy);
}

void TestApiParsing::routerTellsMissingPathFromWrongMethod() {
    ApiRouter router;
    int called = 0;
    const auto handler = [&called](const ApiCall &) {
        ++called;
    };
    router.add("GET", QStringLiteral("/api/sessions/{id}"), ApiRouter::Body::None, handler);
    router.add("DELETE", QStringLiteral("/api/sessions/{id}"), ApiRouter::Body::None, handler);
    router.add("GET", QStringLiteral("/api/sessions"), ApiRouter::Body::None, handler);

    const ApiRouter::Match found = router.match(
        "DELETE", {QStringLiteral("api"), QStringLiteral("sessions"), QStringLiteral("a b")});
    QVERIFY(found.route);
    QCOMPARE(found.params.value(QStringLiteral("id")), QStringLiteral("a b"));

    const ApiRouter::Match wrongMethod = router.match(
        "PUT", {QStringLiteral("api"), QStringLiteral("sessions"), QStringLiteral("x")});
    QVERIFY(!wrongMethod.route);
    QCOMPARE(wrongMethod.allowed, (QByteArrayList{"GET", "DELETE"}));

    const ApiRouter::Match emptyId =
        router.match("GET", {QStringLiteral("api"), QStringLiteral("sessions"), QString()});
    QVERIFY(!emptyId.route);
    QVERIFY(emptyId.allowed.isEmpty());
    QVERIFY(!router.match("GET", {QStringLiteral("api")}).route);
    QCOMPARE(called, 0);
}

void TestApiParsing::engineMessagesMapToStatus_data() {
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("status");
    QTest::addColumn<QStringList>("details");

    QTest::newRow("not found") << "Session x not found" << 404
                               << QStringList{QStringLiteral("Session x not found")};
    QTest::newRow("unknown type") << "Unknown distributor type: carrier" << 404
                                  << QStringList{
                                         QStringLiteral("Unknown distributor type: carrier")};
    QTest::newRow("duplicate") << "Session x already exists" << 409
                               << QStringList{QStringLiteral("Session x already exists")};
    QTest::newRow("port") << "websocket: port 8080 already in use by session s1" << 409
                          << QStringList{QStringLiteral(
                                 "websocket: port 8080 already in use by session s1")};
    QTest::newRow("invalid session")
        << "Invalid session configuration: udp: a; mqtt: b" << 400
        << QStringList{QStringLiteral("udp: a"), QStringLiteral("mqtt: b")};
    QTest::newRow("invalid type") << "Invalid udp configuration: e1; e2" << 400
                                  << QStringList{QStringLiteral("e1"), QStringLiteral("e2")};
    QTest::newRow("connect") << "Failed to connect mqtt distributor: refused" << 502
                             << QStringList{
                                    QStringLiteral("Failed to connect mqtt distributor: refused")};
    QTest::newRow("reconfigure") << "Reconfigure of mqtt failed: x; previous configuration restored"
                                 << 502
                                 << QStringList{QStringLiteral("Reconfigure of mqtt failed: x; "
                                                               "previous configuration restored")};
    QTest::newRow("other") << "Something else" << 418
                           << QStringList{QStringLiteral("Something else")};
}

void TestApiParsing::engineMessagesMapToStatus() {
    QFETCH(QString, message);
    QFETCH(int, status);
    QFETCH(QStringList, details);
    const ApiReply reply = ApiErrors::fromEngine(message, 418);
    QCOMPARE(reply.status, status);
    const QJsonObject body = QJsonDocument::fromJson(reply.body).object();
    QCOMPARE(body.value(QStringLiteral("error")).toString(), message);
    QCOMPARE(body.value(QStringLiteral("details")).toArray(), QJsonArray::fromStringList(details));
}

void TestApiParsing::listenOptions() {
    ControlApiOptions options;
    QCOMPARE(options.problem(), QString());
    QCOMPARE(options.addressText(), QStringLiteral("127.0.0.1:7380"));
    options.bindAddress = QHostAddress(QHostAddress::LocalHostIPv6);
    QCOMPARE(options.problem(), QString());
    QCOMPARE(options.addressText(), QStringLiteral("[::1]:7380"));
    options.bindAddress = QHostAddress(QStringLiteral("192.168.1.20"));
    QVERIFY(options.problem().startsWith(
        QStringLiteral("API token: required when the API is bound to 192.168.1.20")));
    options.token = QStringLiteral("t");
    QCOMPARE(options.problem(), QString());
    options.bindAddress = QHostAddress();
    QCOMPARE(options.problem(),
             QStringLiteral("API bind address: expected an IPv4 or IPv6 address"));
}

QTEST_GUILESS_MAIN(TestApiParsing)
#include "tst_apiparsing.moc"
