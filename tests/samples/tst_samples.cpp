// The sample session configs in resources/samples, checked by the real `labrelay validate`.
#include "builtintemplates.h"
#include "environment.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QUrl>
#include <QtTest>

namespace {

const QString Loopback = QStringLiteral("127.0.0.1");

struct Run {
    bool finished = false;
    int exitCode = -1;
    QString out;
    QString err;
};

QString binary() {
    const QString fromCTest = qEnvironmentVariable("LABRELAY_BINARY");
    return fromCTest.isEmpty() ? QStringLiteral(LABRELAY_BINARY_FALLBACK) : fromCTest;
}

QDir samplesDir() {
    return QDir(QStringLiteral(LABRELAY_SAMPLES_DIR));
}

QByteArray readFile(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QJsonObject readObject(const QString &path) {
    return QJsonDocument::fromJson(readFile(path)).object();
}

// The caller's environment could point a sample elsewhere (LAB_DATABASE_URL=...); the samples
// must be valid as shipped, so every variable a template or the file reads is removed.
QProcessEnvironment cleanEnvironment(const QJsonObject &sample) {
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const EnvironmentVariableSpec &spec : BuiltInTemplates::variables())
        environment.remove(spec.name);
    for (const QString &name : Environment::referencedNames(sample))
        environment.remove(name);
    return environment;
}

Run validate(const QString &path, const QProcessEnvironment &environment) {
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(binary(), {QStringLiteral("validate"), path});
    Run run;
    run.finished = process.waitForFinished(30000);
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

// `${NAME:-default}` → default; other references stay (they are not addresses).
QString withDefaults(QString text) {
    static const QRegularExpression reference(
        QStringLiteral("\\$\\{[A-Za-z_][A-Za-z0-9_]*:-([^}]*)\\}"));
    return text.replace(reference, QStringLiteral("\\1"));
}

// Every address in `value` (host keys, URLs, "host:port" targets) with its key path.
void collectAddresses(const QJsonValue &value, const QString &path, const QString &key,
                      QList<std::pair<QString, QString>> &out) {
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.key() != QLatin1String("description"))
                collectAddresses(it.value(), path + QLatin1Char('.') + it.key(), it.key(), out);
        }
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            collectAddresses(array.at(i), path + QStringLiteral("[%1]").arg(i), key, out);
    } else if (value.isString()) {
        const QString text = withDefaults(value.toString());
        if (key == QLatin1String("host"))
            out.append({path, text});
        else if (text.contains(QLatin1String("://")))
            out.append({path, QUrl(text).host()});
        else if (key == QLatin1String("targets"))
            out.append({path, text.section(QLatin1Char(':'), 0, 0)});
    }
}

// The text of `path` with distributors.<type>.<key> set to `value`.
QString withKey(const QString &path, const QString &type, const QString &key,
                const QJsonValue &value) {
    QJsonObject root = readObject(path);
    QJsonObject distributors = root.value(QStringLiteral("distributors")).toObject();
    QJsonObject config = distributors.value(type).toObject();
    config.insert(key, value);
    distributors.insert(type, config);
    root.insert(QStringLiteral("distributors"), distributors);
    return QString::fromUtf8(QJsonDocument(root).toJson());
}

} // namespace

class TestSamples final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void everySampleIsListed();
    void validates_data();
    void validates();
    void isASessionFile_data();
    void isASessionFile();
    void talksToLoopbackOnly_data();
    void talksToLoopbackOnly();
    void brokenCopiesAreRejected_data();
    void brokenCopiesAreRejected();

private:
    void addSampleRows();

    QStringList m_samples;
    QTemporaryDir m_dir;
};

void TestSamples::initTestCase() {
    QVERIFY2(QFileInfo::exists(binary()), qPrintable(binary()));
    QVERIFY2(samplesDir().exists(), qPrintable(samplesDir().path()));
    QVERIFY(m_dir.isValid());
    m_samples = samplesDir().entryList({QStringLiteral("*")}, QDir::Files, QDir::Name);
    QVERIFY(!m_samples.isEmpty());
}

void TestSamples::everySampleIsListed() {
    // A renamed or deleted sample would silently drop out of the data-driven tests below.
    const QStringList expected{QStringLiteral("failover.labrelay.json"),
                               QStringLiteral("high-frequency.labrelay.json"),
                               QStringLiteral("loopback-all-five.labrelay.json"),
                               QStringLiteral("research-lab.labrelay.json")};
    QCOMPARE(m_samples, expected);
}

void TestSamples::addSampleRows() {
    QTest::addColumn<QString>("path");
    for (const QString &name : std::as_const(m_samples))
        QTest::newRow(qPrintable(name)) << samplesDir().filePath(name);
}

void TestSamples::validates_data() {
    addSampleRows();
}

void TestSamples::validates() {
    QFETCH(QString, path);
    const Run run = validate(path, cleanEnvironment(readObject(path)));
    QVERIFY2(run.finished, qPrintable(run.err));
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    QVERIFY2(run.out.startsWith(path + QStringLiteral(": valid\n")), qPrintable(run.out));
    QVERIFY2(!run.out.contains(QLatin1String("error:")), qPrintable(run.out));
}

void TestSamples::isASessionFile_data() {
    addSampleRows();
}

void TestSamples::isASessionFile() {
    QFETCH(QString, path);
    QVERIFY(path.endsWith(QLatin1String(".labrelay.json")));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(readFile(path), &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    QVERIFY(document.isObject());
    const QJsonObject root = document.object();
    QCOMPARE(root.value(QStringLiteral("format")).toString(), QStringLiteral("labrelay-session"));
    QCOMPARE(root.value(QStringLiteral("version")).toInt(), 1);
    // JSON has no comments: the description is what explains a sample to its reader.
    QVERIFY(root.value(QStringLiteral("description")).toString().size() > 40);
    QVERIFY(!root.value(QStringLiteral("sessionId")).toString().isEmpty());
    QVERIFY(root.value(QStringLiteral("eventRouting")).toObject().contains(QStringLiteral("*")));
}

void TestSamples::talksToLoopbackOnly_data() {
    addSampleRows();
}

void TestSamples::talksToLoopbackOnly() {
    QFETCH(QString, path);
    QList<std::pair<QString, QString>> addresses;
    collectAddresses(readObject(path), QString(), QString(), addresses);
    QVERIFY(!addresses.isEmpty());
    for (const auto &[keyPath, host] : std::as_const(addresses))
        QVERIFY2(host == Loopback, qPrintable(keyPath + QStringLiteral(" = ") + host));
}

void TestSamples::brokenCopiesAreRejected_data() {
    // Proves the check above can fail: each row breaks one sample in one field.
    QTest::addColumn<QString>("sample");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("variable");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("message");

    const QString all = samplesDir().filePath(QStringLiteral("loopback-all-five.labrelay.json"));
    const QString lab = samplesDir().filePath(QStringLiteral("research-lab.labrelay.json"));
    const QString failover = samplesDir().filePath(QStringLiteral("failover.labrelay.json"));
    const QString fast = samplesDir().filePath(QStringLiteral("high-frequency.labrelay.json"));

    QTest::newRow("broker scheme")
        << all
        << withKey(all, QStringLiteral("mqtt"), QStringLiteral("broker"),
                   QStringLiteral("tcp://127.0.0.1:1883"))
        << QString() << QString()
        << QStringLiteral("mqtt: MQTT broker must start with mqtt:// or mqtts://");
    QTest::newRow("failover broker")
        << failover
        << withKey(failover, QStringLiteral("mqtt"), QStringLiteral("failover"),
                   QJsonArray{
                       QJsonObject{{QStringLiteral("broker"), QStringLiteral("127.0.0.1:1884")}}})
        << QString() << QString()
        << QStringLiteral("failover[0]: MQTT broker must start with mqtt:// or mqtts://");
    QTest::newRow("udp compress type")
        << fast
        << withKey(fast, QStringLiteral("udp"), QStringLiteral("compress"), QStringLiteral("no"))
        << QString() << QString()
        << QStringLiteral("distributors.udp.compress: expected true or false");
    QTest::newRow("websocket port range")
        << fast << withKey(fast, QStringLiteral("websocket"), QStringLiteral("port"), 70000)
        << QString() << QString()
        << QStringLiteral("websocket: WebSocket distributor requires valid port (1-65535)");
    QTest::newRow("environment reference")
        << lab << QString::fromUtf8(readFile(lab)) << QStringLiteral("LAB_DATABASE_URL")
        << QStringLiteral("ftp://127.0.0.1/db")
        << QStringLiteral("http: HTTP baseUrl must start with http:// or https://");
}

void TestSamples::brokenCopiesAreRejected() {
    QFETCH(QString, sample);
    QFETCH(QString, text);
    QFETCH(QString, variable);
    QFETCH(QString, value);
    QFETCH(QString, message);

    const QString path = m_dir.filePath(QFileInfo(sample).fileName());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text.toUtf8());
    file.close();

    QProcessEnvironment environment = cleanEnvironment(readObject(sample));
    if (!variable.isEmpty())
        environment.insert(variable, value);
    const Run run = validate(path, environment);
    QVERIFY2(run.finished, qPrintable(run.err));
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.startsWith(path + QStringLiteral(": invalid\n")), qPrintable(run.out));
    QVERIFY2(run.out.contains(message), qPrintable(run.out));
}

QTEST_GUILESS_MAIN(TestSamples)
#include "tst_samples.moc"
