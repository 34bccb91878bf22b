#pragma once

#include "envelope.h"
#include "mqttclient.h"

#include <QJsonObject>
#include <QString>
#include <QUrl>

// The MQTT distributor's effective config, read once (SPEC §4.3 [REC]): where the broker is,
// how to talk to it, and which topic an event goes to.
class MqttSettings {
public:
    static MqttSettings fromConfig(const QJsonObject &config);

    // Non-empty when the config cannot work (a malformed broker URL); says what and why.
    QString configError;

    QString host = QStringLiteral("localhost");
    quint16 port = 1883;
    bool tls = false;
    QString clientId;
    QString username;
    QString password;
    int keepAlive = 60;
    bool cleanSession = true;
    MqttClient::ProtocolVersion protocolVersion = MqttClient::ProtocolVersion::Mqtt311;
    QString caFile;
    int connectTimeoutMs = 30000;
    int ackTimeoutMs = 5000;
    int maxInFlight = 100;
    int qos = 1;
    bool retain = false;
    bool statusMessages = true;
    PayloadFormat payloadFormat = PayloadFormat::Envelope;
    QJsonObject topics;
    QJsonObject topicAliases;

    // `mqtt://host:port` or `mqtts://host:port`, without credentials.
    QString brokerUrl() const;
    QString prefix() const;
    // `<prefix>/status`: the retained online/offline flag and the last will.
    QString statusTopic() const;
    // options.topic → topics[topicAliases[event]] → topics[event] → <prefix>/<event>.
    QString topicFor(const QString &event, const QJsonObject &options) const;
    // An empty string when `topic` may be published to, else why not.
    static QString topicProblem(const QString &topic);
};
