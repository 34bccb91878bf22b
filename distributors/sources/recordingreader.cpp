#include "recordingreader.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

RecordingReader::RecordingReader(const QStringList &files)
    : m_files(files) {}

bool RecordingReader::open() {
    if (m_files.isEmpty()) {
        m_errorString = QStringLiteral("no recording file given");
        return false;
    }
    for (const QString &path : std::as_const(m_files)) {
        QFile file(path);
        if (QFileInfo(path).isDir() || !file.open(QIODevice::ReadOnly)) {
            const QString reason =
                QFileInfo(path).isDir() ? QStringLiteral("is a directory") : file.errorString();
            m_errorString = QStringLiteral("%1: cannot open: %2").arg(path, reason);
            return false;
        }
    }
    return true;
}

qint64 RecordingReader::countLines() const {
    // Large chunks rather than readLine(): a full 10-file recording is counted in a blink.
    constexpr qint64 ChunkBytes = 1024 * 1024;
    qint64 lines = 0;
    for (const QString &path : m_files) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        char last = '\n';
        while (!file.atEnd()) {
            const QByteArray chunk = file.read(ChunkBytes);
            if (chunk.isEmpty())
                break;
            lines += chunk.count('\n');
            last = chunk.back();
        }
        if (last != '\n')
            ++lines; // a last line without its newline
    }
    return lines;
}

bool RecordingReader::openFile(int index) {
    m_file.close();
    m_fileIndex = index;
    m_line = 0;
    if (index >= m_files.size())
        return false;
    m_file.setFileName(m_files.at(index));
    if (!m_file.open(QIODevice::ReadOnly)) {
        // Gone since open(): report it and go on with the next file.
        report(QStringLiteral("%1: cannot open: %2")
                   .arg(QFileInfo(m_files.at(index)).fileName(), m_file.errorString()));
    }
    return true;
}

std::optional<RecordedEvent> RecordingReader::next() {
    if (m_fileIndex < 0 && !openFile(0))
        return std::nullopt;
    for (;;) {
        if (!m_file.isOpen() || m_file.atEnd()) {
            if (!openFile(m_fileIndex + 1))
                return std::nullopt;
            continue;
        }
        const QByteArray line = m_file.readLine().trimmed();
        ++m_line;
        ++m_linesRead;
        if (line.isEmpty())
            continue;
        QString problem;
        std::optional<RecordedEvent> event = parseLine(line, &problem);
        if (event)
            return event;
        ++m_malformed;
        report(QStringLiteral("%1:%2: %3")
                   .arg(QFileInfo(m_file.fileName()).fileName())
                   .arg(m_line)
                   .arg(problem));
    }
}

void RecordingReader::report(const QString &problem) {
    if (m_problems.size() < MaxProblems)
        m_problems.append(problem);
}

std::optional<RecordedEvent> RecordingReader::parseLine(const QByteArray &line, QString *problem) {
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(line, &error);
    if (error.error != QJsonParseError::NoError) {
        *problem = QStringLiteral("not valid JSON (%1 at column %2)")
                       .arg(error.errorString())
                       .arg(error.offset + 1);
        return std::nullopt;
    }
    if (!document.isObject()) {
        *problem = QStringLiteral("not a JSON object");
        return std::nullopt;
    }
    const QJsonObject object = document.object();
    RecordedEvent event;
    event.event = object.value(QLatin1String("event")).toString();
    if (event.event.isEmpty()) {
        *problem = QStringLiteral("\"event\": expected a non-empty string");
        return std::nullopt;
    }
    const QJsonValue timestamp = object.value(QLatin1String("timestamp"));
    if (!timestamp.isDouble()) {
        *problem = QStringLiteral("\"timestamp\": expected a number (epoch ms)");
        return std::nullopt;
    }
    event.timestamp = qint64(timestamp.toDouble());
    event.sessionId = object.value(QLatin1String("sessionId")).toString();
    event.seq = quint64(object.value(QLatin1String("seq")).toDouble());
    event.data = object.value(QLatin1String("data"));
    if (event.data.isUndefined())
        event.data = QJsonValue(QJsonValue::Null);
    return event;
}

QStringList RecordingReader::seriesOrder(QStringList files) {
    static const QRegularExpression pattern(
        QStringLiteral("^(.*)-(\\d{8}-\\d{6})(?:-(\\d+))?\\.jsonl$"));
    struct Key {
        QString prefix;
        QString stamp;
        int part = 1;
    };
    const auto keyOf = [](const QString &path) {
        const QRegularExpressionMatch match = pattern.match(QFileInfo(path).fileName());
        if (!match.hasMatch())
            return Key{QFileInfo(path).fileName(), QString(), 1};
        const QString part = match.captured(3);
        return Key{match.captured(1), match.captured(2), part.isEmpty() ? 1 : part.toInt()};
    };
    std::stable_sort(files.begin(), files.end(), [&keyOf](const QString &a, const QString &b) {
        const Key ka = keyOf(a);
        const Key kb = keyOf(b);
        if (ka.prefix != kb.prefix)
            return ka.prefix < kb.prefix;
        if (ka.stamp != kb.stamp)
            return ka.stamp < kb.stamp;
        return ka.part < kb.part;
    });
    return files;
}
