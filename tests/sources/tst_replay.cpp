// Replaying recordings: the scaled due times (pure), replay at speed 0 in bounded batches, at a
// high speed with every event on or after its due time, stop and pause, malformed lines, and
// record → replay reproducing the events in order (also for a synthetic session's stream).
#include "recorder.h"
#include "replaysource.h"
#include "sourcetesthelpers.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

namespace {

// Records `count` envelopes `spacingMs` apart and returns the files.
QStringList recordSeries(const QTemporaryDir &dir, int count, qint64 spacingMs,
                         qint64 maxBytes = 1024 * 1024) {
    RecordingOptions options;
    options.directory = dir.path();
    options.maxBytes = maxBytes;
    options.keepFiles = 1000;
    Recorder recorder(QStringLiteral("s1"), options);
    if (!recorder.start())
        return {};
    for (int i = 0; i < count; ++i) {
        recorder.record(
            *makeEnvelope(i % 3 == 0 ? QStringLiteral("marker") : QStringLiteral("neon_gaze_data"),
                          QStringLiteral("s1"), quint64(i + 1), 1700000000000 + i * spacingMs,
                          QJsonObject{{QStringLiteral("i"), i}}));
    }
    recorder.close();
    return recorder.files();
}

} // namespace

class TestReplay : public QObject {
    Q_OBJECT

private slots:
    void dueMs_data();
    void dueMs();
    void replayAtSpeedZeroInBatches();
    void replayAtHighSpeedKeepsTiming();
    void recordThenReplayReproducesEvents();
    void syntheticSessionRoundTrip();
    void malformedLinesAreSkipped();
    void unreadableRecording();
    void emptyRecordingFinishes();
    void stopFromTheCallback();
    void pauseHoldsTheReplay();
};

void TestReplay::dueMs_data() {
    QTest::addColumn<qint64>("first");
    QTest::addColumn<qint64>("timestamp");
    QTest::addColumn<double>("speed");
    QTest::addColumn<qint64>("due");

    QTest::newRow("first event") << qint64(1000) << qint64(1000) << 1.0 << qint64(0);
    QTest::newRow("real time") << qint64(1000) << qint64(3000) << 1.0 << qint64(2000);
    QTest::newRow("twice as fast") << qint64(1000) << qint64(3000) << 2.0 << qint64(1000);
    QTest::newRow("half speed") << qint64(1000) << qint64(3000) << 0.5 << qint64(4000);
    QTest::newRow("as fast as possible") << qint64(1000) << qint64(3000) << 0.0 << qint64(0);
    QTest::newRow("clock stepped back") << qint64(1000) << qint64(400) << 1.0 << qint64(0);
    QTest::newRow("rounds down") << qint64(0) << qint64(10) << 3.0 << qint64(3);
    QTest::newRow("long recording")
        << qint64(1700000000000) << qint64(1700086400000) << 100.0 << qint64(864000);
}

void TestReplay::dueMs() {
    QFETCH(qint64, first);
    QFETCH(qint64, timestamp);
    QFETCH(double, speed);
    QFETCH(qint64, due);
    QCOMPARE(ReplaySource::dueMs(first, timestamp, speed), due);
}

void TestReplay::replayAtSpeedZeroInBatches() {
    QTemporaryDir dir;
    constexpr int Count = 2000;
    // An hour apart in the recording: speed 0 ignores the spacing.
    const QStringList files = recordSeries(dir, Count, 3600000);
    QList<quint64> seqs;
    ReplaySource replay(files, 0, [&seqs](const RecordedEvent &e) { seqs.append(e.seq); });
    QSignalSpy progress(&replay, &ReplaySource::progressChanged);
    QSignalSpy finished(&replay, &ReplaySource::finished);
    QVERIFY(replay.start());
    QCOMPARE(replay.progress().total, Count);
    QVERIFY(seqs.isEmpty()); // nothing before the event loop runs
    QVERIFY(finished.wait(10000));
    QCOMPARE(seqs.size(), Count);
    for (int i = 0; i < Count; ++i)
        QCOMPARE(seqs.at(i), quint64(i + 1));
    // Bounded batches: one progress report per turn of the event loop.
    QVERIFY(progress.size() >= Count / ReplaySource::MaxBatch);
    for (const QList<QVariant> &report : progress)
        QVERIFY(report.at(0).toLongLong() <= Count);
    QCOMPARE(progress.last().at(0).toLongLong(), qint64(Count));
    QCOMPARE(replay.progress().done, Count);
    QVERIFY(!replay.isRunning());
}

void TestReplay::replayAtHighSpeedKeepsTiming() {
    QTemporaryDir dir;
    constexpr int Count = 40;
    constexpr qint64 SpacingMs = 50; // 1.95 s recorded
    constexpr double Speed = 13;     // 150 ms replayed
    const QStringList files = recordSeries(dir, Count, SpacingMs);
    QElapsedTimer clock;
    QList<RecordedEvent> events;
    QList<qint64> emittedAt;
    ReplaySource replay(files, Speed, [&](const RecordedEvent &e) {
        events.append(e);
        emittedAt.append(clock.elapsed());
    });
    QSignalSpy finished(&replay, &ReplaySource::finished);
    clock.start();
    QVERIFY(replay.start());
    QVERIFY(finished.wait(10000));
    QCOMPARE(events.size(), Count);
    for (int i = 0; i < Count; ++i) {
        QCOMPARE(events.at(i).seq, quint64(i + 1));
        // Never early: each event leaves on or after its scaled due time.
        QVERIFY2(emittedAt.at(i) >= ReplaySource::dueMs(events.first().timestamp,
                                                        events.at(i).timestamp, Speed),
                 qPrintable(QString::number(i)));
    }
    QVERIFY(clock.elapsed() >= qint64((Count - 1) * SpacingMs / Speed));
}

void TestReplay::recordThenReplayReproducesEvents() {
    QTemporaryDir dir;
    const QList<QJsonValue> payloads = {
        QJsonObject{{QStringLiteral("x"), 0.523}, {QStringLiteral("y"), 0.412}},
        QJsonArray{1, 2.5, QStringLiteral("drei"), QJsonValue(QJsonValue::Null)},
        QStringLiteral("text with \"quotes\", a\nnewline and ü/€"),
        QJsonValue(42),
        QJsonValue(true),
        QJsonValue(QJsonValue::Null),
        QJsonObject{{QStringLiteral("nested"),
                     QJsonObject{{QStringLiteral("deep"), QJsonArray{QJsonObject{}}}}}}};
    QList<EnvelopePtr> recorded;
    RecordingOptions options;
    options.directory = dir.path();
    options.maxBytes = 1024; // several files
    options.keepFiles = 1000;
    Recorder recorder(QStringLiteral("study-001"), options);
    QVERIFY(recorder.start());
    for (int i = 0; i < 60; ++i) {
        const QString event = QStringLiteral("event_%1").arg(i % 5);
        recorded.append(makeEnvelope(event, QStringLiteral("study-001"), quint64(100 + i),
                                     1700000000000 + i * 7, payloads.at(i % payloads.size())));
        recorder.record(*recorded.last());
    }
    recorder.close();
    QVERIFY(recorder.files().size() > 3);

    QList<RecordedEvent> replayed;
    ReplaySource replay(recorder.files(), 0,
                        [&replayed](const RecordedEvent &e) { replayed.append(e); });
    QSignalSpy finished(&replay, &ReplaySource::finished);
    QVERIFY(replay.start());
    QVERIFY(finished.wait(5000));
    QCOMPARE(replayed.size(), recorded.size());
    for (int i = 0; i < recorded.size(); ++i) {
        QCOMPARE(replayed.at(i).event, recorded.at(i)->event);
        QCOMPARE(replayed.at(i).sessionId, recorded.at(i)->sessionId);
        QCOMPARE(replayed.at(i).seq, recorded.at(i)->seq);
        QCOMPARE(replayed.at(i).timestamp, recorded.at(i)->timestamp);
        QCOMPARE(replayed.at(i).data, recorded.at(i)->data());
    }
    QCOMPARE(replay.reader().malformedLines(), 0);
}

void TestReplay::syntheticSessionRoundTrip() {
    // What the engine will do: the synthetic source's events are stamped into envelopes and
    // recorded; the replay hands back the same stream.
    QTemporaryDir dir;
    RecordingOptions options;
    options.directory = dir.path();
    Recorder recorder(QStringLiteral("demo"), options);
    QVERIFY(recorder.start());
    QList<QPair<QString, QJsonValue>> routed;
    quint64 seq = 0;
    SyntheticSource source(syntheticOptions({{QStringLiteral("seed"), 99}}),
                           [&](const QString &event, const QJsonValue &data) {
                               routed.append({event, data});
                               ++seq;
                               recorder.record(*makeEnvelope(event, QStringLiteral("demo"), seq,
                                                             1700000000000 + qint64(seq), data));
                           });
    source.generateUntil(3000);
    recorder.close();
    QVERIFY(routed.size() > 1200);

    int index = 0;
    bool same = true;
    ReplaySource replay(recorder.files(), 0, [&](const RecordedEvent &e) {
        same = same && index < routed.size() && routed.at(index).first == e.event
               && routed.at(index).second == e.data && e.seq == quint64(index + 1);
        ++index;
    });
    QSignalSpy finished(&replay, &ReplaySource::finished);
    QVERIFY(replay.start());
    QVERIFY(finished.wait(5000));
    QCOMPARE(index, routed.size());
    QVERIFY(same);
}

void TestReplay::malformedLinesAreSkipped() {
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("r.jsonl")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"event\":\"a\",\"timestamp\":1}\n"
               "not json\n"
               "{\"event\":\"b\",\"timestamp\":2}\n"
               "{\"timestamp\":3}\n");
    file.close();
    QStringList events;
    ReplaySource replay({file.fileName()}, 0,
                        [&events](const RecordedEvent &e) { events.append(e.event); });
    QSignalSpy finished(&replay, &ReplaySource::finished);
    QVERIFY(replay.start());
    QVERIFY(finished.wait(5000));
    QCOMPARE(events, QStringList({QStringLiteral("a"), QStringLiteral("b")}));
    QCOMPARE(replay.reader().malformedLines(), 2);
    QCOMPARE(replay.progress().done, 4);
    QCOMPARE(replay.progress().total, 4);
    QVERIFY(replay.reader().problems().at(0).startsWith(QStringLiteral("r.jsonl:2: ")));
    QCOMPARE(replay.reader().problems().at(1),
             QStringLiteral("r.jsonl:4: \"event\": expected a non-empty string"));
}

void TestReplay::unreadableRecording() {
    ReplaySource replay({QStringLiteral("/nonexistent/rec.jsonl")}, 1,
                        [](const RecordedEvent &) {});
    QVERIFY(!replay.start());
    QCOMPARE(replay.errorString(),
             QStringLiteral("/nonexistent/rec.jsonl: cannot open: No such file or directory"));
    QVERIFY(!replay.isRunning());
}

void TestReplay::emptyRecordingFinishes() {
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("empty.jsonl")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    int calls = 0;
    ReplaySource replay({file.fileName()}, 1, [&calls](const RecordedEvent &) { ++calls; });
    QSignalSpy finished(&replay, &ReplaySource::finished);
    QVERIFY(replay.start());
    QCOMPARE(finished.size(), 0); // from the event loop, after the caller connected
    QVERIFY(finished.wait(5000));
    QCOMPARE(calls, 0);
}

void TestReplay::stopFromTheCallback() {
    QTemporaryDir dir;
    const QStringList files = recordSeries(dir, 100, 1);
    int calls = 0;
    ReplaySource *replayPointer = nullptr;
    ReplaySource replay(files, 0, [&](const RecordedEvent &) {
        if (++calls == 10)
            replayPointer->stop();
    });
    replayPointer = &replay;
    QSignalSpy finished(&replay, &ReplaySource::finished);
    QSignalSpy progress(&replay, &ReplaySource::progressChanged);
    QVERIFY(replay.start());
    QVERIFY(progress.wait(5000));
    QCOMPARE(calls, 10);
    QVERIFY(!replay.isRunning());
    // The timer stays off: a later turn of the event loop brings nothing.
    QTimer probe;
    QSignalSpy probed(&probe, &QTimer::timeout);
    probe.start(20);
    QVERIFY(probed.wait(2000));
    QCOMPARE(calls, 10);
    QCOMPARE(finished.size(), 0);
}

void TestReplay::pauseHoldsTheReplay() {
    QTemporaryDir dir;
    const QStringList files = recordSeries(dir, 1200, 1);
    int calls = 0;
    ReplaySource *replayPointer = nullptr;
    ReplaySource replay(files, 0, [&](const RecordedEvent &) {
        if (++calls == 100)
            replayPointer->setPaused(true);
    });
    replayPointer = &replay;
    QSignalSpy finished(&replay, &ReplaySource::finished);
    QSignalSpy progress(&replay, &ReplaySource::progressChanged);
    QVERIFY(replay.start());
    QVERIFY(progress.wait(5000));
    QCOMPARE(calls, 100);
    QVERIFY(replay.isPaused());
    QTimer probe;
    QSignalSpy probed(&probe, &QTimer::timeout);
    probe.start(20);
    QVERIFY(probed.wait(2000));
    QCOMPARE(calls, 100);
    replay.setPaused(false);
    QVERIFY(finished.wait(5000));
    QCOMPARE(calls, 1200);
}

QTEST_GUILESS_MAIN(TestReplay)
#include "tst_replay.moc"
