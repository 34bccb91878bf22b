// Session config files: round trip, secrets, and malformed input rejected with its message.
#include "configmanager.h"
#include "sessionconfigfile.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

namespace {

// A file with every kind of key, unknown keys, references and literal secrets.
QByteArray fullFile() {
    QFile file(QStringLiteral(TEST_DATA_DIR "/full.labrelay.json"));
    file.open(QIODevice::ReadOnly);
    return file.readAll();
}

} // namespace

class TestSessionConfigFile : public QObject {
    Q_OBJECT

private slots:
    void loadsInDocumentOrder();
    void roundTripIsLossless();
    void exportOmitsSecretsButKeepsReferences();
    void bareOptionsObjectIsAccepted();
    void malformed_data();
    void malformed();
    void largeFilesAreRefused();
    void unreadableFile();
    void savedFileValidates();
};

void TestSessionConfigFile::loadsInDocumentOrder() {
    const SessionConfigLoad load =
        SessionConfigFile::parse(fullFile(), QStringLiteral("a.labrelay.json"));
    QVERIFY2(load.ok(), qPrintable(load.errors.join(u'\n')));
    QCOMPARE(load.config.sessionId, QStringLiteral("study-001"));
    QCOMPARE(load.config.templateName, QStringLiteral("research_lab"));
    QCOMPARE(load.config.distributors.types(),
             (QStringList{QStringLiteral("websocket"), QStringLiteral("mqtt"),
                          QStringLiteral("http"), QStringLiteral("udp")}));
    QCOMPARE(load.config.eventRouting.events(),
             (QStringList{QStringLiteral("participant_joined"), QStringLiteral("gaze_data"),
                          QStringLiteral("*")}));
    QCOMPARE(load.config.enabledDistributors,
             (QStringList{QStringLiteral("http"), QStringLiteral("mqtt")}));
    QCOMPARE(load.config.unroutedPolicy(), UnroutedPolicy::Drop);
    QCOMPARE(load.config.options.value(QStringLiteral("labNotes")).toString(),
             QStringLiteral("unknown keys are kept"));
}

void TestSessionConfigFile::roundTripIsLossless() {
    const SessionConfigLoad first = SessionConfigFile::parse(fullFile(), QStringLiteral("a"));
    const QByteArray text =
        SessionConfigFile::serialize(first.config, SessionConfigFile::Secrets::Include);
    const SessionConfigLoad second = SessionConfigFile::parse(text, QStringLiteral("b"));
    QVERIFY2(second.ok(), qPrintable(second.errors.join(u'\n')));
    QCOMPARE(second.config, first.config);
    QCOMPARE(second.config.distributors.types(), first.config.distributors.types());
    QVERIFY(text.startsWith("{\n    \"format\": \"labrelay-session\",\n    \"version\": 1,"));
    // And a second write is byte-identical.
    QCOMPARE(SessionConfigFile::serialize(second.config, SessionConfigFile::Secrets::Include),
             text);
}

void TestSessionConfigFile::exportOmitsSecretsButKeepsReferences() {
    SessionConfig config = SessionConfigFile::parse(fullFile(), QStringLiteral("a")).config;
    QJsonObject ws = config.distributors.value(QStringLiteral("websocket"));
    ws.insert(QStringLiteral("accessToken"), QStringLiteral("${WS_TOKEN}"));
    config.distributors.insert(QStringLiteral("websocket"), ws);

    QStringList omitted;
    const QByteArray text =
        SessionConfigFile::serialize(config, SessionConfigFile::Secrets::Omit, &omitted);
    QVERIFY(!text.contains("hunter2"));
    QVERIFY(!text.contains("abc123"));
    QVERIFY(text.contains("\"username\": \"lab\""));
    QVERIFY(text.contains("${WS_TOKEN}"));
    QVERIFY(text.contains("${LAB_DATABASE_URL:-http://127.0.0.1:3000}"));
    QVERIFY(text.contains("X-Trace"));
    QCOMPARE(omitted, (QStringList{QStringLiteral("distributors.http.headers.Authorization"),
                                   QStringLiteral("distributors.mqtt.password")}));

    const QByteArray withSecrets =
        SessionConfigFile::serialize(config, SessionConfigFile::Secrets::Include);
    QVERIFY(withSecrets.contains("hunter2"));
    QVERIFY(withSecrets.contains("Bearer abc123"));
}

void TestSessionConfigFile::bareOptionsObjectIsAccepted() {
    const SessionConfigLoad load = SessionConfigFile::parse(
        R"({"template":"local_testing","enabledDistributors":["websocket"],
            "eventRouting":{"calibration_status":["websocket"],"setup_complete":["websocket"]}})",
        QStringLiteral("setup.json"));
    QVERIFY(load.ok());
    ConfigManager manager(Environment::fromValues({}));
    const Result<SessionConfig> config = manager.createSessionConfig(load.config);
    QVERIFY2(config.ok(), qPrintable(config.error()));
    QCOMPARE(config->enabledTypes(), QStringList{QStringLiteral("websocket")});
}

void TestSessionConfigFile::malformed_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("error");

    QTest::newRow("truncated")
        << QByteArray("{\n  \"distributors\": {\n    \"http\": {\"baseUrl\": \"http://x")
        << QStringLiteral("f.json:3:34: not valid JSON: unterminated string");
    QTest::newRow("trailing comma")
        << QByteArray("{\"a\": 1,}")
        << QStringLiteral("f.json:1:10: not valid JSON: object is missing after a comma");
    QTest::newRow("empty") << QByteArray("")
                           << QStringLiteral("f.json:1:1: not valid JSON: illegal value");
    QTest::newRow("array") << QByteArray("[1]")
                           << QStringLiteral("f.json: expected a JSON object at the top level");
    QTest::newRow("port string")
        << QByteArray(R"({"distributors":{"websocket":{"port":"8080"}}})")
        << QStringLiteral("f.json: distributors.websocket.port: expected an integer 1-65535");
    QTest::newRow("port 1e300")
        << QByteArray(R"({"distributors":{"websocket":{"port":1e300}}})")
        << QStringLiteral("f.json: distributors.websocket.port: expected an integer 1-65535");
    QTest::newRow("qos text")
        << QByteArray(R"({"distributors":{"mqtt":{"broker":"mqtt://x","qos":"1"}}})")
        << QStringLiteral("f.json: distributors.mqtt.qos: expected an integer 0-2");
    QTest::newRow("failover type")
        << QByteArray(
               R"({"distributors":{"mqtt":{"broker":"mqtt://x","failover":[{"qos":true}]}}})")
        << QStringLiteral("f.json: distributors.mqtt.failover[0].qos: expected an integer 0-2");
    QTest::newRow("distributor not object")
        << QByteArray(R"({"distributors":{"http":"http://x"}})")
        << QStringLiteral("f.json: distributors.http: expected an object");
    QTest::newRow("enabled not array")
        << QByteArray(R"({"enabledDistributors":"http"})")
        << QStringLiteral("f.json: enabledDistributors: expected an array of distributor types");
    QTest::newRow("template number")
        << QByteArray(R"({"template":5})")
        << QStringLiteral("f.json: template: expected a template name or null");
    QTest::newRow("routing array")
        << QByteArray(R"({"eventRouting":[]})")
        << QStringLiteral("f.json: eventRouting: expected an object of event names");
    QTest::newRow("unknown format")
        << QByteArray(R"({"format":"synopticon","version":1})")
        << QStringLiteral(
               "f.json: format: unknown format \"synopticon\" (expected \"labrelay-session\")");
    QTest::newRow("newer version")
        << QByteArray(R"({"format":"labrelay-session","version":2})")
        << QStringLiteral("f.json: version: file version 2 is newer than this LabRelay reads (1); "
                          "open it with a newer LabRelay");
    QTest::newRow("version text") << QByteArray(R"({"format":"labrelay-session","version":"1"})")
                                  << QStringLiteral(
                                         "f.json: version: expected an integer 1 or higher");
    QTest::newRow("long string")
        << QByteArray(R"({"distributors":{"http":{"baseUrl":"http://x","name":")"
                      + QByteArray(10000, 'a') + "\"}}}")
        << QStringLiteral(
               "f.json: distributors.http.name: expected a string of at most 8192 characters");
}

void TestSessionConfigFile::malformed() {
    QFETCH(QByteArray, text);
    QFETCH(QString, error);
    const SessionConfigLoad load = SessionConfigFile::parse(text, QStringLiteral("f.json"));
    QCOMPARE(load.status, SessionConfigLoad::Status::Invalid);
    QCOMPARE(load.errors, QStringList{error});
}

void TestSessionConfigFile::largeFilesAreRefused() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("big.labrelay.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"labNotes\": \"");
    file.write(QByteArray(10 * 1024 * 1024, 'x'));
    file.write("\"}");
    file.close();
    const SessionConfigLoad load = SessionConfigFile::load(path);
    QCOMPARE(load.status, SessionConfigLoad::Status::Invalid);
    QVERIFY2(load.errors.value(0).contains(QStringLiteral("file is too large")),
             qPrintable(load.errors.value(0)));

    // A 10 MB value in a body that is parsed directly is refused the same way.
    QVERIFY(
        !SessionConfigFile::parse(QByteArray(10 * 1024 * 1024, ' '), QStringLiteral("body")).ok());
}

void TestSessionConfigFile::unreadableFile() {
    const SessionConfigLoad load =
        SessionConfigFile::load(QStringLiteral("/nonexistent/x.labrelay.json"));
    QCOMPARE(load.status, SessionConfigLoad::Status::Unreadable);
    QCOMPARE(load.errors, QStringList{QStringLiteral(
                              "/nonexistent/x.labrelay.json: cannot read: no such file")});
}

void TestSessionConfigFile::savedFileValidates() {
    ConfigManager manager(Environment::fromValues({}));
    SessionConfig options;
    options.templateName = QStringLiteral("research_lab");
    options.sessionId = QStringLiteral("s1");
    const Result<SessionConfig> config = manager.createSessionConfig(options);
    QVERIFY(config.ok());

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s1.labrelay.json"));
    QString error;
    QVERIFY2(
        SessionConfigFile::save(path, config.value(), SessionConfigFile::Secrets::Omit, &error),
        qPrintable(error));
    const SessionConfigLoad load = SessionConfigFile::load(path);
    QVERIFY(load.ok());
    QCOMPARE(load.config, config.value());
    const Result<SessionConfig> again = manager.createSessionConfig(load.config);
    QVERIFY(again.ok());
    QCOMPARE(again->distributors, config->distributors);
}

QTEST_GUILESS_MAIN(TestSessionConfigFile)
#include "tst_sessionconfigfile.moc"
