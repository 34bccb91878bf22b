#pragma once

#include <QByteArray>
#include <QString>

// The text/event-stream framing (WHATWG HTML §9.2): "field: value" lines closed by a blank line.
namespace SseFrame {

// `id: <seq>` (omitted when `seq` is 0), `event: <event>`, `data: <json>`, blank line.
// `json` must be one line, which compact JSON always is.
QByteArray event(const QString &event, const QByteArray &json, quint64 seq = 0);
// A comment line (": <text>") that clients ignore; keeps idle connections alive.
QByteArray comment(const QByteArray &text);
// The `connection` frame a new stream starts with.
QByteArray welcome(const QString &clientId, qint64 timestampMs);

} // namespace SseFrame
