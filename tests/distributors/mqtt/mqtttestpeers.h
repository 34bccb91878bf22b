#pragma once

#include "distributor.h"
#include "envelope.h"
#include "mqttclient.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTcpServer>
#include <QVariantList>

class QTcpSocket;

// Loopback peers for the MQTT tests: a subscriber on the real broker, and a bare TCP server that
// speaks just enough MQTT to leave a client waiting (no CONNACK, or no PUBACK).

namespace MqttTest {

// The effective config a session would hand over: schema defaults ⊕ `overrides`.
QJsonObject mqttConfig(const QJsonObject &overrides);
QString brokerUrl(quint16 port);
// A gaze sample of session "study-1" with timestamp 1725880800000 + seq.
EnvelopePtr gaze(quint64 seq, const QString &event = QStringLiteral("gaze"));
// Starts the distributor and waits for the outcome of its first connect attempt: the arguments
// of started(ok, error).
QVariantList startAndWait(Distributor &distributor);
bool containsInOrder(const QList<Distributor::State> &states,
                     const QList<Distributor::State> &expected);

} // namespace MqttTest

struct ReceivedMessage {
    QString topic;
    QByteArray payload;
    bool retained = false;
};

// An MqttClient that subscribes and records what arrives.
class MqttSubscriber final : public QObject {
    Q_OBJECT

public:
    explicit MqttSubscriber(QObject *parent = nullptr);

    MqttClient &client() { return m_client; }
    // Connects to 127.0.0.1:`port` and subscribes; waits (event-driven) for CONNACK and SUBACK.
    bool start(quint16 port, const QString &topicFilter, int qos = 1);

    const QList<ReceivedMessage> &messages() const { return m_messages; }
    QList<ReceivedMessage> messagesOn(const QString &topic) const;
    QByteArrayList payloadsOn(const QString &topic) const;

private:
    MqttClient m_client;
    QList<ReceivedMessage> m_messages;
};

// Accepts TCP connections on 127.0.0.1 and records the MQTT packet types it receives. With
// `acceptConnect` it answers CONNECT with a successful CONNACK and then stays silent.
class SilentBroker final : public QObject {
    Q_OBJECT

public:
    explicit SilentBroker(bool acceptConnect, QObject *parent = nullptr);

    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    int openConnections() const;
    // Fixed-header types (CONNECT = 1, PUBLISH = 3, DISCONNECT = 14, ...) in arrival order.
    QList<int> packetTypes() const { return m_packetTypes; }
    int countOf(int packetType) const { return int(m_packetTypes.count(packetType)); }
    // Drops every client connection, as a crashed broker would; keeps listening.
    void dropClients();

private:
    void onNewConnection();
    void parse(QTcpSocket *socket);

    const bool m_acceptConnect;
    QTcpServer m_server;
    QList<QPointer<QTcpSocket>> m_sockets;
    QByteArray m_buffer;
    QList<int> m_packetTypes;
};
