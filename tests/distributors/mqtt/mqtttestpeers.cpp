#include "mqtttestpeers.h"

#include "configmanager.h"
#include "configschema.h"

#include <QSignalSpy>
#include <QTcpSocket>

#include <algorithm>

namespace {

constexpr int WaitMs = 5000;
constexpr int ConnectPacket = 1;

} // namespace

namespace MqttTest {

QJsonObject mqttConfig(const QJsonObject &overrides) {
    return ConfigManager::mergeOverride(ConfigSchema::defaults(DistributorType::Mqtt), overrides);
}

QString brokerUrl(quint16 port) {
    return QStringLiteral("mqtt://127.0.0.1:%1").arg(port);
}

EnvelopePtr gaze(quint64 seq, const QString &event) {
    return makeEnvelope(event, QStringLiteral("study-1"), seq, 1725880800000 + qint64(seq),
                        QJsonObject{{QStringLiteral("x"), 0.5}, {QStringLiteral("y"), 0.25}});
}

QVariantList startAndWait(Distributor &distributor) {
    QSignalSpy started(&distributor, &Distributor::started);
    distributor.connectToTarget();
    if (started.isEmpty() && !started.wait(10000))
        return {false, QStringLiteral("no started() signal")};
    return started.first();
}

bool containsInOrder(const QList<Distributor::State> &states,
                     const QList<Distributor::State> &expected) {
    auto it = states.begin();
    for (const Distributor::State wanted : expected) {
        it = std::find(it, states.end(), wanted);
        if (it == states.end())
            return false;
        ++it;
    }
    return true;
}

} // namespace MqttTest

MqttSubscriber::MqttSubscriber(QObject *parent)
    : QObject(parent) {
    connect(&m_client, &MqttClient::messageReceived, this,
            [this](const QString &topic, const QByteArray &payload, bool retained) {
                m_messages.append({topic, payload, retained});
            });
}

bool MqttSubscriber::start(quint16 port, const QString &topicFilter, int qos) {
    m_client.setHostname(QStringLiteral("127.0.0.1"));
    m_client.setPort(port);
    QSignalSpy connected(&m_client, &MqttClient::stateChanged);
    m_client.connectToHost();
    while (m_client.state() == MqttClient::State::Connecting) {
        if (!connected.wait(WaitMs))
            return false;
    }
    if (m_client.state() != MqttClient::State::Connected)
        return false;
    QSignalSpy subscribed(&m_client, &MqttClient::subscribed);
    const int id = m_client.subscribe(topicFilter, qos);
    return id > 0 && subscribed.wait(WaitMs) && subscribed.first().first().toInt() == id;
}

QList<ReceivedMessage> MqttSubscriber::messagesOn(const QString &topic) const {
    QList<ReceivedMessage> matching;
    for (const ReceivedMessage &message : m_messages) {
        if (message.topic == topic)
            matching.append(message);
    }
    return matching;
}

QByteArrayList MqttSubscriber::payloadsOn(const QString &topic) const {
    QByteArrayList payloads;
    for (const ReceivedMessage &message : messagesOn(topic))
        payloads.append(message.payload);
    return payloads;
}

SilentBroker::SilentBroker(bool acceptConnect, QObject *parent)
    : QObject(parent)
    , m_acceptConnect(acceptConnect) {
    connect(&m_server, &QTcpServer::newConnection, this, &SilentBroker::onNewConnection);
}

bool SilentBroker::listen() {
    return m_server.listen(QHostAddress::LocalHost, 0);
}

int SilentBroker::openConnections() const {
    int open = 0;
    for (const QPointer<QTcpSocket> &socket : m_sockets) {
        if (socket && socket->state() == QAbstractSocket::ConnectedState)
            ++open;
    }
    return open;
}

void SilentBroker::dropClients() {
    for (const QPointer<QTcpSocket> &socket : std::as_const(m_sockets)) {
        if (socket)
            socket->abort();
    }
}

void SilentBroker::onNewConnection() {
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        m_sockets.append(socket);
        m_buffer.clear(); // one client at a time is all the tests need
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { parse(socket); });
    }
}

void SilentBroker::parse(QTcpSocket *socket) {
    m_buffer += socket->readAll();
    while (m_buffer.size() >= 2) {
        // Fixed header: type in the high nibble, then the remaining length as a varint.
        qsizetype remaining = 0;
        int shift = 0;
        qsizetype index = 1;
        bool complete = false;
        while (index < m_buffer.size() && index <= 4) {
            const auto byte = quint8(m_buffer.at(index++));
            remaining |= qsizetype(byte & 0x7f) << shift;
            shift += 7;
            if (!(byte & 0x80)) {
                complete = true;
                break;
            }
        }
        if (!complete || m_buffer.size() < index + remaining)
            return;
        const int type = quint8(m_buffer.at(0)) >> 4;
        m_buffer.remove(0, index + remaining);
        m_packetTypes.append(type);
        if (type == ConnectPacket && m_acceptConnect)
            socket->write(QByteArray::fromHex("20020000")); // CONNACK, accepted
    }
}
