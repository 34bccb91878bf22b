#include "envelope.h"

#include "clock.h"
#include "jsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {

QByteArray compactJson(const QJsonValue &value) {
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    if (value.isString()) {
        QByteArray out;
        JsonWriter::appendString(out, value.toString());
        return out;
    }
    if (value.isBool())
        return value.toBool() ? QByteArrayLiteral("true") : QByteArrayLiteral("false");
    if (value.isDouble()) {
        const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
        return wrapped.mid(1, wrapped.size() - 2);
    }
    return QByteArrayLiteral("null");
}

const char *LabRelaySource = "labrelay";
const char *LegacySource = "synopticon-api";

} // namespace

EnvelopePtr makeEnvelope(const QString &event, const QString &sessionId, quint64 seq,
                         qint64 timestamp, const QJsonValue &data) {
    auto envelope = std::make_shared<Envelope>();
    envelope->event = event;
    envelope->sessionId = sessionId;
    envelope->seq = seq;
    envelope->timestamp = timestamp;
    envelope->data = data;
    envelope->dataJson = compactJson(data);
    envelope->enteredNs = Clock::monotonicNs();

    QByteArray &head = envelope->head;
    head.reserve(envelope->dataJson.size() + event.size() + sessionId.size() + 64);
    head.append("{\"event\":");
    JsonWriter::appendString(head, event);
    head.append(",\"sessionId\":");
    JsonWriter::appendString(head, sessionId);
    head.append(",\"seq\":");
    JsonWriter::appendUnsigned(head, seq);
    head.append(",\"timestamp\":");
    JsonWriter::appendInteger(head, timestamp);
    head.append(",\"data\":");
    head.append(envelope->dataJson);
    return envelope;
}

PayloadFormat payloadFormatFromName(const QString &name) {
    if (name == QLatin1String("legacy"))
        return PayloadFormat::Legacy;
    if (name == QLatin1String("raw"))
        return PayloadFormat::Raw;
    return PayloadFormat::Envelope;
}

EnvelopeEncoder::EnvelopeEncoder(const QString &distributor, PayloadFormat format,
                                 const QString &clientId)
    : m_distributor(distributor)
    , m_format(format)
    , m_clientId(clientId) {
    m_envelopeTail = ",\"metadata\":" + metadataObject({}, LabRelaySource) + '}';
}

QByteArray EnvelopeEncoder::metadataObject(const QJsonObject &extra, const char *source) const {
    QByteArray out("{\"source\":\"");
    out.append(source);
    out.append("\",\"distributor\":");
    JsonWriter::appendString(out, m_distributor);
    if (!m_clientId.isEmpty()) {
        out.append(",\"clientId\":");
        JsonWriter::appendString(out, m_clientId);
    }
    for (auto it = extra.begin(); it != extra.end(); ++it) {
        if (it.key() == QLatin1String("source") || it.key() == QLatin1String("distributor"))
            continue;
        out.append(',');
        JsonWriter::appendString(out, it.key());
        out.append(':');
        out.append(compactJson(it.value()));
    }
    out.append('}');
    return out;
}

QByteArray EnvelopeEncoder::encode(const Envelope &envelope, const QJsonObject &metadata) const {
    if (m_format == PayloadFormat::Raw)
        return encodeRaw(envelope);
    if (m_format == PayloadFormat::Legacy) {
        QByteArray out("{\"event\":");
        JsonWriter::appendString(out, envelope.event);
        out.append(",\"data\":");
        out.append(envelope.dataJson);
        out.append(",\"timestamp\":");
        JsonWriter::appendInteger(out, envelope.timestamp);
        out.append(",\"metadata\":");
        out.append(metadataObject(metadata, LegacySource));
        out.append('}');
        return out;
    }
    if (metadata.isEmpty())
        return envelope.head + m_envelopeTail;
    return envelope.head + ",\"metadata\":" + metadataObject(metadata, LabRelaySource) + '}';
}

QByteArray EnvelopeEncoder::encodeWebSocketLegacy(const Envelope &envelope,
                                                  const QJsonObject &metadata) const {
    QByteArray out("{\"event\":");
    JsonWriter::appendString(out, envelope.event);
    out.append(",\"data\":");
    out.append(envelope.dataJson);
    out.append(",\"timestamp\":");
    JsonWriter::appendInteger(out, envelope.timestamp);
    out.append(",\"metadata\":");
    out.append(compactJson(metadata));
    out.append('}');
    return out;
}

QByteArray EnvelopeEncoder::encodeSseLegacy(const Envelope &envelope,
                                            const QJsonObject &metadata) const {
    QJsonObject data = envelope.data.isObject()
                           ? envelope.data.toObject()
                           : QJsonObject{{QStringLiteral("value"), envelope.data}};
    data.insert(QStringLiteral("metadata"), metadata);
    QByteArray out("{\"event\":");
    JsonWriter::appendString(out, envelope.event);
    out.append(",\"data\":");
    out.append(compactJson(data));
    out.append(",\"timestamp\":");
    JsonWriter::appendInteger(out, envelope.timestamp);
    out.append('}');
    return out;
}

QByteArray EnvelopeEncoder::encodeRaw(const Envelope &envelope) {
    if (envelope.data.isString())
        return envelope.data.toString().toUtf8();
    return envelope.dataJson;
}
