#pragma once

#include <QFile>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <optional>

// One envelope read back from a recording.
struct RecordedEvent {
    QString event;
    QString sessionId;
    quint64 seq = 0;
    qint64 timestamp = 0; // epoch ms when it entered the recorded session
    QJsonValue data;
};

// Reads the envelopes of a JSONL recording, or of the files of a rotated one, in order. A line
// that is not a recorded envelope is skipped, counted and reported with its place
// (`file.jsonl:17: not a JSON object`); the lines after it are still read.
class RecordingReader final {
    Q_DISABLE_COPY_MOVE(RecordingReader)

public:
    static constexpr int MaxProblems = 100; // kept with their text; all are counted

    explicit RecordingReader(const QStringList &files);

    // Checks that every file can be read; false with errorString() when one cannot.
    bool open();
    QString errorString() const { return m_errorString; }

    // The next envelope, or nothing at the end of the last file.
    std::optional<RecordedEvent> next();

    // Lines in all files (for progress), counted without parsing them.
    qint64 countLines() const;
    // Lines consumed so far, blank and malformed ones included.
    qint64 linesRead() const { return m_linesRead; }
    qint64 malformedLines() const { return m_malformed; }
    const QStringList &problems() const { return m_problems; }

    // Parses one line; on failure returns nothing and says why in `problem`.
    static std::optional<RecordedEvent> parseLine(const QByteArray &line, QString *problem);
    // The files of rotated recordings in recording order: `s-20250101-120000.jsonl` before
    // `s-20250101-120000-2.jsonl` before `s-20250101-120001.jsonl` (plain name order would not).
    static QStringList seriesOrder(QStringList files);

private:
    bool openFile(int index);
    void report(const QString &problem);

    QStringList m_files;
    int m_fileIndex = -1;
    QFile m_file;
    int m_line = 0;
    qint64 m_linesRead = 0;
    qint64 m_malformed = 0;
    QStringList m_problems;
    QString m_errorString;
};
