#pragma once

#include "deliveryprobe.h"
#include "reachabilitycheck.h"
#include "sessionconfig.h"

#include <QMap>
#include <QObject>

#include <memory>

class LocalHttpSink;

// The demo session as DemoSetup found it could run on this machine.
struct DemoConfig {
    SessionConfig config;
    quint16 webSocketPort = 0;
    quint16 ssePort = 0;
    quint16 udpPort = 0;
    quint16 httpPort = 0;
    bool mqttAvailable = false;
    // A line the window shows in a distributor's row, by type name: for "mqtt" how to start a
    // broker when none answered.
    QMap<QString, QString> hints;
};

// Prepares the out-of-the-box demo (`labrelay --demo`, and the first start): a session on
// loopback whose every distributor has a live receiver, so a newcomer sees data arrive within
// seconds. WebSocket and SSE listen on 127.0.0.1 (8090 and 3002 when free, other free ports
// otherwise); UDP goes to a free loopback port where the UDP probe will listen; HTTP goes to a
// LocalHttpSink this object starts and keeps serving, so the HTTP distributor's connect probe
// succeeds; MQTT goes to the broker on 127.0.0.1:1883 when one accepts a connection within
// half a second, and is otherwise configured but not enabled, with a hint how to start one.
//
// Everything is event-driven: start() returns at once and ready() follows. The engine owner
// then creates the session from `config`, starts the synthetic source, and creates the probes
// with createProbe() here (which hands the HTTP probe this object's sink).
class DemoSetup final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoSetup)

public:
    static constexpr quint16 PreferredWebSocketPort = 8090;
    static constexpr quint16 PreferredSsePort = 3002;
    static constexpr quint16 DefaultBrokerPort = 1883;
    static constexpr int DefaultBrokerTimeoutMs = 500;
    static inline const QString SessionId = QStringLiteral("demo");

    explicit DemoSetup(QObject *parent = nullptr);
    ~DemoSetup() override;

    // Where to look for the MQTT broker (default 127.0.0.1:1883). Takes effect at start().
    void setMqttBroker(const QString &host, quint16 port);
    void setBrokerTimeout(int ms) { m_brokerTimeoutMs = ms; }
    // The ports tried first for WebSocket and SSE (default 8090 and 3002).
    void setPreferredPorts(quint16 webSocket, quint16 sse);

    // Picks the ports, starts the HTTP sink and checks the broker; ready() follows.
    void start();
    bool isReady() const { return m_ready; }
    const DemoConfig &result() const { return m_result; }
    // The sink serving the demo's HTTP target, owned by this object; null before start().
    LocalHttpSink *httpSink() const;

    // The delivery probe for one of the demo's distributors (see createProbe()); the HTTP
    // probe reads this object's sink instead of trying to listen on its port.
    std::unique_ptr<DeliveryProbe> createProbe(DistributorType type,
                                               const QJsonObject &effectiveConfig) const;

    // The demo's routing table.
    static EventRouting routing();

signals:
    void ready(const DemoConfig &demo);

private:
    void onBrokerChecked(bool reachable);
    QString brokerUrl() const;

    QString m_brokerHost = QStringLiteral("127.0.0.1");
    quint16 m_brokerPort = DefaultBrokerPort;
    int m_brokerTimeoutMs = DefaultBrokerTimeoutMs;
    quint16 m_preferredWebSocketPort = PreferredWebSocketPort;
    quint16 m_preferredSsePort = PreferredSsePort;

    std::unique_ptr<LocalHttpSink> m_httpSink;
    QString m_httpSinkError;
    ReachabilityCheck m_brokerCheck;
    DemoConfig m_result;
    bool m_ready = false;
};

Q_DECLARE_METATYPE(DemoConfig)
