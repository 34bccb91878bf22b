#pragma once

#include "deliveryprobe.h"
#include "mqttclient.h"
#include "mqttsettings.h"

#include <QSet>
#include <QStringList>

// Probes the MQTT distributor as a subscriber on the same broker, with its own client id: it
// subscribes to `<prefix>/#` and to every topic of the distributor's `topics` map outside that
// tree, and counts as connected once the broker acknowledged every subscription. Retained
// messages (from earlier runs) and the `<prefix>/status` flag are not events of this session
// and are skipped.
class MqttProbe final : public DeliveryProbe {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MqttProbe)

public:
    explicit MqttProbe(const QJsonObject &config, QObject *parent = nullptr);
    ~MqttProbe() override;

    // The topic filters the probe subscribes to.
    QStringList topicFilters() const { return m_filters; }
    QString clientId() const { return m_client.clientId(); }

protected:
    void open() override;
    void close() override;

private:
    void onStateChanged(MqttClient::State state);
    void onSubscribed(int messageId);
    void onMessage(const QString &topic, const QByteArray &payload, bool retained);

    const MqttSettings m_settings;
    QStringList m_filters;
    MqttClient m_client;
    QSet<int> m_pendingSubscriptions;
};
