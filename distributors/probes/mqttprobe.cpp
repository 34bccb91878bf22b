#include "mqttprobe.h"

namespace {

// `<prefix>/#`, then the configured topics that it does not cover. Overlapping filters would
// make the broker deliver a message once per matching filter, seen here as duplicates.
QStringList filtersFor(const MqttSettings &settings) {
    const QString prefix = settings.prefix();
    QStringList filters{prefix + QStringLiteral("/#")};
    for (auto it = settings.topics.begin(); it != settings.topics.end(); ++it) {
        const QString topic = it.value().toString();
        if (it.key() == QLatin1String("prefix") || !MqttSettings::topicProblem(topic).isEmpty())
            continue;
        if (topic.startsWith(prefix + QLatin1Char('/')) || filters.contains(topic))
            continue;
        filters.append(topic);
    }
    return filters;
}

} // namespace

MqttProbe::MqttProbe(const QJsonObject &config, QObject *parent)
    : DeliveryProbe(DistributorType::Mqtt, config, parent)
    , m_settings(MqttSettings::fromConfig(config))
    , m_filters(filtersFor(m_settings)) {
    connect(&m_client, &MqttClient::stateChanged, this, &MqttProbe::onStateChanged);
    connect(&m_client, &MqttClient::subscribed, this, &MqttProbe::onSubscribed);
    connect(&m_client, &MqttClient::messageReceived, this, &MqttProbe::onMessage);
    m_client.setHostname(m_settings.host);
    m_client.setPort(m_settings.port);
    m_client.setClientId(m_settings.clientId + QStringLiteral("-probe"));
    m_client.setUsername(m_settings.username);
    m_client.setPassword(m_settings.password);
    m_client.setKeepAlive(m_settings.keepAlive);
    m_client.setCleanSession(true);
    m_client.setTlsEnabled(m_settings.tls);
    m_client.setCaFile(m_settings.caFile);
    m_client.setConnectTimeout(qMin(m_settings.connectTimeoutMs, 10000));
}

MqttProbe::~MqttProbe() {
    m_client.disconnect(this);
    m_client.disconnectFromHost();
}

void MqttProbe::open() {
    if (!m_settings.configError.isEmpty()) {
        unavailable(m_settings.configError);
        return;
    }
    m_pendingSubscriptions.clear();
    setNote(QStringLiteral("connecting to ") + m_settings.brokerUrl());
    m_client.connectToHost();
}

void MqttProbe::close() {
    m_pendingSubscriptions.clear();
    const QSignalBlocker blocker(m_client);
    m_client.disconnectFromHost();
}

void MqttProbe::onStateChanged(MqttClient::State state) {
    if (!isRunning())
        return;
    if (state == MqttClient::State::Disconnected) {
        const QString reason = m_client.errorString().isEmpty() ? QStringLiteral("disconnected")
                                                                : m_client.errorString();
        retryLater(m_settings.brokerUrl() + QStringLiteral(": ") + reason);
        return;
    }
    if (state != MqttClient::State::Connected)
        return;
    setNote(QStringLiteral("subscribing to ") + m_filters.join(QStringLiteral(", ")));
    for (const QString &filter : std::as_const(m_filters)) {
        const int id = m_client.subscribe(filter, 1);
        if (id < 0) {
            retryLater(
                QStringLiteral("%1: cannot subscribe to %2").arg(m_settings.brokerUrl(), filter));
            return;
        }
        m_pendingSubscriptions.insert(id);
    }
}

void MqttProbe::onSubscribed(int messageId) {
    if (m_pendingSubscriptions.remove(messageId) && m_pendingSubscriptions.isEmpty())
        connectionEstablished();
}

void MqttProbe::onMessage(const QString &topic, const QByteArray &payload, bool retained) {
    if (retained || topic == m_settings.statusTopic() || m_pendingSubscriptions.size() > 0)
        return;
    receivePayload(payload);
}
