#pragma once

#include "envelope.h"
#include "recordingoptions.h"

#include <QByteArray>
#include <QFile>
#include <QObject>
#include <QStringList>
#include <QTimer>

// Records every envelope a session routes, one JSON line each (the LabRelay envelope without
// metadata), to `<directory>/<session>-<yyyyMMdd-HHmmss>.jsonl`. A file is closed before it would
// grow past maxBytes and the next one opened; only the newest keepFiles stay. record() only
// appends to a buffer, which reaches the disk on a timer, when it grows large and on close(), so
// routing never waits for the disk. A write error stops the recording with errorString(); the
// envelopes that could not be written are counted as lost, routing goes on.
class Recorder final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Recorder)

public:
    enum class State { Idle, Recording, Failed };
    Q_ENUM(State)
    enum class Error { NoError, DirectoryError, OpenError, WriteError };
    Q_ENUM(Error)

    static constexpr qsizetype MaxBufferBytes = 1024 * 1024;

    Recorder(const QString &sessionId, const RecordingOptions &options, QObject *parent = nullptr);
    ~Recorder() override;

    // Creates the directory and opens the first file; false (and Failed) when that is not possible.
    bool start();
    // Writes what is buffered and closes the file; the recording can be started again.
    void close();
    void record(const Envelope &envelope);
    void flush();

    State state() const { return m_state; }
    Error error() const { return m_error; }
    QString errorString() const { return m_errorString; }
    const RecordingOptions &options() const { return m_options; }
    QString currentFile() const { return m_file.fileName(); }
    // This recording's files still on disk, oldest first.
    const QStringList &files() const { return m_files; }
    quint64 linesWritten() const { return m_linesWritten; }
    quint64 linesLost() const { return m_linesLost; }
    qint64 bytesWritten() const { return m_bytesWritten; }

    // The file name prefix for `sessionId`: characters a file system may dislike become '_'.
    static QString fileBaseName(const QString &sessionId);

signals:
    void stateChanged(Recorder::State state);
    void errorOccurred(Recorder::Error error);
    void currentFileChanged(const QString &path);

private:
    bool openNextFile();
    bool rotate();
    void pruneOldFiles();
    void fail(Error error, const QString &message);
    void setState(State state);

    QString m_sessionId;
    RecordingOptions m_options;
    State m_state = State::Idle;
    Error m_error = Error::NoError;
    QString m_errorString;
    QFile m_file;
    QStringList m_files;
    QString m_lastBase; // name of the last file without its part number
    int m_part = 1;
    QByteArray m_buffer;
    quint64 m_bufferedLines = 0;
    qint64 m_fileBytes = 0; // current file, including what is still buffered
    quint64 m_linesWritten = 0;
    quint64 m_linesLost = 0;
    qint64 m_bytesWritten = 0;
    QTimer m_flushTimer;
};
