#include "envelope.h"

#include "clock.h"
#include "jsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {

QByteArray compactJson(const QJsonValue &value) {
    QByteArray out;
    out.reserve(256);
    JsonWriter::appendValue(out, value);
    return out;
}

// The original project's shape: {"event", "data", "timestamp", "metadata"}.
QByteArray legacyObject(const Envelope &envelope, const QByteArray &metadataJson) {
    QByteArray out("{\"event\":");
    JsonWriter::appendString(out, envelope.event);
    out.append(",\"data\":");
    out.append(envelope.dataJson);
    out.append(",\"timestamp\":");
    JsonWriter::appendInteger(out, envelope.timestamp);
    out.append(",\"metadata\":");
    out.append(metadataJson);
    out.append('}');
    return out;
}

const char *LabRelaySource = "labrelay";
const char *LegacySource = "synopticon-api";

} // namespace

EnvelopePtr makeEnvelopeFromJson(const QString &event, const QString &sessionId, quint64 seq,
                                 qint64 timestamp, const QByteArray &dataJson) {
    auto envelope = std::make_shared<Envelope>();
    envelope->event = event;
    envelope->sessionId = sessionId;
    envelope->seq = seq;
    envelope->timestamp = timestamp;
    envelope->dataJson = dataJson;
    envelope->enteredNs = Clock::monotonicNs();

    QByteArray &head = envelope->head;
    head.reserve(dataJson.size() + event.size() + sessionId.size() + 64);
    head.append("{\"event\":");
    JsonWriter::appendString(head, event);
    head.append(",\"sessionId\":");
    JsonWriter::appendString(head, sessionId);
    head.append(",\"seq\":");
    JsonWriter::appendUnsigned(head, seq);
    head.append(",\"timestamp\":");
    JsonWriter::appendInteger(head, timestamp);
    head.append(",\"data\":");
    head.append(dataJson);
    return envelope;
}

EnvelopePtr makeEnvelope(const QString &event, const QString &sessionId, quint64 seq,
                         qint64 timestamp, const QJsonValue &data) {
    EnvelopePtr envelope =
        makeEnvelopeFromJson(event, sessionId, seq, timestamp, compactJson(data));
    envelope->parsedData = data;
    return envelope;
}

const QJsonValue &Envelope::data() const {
    if (!parsedData) {
        const QJsonDocument document = QJsonDocument::fromJson("[" + dataJson + "]");
        parsedData = document.isArray() ? document.array().at(0) : QJsonValue();
    }
    return *parsedData;
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
    if (m_format == PayloadFormat::Legacy)
        return legacyObject(envelope, metadataObject(metadata, LegacySource));
    if (metadata.isEmpty())
        return envelope.head + m_envelopeTail;
    return envelope.head + ",\"metadata\":" + metadataObject(metadata, LabRelaySource) + '}';
}

void EnvelopeEncoder::encodeInto(QByteArray &out, const Envelope &envelope,
                                 const QJsonObject &metadata) const {
    if (m_format != PayloadFormat::Envelope || !metadata.isEmpty()) {
        out = encode(envelope, metadata);
        return;
    }
    out.resize(0); // keeps the capacity of earlier events
    out.append(envelope.head);
    out.append(m_envelopeTail);
}

QByteArray EnvelopeEncoder::encodeWebSocketLegacy(const Envelope &envelope,
                                                  const QJsonObject &metadata) const {
    return legacyObject(envelope, compactJson(metadata));
}

QByteArray EnvelopeEncoder::encodeSseLegacy(const Envelope &envelope,
                                            const QJsonObject &metadata) const {
    QJsonObject data = envelope.data().isObject()
                           ? envelope.data().toObject()
                           : QJsonObject{{QStringLiteral("value"), envelope.data()}};
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
    if (envelope.data().isString())
        return envelope.data().toString().toUtf8();
    return envelope.dataJson;
}
