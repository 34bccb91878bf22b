// TemplateStore: custom templates in one JSON file under the app-config location.
#include "configmanager.h"
#include "templatestore.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

QJsonObject json(const char *text) {
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

QByteArray readAll(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeAll(const QString &path, const QByteArray &bytes) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

const DistributorConfigMap labDistributors{
    {u"mqtt"_s, json("{\"broker\": \"${LAB_BROKER:-mqtt://127.0.0.1:1883}\", \"qos\": 2}")},
    {u"http"_s, json("{\"baseUrl\": \"http://127.0.0.1:3001\", \"timeout\": 2000}")},
};

} // namespace

class TestTemplateStore : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void defaultPathIsUnderAppConfigLocation();
    void missingFileIsEmpty();
    void roundTripKeepsOrderAndReferences();
    void updateAndRemovePersist();
    void badNamesAreRefused_data();
    void badNamesAreRefused();
    void corruptFileIsReportedAndKept_data();
    void corruptFileIsReportedAndKept();
    void goodEntriesOfAPartlyBadFileLoad();
    void saveIsAtomic();
    void failedWriteChangesNothing();
    void registersIntoConfigManager();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString path() const { return m_dir->filePath(u"templates.json"_s); }
};

void TestTemplateStore::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
}

void TestTemplateStore::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestTemplateStore::defaultPathIsUnderAppConfigLocation() {
    const QString location = QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation);
    QVERIFY(location.contains(u"qttest"_s)); // test mode keeps real settings out of reach
    QCOMPARE(TemplateStore::defaultPath(), location + u"/templates.json"_s);
}

void TestTemplateStore::missingFileIsEmpty() {
    TemplateStore store(path());
    QCOMPARE(store.load(), QStringList());
    QVERIFY(store.templates().isEmpty());
    QVERIFY(!QFile::exists(path())); // reading never creates the file
}

void TestTemplateStore::roundTripKeepsOrderAndReferences() {
    TemplateStore store(path());
    QString error;
    QVERIFY2(store.add(u"lab_b"_s, u"Lab B"_s, labDistributors, &error), qPrintable(error));
    QVERIFY2(store.add(u"a-lab"_s, QString(), DistributorConfigMap{{u"sse"_s, json("{}")}}, &error),
             qPrintable(error));

    TemplateStore reread(path());
    QCOMPARE(reread.load(), QStringList());
    QCOMPARE(reread.names(), (QStringList{u"lab_b"_s, u"a-lab"_s}));
    const auto labB = reread.find(u"lab_b"_s);
    QVERIFY(labB);
    QCOMPARE(labB->description, u"Lab B"_s);
    QCOMPARE(labB->distributors, labDistributors); // values, references and type order
    QCOMPARE(labB->distributors.types(), (QStringList{u"mqtt"_s, u"http"_s}));
    QVERIFY(!labB->builtIn);
    const QJsonObject root = QJsonDocument::fromJson(readAll(path())).object();
    QCOMPARE(root.value(u"format"_s).toString(), TemplateStore::FormatName);
    QCOMPARE(root.value(u"version"_s).toInt(), TemplateStore::FormatVersion);
}

void TestTemplateStore::updateAndRemovePersist() {
    TemplateStore store(path());
    QString error;
    QVERIFY(store.add(u"lab"_s, u"old"_s, labDistributors, &error));
    const DistributorConfigMap changed{{u"websocket"_s, json("{\"port\": \"${WS_PORT:-8080}\"}")}};
    QVERIFY(store.update(u"lab"_s, u"new"_s, changed, &error));
    QVERIFY(!store.update(u"nope"_s, u"x"_s, changed, &error));
    QCOMPARE(error, u"There is no custom template named \"nope\""_s);

    TemplateStore reread(path());
    reread.load();
    QCOMPARE(reread.find(u"lab"_s)->description, u"new"_s);
    QCOMPARE(reread.find(u"lab"_s)->distributors, changed);

    QVERIFY(store.remove(u"lab"_s, &error));
    QVERIFY(!store.remove(u"lab"_s, &error));
    reread.load();
    QVERIFY(reread.templates().isEmpty());
}

void TestTemplateStore::badNamesAreRefused_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("error");
    QTest::newRow("empty") << QString() << u"Template name must not be empty"_s;
    QTest::newRow("space") << u"my lab"_s
                           << u"Template name \"my lab\" may only contain letters A-Z and a-z, "
                              "digits, '_' and '-'"_s;
    QTest::newRow("umlaut") << u"l\u00e4b"_s
                            << u"Template name \"l\u00e4b\" may only contain letters A-Z and a-z, "
                               "digits, '_' and '-'"_s;
    QTest::newRow("slash") << u"../x"_s
                           << u"Template name \"../x\" may only contain letters A-Z and a-z, "
                              "digits, '_' and '-'"_s;
    QTest::newRow("built-in") << u"production"_s
                              << u"A template named \"production\" already exists"_s;
    QTest::newRow("taken") << u"mine"_s << u"A template named \"mine\" already exists"_s;
    QTest::newRow("too long") << QString(65, u'x')
                              << u"Template name must be at most 64 characters"_s;
}

void TestTemplateStore::badNamesAreRefused() {
    QFETCH(QString, name);
    QFETCH(QString, error);
    TemplateStore store(path());
    QString message;
    QVERIFY(store.add(u"mine"_s, QString(), labDistributors, &message));
    const QByteArray before = readAll(path());
    QVERIFY(!store.add(name, QString(), labDistributors, &message));
    QCOMPARE(message, error);
    QCOMPARE(store.names(), QStringList{u"mine"_s});
    QCOMPARE(readAll(path()), before);
}

void TestTemplateStore::corruptFileIsReportedAndKept_data() {
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<QString>("problem"); // after "<path>"
    QTest::newRow("not json") << QByteArray("{\n  \"format\": \"labrelay-templates\",\n  oops\n}")
                              << u":3:4: not valid JSON: "_s;
    QTest::newRow("wrong format")
        << QByteArray("{\"format\": \"something\", \"version\": 1, \"templates\": {}}")
        << u": not a LabRelay template file (expected \"format\": \"labrelay-templates\")"_s;
    QTest::newRow("newer version")
        << QByteArray("{\"format\": \"labrelay-templates\", \"version\": 7, \"templates\": {}}")
        << u": version: expected 1"_s;
    QTest::newRow("bad name")
        << QByteArray("{\"format\": \"labrelay-templates\", \"version\": 1, \"templates\": "
                      "{\"bad name\": {\"distributors\": {}}}}")
        << u": templates.bad name: Template name \"bad name\" may only contain"_s;
    QTest::newRow("wrong key type")
        << QByteArray("{\"format\": \"labrelay-templates\", \"version\": 1, \"templates\": "
                      "{\"lab\": {\"distributors\": {\"websocket\": {\"port\": \"x\", "
                      "\"compression\": 3}}}}}")
        << u": templates.lab.distributors.websocket.port: expected an integer 1-65535"_s;
    QTest::newRow("unknown type")
        << QByteArray("{\"format\": \"labrelay-templates\", \"version\": 1, \"templates\": "
                      "{\"lab\": {\"distributors\": {\"kafka\": {}}}}}")
        << u": templates.lab.distributors.kafka: unknown distributor type"_s;
}

void TestTemplateStore::corruptFileIsReportedAndKept() {
    QFETCH(QByteArray, contents);
    QFETCH(QString, problem);
    writeAll(path(), contents);
    TemplateStore store(path());
    const QStringList problems = store.load();
    QVERIFY2(!problems.isEmpty() && problems.first().startsWith(path() + problem),
             qPrintable(problems.join(u'\n')));
    QCOMPARE(readAll(path()), contents); // loading never rewrites

    // The first write keeps the unreadable file beside the new one.
    QString error;
    QVERIFY2(store.add(u"fresh"_s, QString(), labDistributors, &error), qPrintable(error));
    QVERIFY(!store.backupPath().isEmpty());
    QCOMPARE(readAll(store.backupPath()), contents);
    TemplateStore reread(path());
    QCOMPARE(reread.load(), QStringList());
    QCOMPARE(reread.names(), QStringList{u"fresh"_s});

    // Only once: later writes replace the now healthy file.
    QVERIFY(store.add(u"second"_s, QString(), labDistributors, &error));
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files).size(), 2);
}

void TestTemplateStore::goodEntriesOfAPartlyBadFileLoad() {
    writeAll(path(), "{\"format\": \"labrelay-templates\", \"version\": 1, \"templates\": {"
                     "\"good\": {\"description\": \"ok\", \"distributors\": {\"sse\": "
                     "{\"port\": 3002}}},"
                     "\"bad\": {\"distributors\": []}}}");
    TemplateStore store(path());
    const QStringList problems = store.load();
    QCOMPARE(problems, QStringList{path()
                                   + u": templates.bad.distributors: expected an object of "
                                     "distributor configs"_s});
    QCOMPARE(store.names(), QStringList{u"good"_s});
}

void TestTemplateStore::saveIsAtomic() {
    TemplateStore store(path());
    QString error;
    for (int i = 0; i < 5; ++i)
        QVERIFY(store.add(u"t%1"_s.arg(i), QString(), labDistributors, &error));
    // QSaveFile writes a temporary file and renames it over the old one: nothing else is left
    // in the folder, and the file is always a complete document.
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden),
             QStringList{u"templates.json"_s});
    QJsonParseError parseError;
    QJsonDocument::fromJson(readAll(path()), &parseError);
    QCOMPARE(parseError.error, QJsonParseError::NoError);
}

void TestTemplateStore::failedWriteChangesNothing() {
    // A folder where the file should be: the write fails however privileged the test runs.
    QVERIFY(QDir(m_dir->path()).mkdir(u"templates.json"_s));
    TemplateStore store(path());
    QString error;
    QVERIFY(!store.add(u"lab"_s, QString(), labDistributors, &error));
    QVERIFY2(error.startsWith(path() + u": cannot write: "_s), qPrintable(error));
    QVERIFY(store.templates().isEmpty());
}

void TestTemplateStore::registersIntoConfigManager() {
    TemplateStore store(path());
    QString error;
    QVERIFY(store.add(u"lab"_s, u"Lab"_s, labDistributors, &error));
    ConfigManager manager(Environment::fromValues({}));
    store.registerInto(manager);
    QVERIFY(manager.listTemplates().endsWith(u"lab"_s));
    QVERIFY(!manager.isBuiltInTemplate(u"lab"_s));
    SessionConfig options;
    options.templateName = u"lab"_s;
    const Result<SessionConfig> created = manager.createSessionConfig(options);
    QVERIFY2(created.ok(), qPrintable(created.error()));
    QCOMPARE(created->distributors.types(), (QStringList{u"mqtt"_s, u"http"_s}));
}

QTEST_GUILESS_MAIN(TestTemplateStore)
#include "tst_templatestore.moc"
