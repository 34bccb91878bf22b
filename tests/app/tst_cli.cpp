// The labrelay command line, run as a real process: validate, templates, template, --version.
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run labrelay(const QStringList &arguments) {
    QProcess process;
    process.start(qEnvironmentVariable("LABRELAY_BINARY"), arguments);
    Run run;
    if (!process.waitForFinished(30000))
        return run;
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &text) {
    const QString path = dir.filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(text);
    return path;
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void validateValidFileWithWarnings();
    void validateInvalidFiles();
    void validateUnreadableWins();
    void templatesListsAllFive();
    void templatePrintsAUsableFile();
    void unknownTemplate();
    void versionAndHelp();

private:
    QTemporaryDir m_dir;
};

void TestCli::initTestCase() {
    QVERIFY(QFileInfo::exists(qEnvironmentVariable("LABRELAY_BINARY")));
    QVERIFY(m_dir.isValid());
}

void TestCli::validateValidFileWithWarnings() {
    const QString path = writeFile(m_dir, QStringLiteral("ok.labrelay.json"),
                                   R"({"format":"labrelay-session","version":1,
                                       "distributors":{"mqtt":{"broker":"mqtt://127.0.0.1:1883"}}})");
    const Run run = labrelay({QStringLiteral("validate"), path});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, path
                          + QStringLiteral(": valid\n  warning: mqtt: MQTT clientId not specified, "
                                           "will use default\n"));
}

void TestCli::validateInvalidFiles() {
    const QString seed = writeFile(
        m_dir, QStringLiteral("seed.labrelay.json"),
        R"({"distributors":{"http":{"baseUrl":"invalid-url"},"websocket":{"port":99999},"mqtt":{}}})");
    const QString broken =
        writeFile(m_dir, QStringLiteral("broken.labrelay.json"), "{\n  \"distributors\": {\n");
    const QString typed = writeFile(m_dir, QStringLiteral("typed.labrelay.json"),
                                    R"({"distributors":{"websocket":{"port":"8080"}}})");
    const QString ok = writeFile(m_dir, QStringLiteral("fine.labrelay.json"), "{}");

    const Run run = labrelay({QStringLiteral("validate"), seed, broken, typed, ok});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.contains(
                 seed
                 + QStringLiteral(": invalid\n  error: Invalid session configuration: http: HTTP "
                                  "baseUrl must start with http:// or https://; websocket: "
                                  "WebSocket distributor requires valid port (1-65535); mqtt: "
                                  "MQTT distributor requires broker URL\n  warning: mqtt: MQTT "
                                  "clientId not specified, will use default\n")),
             qPrintable(run.out));
    QVERIFY2(run.out.contains(broken + QStringLiteral(": invalid\n  error: ") + broken
                              + QStringLiteral(":3:1: not valid JSON:")),
             qPrintable(run.out));
    QVERIFY2(run.out.contains(
                 typed + QStringLiteral(": invalid\n  error: ") + typed
                 + QStringLiteral(": distributors.websocket.port: expected an integer 1-65535\n")),
             qPrintable(run.out));
    QVERIFY(run.out.contains(ok + QStringLiteral(": valid\n")));
}

void TestCli::validateUnreadableWins() {
    const QString ok = writeFile(m_dir, QStringLiteral("ok2.labrelay.json"), "{}");
    const QString bad = writeFile(m_dir, QStringLiteral("bad2.labrelay.json"), "nope");
    const QString missing = m_dir.filePath(QStringLiteral("missing.labrelay.json"));
    const Run run = labrelay({QStringLiteral("validate"), ok, bad, missing});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.out.contains(missing + QStringLiteral(": unreadable\n")));

    QCOMPARE(labrelay({QStringLiteral("validate")}).exitCode, 2);
}

void TestCli::templatesListsAllFive() {
    const Run run = labrelay({QStringLiteral("templates")});
    QCOMPARE(run.exitCode, 0);
    const QStringList lines = run.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 5);
    QVERIFY(lines.at(0).startsWith(QStringLiteral("local_testing")));
    QVERIFY(lines.at(2).startsWith(QStringLiteral("research_lab")));
    QVERIFY(lines.at(2).contains(QStringLiteral("[http, websocket, mqtt, sse]")));
}

void TestCli::templatePrintsAUsableFile() {
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("API_TOKEN"), QStringLiteral("do-not-print-me"));
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(qEnvironmentVariable("LABRELAY_BINARY"),
                  {QStringLiteral("template"), QStringLiteral("production")});
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 0);
    const QByteArray text = process.readAllStandardOutput();
    QVERIFY(!text.contains("do-not-print-me"));
    QVERIFY(process.readAllStandardError().contains("distributors.http.headers.Authorization"));
    const QJsonObject root = QJsonDocument::fromJson(text).object();
    QCOMPARE(root.value(QStringLiteral("format")).toString(), QStringLiteral("labrelay-session"));
    QCOMPARE(root.value(QStringLiteral("template")).toString(), QStringLiteral("production"));

    const QString path = writeFile(m_dir, QStringLiteral("production.labrelay.json"), text);
    const Run run = labrelay({QStringLiteral("validate"), path});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.startsWith(path + QStringLiteral(": valid\n")));
}

void TestCli::unknownTemplate() {
    const Run run = labrelay({QStringLiteral("template"), QStringLiteral("nope")});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.err, QStringLiteral("Configuration template not found: nope\n"));
}

void TestCli::versionAndHelp() {
    const Run version = labrelay({QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.out.startsWith(QStringLiteral("labrelay ")));
    const Run help = labrelay({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains(QStringLiteral("validate FILE...")));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
