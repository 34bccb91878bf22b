// Recording envelopes to rotating JSONL files, and reading recordings back: rotation by size,
// pruning, flushing, write and directory errors, malformed lines, the order of rotated files.
#include "recorder.h"
#include "recordingreader.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <sys/resource.h>

namespace {

EnvelopePtr envelope(quint64 seq, const QJsonValue &data = QJsonValue(QJsonValue::Undefined)) {
    const QJsonValue payload =
        data.isUndefined()
            ? QJsonValue(QJsonObject{{QStringLiteral("n"), qint64(seq)},
                                     {QStringLiteral("pad"), QStringLiteral("0123456789abcdef")}})
            : data;
    return makeEnvelope(QStringLiteral("neon_gaze_data"), QStringLiteral("s1"), seq,
                        1700000000000 + qint64(seq), payload);
}

RecordingOptions options(const QString &directory, qint64 maxBytes = 1024 * 1024,
                         int keepFiles = 10) {
    RecordingOptions o;
    o.directory = directory;
    o.maxBytes = maxBytes;
    o.keepFiles = keepFiles;
    return o;
}

QList<RecordedEvent> readAll(RecordingReader &reader) {
    QList<RecordedEvent> events;
    while (const std::optional<RecordedEvent> event = reader.next())
        events.append(*event);
    return events;
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &text) {
    QFile file(dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(text);
    return file.fileName();
}

} // namespace

class TestRecording : public QObject {
    Q_OBJECT

private slots:
    void recordsOneLinePerEnvelope();
    void rotatesBySizeAndKeepsTheNewest();
    void flushesOnTimer();
    void unwritableDirectory();
    void directoryVanishesAtRotation();
    void writeErrorStopsRecording();
    void fileBaseName_data();
    void fileBaseName();
    void readerReportsMalformedLines();
    void readerUnreadableFile();
    void seriesOrder();
};

void TestRecording::recordsOneLinePerEnvelope() {
    QTemporaryDir dir;
    Recorder recorder(QStringLiteral("study 1/a"), options(dir.path()));
    QSignalSpy fileChanged(&recorder, &Recorder::currentFileChanged);
    QVERIFY(recorder.start());
    QCOMPARE(recorder.state(), Recorder::State::Recording);
    QCOMPARE(fileChanged.size(), 1);
    const QString name = QFileInfo(recorder.currentFile()).fileName();
    QVERIFY2(QRegularExpression(QStringLiteral("^study_1_a-\\d{8}-\\d{6}\\.jsonl$"))
                 .match(name)
                 .hasMatch(),
             qPrintable(name));
    for (quint64 seq = 1; seq <= 3; ++seq)
        recorder.record(*envelope(seq));
    recorder.close();
    QCOMPARE(recorder.state(), Recorder::State::Idle);
    QCOMPARE(recorder.linesWritten(), quint64(3));

    QFile file(recorder.files().first());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.size(), 4); // three lines and the empty rest after the last newline
    QCOMPARE(lines.at(0), envelope(1)->head + '}');
    QCOMPARE(lines.at(0), QByteArray("{\"event\":\"neon_gaze_data\",\"sessionId\":\"s1\",\"seq\":1,"
                                     "\"timestamp\":1700000000001,\"data\":{\"n\":1,\"pad\":"
                                     "\"0123456789abcdef\"}}"));
    QCOMPARE(recorder.bytesWritten(), file.size());
}

void TestRecording::rotatesBySizeAndKeepsTheNewest() {
    QTemporaryDir dir;
    constexpr qint64 MaxBytes = 2048;
    Recorder recorder(QStringLiteral("s1"), options(dir.path(), MaxBytes, 3));
    QSignalSpy fileChanged(&recorder, &Recorder::currentFileChanged);
    QVERIFY(recorder.start());
    constexpr quint64 Count = 300;
    for (quint64 seq = 1; seq <= Count; ++seq)
        recorder.record(*envelope(seq));
    recorder.close();
    QCOMPARE(recorder.linesWritten(), Count);
    QVERIFY2(fileChanged.size() >= 6, qPrintable(QString::number(fileChanged.size())));

    // Only the newest three files are left, each within the size limit.
    QCOMPARE(recorder.files().size(), 3);
    const QStringList onDisk = QDir(dir.path()).entryList(QDir::Files);
    QCOMPARE(onDisk.size(), 3);
    for (const QString &path : recorder.files()) {
        QVERIFY(QFileInfo::exists(path));
        QVERIFY(QFileInfo(path).size() <= MaxBytes);
        // Full files were closed only when the next line would not fit (the last one may be
        // short).
        if (path != recorder.files().last())
            QVERIFY(QFileInfo(path).size() > MaxBytes - 120);
    }
    QVERIFY(!QFileInfo::exists(fileChanged.first().first().toString()));

    // Read in recording order (also when named in another order), the lines are consecutive and
    // end with the last envelope.
    QStringList shuffled = recorder.files();
    std::reverse(shuffled.begin(), shuffled.end());
    QCOMPARE(RecordingReader::seriesOrder(shuffled), recorder.files());
    RecordingReader reader(recorder.files());
    QVERIFY(reader.open());
    const QList<RecordedEvent> events = readAll(reader);
    QVERIFY(events.size() > 2 * 16 && events.size() <= 3 * 17); // about 16 lines a file
    for (int i = 1; i < events.size(); ++i)
        QCOMPARE(events.at(i).seq, events.at(i - 1).seq + 1);
    QCOMPARE(events.last().seq, Count);
    QCOMPARE(reader.malformedLines(), 0);
}

void TestRecording::flushesOnTimer() {
    QTemporaryDir dir;
    RecordingOptions o = options(dir.path());
    o.flushIntervalMs = 50;
    Recorder recorder(QStringLiteral("s1"), o);
    QVERIFY(recorder.start());
    recorder.record(*envelope(1));
    QCOMPARE(QFileInfo(recorder.currentFile()).size(), 0); // buffered, not written yet
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(recorder.currentFile()).size() > 0, 1000);
    QCOMPARE(recorder.linesWritten(), quint64(1));
}

void TestRecording::unwritableDirectory() {
    QTemporaryDir dir;
    // Below a regular file no directory can be made, whoever runs the test.
    const QString file = writeFile(dir, QStringLiteral("plain"), "x");
    const QString target = file + QStringLiteral("/recordings");
    Recorder recorder(QStringLiteral("s1"), options(target));
    QSignalSpy errors(&recorder, &Recorder::errorOccurred);
    QVERIFY(!recorder.start());
    QCOMPARE(recorder.state(), Recorder::State::Failed);
    QCOMPARE(recorder.error(), Recorder::Error::DirectoryError);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(recorder.errorString(),
             QStringLiteral("Recording failed: directory %1 cannot be created").arg(target));
    recorder.record(*envelope(1));
    recorder.record(*envelope(2));
    recorder.flush();
    QCOMPARE(recorder.linesLost(), quint64(2));
    QCOMPARE(recorder.linesWritten(), quint64(0));
}

void TestRecording::directoryVanishesAtRotation() {
    QTemporaryDir parent;
    const QString directory = parent.filePath(QStringLiteral("rec"));
    Recorder recorder(QStringLiteral("s1"), options(directory, 1024));
    QVERIFY(recorder.start());
    recorder.record(*envelope(1));
    recorder.flush();
    QVERIFY(QDir(directory).removeRecursively());
    QVERIFY(writeFile(parent, QStringLiteral("rec"), "now a file").size() > 0);
    QSignalSpy errors(&recorder, &Recorder::errorOccurred);
    for (quint64 seq = 2; seq <= 40; ++seq) // enough to need the next file
        recorder.record(*envelope(seq));
    QCOMPARE(errors.size(), 1);
    QCOMPARE(recorder.error(), Recorder::Error::OpenError);
    QVERIFY2(recorder.errorString().startsWith(QStringLiteral("Recording failed: cannot open ")),
             qPrintable(recorder.errorString()));
    QCOMPARE(recorder.linesWritten() + recorder.linesLost(), quint64(40));
}

void TestRecording::writeErrorStopsRecording() {
    // A file size limit makes write() fail the way a full disk does (EFBIG instead of ENOSPC).
    QTemporaryDir dir;
    rlimit previous{};
    QCOMPARE(getrlimit(RLIMIT_FSIZE, &previous), 0);
    const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit limited = previous;
    limited.rlim_cur = 4096;
    QCOMPARE(setrlimit(RLIMIT_FSIZE, &limited), 0);

    Recorder recorder(QStringLiteral("s1"), options(dir.path()));
    QSignalSpy errors(&recorder, &Recorder::errorOccurred);
    const bool started = recorder.start();
    for (quint64 seq = 1; seq <= 100; ++seq)
        recorder.record(*envelope(seq));
    recorder.flush();
    recorder.record(*envelope(101));

    setrlimit(RLIMIT_FSIZE, &previous);
    std::signal(SIGXFSZ, previousHandler);

    QVERIFY(started);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(recorder.state(), Recorder::State::Failed);
    QCOMPARE(recorder.error(), Recorder::Error::WriteError);
    QVERIFY2(recorder.errorString().startsWith(QStringLiteral("Recording stopped: cannot write ")),
             qPrintable(recorder.errorString()));
    QCOMPARE(recorder.linesLost(), quint64(101));
}

void TestRecording::fileBaseName_data() {
    QTest::addColumn<QString>("session");
    QTest::addColumn<QString>("base");
    QTest::newRow("plain") << QStringLiteral("study-001") << QStringLiteral("study-001");
    QTest::newRow("slashes") << QStringLiteral("../a/b") << QStringLiteral(".._a_b");
    QTest::newRow("spaces") << QStringLiteral("P 01:x") << QStringLiteral("P_01_x");
    QTest::newRow("empty") << QString() << QStringLiteral("session");
}

void TestRecording::fileBaseName() {
    QFETCH(QString, session);
    QFETCH(QString, base);
    QCOMPARE(Recorder::fileBaseName(session), base);
}

void TestRecording::readerReportsMalformedLines() {
    QTemporaryDir dir;
    const QString path = writeFile(
        dir, QStringLiteral("bad.jsonl"),
        "{\"event\":\"a\",\"sessionId\":\"s\",\"seq\":1,\"timestamp\":10,\"data\":{\"v\":1}}\n"
        "garbage\n"
        "[1,2]\n"
        "\n"
        "{\"event\":\"\",\"timestamp\":11}\n"
        "{\"event\":\"b\",\"timestamp\":\"12\"}\n"
        "{\"event\":\"c\",\"timestamp\":13}\n"
        "{\"event\":\"d\",\"timestamp\":14,\"data\":[1,\"x\",nu");
    RecordingReader reader({path});
    QVERIFY(reader.open());
    const QList<RecordedEvent> events = readAll(reader);
    QCOMPARE(events.size(), 2);
    QCOMPARE(events.at(0).event, QStringLiteral("a"));
    QCOMPARE(events.at(0).sessionId, QStringLiteral("s"));
    QCOMPARE(events.at(0).seq, quint64(1));
    QCOMPARE(events.at(0).data, QJsonValue(QJsonObject{{QStringLiteral("v"), 1}}));
    QCOMPARE(events.at(1).event, QStringLiteral("c"));
    QCOMPARE(events.at(1).data, QJsonValue(QJsonValue::Null));
    QCOMPARE(reader.malformedLines(), 5);
    QCOMPARE(reader.linesRead(), 8); // the blank line included
    QCOMPARE(reader.countLines(), 8);
    const QStringList problems = reader.problems();
    QCOMPARE(problems.size(), 5);
    QVERIFY2(problems.at(0).startsWith(QStringLiteral("bad.jsonl:2: not valid JSON (")),
             qPrintable(problems.at(0)));
    QCOMPARE(problems.at(1), QStringLiteral("bad.jsonl:3: not a JSON object"));
    QCOMPARE(problems.at(2), QStringLiteral("bad.jsonl:5: \"event\": expected a non-empty string"));
    QCOMPARE(problems.at(3),
             QStringLiteral("bad.jsonl:6: \"timestamp\": expected a number (epoch ms)"));
    QVERIFY(problems.at(4).startsWith(QStringLiteral("bad.jsonl:8: not valid JSON")));
}

void TestRecording::readerUnreadableFile() {
    QTemporaryDir dir;
    const QString good =
        writeFile(dir, QStringLiteral("ok.jsonl"), "{\"event\":\"a\",\"timestamp\":1}\n");
    const QString missing = dir.filePath(QStringLiteral("missing.jsonl"));
    RecordingReader reader({good, missing});
    QVERIFY(!reader.open());
    QCOMPARE(reader.errorString(),
             QStringLiteral("%1: cannot open: No such file or directory").arg(missing));
    RecordingReader directory({dir.path()});
    QVERIFY(!directory.open());
    QCOMPARE(directory.errorString(),
             QStringLiteral("%1: cannot open: is a directory").arg(dir.path()));
    RecordingReader none({});
    QVERIFY(!none.open());
}

void TestRecording::seriesOrder() {
    const QStringList named = {QStringLiteral("/r/s1-20250101-120001.jsonl"),
                               QStringLiteral("/r/s1-20250101-120000-10.jsonl"),
                               QStringLiteral("/r/s1-20250101-120000-2.jsonl"),
                               QStringLiteral("/r/s1-20250101-120000.jsonl")};
    const QStringList ordered = {QStringLiteral("/r/s1-20250101-120000.jsonl"),
                                 QStringLiteral("/r/s1-20250101-120000-2.jsonl"),
                                 QStringLiteral("/r/s1-20250101-120000-10.jsonl"),
                                 QStringLiteral("/r/s1-20250101-120001.jsonl")};
    QCOMPARE(RecordingReader::seriesOrder(named), ordered);
    QCOMPARE(RecordingReader::seriesOrder({QStringLiteral("b.jsonl"), QStringLiteral("a.jsonl")}),
             QStringList({QStringLiteral("a.jsonl"), QStringLiteral("b.jsonl")}));
}

QTEST_GUILESS_MAIN(TestRecording)
#include "tst_recording.moc"
