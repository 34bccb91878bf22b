#pragma once

#include "distributor.h"
#include "envelope.h"
#include "mqttclient.h"
#include "mqttsettings.h"

#include <QHash>
#include <QTimer>

#include <unordered_map>

// Publishes events to an MQTT broker (SPEC §4.3 [REC]).
//
// One MqttClient per distributor. While the broker is away events wait in the base's outbox;
// a lost connection fails the messages on the wire retryably and the base reconnects with
// backoff. A message counts as sent when written (QoS 0), acknowledged (QoS 1) or complete
// (QoS 2). With statusMessages, `<prefix>/status` carries a retained "online"/"offline" flag,
// and the last will says "offline" when the connection dies without a goodbye.
class MqttDistributor final : public Distributor {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MqttDistributor)

public:
    explicit MqttDistributor(const QJsonObject &config, QObject *parent = nullptr);
    ~MqttDistributor() override;

    QString targetDescription() const override;
    const MqttSettings &settings() const { return m_settings; }

protected:
    void startTransport() override;
    void stopTransport() override;
    bool readyToTransmit() const override;
    void transmit(OutboxItem item) override;
    void abortInFlight() override;
    QJsonObject healthDetails() const override;

private:
    // A message handed to the client, waiting for published(messageId).
    struct Pending {
        OutboxItem item;
        qint64 bytes = 0;
        int qos = 0;
        qint64 deadlineNs = 0;
    };

    void configureClient();
    void onClientStateChanged(MqttClient::State state);
    void onConnected();
    void onDisconnected();
    void onPublished(int messageId);
    void expireOverdue();
    void scheduleAckTimer();
    void encodeInto(QByteArray &out, const OutboxItem &item) const;
    QString ackTimeoutMessage(int qos) const;

    const MqttSettings m_settings;
    const EnvelopeEncoder m_encoder;
    MqttClient *const m_client;
    std::unordered_map<int, Pending> m_pending;
    QTimer m_ackTimer{this};
    bool m_connected = false;
    bool m_closing = false; // our own disconnect: its state change is not news
    bool m_everConnected = false;
    int m_reconnectCount = 0;
    static constexpr int MaxCachedTopics = 1024;
    QHash<QString, QByteArray> m_topics; // event name → topic in UTF-8 (no per-send options)
    QByteArray m_payload;                // reused for every event
};
