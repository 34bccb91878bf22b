#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <memory>
#include <optional>

// One event as it enters a session: stamped once with the session's sequence number and the
// entry time, then shared unchanged by every distributor it is routed to (SPEC §5 [REC]).
struct Envelope {
    QString event;
    QString sessionId;
    quint64 seq = 0;
    qint64 timestamp = 0; // epoch ms at entry
    QByteArray dataJson;  // the data as one line of JSON: what goes on the wire
    qint64 enteredNs = 0; // monotonic, for latency from entry
    // `{"event":…,"sessionId":…,"seq":…,"timestamp":…,"data":…` — everything but the metadata,
    // which names the distributor; each channel appends its own.
    QByteArray head;

    // The data as a JSON value, parsed from dataJson on first use: only the legacy SSE shape and
    // raw MQTT strings need it, so events that arrive as JSON text are never parsed for nothing.
    const QJsonValue &data() const;
    // Set when the event was created from a value, so it need not be parsed back.
    mutable std::optional<QJsonValue> parsedData;
};

using EnvelopePtr = std::shared_ptr<const Envelope>;

EnvelopePtr makeEnvelope(const QString &event, const QString &sessionId, quint64 seq,
                         qint64 timestamp, const QJsonValue &data);
// For data that is already JSON text (ingest): `dataJson` must be one valid JSON value on one
// line; it goes on the wire as it is.
EnvelopePtr makeEnvelopeFromJson(const QString &event, const QString &sessionId, quint64 seq,
                                 qint64 timestamp, const QByteArray &dataJson);

// The wire payload shapes (SPEC §5): the LabRelay envelope, the original's shapes per protocol,
// or (MQTT only) the bare data.
enum class PayloadFormat { Envelope, Legacy, Raw };
PayloadFormat payloadFormatFromName(const QString &name);

// Serialises envelopes for one distributor; the constant parts are prepared once.
class EnvelopeEncoder {
public:
    // `distributor` is the metadata name ("udp", "mqtt", ...); `clientId` is added to MQTT's
    // metadata.
    EnvelopeEncoder(const QString &distributor, PayloadFormat format, const QString &clientId = {});

    PayloadFormat format() const { return m_format; }

    // The LabRelay envelope, or the original HTTP/UDP/MQTT shape in legacy mode.
    // `metadata` (a send option) is merged into the metadata object.
    QByteArray encode(const Envelope &envelope, const QJsonObject &metadata = {}) const;
    // encode() into a buffer the caller reuses, so the hot path does not allocate per event.
    void encodeInto(QByteArray &out, const Envelope &envelope,
                    const QJsonObject &metadata = {}) const;
    // Original WebSocket frame: metadata is the send option's metadata or {}.
    QByteArray encodeWebSocketLegacy(const Envelope &envelope, const QJsonObject &metadata) const;
    // Original SSE data line: the data's own fields plus "metadata" (non-objects are wrapped as
    // {"value": …}, SPEC §4.5 [REC]).
    QByteArray encodeSseLegacy(const Envelope &envelope, const QJsonObject &metadata) const;
    // Raw MQTT payload: the data as JSON, strings as they are.
    static QByteArray encodeRaw(const Envelope &envelope);

private:
    QByteArray metadataObject(const QJsonObject &extra, const char *source) const;

    QString m_distributor;
    PayloadFormat m_format;
    QString m_clientId;
    QByteArray m_envelopeTail; // `,"metadata":{…}}` for the common no-extra-metadata case
};
