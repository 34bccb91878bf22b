#pragma once

#include "envelope.h"

#include <QByteArray>
#include <QString>

// The server's own frames (SPEC §4.2): the welcome, the replies to client requests and the
// heartbeat. Built with JsonWriter, like the event frames, so every frame is compact JSON.
namespace WebSocketFrames {

// `{"event":"connection","data":{"clientId","timestamp","server"},"timestamp","clientId"}`;
// the server name is "synopticon-api" in legacy mode, "labrelay" otherwise.
QByteArray welcome(const QString &clientId, qint64 now, PayloadFormat format);
// `{"event":"subscribed"|"unsubscribed","data":{"event":…},"timestamp","clientId"}`.
QByteArray subscription(bool subscribed, const QString &event, const QString &clientId, qint64 now);
// `{"event":"pong","data":{"timestamp"},"timestamp","clientId"}`.
QByteArray pong(const QString &clientId, qint64 now);
// `{"event":"error","data":{"error":…},"timestamp","clientId"}`.
QByteArray error(const QString &message, const QString &clientId, qint64 now);
// A data frame with event "heartbeat" and data {"timestamp"}: the original shape with empty
// metadata in legacy mode, LabRelay's metadata otherwise. Heartbeats are not session events,
// so they carry no sessionId or seq.
QByteArray heartbeat(qint64 now, PayloadFormat format);

} // namespace WebSocketFrames
