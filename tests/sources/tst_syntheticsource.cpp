// The synthetic eye tracker, driven by generateUntil() in simulated time: parity formulas,
// realistic statistics, exact rates, reproducibility, loss/jitter injection, the catch-up cap,
// and the real timer path.
#include "paritygazemodel.h"
#include "sourcetesthelpers.h"

#include <QJsonArray>
#include <QtTest>

#include <cmath>

namespace {

const QString Gaze = QStringLiteral("neon_gaze_data");
const QString Pupil = QStringLiteral("neon_pupil_data");
const QString Blink = QStringLiteral("neon_blink");
const QString Fixation = QStringLiteral("neon_fixation");
const QString Saccade = QStringLiteral("neon_saccade");
const QString Imu = QStringLiteral("neon_imu_data");
const QString Status = QStringLiteral("neon_device_status");
const QString Quality = QStringLiteral("neon_quality_metrics");
constexpr qint64 Origin = 1700000000000;

double num(const QJsonObject &o, const char *key) {
    return o.value(QLatin1String(key)).toDouble();
}

QJsonObject obj(const QJsonObject &o, const char *key) {
    return o.value(QLatin1String(key)).toObject();
}

} // namespace

class TestSyntheticSource : public QObject {
    Q_OBJECT

private slots:
    void gazePayloadShape();
    void parityDeviceFormulas();
    void parityReflectsAtTheBorders();
    void paritySampleApp();
    void realisticStatistics();
    void ratesOverTenSeconds_data();
    void ratesOverTenSeconds();
    void timestampsDoNotDrift();
    void sameSeedSameOutput();
    void differentSeedDifferentOutput();
    void imuAndDeviceStatusPayloads();
    void dropInjection();
    void jitterInjection();
    void catchUpIsCappedAndCounted();
    void timerEmitsAndStopStops();
};

void TestSyntheticSource::gazePayloadShape() {
    Captured captured;
    auto source = capturingSource({{QStringLiteral("seed"), 1}}, captured);
    source->generateUntil(5);
    const QList<QJsonObject> gaze = captured.of(Gaze);
    QCOMPARE(gaze.size(), 1);
    const QJsonObject g = gaze.first();
    for (const char *key : {"x", "y", "confidence", "timestamp", "worn", "leftPupil", "rightPupil"})
        QVERIFY2(g.contains(QLatin1String(key)), key);
    QCOMPARE(g.value(QLatin1String("timestamp")).toInteger(), Origin);
    QCOMPARE(g.value(QLatin1String("worn")).toBool(), true);
    const QJsonObject left = obj(g, "leftPupil");
    QVERIFY(left.contains(QLatin1String("diameter")));
    QVERIFY(obj(left, "center").contains(QLatin1String("x")));
    QVERIFY(obj(left, "center").contains(QLatin1String("y")));
    QCOMPARE(captured.events.first().name, Status); // the headset introduces itself first
    QCOMPARE(captured.events.at(1).name, Gaze);
}

void TestSyntheticSource::parityDeviceFormulas() {
    Captured captured;
    auto source = capturingSource(
        {{QStringLiteral("mode"), QStringLiteral("parity")}, {QStringLiteral("seed"), 7}},
        captured);
    source->generateUntil(20000);
    const QList<QJsonObject> gaze = captured.of(Gaze);
    QCOMPARE(gaze.size(), 4000);
    double x = 0.5;
    double y = 0.5;
    double directionX = 1;
    double directionY = 1;
    for (int i = 0; i < gaze.size(); ++i) {
        const QJsonObject &g = gaze.at(i);
        const double elapsed = i * 5.0;
        const double nx = num(g, "x");
        const double ny = num(g, "y");
        QVERIFY(nx >= 0 && nx <= 1 && ny >= 0 && ny <= 1);
        // Away from the borders each step is the drift ± 0.005 noise (plus rounding).
        if (nx > 0 && nx < 1)
            QVERIFY2(std::abs((nx - x) * directionX - 0.02) <= 0.00501,
                     qPrintable(QString::number(i)));
        if (ny > 0 && ny < 1)
            QVERIFY(std::abs((ny - y) * directionY - 0.01) <= 0.00501);
        if (nx <= 0 || nx >= 1)
            directionX = -directionX;
        if (ny <= 0 || ny >= 1)
            directionY = -directionY;
        x = nx;
        y = ny;
        const double confidence = num(g, "confidence");
        QVERIFY(confidence >= 0.8 && confidence <= 1.0);
        const QJsonObject left = obj(g, "leftPupil");
        const QJsonObject right = obj(g, "rightPupil");
        QCOMPARE(num(left, "diameter"),
                 std::round(ParityGazeModel::leftDiameter(elapsed) * 1e4) / 1e4);
        QCOMPARE(num(right, "diameter"),
                 std::round(ParityGazeModel::rightDiameter(elapsed) * 1e4) / 1e4);
        QVERIFY(std::abs(num(left, "diameter") - (3.2 + 0.5 * std::sin(elapsed / 5000))) < 1e-4);
        QVERIFY(std::abs(num(obj(left, "center"), "x") - (nx - 0.01)) < 2e-5);
        QVERIFY(std::abs(num(obj(right, "center"), "x") - (nx + 0.01)) < 2e-5);
        QVERIFY(std::abs(num(obj(left, "center"), "y") - ny) < 2e-5);
    }
    // The device profile has no eye events.
    QCOMPARE(captured.count(Fixation) + captured.count(Saccade) + captured.count(Blink), 0);
}

void TestSyntheticSource::parityReflectsAtTheBorders() {
    Captured captured;
    auto source = capturingSource(
        {{QStringLiteral("mode"), QStringLiteral("parity")}, {QStringLiteral("seed"), 3}},
        captured);
    source->generateUntil(1000); // 200 steps of ~0.02: x crosses [0, 1] several times
    const QList<QJsonObject> gaze = captured.of(Gaze);
    int reflections = 0;
    for (int i = 1; i + 1 < gaze.size(); ++i) {
        const double x = num(gaze.at(i), "x");
        if (x != 1.0 && x != 0.0)
            continue;
        ++reflections;
        // Clamped at the border, then heading back inside.
        const double next = num(gaze.at(i + 1), "x");
        QVERIFY2(x == 1.0 ? next < 1.0 : next > 0.0, qPrintable(QString::number(i)));
        QVERIFY(std::abs(next - x) >= 0.0149);
    }
    QVERIFY2(reflections >= 3, qPrintable(QString::number(reflections)));
}

void TestSyntheticSource::paritySampleApp() {
    Captured captured;
    auto source = capturingSource({{QStringLiteral("mode"), QStringLiteral("parity")},
                                   {QStringLiteral("parityProfile"), QStringLiteral("sampleApp")},
                                   {QStringLiteral("gazeRate"), 20},
                                   {QStringLiteral("seed"), 5}},
                                  captured);
    source->generateUntil(200000);
    const QList<QJsonObject> gaze = captured.of(Gaze);
    QCOMPARE(gaze.size(), 4000);
    for (int i = 0; i < gaze.size(); ++i) {
        const double t = i * 50.0;
        QVERIFY(std::abs(num(gaze.at(i), "x") - (0.5 + 0.3 * std::sin(t / 1000))) < 1e-5);
        QVERIFY(std::abs(num(gaze.at(i), "y") - (0.5 + 0.3 * std::cos(t / 1000))) < 1e-5);
        QVERIFY(num(gaze.at(i), "confidence") >= 0.85);
    }
    // A fixation with probability 0.05 per sample: about 200 of 4000.
    const QList<QJsonObject> fixations = captured.of(Fixation);
    QVERIFY2(fixations.size() > 150 && fixations.size() < 250,
             qPrintable(QString::number(fixations.size())));
    for (const QJsonObject &f : fixations) {
        QVERIFY(num(f, "duration") >= 200 && num(f, "duration") <= 500);
        QVERIFY(f.contains(QLatin1String("timestamp")));
    }
}

void TestSyntheticSource::realisticStatistics() {
    // Ten simulated minutes, checked as they stream past (keeping 240 000 payloads would be slow).
    QList<QJsonObject> fixations;
    QList<QJsonObject> saccades;
    QList<QJsonObject> blinks;
    int blinkSamples = 0;
    QStringList problems;
    const auto check = [&problems](bool ok, const QString &what) {
        if (!ok && problems.size() < 10)
            problems.append(what);
    };
    SyntheticSource source(
        syntheticOptions({{QStringLiteral("seed"), 11}}),
        [&](const QString &event, const QJsonValue &value) {
            const QJsonObject data = value.toObject();
            if (event == Fixation) {
                fixations.append(data);
            } else if (event == Saccade) {
                saccades.append(data);
            } else if (event == Blink) {
                blinks.append(data);
            } else if (event == Gaze) {
                check(num(data, "x") >= 0 && num(data, "x") <= 1, QStringLiteral("x in [0, 1]"));
                check(num(data, "y") >= 0 && num(data, "y") <= 1, QStringLiteral("y in [0, 1]"));
                // During a blink: confidence 0 and no pupils; otherwise pupils within 2–8 mm.
                if (!data.contains(QLatin1String("leftPupil"))) {
                    ++blinkSamples;
                    check(num(data, "confidence") == 0, QStringLiteral("confidence 0 in a blink"));
                    check(!data.contains(QLatin1String("rightPupil")),
                          QStringLiteral("no right pupil in a blink"));
                    return;
                }
                check(num(data, "confidence") > 0, QStringLiteral("confidence outside blinks"));
                for (const char *eye : {"leftPupil", "rightPupil"}) {
                    const double d = num(obj(data, eye), "diameter");
                    check(d >= 2 && d <= 8, QStringLiteral("diameter %1").arg(d));
                }
            }
        });
    constexpr qint64 Minutes = 10;
    source.generateUntil(Minutes * 60000);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral(", "))));

    QVERIFY(!fixations.isEmpty());
    int typical = 0;
    for (const QJsonObject &f : std::as_const(fixations)) {
        const double duration = num(f, "duration");
        QVERIFY2(duration >= 100 && duration <= 600, qPrintable(QString::number(duration)));
        typical += duration >= 200 && duration <= 400;
        QVERIFY(num(f, "x") >= 0 && num(f, "x") <= 1);
    }
    QVERIFY2(typical > fixations.size() / 2, "most fixations last 200-400 ms");

    QVERIFY(std::abs(saccades.size() - fixations.size()) <= 1); // they alternate
    for (const QJsonObject &s : std::as_const(saccades)) {
        QVERIFY(num(s, "duration") >= 20 && num(s, "duration") <= 80);
        QVERIFY(num(s, "distance") > 0 && num(s, "distance") <= 0.4 + 1e-9);
        QVERIFY(num(s, "endIndex") >= num(s, "startIndex"));
        QVERIFY(num(s, "peakVelocity") > 0);
    }

    const double perMinute = double(blinks.size()) / Minutes;
    QVERIFY2(perMinute >= 14 && perMinute <= 21, qPrintable(QString::number(perMinute)));
    double blinkMs = 0;
    for (const QJsonObject &b : std::as_const(blinks)) {
        QVERIFY(num(b, "duration") >= 100 && num(b, "duration") <= 400);
        blinkMs += num(b, "duration");
    }
    // Blink samples ≈ total blink time × 200 Hz.
    QVERIFY(std::abs(blinkSamples - blinkMs / 5) <= blinks.size() + 2);
}

void TestSyntheticSource::ratesOverTenSeconds_data() {
    QTest::addColumn<QJsonObject>("options");
    QTest::addColumn<int>("gaze");
    QTest::addColumn<int>("pupil");
    QTest::addColumn<int>("imu");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("quality");

    QTest::newRow("defaults") << QJsonObject{} << 2000 << 2000 << 0 << 2 << 9;
    QTest::newRow("pupil decimated")
        << QJsonObject{{QStringLiteral("pupilRate"), 50}} << 2000 << 500 << 0 << 2 << 9;
    QTest::newRow("imu on") << QJsonObject{{QStringLiteral("imuRate"), 110}} << 2000 << 2000 << 1100
                            << 2 << 9;
    QTest::newRow("tobii 60 Hz") << QJsonObject{{QStringLiteral("gazeRate"), 60},
                                                {QStringLiteral("qualityRate"), 2}}
                                 << 600 << 600 << 0 << 2 << 19;
    QTest::newRow("streams off") << QJsonObject{{QStringLiteral("deviceStatusRate"), 0},
                                                {QStringLiteral("qualityRate"), 0}}
                                 << 2000 << 2000 << 0 << 0 << 0;
    QTest::newRow("parity") << QJsonObject{{QStringLiteral("mode"), QStringLiteral("parity")}}
                            << 2000 << 2000 << 0 << 2 << 9;
}

void TestSyntheticSource::ratesOverTenSeconds() {
    QFETCH(QJsonObject, options);
    QFETCH(int, gaze);
    QFETCH(int, pupil);
    QFETCH(int, imu);
    QFETCH(int, status);
    QFETCH(int, quality);
    options.insert(QStringLiteral("seed"), 2);
    Captured captured;
    auto source = capturingSource(options, captured);
    // In uneven steps: the counts depend only on the source time reached.
    for (qint64 t : {1, 333, 334, 5000, 7777, 10000})
        source->generateUntil(t);
    QCOMPARE(captured.count(Gaze), gaze);
    QCOMPARE(captured.count(Pupil), pupil);
    QCOMPARE(captured.count(Imu), imu);
    QCOMPARE(captured.count(Status), status);
    QCOMPARE(captured.count(Quality), quality);
    QCOMPARE(source->counters().generated.value(Gaze), quint64(gaze));
    QCOMPARE(source->counters().skipped, quint64(0));
    QCOMPARE(source->elapsedMs(), 10000);
    if (quality > 0) {
        const QJsonObject first = captured.of(Quality).first();
        QCOMPARE(num(first, "samples"), num(first, "expectedSamples"));
        QVERIFY(num(first, "meanConfidence") > 0.5);
    }
}

void TestSyntheticSource::timestampsDoNotDrift() {
    QList<qint64> timestamps;
    SyntheticSource source(
        syntheticOptions({{QStringLiteral("gazeRate"), 60}, {QStringLiteral("seed"), 1}}),
        [&timestamps](const QString &event, const QJsonValue &data) {
            if (event == Gaze)
                timestamps.append(data[QLatin1String("timestamp")].toInteger());
        });
    source.setEpochOriginMs(Origin);
    source.generateUntil(600000); // ten simulated minutes at 60 Hz
    QCOMPARE(timestamps.size(), 36000);
    for (int i = 0; i < timestamps.size(); ++i) {
        if (timestamps.at(i) != Origin + qint64(std::floor(i * 1000.0 / 60)))
            QFAIL(qPrintable(QStringLiteral("sample %1 at %2").arg(i).arg(timestamps.at(i))));
    }
    QCOMPARE(timestamps.last(), Origin + 599983);
}

void TestSyntheticSource::sameSeedSameOutput() {
    const QJsonObject options{{QStringLiteral("seed"), 1234},
                              {QStringLiteral("imuRate"), 110},
                              {QStringLiteral("dropProbability"), 0.05}};
    Captured a;
    Captured b;
    auto first = capturingSource(options, a);
    auto second = capturingSource(options, b);
    first->generateUntil(30000);
    for (qint64 t = 0; t <= 30000; t += 7) // other steps, same source time
        second->generateUntil(t);
    second->generateUntil(30000);
    QCOMPARE(a.events.size(), b.events.size());
    for (int i = 0; i < a.events.size(); ++i) {
        QCOMPARE(a.events.at(i).name, b.events.at(i).name);
        QCOMPARE(a.events.at(i).data, b.events.at(i).data);
    }
    QCOMPARE(first->counters().dropped, second->counters().dropped);
}

void TestSyntheticSource::differentSeedDifferentOutput() {
    Captured a;
    Captured b;
    auto first = capturingSource({{QStringLiteral("seed"), 1}}, a);
    auto second = capturingSource({{QStringLiteral("seed"), 2}}, b);
    first->generateUntil(1000);
    second->generateUntil(1000);
    QCOMPARE(a.count(Gaze), b.count(Gaze));
    int differing = 0;
    for (int i = 0; i < a.count(Gaze); ++i)
        differing += a.of(Gaze).at(i) != b.of(Gaze).at(i);
    QVERIFY(differing > a.count(Gaze) / 2);
}

void TestSyntheticSource::imuAndDeviceStatusPayloads() {
    Captured captured;
    auto source =
        capturingSource({{QStringLiteral("seed"), 9}, {QStringLiteral("imuRate"), 110}}, captured);
    source->generateUntil(60000);
    for (const QJsonObject &status : captured.of(Status)) {
        QVERIFY(num(status, "battery") >= 5 && num(status, "battery") <= 100);
        QCOMPARE(status.value(QLatin1String("charging")).toBool(true), false);
        QVERIFY(std::abs(num(status, "temperature") - 25) <= 2);
        QCOMPARE(obj(status, "calibration").value(QLatin1String("status")).toString(),
                 QStringLiteral("valid"));
        QCOMPARE(obj(status, "calibration").value(QLatin1String("timestamp")).toInteger(), Origin);
    }
    QCOMPARE(captured.count(Status), 12);
    for (const QJsonObject &imu : captured.of(Imu)) {
        const QJsonObject q = obj(imu, "quaternion");
        const double norm = std::sqrt(num(q, "w") * num(q, "w") + num(q, "x") * num(q, "x")
                                      + num(q, "y") * num(q, "y") + num(q, "z") * num(q, "z"));
        QVERIFY(std::abs(norm - 1) < 1e-3);
        QVERIFY(obj(imu, "gyroscope").contains(QLatin1String("z")));
        QVERIFY(std::abs(num(obj(imu, "accelerometer"), "z") - 1) < 0.2); // gravity, in g
        QVERIFY(imu.contains(QLatin1String("timestamp")));
    }
}

void TestSyntheticSource::dropInjection() {
    const auto total = [](const SyntheticSource::Counters &counters) {
        quint64 sum = 0;
        for (quint64 n : counters.generated)
            sum += n;
        return sum;
    };
    Captured clean;
    auto reference = capturingSource({{QStringLiteral("seed"), 4}}, clean);
    reference->generateUntil(10000);
    Captured captured;
    auto source = capturingSource(
        {{QStringLiteral("seed"), 4}, {QStringLiteral("dropProbability"), 0.2}}, captured);
    source->generateUntil(10000);
    // Loss draws from its own random stream: the same events exist, some are not handed over.
    const SyntheticSource::Counters &counters = source->counters();
    QCOMPARE(total(counters) + counters.dropped, total(reference->counters()));
    QCOMPARE(total(counters), quint64(captured.events.size()));
    const double gazeLoss = 1.0 - captured.count(Gaze) / 2000.0;
    QVERIFY2(gazeLoss > 0.15 && gazeLoss < 0.25, qPrintable(QString::number(gazeLoss)));
    int reportedDrops = 0;
    for (const QJsonObject &q : captured.of(Quality))
        reportedDrops += int(num(q, "dropped"));
    QVERIFY(reportedDrops > 0);
}

void TestSyntheticSource::jitterInjection() {
    Captured captured;
    auto source =
        capturingSource({{QStringLiteral("seed"), 6}, {QStringLiteral("jitterMs"), 20}}, captured);
    source->generateUntil(5000);
    // Everything due 20 ms before the end has arrived, nothing due 20 ms after it; the order
    // is shuffled by the delays.
    QVERIFY(captured.count(Gaze) >= 996 && captured.count(Gaze) <= 1004);
    const QList<QJsonObject> gaze = captured.of(Gaze);
    int outOfOrder = 0;
    for (int i = 1; i < gaze.size(); ++i)
        outOfOrder += num(gaze.at(i), "timestamp") < num(gaze.at(i - 1), "timestamp");
    QVERIFY(outOfOrder > 10);
    source->generateUntil(5100);
    QVERIFY(captured.count(Gaze) >= 1016 && captured.count(Gaze) <= 1024);
}

void TestSyntheticSource::catchUpIsCappedAndCounted() {
    Captured captured;
    auto source = capturingSource({{QStringLiteral("seed"), 8}}, captured);
    source->advanceTo(100);
    QCOMPARE(captured.count(Gaze), 20);
    // A 10 s stall: only the last MaxCatchUpMs are emitted, the rest counted as skipped.
    source->advanceTo(10100);
    const int catchUp = int(SyntheticSource::MaxCatchUpMs / 5);
    QCOMPARE(captured.count(Gaze), 20 + catchUp);
    // Skipped: gaze samples 20–1969, device status at 5000 ms, quality reports at 1–9 s.
    QCOMPARE(source->counters().skipped, quint64(1950 + 1 + 9));
    const QList<QJsonObject> gaze = captured.of(Gaze);
    QCOMPARE(gaze.at(20).value(QLatin1String("timestamp")).toInteger(),
             Origin + 10100 - SyntheticSource::MaxCatchUpMs);
    source->advanceTo(10200);
    QCOMPARE(captured.count(Gaze), 20 + catchUp + 20);
}

void TestSyntheticSource::timerEmitsAndStopStops() {
    Captured captured;
    auto source = capturingSource({{QStringLiteral("seed"), 10}}, captured);
    QSignalSpy running(source.get(), &SyntheticSource::runningChanged);
    source->start();
    QVERIFY(source->isRunning());
    QCOMPARE(running.size(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(captured.count(Gaze) >= 40, 5000);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 first = captured.of(Gaze).first().value(QLatin1String("timestamp")).toInteger();
    QVERIFY(std::abs(first - now) < 5000); // mapped to the wall clock
    source->stop();
    QVERIFY(!source->isRunning());
    QCOMPARE(running.size(), 2);
    const int stoppedAt = captured.count(Gaze);
    // Another object's timer firing proves the event loop ran while the source stayed quiet.
    QTimer probe;
    QSignalSpy probed(&probe, &QTimer::timeout);
    probe.start(50);
    QVERIFY(probed.wait(2000));
    QCOMPARE(captured.count(Gaze), stoppedAt);
}

QTEST_GUILESS_MAIN(TestSyntheticSource)
#include "tst_syntheticsource.moc"
