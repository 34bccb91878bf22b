#include "sseframe.h"

#include "jsonwriter.h"

namespace {

// A line break inside a field would end the field early and let the rest be read as another
// field, so event names are flattened to one line.
QByteArray singleLine(const QString &text) {
    QByteArray line = text.toUtf8();
    line.replace('\r', ' ');
    line.replace('\n', ' ');
    return line;
}

} // namespace

namespace SseFrame {

QByteArray event(const QString &event, const QByteArray &json, quint64 seq) {
    QByteArray frame;
    frame.reserve(json.size() + event.size() + 40);
    if (seq != 0) {
        frame.append("id: ");
        JsonWriter::appendUnsigned(frame, seq);
        frame.append('\n');
    }
    frame.append("event: " + singleLine(event) + '\n');
    frame.append("data: " + json + "\n\n");
    return frame;
}

QByteArray comment(const QByteArray &text) {
    QByteArray line = text;
    line.replace('\r', ' ');
    line.replace('\n', ' ');
    return ": " + line + "\n\n";
}

QByteArray welcome(const QString &clientId, qint64 timestampMs) {
    QByteArray json("{\"clientId\":");
    JsonWriter::appendString(json, clientId);
    json.append(",\"timestamp\":");
    JsonWriter::appendInteger(json, timestampMs);
    json.append(",\"server\":\"labrelay\"}");
    return event(QStringLiteral("connection"), json);
}

} // namespace SseFrame
