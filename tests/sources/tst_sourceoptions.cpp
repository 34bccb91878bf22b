// Validation of the synthetic source's and the recorder's options: good input gives the values,
// bad input a message naming the field and the rule, unknown keys by name.
#include "recordingoptions.h"
#include "syntheticoptions.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

namespace {

QJsonObject json(const char *text) {
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

} // namespace

class TestSourceOptions : public QObject {
    Q_OBJECT

private slots:
    void defaults();
    void goodSynthetic_data();
    void goodSynthetic();
    void badSynthetic_data();
    void badSynthetic();
    void severalErrorsAreJoined();
    void randomSeedIsReportedBack();
    void toJsonRoundTrips();
    void goodRecording();
    void badRecording_data();
    void badRecording();
};

void TestSourceOptions::defaults() {
    const Result<SyntheticOptions> result = SyntheticOptions::fromJson({});
    QVERIFY2(result.ok(), qPrintable(result.error()));
    const SyntheticOptions &o = result.value();
    QCOMPARE(o.mode, SyntheticOptions::Mode::Realistic);
    QCOMPARE(o.gazeRate, 200.0);
    QCOMPARE(o.pupilRate(), 200.0);
    QCOMPARE(o.imuRate, 0.0);
    QCOMPARE(o.deviceStatusRate, 0.2);
    QCOMPARE(o.qualityRate, 1.0);
    QCOMPARE(o.dropProbability, 0.0);
    QCOMPARE(o.jitterMs, 0.0);
    QCOMPARE(o.events.gaze, QStringLiteral("neon_gaze_data"));
    QCOMPARE(o.events.pupil, QStringLiteral("neon_pupil_data"));
    QCOMPARE(o.events.blink, QStringLiteral("neon_blink"));
    QCOMPARE(o.events.fixation, QStringLiteral("neon_fixation"));
    QCOMPARE(o.events.saccade, QStringLiteral("neon_saccade"));
    QCOMPARE(o.events.imu, QStringLiteral("neon_imu_data"));
    QCOMPARE(o.events.deviceStatus, QStringLiteral("neon_device_status"));
    QCOMPARE(o.events.quality, QStringLiteral("neon_quality_metrics"));
}

void TestSourceOptions::goodSynthetic_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QJsonValue>("expected");

    QTest::newRow("parity") << QByteArray("{\"mode\":\"parity\"}") << QStringLiteral("mode")
                            << QJsonValue(QStringLiteral("parity"));
    QTest::newRow("sample app") << QByteArray("{\"parityProfile\":\"sampleApp\"}")
                                << QStringLiteral("parityProfile")
                                << QJsonValue(QStringLiteral("sampleApp"));
    QTest::newRow("seed 0") << QByteArray("{\"seed\":0}") << QStringLiteral("seed")
                            << QJsonValue(0);
    QTest::newRow("seed max") << QByteArray("{\"seed\":9007199254740991}") << QStringLiteral("seed")
                              << QJsonValue(qint64(9007199254740991));
    QTest::newRow("gaze 1") << QByteArray("{\"gazeRate\":1}") << QStringLiteral("gazeRate")
                            << QJsonValue(1);
    QTest::newRow("gaze 2000") << QByteArray("{\"gazeRate\":2000}") << QStringLiteral("gazeRate")
                               << QJsonValue(2000);
    QTest::newRow("tobii 60") << QByteArray("{\"gazeRate\":60}") << QStringLiteral("pupilRate")
                              << QJsonValue(60);
    QTest::newRow("pupil half") << QByteArray("{\"pupilRate\":100}") << QStringLiteral("pupilRate")
                                << QJsonValue(100);
    QTest::newRow("pupil 40 of 200")
        << QByteArray("{\"pupilRate\":40}") << QStringLiteral("pupilRate") << QJsonValue(40);
    QTest::newRow("pupil 20 of 60") << QByteArray("{\"gazeRate\":60,\"pupilRate\":20}")
                                    << QStringLiteral("pupilRate") << QJsonValue(20);
    QTest::newRow("imu on") << QByteArray("{\"imuRate\":110}") << QStringLiteral("imuRate")
                            << QJsonValue(110);
    QTest::newRow("device off") << QByteArray("{\"deviceStatusRate\":0}")
                                << QStringLiteral("deviceStatusRate") << QJsonValue(0);
    QTest::newRow("drop 1") << QByteArray("{\"dropProbability\":1}")
                            << QStringLiteral("dropProbability") << QJsonValue(1);
    QTest::newRow("jitter") << QByteArray("{\"jitterMs\":12.5}") << QStringLiteral("jitterMs")
                            << QJsonValue(12.5);
    QTest::newRow("null is absent")
        << QByteArray("{\"gazeRate\":null}") << QStringLiteral("gazeRate") << QJsonValue(200);
}

void TestSourceOptions::goodSynthetic() {
    QFETCH(QByteArray, input);
    QFETCH(QString, key);
    QFETCH(QJsonValue, expected);
    const Result<SyntheticOptions> result =
        SyntheticOptions::fromJson(QJsonDocument::fromJson(input).object());
    QVERIFY2(result.ok(), qPrintable(result.error()));
    QCOMPARE(result->toJson().value(key), expected);
}

void TestSourceOptions::badSynthetic_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("error");

    QTest::newRow("mode") << QByteArray("{\"mode\":\"fast\"}")
                          << QStringLiteral("mode: expected one of \"realistic\", \"parity\"");
    QTest::newRow("mode type") << QByteArray("{\"mode\":1}")
                               << QStringLiteral("mode: expected one of \"realistic\", \"parity\"");
    QTest::newRow("profile") << QByteArray("{\"parityProfile\":\"x\"}")
                             << QStringLiteral(
                                    "parityProfile: expected one of \"device\", \"sampleApp\"");
    QTest::newRow("seed negative")
        << QByteArray("{\"seed\":-1}")
        << QStringLiteral("seed: expected an integer 0-9007199254740991");
    QTest::newRow("seed fraction")
        << QByteArray("{\"seed\":1.5}")
        << QStringLiteral("seed: expected an integer 0-9007199254740991");
    QTest::newRow("seed string") << QByteArray("{\"seed\":\"7\"}")
                                 << QStringLiteral("seed: expected an integer 0-9007199254740991");
    QTest::newRow("gaze 0") << QByteArray("{\"gazeRate\":0}")
                            << QStringLiteral("gazeRate: expected a number 1-2000");
    QTest::newRow("gaze 2001") << QByteArray("{\"gazeRate\":2001}")
                               << QStringLiteral("gazeRate: expected a number 1-2000");
    QTest::newRow("gaze string") << QByteArray("{\"gazeRate\":\"200\"}")
                                 << QStringLiteral("gazeRate: expected a number 1-2000");
    QTest::newRow("pupil not divisor")
        << QByteArray("{\"pupilRate\":70}")
        << QStringLiteral("pupilRate: expected gazeRate (200) divided by a whole number (200, "
                          "100, 50, ...)");
    QTest::newRow("pupil above gaze")
        << QByteArray("{\"pupilRate\":400}")
        << QStringLiteral("pupilRate: expected gazeRate (200) divided by a whole number (200, "
                          "100, 50, ...)");
    QTest::newRow("pupil 0") << QByteArray("{\"pupilRate\":0}")
                             << QStringLiteral("pupilRate: expected a number 0.001-2000");
    QTest::newRow("imu") << QByteArray("{\"imuRate\":-1}")
                         << QStringLiteral("imuRate: expected a number 0-1000");
    QTest::newRow("device") << QByteArray("{\"deviceStatusRate\":11}")
                            << QStringLiteral("deviceStatusRate: expected a number 0-10");
    QTest::newRow("quality") << QByteArray("{\"qualityRate\":true}")
                             << QStringLiteral("qualityRate: expected a number 0-100");
    QTest::newRow("drop") << QByteArray("{\"dropProbability\":1.01}")
                          << QStringLiteral("dropProbability: expected a number 0-1");
    QTest::newRow("jitter") << QByteArray("{\"jitterMs\":-5}")
                            << QStringLiteral("jitterMs: expected a number 0-1000");
    QTest::newRow("events type") << QByteArray("{\"events\":[]}")
                                 << QStringLiteral("events: expected an object");
    QTest::newRow("event empty") << QByteArray("{\"events\":{\"gaze\":\" \"}}")
                                 << QStringLiteral("events.gaze: expected a non-empty string");
    QTest::newRow("event unknown")
        << QByteArray("{\"events\":{\"gazes\":\"g\"}}")
        << QStringLiteral("events.gazes: unknown key (known keys: gaze, pupil, blink, fixation, "
                          "saccade, imu, deviceStatus, quality)");
    QTest::newRow("unknown key")
        << QByteArray("{\"rate\":200}")
        << QStringLiteral("rate: unknown key (known keys: mode, parityProfile, seed, gazeRate, "
                          "pupilRate, imuRate, deviceStatusRate, qualityRate, dropProbability, "
                          "jitterMs, events)");
}

void TestSourceOptions::badSynthetic() {
    QFETCH(QByteArray, input);
    QFETCH(QString, error);
    const Result<SyntheticOptions> result =
        SyntheticOptions::fromJson(QJsonDocument::fromJson(input).object());
    QVERIFY(!result.ok());
    QCOMPARE(result.error(), error);
}

void TestSourceOptions::severalErrorsAreJoined() {
    const Result<SyntheticOptions> result =
        SyntheticOptions::fromJson(json("{\"gazeRate\":0,\"jitterMs\":2000}"));
    QVERIFY(!result.ok());
    QCOMPARE(result.error(), QStringLiteral("gazeRate: expected a number 1-2000; "
                                            "jitterMs: expected a number 0-1000"));
}

void TestSourceOptions::randomSeedIsReportedBack() {
    const Result<SyntheticOptions> a = SyntheticOptions::fromJson({});
    const Result<SyntheticOptions> b = SyntheticOptions::fromJson({});
    QVERIFY(a.ok() && b.ok());
    QVERIFY(a->seed >= 0 && a->seed <= SyntheticOptions::MaxSeed);
    QVERIFY(a->seed != b->seed);
    QCOMPARE(a->toJson().value(QLatin1String("seed")).toInteger(), a->seed);
}

void TestSourceOptions::toJsonRoundTrips() {
    const Result<SyntheticOptions> first = SyntheticOptions::fromJson(
        json("{\"mode\":\"parity\",\"seed\":42,\"gazeRate\":120,\"pupilRate\":60,\"imuRate\":110,"
             "\"dropProbability\":0.1,\"jitterMs\":3,\"events\":{\"gaze\":\"g\"}}"));
    QVERIFY2(first.ok(), qPrintable(first.error()));
    const Result<SyntheticOptions> second = SyntheticOptions::fromJson(first->toJson());
    QVERIFY2(second.ok(), qPrintable(second.error()));
    QCOMPARE(second->toJson(), first->toJson());
    QCOMPARE(second->pupilDecimation, 2);
    QCOMPARE(second->events.gaze, QStringLiteral("g"));
}

void TestSourceOptions::goodRecording() {
    const Result<RecordingOptions> result = RecordingOptions::fromJson(
        json("{\"directory\":\"/tmp/rec\",\"maxBytes\":1024,\"keepFiles\":3}"));
    QVERIFY2(result.ok(), qPrintable(result.error()));
    QCOMPARE(result->directory, QStringLiteral("/tmp/rec"));
    QCOMPARE(result->maxBytes, 1024);
    QCOMPARE(result->keepFiles, 3);
    QCOMPARE(result->flushIntervalMs, 500);

    const Result<RecordingOptions> defaults =
        RecordingOptions::fromJson(json("{\"directory\":\"rec\"}"));
    QVERIFY(defaults.ok());
    QCOMPARE(defaults->maxBytes, qint64(64) * 1024 * 1024);
    QCOMPARE(defaults->keepFiles, 10);
}

void TestSourceOptions::badRecording_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("error");

    QTest::newRow("no directory") << QByteArray(
        "{}") << QStringLiteral("directory: required (the folder for the recording files)");
    QTest::newRow("empty directory") << QByteArray("{\"directory\":\"\"}")
                                     << QStringLiteral("directory: expected a non-empty string");
    QTest::newRow("maxBytes small")
        << QByteArray("{\"directory\":\"d\",\"maxBytes\":1023}")
        << QStringLiteral("maxBytes: expected an integer 1024-1099511627776");
    QTest::newRow("keepFiles 0") << QByteArray("{\"directory\":\"d\",\"keepFiles\":0}")
                                 << QStringLiteral("keepFiles: expected an integer 1-1000");
    QTest::newRow("flush") << QByteArray("{\"directory\":\"d\",\"flushIntervalMs\":5000}")
                           << QStringLiteral("flushIntervalMs: expected an integer 10-1000");
    QTest::newRow("unknown") << QByteArray("{\"directory\":\"d\",\"path\":\"x\"}")
                             << QStringLiteral("path: unknown key (known keys: directory, "
                                               "maxBytes, keepFiles, flushIntervalMs)");
}

void TestSourceOptions::badRecording() {
    QFETCH(QByteArray, input);
    QFETCH(QString, error);
    const Result<RecordingOptions> result =
        RecordingOptions::fromJson(QJsonDocument::fromJson(input).object());
    QVERIFY(!result.ok());
    QCOMPARE(result.error(), error);
}

QTEST_GUILESS_MAIN(TestSourceOptions)
#include "tst_sourceoptions.moc"
