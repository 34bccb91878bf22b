#include "demosetup.h"

#include "httpprobe.h"
#include "localhttpsink.h"
#include "probeaddress.h"
#include "probefactory.h"

#include <QJsonArray>
#include <QTcpServer>
#include <QUdpSocket>

#include <vector>

namespace {

// Keeps every socket it opened until it goes away, so that no two picks return the same port.
// The ports are free again once the picker is gone, before the session binds them.
class PortPicker final {
public:
    quint16 tcp(quint16 preferred) {
        auto server = std::make_unique<QTcpServer>();
        if (preferred == 0 || !server->listen(QHostAddress::LocalHost, preferred))
            server->listen(QHostAddress::LocalHost, 0);
        const quint16 port = server->serverPort();
        m_tcp.push_back(std::move(server));
        return port;
    }

    quint16 udp() {
        auto socket = std::make_unique<QUdpSocket>();
        socket->bind(QHostAddress::LocalHost, 0, QAbstractSocket::DontShareAddress);
        const quint16 port = socket->localPort();
        m_udp.push_back(std::move(socket));
        return port;
    }

private:
    std::vector<std::unique_ptr<QTcpServer>> m_tcp;
    std::vector<std::unique_ptr<QUdpSocket>> m_udp;
};

const QString Loopback = QStringLiteral("127.0.0.1");

} // namespace

DemoSetup::DemoSetup(QObject *parent)
    : QObject(parent) {
    qRegisterMetaType<DemoConfig>();
    connect(&m_brokerCheck, &ReachabilityCheck::finished, this, &DemoSetup::onBrokerChecked);
}

DemoSetup::~DemoSetup() = default;

void DemoSetup::setMqttBroker(const QString &host, quint16 port) {
    m_brokerHost = host;
    m_brokerPort = port;
}

void DemoSetup::setPreferredPorts(quint16 webSocket, quint16 sse) {
    m_preferredWebSocketPort = webSocket;
    m_preferredSsePort = sse;
}

LocalHttpSink *DemoSetup::httpSink() const {
    return m_httpSink.get();
}

void DemoSetup::start() {
    m_ready = false;
    m_result = DemoConfig();
    {
        PortPicker picker;
        m_result.webSocketPort = picker.tcp(m_preferredWebSocketPort);
        m_result.ssePort = picker.tcp(m_preferredSsePort);
        m_result.udpPort = picker.udp();
    }
    m_httpSink = std::make_unique<LocalHttpSink>();
    m_httpSinkError.clear();
    if (m_httpSink->listen(QHostAddress::LocalHost, 0)) {
        m_result.httpPort = m_httpSink->serverPort();
    } else {
        m_httpSinkError = m_httpSink->errorString();
        m_httpSink.reset();
    }
    m_brokerCheck.check(m_brokerHost, m_brokerPort, m_brokerTimeoutMs);
}

QString DemoSetup::brokerUrl() const {
    return QStringLiteral("mqtt://") + ProbeAddress::hostPort(m_brokerHost, m_brokerPort);
}

EventRouting DemoSetup::routing() {
    const QString http = QStringLiteral("http");
    const QString webSocket = QStringLiteral("websocket");
    const QString mqtt = QStringLiteral("mqtt");
    const QString udp = QStringLiteral("udp");
    const QString sse = QStringLiteral("sse");
    return EventRouting{
        {QStringLiteral("neon_gaze_data"), {udp, webSocket, sse}},
        {QStringLiteral("neon_pupil_data"), {webSocket, mqtt}},
        {QStringLiteral("neon_blink"), {http, mqtt, webSocket}},
        {QStringLiteral("neon_fixation"), {http, mqtt, webSocket}},
        {QStringLiteral("neon_saccade"), {http, mqtt, webSocket}},
        {QStringLiteral("neon_device_status"), {http, sse, mqtt}},
        {QStringLiteral("neon_quality_metrics"), {http, sse, mqtt}},
        {EventRouting::Wildcard, {webSocket}},
    };
}

void DemoSetup::onBrokerChecked(bool reachable) {
    DemoConfig &demo = m_result;
    demo.mqttAvailable = reachable;

    SessionConfig &config = demo.config;
    config.sessionId = SessionId;
    config.templateName = QString(); // no template: exactly the distributors below
    config.distributors.insert(
        QStringLiteral("websocket"),
        {{QStringLiteral("host"), Loopback}, {QStringLiteral("port"), demo.webSocketPort}});
    config.distributors.insert(QStringLiteral("sse"),
                               {{QStringLiteral("host"), Loopback},
                                {QStringLiteral("port"), demo.ssePort},
                                {QStringLiteral("endpoint"), QStringLiteral("/events/stream")}});
    config.distributors.insert(QStringLiteral("udp"),
                               {{QStringLiteral("host"), Loopback},
                                {QStringLiteral("port"), demo.udpPort},
                                {QStringLiteral("targets"),
                                 QJsonArray{QJsonObject{{QStringLiteral("host"), Loopback},
                                                        {QStringLiteral("port"), demo.udpPort}}}}});
    config.distributors.insert(
        QStringLiteral("http"),
        {{QStringLiteral("baseUrl"), QString(QStringLiteral("http://") + Loopback + QLatin1Char(':')
                                             + QString::number(demo.httpPort))},
         {QStringLiteral("timeout"), 5000}});
    config.distributors.insert(QStringLiteral("mqtt"),
                               {{QStringLiteral("broker"), brokerUrl()},
                                {QStringLiteral("clientId"), QStringLiteral("labrelay-demo")}});
    config.eventRouting = routing();

    QStringList enabled{QStringLiteral("websocket"), QStringLiteral("sse"), QStringLiteral("udp")};
    if (m_httpSink) {
        enabled.append(QStringLiteral("http"));
    } else {
        demo.hints.insert(QStringLiteral("http"),
                          tr("The local HTTP sink could not start: %1").arg(m_httpSinkError));
    }
    if (reachable) {
        enabled.append(QStringLiteral("mqtt"));
    } else {
        demo.hints.insert(QStringLiteral("mqtt"),
                          tr("No MQTT broker on %1 — start one with: mosquitto -p %2")
                              .arg(ProbeAddress::hostPort(m_brokerHost, m_brokerPort))
                              .arg(m_brokerPort));
    }
    config.enabledDistributors = enabled;

    m_ready = true;
    emit ready(demo);
}

std::unique_ptr<DeliveryProbe> DemoSetup::createProbe(DistributorType type,
                                                      const QJsonObject &effectiveConfig) const {
    std::unique_ptr<DeliveryProbe> probe = ::createProbe(type, effectiveConfig);
    if (auto *http = qobject_cast<HttpProbe *>(probe.get()))
        http->attachSink(m_httpSink.get());
    return probe;
}
