#include "websocketframes.h"

#include "jsonwriter.h"

namespace {

QByteArray timestampObject(qint64 now) {
    QByteArray out("{\"timestamp\":");
    JsonWriter::appendInteger(out, now);
    out.append('}');
    return out;
}

// The common shape of the frames addressed to one client.
QByteArray clientFrame(const char *event, const QByteArray &dataJson, const QString &clientId,
                       qint64 now) {
    QByteArray out("{\"event\":\"");
    out.append(event);
    out.append("\",\"data\":");
    out.append(dataJson);
    out.append(",\"timestamp\":");
    JsonWriter::appendInteger(out, now);
    out.append(",\"clientId\":");
    JsonWriter::appendString(out, clientId);
    out.append('}');
    return out;
}

} // namespace

namespace WebSocketFrames {

QByteArray welcome(const QString &clientId, qint64 now, PayloadFormat format) {
    QByteArray data("{\"clientId\":");
    JsonWriter::appendString(data, clientId);
    data.append(",\"timestamp\":");
    JsonWriter::appendInteger(data, now);
    data.append(format == PayloadFormat::Legacy ? ",\"server\":\"synopticon-api\"}"
                                                : ",\"server\":\"labrelay\"}");
    return clientFrame("connection", data, clientId, now);
}

QByteArray subscription(bool subscribed, const QString &event, const QString &clientId,
                        qint64 now) {
    QByteArray data("{\"event\":");
    JsonWriter::appendString(data, event);
    data.append('}');
    return clientFrame(subscribed ? "subscribed" : "unsubscribed", data, clientId, now);
}

QByteArray pong(const QString &clientId, qint64 now) {
    return clientFrame("pong", timestampObject(now), clientId, now);
}

QByteArray error(const QString &message, const QString &clientId, qint64 now) {
    QByteArray data("{\"error\":");
    JsonWriter::appendString(data, message);
    data.append('}');
    return clientFrame("error", data, clientId, now);
}

QByteArray heartbeat(qint64 now, PayloadFormat format) {
    QByteArray out("{\"event\":\"heartbeat\",\"data\":");
    out.append(timestampObject(now));
    out.append(",\"timestamp\":");
    JsonWriter::appendInteger(out, now);
    out.append(format == PayloadFormat::Legacy
                   ? ",\"metadata\":{}}"
                   : ",\"metadata\":{\"source\":\"labrelay\",\"distributor\":\"websocket\"}}");
    return out;
}

} // namespace WebSocketFrames
