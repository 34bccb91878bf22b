#include "mqttdistributor.h"

#include "clock.h"

#include <QJsonArray>
#include <QLoggingCategory>

#include <algorithm>
#include <vector>

Q_LOGGING_CATEGORY(lcMqtt, "labrelay.mqtt")

namespace {

// MQTT 3.1.1 recommends client ids of at most 23 characters; most brokers accept more.
constexpr int RecommendedClientIdLength = 23;
constexpr int StatusQos = 1;
constexpr int MaxLibraryInflight = 65535;
// The largest remaining length MQTT can express, minus room for the topic and packet id.
constexpr qsizetype MaxPayloadBytes = 268435455 - 65535 - 4;

const QByteArray OnlinePayload = QByteArrayLiteral("online");
const QByteArray OfflinePayload = QByteArrayLiteral("offline");

Distributor::Error distributorError(const MqttClient &client) {
    switch (client.error()) {
    case MqttClient::ClientError::BadUsernameOrPassword:
    case MqttClient::ClientError::NotAuthorized:
        return Distributor::Error::AuthenticationError;
    case MqttClient::ClientError::IdRejected:
        return Distributor::Error::ConfigurationError;
    case MqttClient::ClientError::InvalidProtocolVersion:
    case MqttClient::ClientError::ProtocolViolation:
        return Distributor::Error::ProtocolError;
    case MqttClient::ClientError::ServerUnavailable:
        return Distributor::Error::RemoteError;
    case MqttClient::ClientError::NoError:
    case MqttClient::ClientError::UnknownError:
        return Distributor::Error::UnknownError;
    case MqttClient::ClientError::TransportInvalid:
        break;
    }
    switch (client.socketError()) {
    case QAbstractSocket::HostNotFoundError:
        return Distributor::Error::HostNotFound;
    case QAbstractSocket::ConnectionRefusedError:
        return Distributor::Error::ConnectionRefused;
    case QAbstractSocket::SocketTimeoutError:
        return Distributor::Error::Timeout;
    case QAbstractSocket::SslHandshakeFailedError:
        return Distributor::Error::TlsError;
    case QAbstractSocket::SslInvalidUserDataError:
        return Distributor::Error::ConfigurationError;
    default:
        return Distributor::Error::ConnectionLost;
    }
}

// Whether trying again later can help: not for refused credentials, a rejected id, an
// untrusted certificate or an unreadable CA file, which need the operator.
bool isTransient(Distributor::Error error) {
    switch (error) {
    case Distributor::Error::AuthenticationError:
    case Distributor::Error::ConfigurationError:
    case Distributor::Error::ProtocolError:
    case Distributor::Error::TlsError:
        return false;
    default:
        return true;
    }
}

} // namespace

MqttDistributor::MqttDistributor(const QJsonObject &config, QObject *parent)
    : Distributor(DistributorType::Mqtt, config, parent)
    , m_settings(MqttSettings::fromConfig(config))
    , m_encoder(QStringLiteral("mqtt"), m_settings.payloadFormat, m_settings.clientId)
    , m_client(new MqttClient(this)) {
    m_ackTimer.setSingleShot(true);
    connect(&m_ackTimer, &QTimer::timeout, this, &MqttDistributor::expireOverdue);
    connect(m_client, &MqttClient::stateChanged, this, &MqttDistributor::onClientStateChanged);
    connect(m_client, &MqttClient::published, this, &MqttDistributor::onPublished);
    if (!m_settings.username.isEmpty() && !m_settings.tls)
        qCWarning(lcMqtt) << "credentials for" << m_settings.brokerUrl()
                          << "travel unencrypted; use mqtts:// outside a trusted network";
    if (m_settings.clientId.size() > RecommendedClientIdLength)
        qCInfo(lcMqtt) << "client id" << m_settings.clientId << "is longer than 23 characters;"
                       << "some MQTT 3.1.1 brokers refuse that";
}

MqttDistributor::~MqttDistributor() {
    // Destroyed without a stop: still leave the broker a truthful status flag.
    m_closing = true;
    if (m_client->state() == MqttClient::State::Connected && m_settings.statusMessages)
        m_client->publish(m_settings.statusTopic(), OfflinePayload, StatusQos, true);
    m_client->disconnectFromHost();
}

QString MqttDistributor::targetDescription() const {
    return m_settings.brokerUrl();
}

void MqttDistributor::startTransport() {
    if (!m_settings.configError.isEmpty()) {
        transportFailed(Error::ConfigurationError, m_settings.configError, false);
        return;
    }
    if (m_client->state() != MqttClient::State::Disconnected) {
        m_closing = true;
        m_client->abort();
        m_closing = false;
    }
    configureClient();
    m_client->connectToHost();
}

void MqttDistributor::configureClient() {
    m_client->setHostname(m_settings.host);
    m_client->setPort(m_settings.port);
    m_client->setClientId(m_settings.clientId);
    m_client->setUsername(m_settings.username);
    m_client->setPassword(m_settings.password);
    m_client->setKeepAlive(m_settings.keepAlive);
    m_client->setCleanSession(m_settings.cleanSession);
    m_client->setProtocolVersion(m_settings.protocolVersion);
    m_client->setTlsEnabled(m_settings.tls);
    m_client->setCaFile(m_settings.caFile);
    m_client->setConnectTimeout(m_settings.connectTimeoutMs);
    // maxInFlight and the ack timeout are enforced here; libmosquitto must not hold a message
    // back behind ones this distributor has already given up on.
    m_client->setMaxInflight(MaxLibraryInflight);
    if (m_settings.statusMessages)
        m_client->setWill(m_settings.statusTopic(), OfflinePayload, StatusQos, true);
    else
        m_client->clearWill();
}

void MqttDistributor::stopTransport() {
    m_ackTimer.stop();
    m_closing = true;
    if (m_client->state() == MqttClient::State::Connected && m_settings.statusMessages)
        m_client->publish(m_settings.statusTopic(), OfflinePayload, StatusQos, true);
    m_client->disconnectFromHost();
    m_closing = false;
    m_connected = false;
    m_pending.clear(); // abortInFlight() has completed them
}

bool MqttDistributor::readyToTransmit() const {
    return m_connected && int(m_pending.size()) < m_settings.maxInFlight;
}

void MqttDistributor::transmit(OutboxItem item) {
    // Without per-send options an event's topic is always the same: resolve, check and encode
    // it once per event name.
    QByteArray topicUtf8;
    QString topic;
    QString problem;
    if (item.options.isEmpty()) {
        const auto cached = m_topics.constFind(item.envelope->event);
        if (cached != m_topics.constEnd()) {
            topicUtf8 = *cached;
        } else {
            topic = m_settings.topicFor(item.envelope->event, item.options);
            problem = MqttSettings::topicProblem(topic);
            if (problem.isEmpty() && m_topics.size() < MaxCachedTopics) {
                topicUtf8 = topic.toUtf8();
                m_topics.insert(item.envelope->event, topicUtf8);
            }
        }
    }
    if (topicUtf8.isEmpty() && problem.isEmpty()) {
        topic = m_settings.topicFor(item.envelope->event, item.options);
        problem = MqttSettings::topicProblem(topic);
        topicUtf8 = topic.toUtf8();
    }
    if (!problem.isEmpty()) {
        completeFailed(
            std::move(item),
            QStringLiteral("MQTT topic \"%1\" cannot be published to: %2").arg(topic, problem),
            false);
        return;
    }
    int qos = m_settings.qos;
    const QJsonValue qosOption = item.options.value(QLatin1String("qos"));
    if (!qosOption.isUndefined()) {
        qos = qosOption.toInt(-1);
        if (qos < 0 || qos > 2 || qosOption.toDouble() != qos) {
            completeFailed(std::move(item),
                           QStringLiteral("MQTT qos option %1 is not valid: use 0, 1 or 2")
                               .arg(qosOption.toVariant().toString()),
                           false);
            return;
        }
    }
    const bool retain = item.options.value(QLatin1String("retain")).toBool(m_settings.retain);
    encodeInto(m_payload, item);
    const QByteArray &payload = m_payload;
    if (payload.size() > MaxPayloadBytes) {
        completeFailed(std::move(item),
                       QStringLiteral("MQTT payload of %1 bytes is larger than MQTT allows (%2)")
                           .arg(payload.size())
                           .arg(MaxPayloadBytes),
                       false);
        return;
    }
    const int messageId = m_client->publish(topicUtf8, payload, qos, retain);
    if (messageId < 0) {
        completeFailed(std::move(item),
                       QStringLiteral("MQTT publish to %1 on %2 failed: %3")
                           .arg(QString::fromUtf8(topicUtf8), m_settings.brokerUrl(),
                                m_client->lastPublishError()),
                       true);
        return;
    }
    const qint64 deadline = Clock::monotonicNs() + qint64(m_settings.ackTimeoutMs) * 1000000;
    Pending entry{std::move(item), payload.size(), qos, deadline};
    std::swap(m_pending[messageId], entry);
    if (!m_ackTimer.isActive())
        scheduleAckTimer();
    if (entry.item.envelope) {
        // Only after 65535 ids: the older message's answer can no longer be told apart.
        completeFailed(std::move(entry.item), QStringLiteral("MQTT message id reused"), true);
    }
}

void MqttDistributor::encodeInto(QByteArray &out, const OutboxItem &item) const {
    if (m_settings.payloadFormat == PayloadFormat::Raw) {
        out = EnvelopeEncoder::encodeRaw(*item.envelope);
        return;
    }
    m_encoder.encodeInto(out, *item.envelope,
                         item.options.value(QLatin1String("metadata")).toObject());
}

void MqttDistributor::abortInFlight() {
    m_ackTimer.stop();
    auto pending = std::exchange(m_pending, {});
    for (auto &[messageId, entry] : pending)
        completeDropped(std::move(entry.item), DropReason::Disabled);
}

void MqttDistributor::onClientStateChanged(MqttClient::State state) {
    if (m_closing)
        return;
    if (state == MqttClient::State::Connected)
        onConnected();
    else if (state == MqttClient::State::Disconnected)
        onDisconnected();
}

void MqttDistributor::onConnected() {
    m_connected = true;
    if (m_everConnected)
        ++m_reconnectCount;
    m_everConnected = true;
    // Before any event, so subscribers see the flag flip first; a reconnect overrides the will.
    if (m_settings.statusMessages)
        m_client->publish(m_settings.statusTopic(), OnlinePayload, StatusQos, true);
    transportReady();
}

void MqttDistributor::onDisconnected() {
    const bool wasConnected = std::exchange(m_connected, false);
    const Error error = distributorError(*m_client);
    QString message = m_client->errorString();
    if (message.isEmpty())
        message = QStringLiteral("MQTT connection to %1 closed").arg(m_settings.brokerUrl());
    else if (m_client->error() != MqttClient::ClientError::TransportInvalid)
        message += QStringLiteral(" (broker %1)").arg(m_settings.brokerUrl());
    if (!wasConnected) {
        transportFailed(error, message, isTransient(error));
        return;
    }
    m_ackTimer.stop();
    if (isStopping()) {
        transportLost(Error::ConnectionLost, message); // finishes the stop; drops what is left
        return;
    }
    // Lost first, so the base no longer counts the transport as up while items come back.
    auto orphaned = std::exchange(m_pending, {});
    transportLost(Error::ConnectionLost, message);
    for (auto &[messageId, entry] : orphaned) {
        completeFailed(
            std::move(entry.item),
            QStringLiteral("MQTT connection lost before the broker confirmed: ") + message, true);
    }
}

void MqttDistributor::onPublished(int messageId) {
    const auto it = m_pending.find(messageId);
    if (it == m_pending.end())
        return; // a status message, or one that already timed out
    Pending entry = std::move(it->second);
    m_pending.erase(it);
    completeSent(std::move(entry.item), entry.bytes, entry.qos > 0);
}

void MqttDistributor::expireOverdue() {
    const qint64 now = Clock::monotonicNs();
    std::vector<Pending> overdue;
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        if (it->second.deadlineNs <= now) {
            overdue.push_back(std::move(it->second));
            it = m_pending.erase(it);
        } else {
            ++it;
        }
    }
    for (Pending &entry : overdue)
        completeFailed(std::move(entry.item), ackTimeoutMessage(entry.qos), true);
    if (!m_ackTimer.isActive())
        scheduleAckTimer();
}

void MqttDistributor::scheduleAckTimer() {
    if (m_pending.empty())
        return;
    const auto earliest =
        std::min_element(m_pending.begin(), m_pending.end(), [](const auto &a, const auto &b) {
            return a.second.deadlineNs < b.second.deadlineNs;
        });
    const qint64 waitNs = earliest->second.deadlineNs - Clock::monotonicNs();
    m_ackTimer.start(int(std::max<qint64>(0, waitNs / 1000000 + 1)));
}

QString MqttDistributor::ackTimeoutMessage(int qos) const {
    if (qos == 0)
        return QStringLiteral("MQTT message not written within %1 ms").arg(m_settings.ackTimeoutMs);
    return QStringLiteral("MQTT %1 timeout after %2 ms")
        .arg(qos == 1 ? QStringLiteral("PUBACK") : QStringLiteral("PUBCOMP"))
        .arg(m_settings.ackTimeoutMs);
}

QJsonObject MqttDistributor::healthDetails() const {
    QJsonArray topicKeys;
    for (auto it = m_settings.topics.begin(); it != m_settings.topics.end(); ++it)
        topicKeys.append(it.key());
    return {
        {QStringLiteral("protocol"),
         m_settings.tls ? QStringLiteral("mqtts") : QStringLiteral("mqtt")},
        {QStringLiteral("protocolVersion"),
         m_settings.protocolVersion == MqttClient::ProtocolVersion::Mqtt5
             ? QStringLiteral("5")
             : QStringLiteral("3.1.1")},
        {QStringLiteral("broker"), m_settings.brokerUrl()},
        {QStringLiteral("clientId"), m_settings.clientId},
        {QStringLiteral("connected"), m_connected},
        {QStringLiteral("topics"), topicKeys},
        {QStringLiteral("capabilities"),
         QJsonArray{QStringLiteral("send"), QStringLiteral("receive"), QStringLiteral("subscribe"),
                    QStringLiteral("broadcast"), QStringLiteral("reliable")}},
        {QStringLiteral("reconnectCount"), m_reconnectCount},
        {QStringLiteral("awaitingAck"), int(m_pending.size())},
    };
}
