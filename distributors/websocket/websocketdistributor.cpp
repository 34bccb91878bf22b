#include "websocketdistributor.h"

#include "clock.h"
#include "websocketclient.h"
#include "websocketclientregistry.h"
#include "websocketframes.h"
#include "websocketlistener.h"
#include "websockettls.h"

#include <QLoggingCategory>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QUrlQuery>
#include <QWebSocket>

Q_LOGGING_CATEGORY(lcWebSocket, "labrelay.websocket")

namespace {

// RFC 6455 7.4.1 has no name in QWebSocketProtocol for 1013 "Try Again Later".
constexpr int CloseCodeTryAgainLater = 1013;

std::optional<QHostAddress> listenAddress(const QString &host) {
    if (host == QLatin1String("localhost"))
        return QHostAddress(QHostAddress::LocalHost);
    if (host == QLatin1String("0.0.0.0"))
        return QHostAddress(QHostAddress::AnyIPv4);
    if (host == QLatin1String("::"))
        return QHostAddress(QHostAddress::Any);
    const QHostAddress address(host);
    if (address.isNull())
        return std::nullopt;
    return address;
}

QString newClientId() {
    static const char digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    QString id = QStringLiteral("ws_%1_").arg(Clock::epochMs());
    for (int i = 0; i < 9; ++i)
        id.append(QLatin1Char(digits[QRandomGenerator::global()->bounded(36)]));
    return id;
}

// Compares secrets without leaking through timing how much of a guess was right.
bool sameSecret(const QByteArray &a, const QByteArray &b) {
    if (a.size() != b.size())
        return false;
    char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= char(a.at(i) ^ b.at(i));
    return difference == 0;
}

QStringList clientIdsOption(const QJsonObject &options) {
    const QJsonValue value = options.value(QStringLiteral("clientIds"));
    if (value.isString())
        return {value.toString()};
    QStringList ids;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &id : array)
        ids.append(id.toString());
    return ids;
}

} // namespace

WebSocketDistributor::WebSocketDistributor(const QJsonObject &config, QObject *parent)
    : Distributor(DistributorType::WebSocket, config, parent)
    , m_host(config.value(QStringLiteral("host")).toString(QStringLiteral("localhost")))
    , m_port(config.value(QStringLiteral("port")).toInt(8080))
    , m_maxConnections(config.value(QStringLiteral("maxConnections")).toInt(1000))
    , m_maxPayload(config.value(QStringLiteral("maxPayload")).toInt(1048576))
    , m_accessToken(config.value(QStringLiteral("accessToken")).toString())
    , m_certificateFile(config.value(QStringLiteral("tlsCertificateFile")).toString())
    , m_keyFile(config.value(QStringLiteral("tlsKeyFile")).toString())
    , m_encoder(QStringLiteral("websocket"),
                payloadFormatFromName(config.value(QStringLiteral("payloadFormat")).toString()))
    , m_registry(new WebSocketClientRegistry(
          config.value(QStringLiteral("subscriptionMode")).toString() == QLatin1String("strict")
              ? WebSocketClientRegistry::SubscriptionMode::Strict
              : WebSocketClientRegistry::SubscriptionMode::Legacy,
          this))
    , m_listener(new WebSocketListener(this)) {
    setConnectedClients(0);
    m_heartbeat.setInterval(config.value(QStringLiteral("heartbeatInterval")).toInt(30000));
    connect(&m_heartbeat, &QTimer::timeout, this, &WebSocketDistributor::sendHeartbeat);
    connect(m_registry, &WebSocketClientRegistry::countChanged, this,
            &WebSocketDistributor::onClientCountChanged);
    connect(m_listener, &WebSocketListener::newConnection, this, &WebSocketDistributor::admit);
    connect(m_listener, &WebSocketListener::connectionFailed, this,
            &WebSocketDistributor::noteError);
}

WebSocketDistributor::~WebSocketDistributor() {
    stopTransport();
}

quint16 WebSocketDistributor::serverPort() const {
    return m_listener->serverPort();
}

bool WebSocketDistributor::isSecure() const {
    return !m_certificateFile.isEmpty() || !m_keyFile.isEmpty();
}

QString WebSocketDistributor::targetDescription() const {
    return (isSecure() ? QStringLiteral("wss://") : QStringLiteral("ws://")) + hostPort();
}

QString WebSocketDistributor::hostPort() const {
    const quint16 port = serverPort() ? serverPort() : quint16(m_port);
    const QString host = m_host.contains(QLatin1Char(':')) ? u'[' + m_host + u']' : m_host;
    return host + u':' + QString::number(port);
}

QJsonArray WebSocketDistributor::clients() const {
    return m_registry->clientsJson();
}

QJsonArray WebSocketDistributor::subscriptions() const {
    return m_registry->subscriptionsJson();
}

void WebSocketDistributor::probe() {
    const bool up = state() == State::Connected || state() == State::Degraded;
    if (up && !m_listener->isListening())
        transportLost(Error::ConnectionLost,
                      QStringLiteral("WebSocket server on %1 stopped listening").arg(hostPort()));
}

void WebSocketDistributor::startTransport() {
    stopTransport();
    const std::optional<QHostAddress> address = listenAddress(m_host);
    if (!address) {
        transportFailed(Error::ConfigurationError,
                        QStringLiteral("WebSocket server host \"%1\" is not an IP address "
                                       "(use localhost, 0.0.0.0, :: or a literal address)")
                            .arg(m_host),
                        false);
        return;
    }
    std::optional<QSslConfiguration> tls;
    if (isSecure()) {
        QString error;
        tls = WebSocketTls::serverConfiguration(m_certificateFile, m_keyFile, &error);
        if (!tls) {
            transportFailed(Error::ConfigurationError, error, false);
            return;
        }
    }
    if (!m_listener->listen(*address, quint16(m_port), tls ? &*tls : nullptr)) {
        transportFailed(m_listener->serverError() == QAbstractSocket::AddressInUseError
                            ? Error::AddressInUse
                            : Error::ConfigurationError,
                        QStringLiteral("WebSocket server cannot listen on %1: %2")
                            .arg(hostPort(), m_listener->errorString()),
                        false);
        return;
    }
    if (m_heartbeat.interval() > 0)
        m_heartbeat.start();
    transportReady();
}

void WebSocketDistributor::stopTransport() {
    m_heartbeat.stop();
    m_registry->closeAll(QWebSocketProtocol::CloseCodeGoingAway,
                         QStringLiteral("Server shutting down"));
    m_listener->close();
}

void WebSocketDistributor::admit(QWebSocket *socket) {
    socket->setMaxAllowedIncomingFrameSize(quint64(m_maxPayload));
    socket->setMaxAllowedIncomingMessageSize(quint64(m_maxPayload));
    if (!isAuthorized(*socket)) {
        reject(socket, QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("Unauthorized"));
        return;
    }
    if (m_registry->count() >= m_maxConnections) {
        reject(socket, CloseCodeTryAgainLater, QStringLiteral("Server at capacity"));
        return;
    }
    auto *client = new WebSocketClient(socket, newClientId(), m_encoder.format());
    client->setStuckAfterMs(m_stuckAfterMs);
    connect(client, &WebSocketClient::disconnected, this, &WebSocketDistributor::onClientGone);
    m_registry->add(client);
    client->sendWelcome();
}

void WebSocketDistributor::reject(QWebSocket *socket, int code, const QString &reason) {
    qCDebug(lcWebSocket) << registeredName() << "refused" << socket->peerAddress() << reason;
    m_listener->keepUntilClosed(socket);
    socket->close(QWebSocketProtocol::CloseCode(code), reason);
}

bool WebSocketDistributor::isAuthorized(const QWebSocket &socket) const {
    if (m_accessToken.isEmpty())
        return true;
    const QNetworkRequest request = socket.request();
    const QByteArray expected = m_accessToken.toUtf8();
    const QUrlQuery query(request.url());
    if (query.hasQueryItem(QStringLiteral("token"))
        && sameSecret(query.queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded).toUtf8(),
                      expected))
        return true;
    const QByteArray authorization = request.rawHeader("Authorization").trimmed();
    const QByteArray scheme = QByteArrayLiteral("bearer ");
    return authorization.size() > scheme.size()
           && authorization.left(scheme.size()).compare(scheme, Qt::CaseInsensitive) == 0
           && sameSecret(authorization.mid(scheme.size()).trimmed(), expected);
}

void WebSocketDistributor::onClientGone(WebSocketClient *client, bool oversized) {
    if (oversized) {
        noteError(QStringLiteral("WebSocket client %1 on %2 sent a message over maxPayload (%3 "
                                 "bytes); closed with 1009")
                      .arg(client->id(), hostPort())
                      .arg(m_maxPayload));
    }
    m_registry->remove(client);
}

void WebSocketDistributor::onClientCountChanged(int count) {
    setConnectedClients(count);
}

void WebSocketDistributor::transmit(OutboxItem item) {
    const Envelope &envelope = *item.envelope;
    const QList<WebSocketClient *> targets =
        m_registry->targets(envelope.event, clientIdsOption(item.options));
    if (targets.isEmpty()) {
        completeDropped(std::move(item), DropReason::NoClients);
        return;
    }
    const QJsonObject metadata = item.options.value(QStringLiteral("metadata")).toObject();
    const QByteArray frame = m_encoder.format() == PayloadFormat::Legacy
                                 ? m_encoder.encodeWebSocketLegacy(envelope, metadata)
                                 : m_encoder.encode(envelope, metadata);
    int skipped = 0;
    const int reached = deliver(QString::fromUtf8(frame), targets, &skipped);
    if (reached > 0) {
        completeSent(std::move(item), qint64(frame.size()) * reached);
        return;
    }
    if (skipped > 0) {
        // Every client that wanted it is behind: its per-client queue is full.
        completeDropped(std::move(item), DropReason::QueueFull);
        return;
    }
    completeFailed(std::move(item),
                   QStringLiteral("WebSocket event %1 reached none of its %2 clients on %3")
                       .arg(envelope.event)
                       .arg(targets.size())
                       .arg(hostPort()),
                   false);
}

int WebSocketDistributor::deliver(const QString &frame, const QList<WebSocketClient *> &targets,
                                  int *skipped) {
    int reached = 0;
    for (WebSocketClient *client : targets) {
        switch (client->send(frame)) {
        case WebSocketClient::SendResult::Sent:
            ++reached;
            break;
        case WebSocketClient::SendResult::Skipped:
            ++*skipped;
            if (client->skippedFrames() == 1) // once per client, not per frame
                noteError(QStringLiteral("WebSocket client %1 on %2 reads slower than the stream: "
                                         "frames are skipped while over %3 bytes are unsent")
                              .arg(client->id(), hostPort())
                              .arg(WebSocketClient::MaxBacklogBytes));
            break;
        case WebSocketClient::SendResult::Failed:
            noteError(QStringLiteral("WebSocket frame to client %1 on %2 was not written")
                          .arg(client->id(), hostPort()));
            break;
        case WebSocketClient::SendResult::Stuck:
            noteError(QStringLiteral("WebSocket client %1 on %2 stopped reading (over %3 bytes "
                                     "unsent, nothing taken for %4 s); closed with 1008")
                          .arg(client->id(), hostPort())
                          .arg(WebSocketClient::MaxBacklogBytes)
                          .arg(double(m_stuckAfterMs) / 1000.0));
            client->close(QWebSocketProtocol::CloseCodePolicyViolated,
                          QStringLiteral("Consumer too slow"));
            m_registry->remove(client);
            break;
        }
    }
    return reached;
}

void WebSocketDistributor::sendHeartbeat() {
    const QList<WebSocketClient *> targets =
        m_registry->targets(QStringLiteral("heartbeat"), QStringList());
    int skipped = 0;
    if (!targets.isEmpty())
        deliver(QString::fromUtf8(WebSocketFrames::heartbeat(Clock::epochMs(), m_encoder.format())),
                targets, &skipped);
}

QJsonObject WebSocketDistributor::healthDetails() const {
    return {
        {QStringLiteral("protocol"), QStringLiteral("websocket")},
        {QStringLiteral("server"),
         QJsonObject{{QStringLiteral("port"), serverPort() ? int(serverPort()) : m_port},
                     {QStringLiteral("host"), m_host},
                     {QStringLiteral("running"), serverPort() != 0},
                     {QStringLiteral("tls"), isSecure()}}},
        {QStringLiteral("clients"),
         QJsonObject{{QStringLiteral("connected"), m_registry->count()},
                     {QStringLiteral("maxConnections"), m_maxConnections}}},
        {QStringLiteral("subscriptions"),
         QJsonObject{{QStringLiteral("patterns"), m_registry->patternCount()},
                     {QStringLiteral("totalSubscribers"), m_registry->totalSubscribers()}}},
        {QStringLiteral("capabilities"),
         QJsonArray{QStringLiteral("send"), QStringLiteral("receive"), QStringLiteral("subscribe"),
                    QStringLiteral("broadcast"), QStringLiteral("real_time")}},
    };
}
