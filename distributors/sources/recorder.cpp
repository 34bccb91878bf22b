#include "recorder.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

Recorder::Recorder(const QString &sessionId, const RecordingOptions &options, QObject *parent)
    : QObject(parent)
    , m_sessionId(sessionId)
    , m_options(options)
    , m_flushTimer(this) {
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(qBound(1, options.flushIntervalMs, 1000));
    connect(&m_flushTimer, &QTimer::timeout, this, &Recorder::flush);
}

Recorder::~Recorder() {
    close();
}

QString Recorder::fileBaseName(const QString &sessionId) {
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9_.-]"));
    QString name = sessionId;
    name.replace(unsafe, QStringLiteral("_"));
    return name.isEmpty() ? QStringLiteral("session") : name;
}

bool Recorder::start() {
    if (m_state == State::Recording)
        return true;
    m_error = Error::NoError;
    m_errorString.clear();
    if (!QDir().mkpath(m_options.directory)) {
        fail(Error::DirectoryError,
             QStringLiteral("Recording failed: directory %1 cannot be created")
                 .arg(QDir::toNativeSeparators(m_options.directory)));
        return false;
    }
    if (!openNextFile())
        return false;
    setState(State::Recording);
    return true;
}

void Recorder::close() {
    if (m_state != State::Recording)
        return;
    flush();
    if (m_state != State::Recording)
        return; // the last flush failed
    m_file.close();
    setState(State::Idle);
}

bool Recorder::openNextFile() {
    const QDir dir(m_options.directory);
    const QString base = fileBaseName(m_sessionId) + QLatin1Char('-')
                         + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    // Rotation can happen within one second: the later files get a part number that only grows,
    // so a name freed by pruning is not reused out of order.
    if (base == m_lastBase) {
        ++m_part;
    } else {
        m_lastBase = base;
        m_part = 1;
    }
    QString path;
    for (;; ++m_part) {
        const QString suffix = m_part == 1 ? QString() : QLatin1Char('-') + QString::number(m_part);
        path = dir.filePath(base + suffix + QStringLiteral(".jsonl"));
        if (!QFileInfo::exists(path))
            break;
    }
    m_file.setFileName(path);
    // Unbuffered: our own buffer batches the writes, and a failing write is seen at once.
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered)) {
        fail(Error::OpenError, QStringLiteral("Recording failed: cannot open %1: %2")
                                   .arg(QDir::toNativeSeparators(path), m_file.errorString()));
        return false;
    }
    m_fileBytes = 0;
    m_files.append(path);
    pruneOldFiles();
    emit currentFileChanged(path);
    return true;
}

void Recorder::pruneOldFiles() {
    while (m_files.size() > m_options.keepFiles)
        QFile::remove(m_files.takeFirst());
}

bool Recorder::rotate() {
    flush();
    if (m_state != State::Recording)
        return false;
    m_file.close();
    return openNextFile();
}

void Recorder::record(const Envelope &envelope) {
    if (m_state != State::Recording) {
        if (m_state == State::Failed)
            ++m_linesLost;
        return;
    }
    // Envelopes from makeEnvelope() carry their serialised head; build it for any other.
    const QByteArray head = envelope.head.isEmpty()
                                ? makeEnvelope(envelope.event, envelope.sessionId, envelope.seq,
                                               envelope.timestamp, envelope.data())
                                      ->head
                                : envelope.head;
    const qint64 lineBytes = head.size() + 2;
    if (m_fileBytes > 0 && m_fileBytes + lineBytes > m_options.maxBytes && !rotate()) {
        ++m_linesLost;
        return;
    }
    m_buffer.append(head);
    m_buffer.append("}\n", 2);
    m_fileBytes += lineBytes;
    ++m_bufferedLines;
    if (m_buffer.size() >= MaxBufferBytes)
        flush();
    else if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void Recorder::flush() {
    m_flushTimer.stop();
    if (m_state != State::Recording || m_buffer.isEmpty())
        return;
    const qint64 written = m_file.write(m_buffer);
    if (written != m_buffer.size()) {
        fail(Error::WriteError,
             QStringLiteral("Recording stopped: cannot write %1: %2")
                 .arg(QDir::toNativeSeparators(m_file.fileName()), m_file.errorString()));
        return;
    }
    m_bytesWritten += written;
    m_linesWritten += m_bufferedLines;
    m_bufferedLines = 0;
    m_buffer.resize(0); // keeps the capacity for the next batch
}

void Recorder::fail(Error error, const QString &message) {
    m_flushTimer.stop();
    m_linesLost += m_bufferedLines;
    m_bufferedLines = 0;
    m_buffer.clear();
    m_file.close();
    m_error = error;
    m_errorString = message;
    setState(State::Failed);
    emit errorOccurred(error);
}

void Recorder::setState(State state) {
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}
