#include "websocketclient.h"

#include "clock.h"
#include "websocketframes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLoggingCategory>
#include <QWebSocket>

Q_LOGGING_CATEGORY(lcWebSocketClient, "labrelay.websocket.client")

WebSocketClient::WebSocketClient(QWebSocket *socket, const QString &id, PayloadFormat format,
                                 QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_id(id)
    , m_format(format)
    , m_connectedAt(Clock::epochMs())
    , m_lastActivity(m_connectedAt) {
    m_socket->setParent(this);
    connect(m_socket, &QWebSocket::textMessageReceived, this,
            [this](const QString &message) { onMessage(message.toUtf8()); });
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, &WebSocketClient::onMessage);
    connect(m_socket, &QWebSocket::disconnected, this, &WebSocketClient::onDisconnected);
    connect(m_socket, &QWebSocket::bytesWritten, this,
            [this] { m_lastDrainMs = Clock::epochMs(); });
    m_lastDrainMs = m_connectedAt;
}

WebSocketClient::~WebSocketClient() {
    // Destroyed without close(): the peer still gets a close frame, not a reset.
    if (!m_closing)
        close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("Server shutting down"));
}

QJsonObject WebSocketClient::toJson() const {
    return {
        {QStringLiteral("id"), m_id},
        {QStringLiteral("connectedAt"), double(m_connectedAt)},
        {QStringLiteral("lastActivity"), double(m_lastActivity)},
        {QStringLiteral("subscriptions"), QJsonArray::fromStringList(m_subscriptions)},
    };
}

WebSocketClient::SendResult WebSocketClient::send(const QString &frame) {
    if (m_closing || m_socket->state() != QAbstractSocket::ConnectedState)
        return SendResult::Failed;
    if (m_socket->bytesToWrite() > MaxBacklogBytes) {
        if (Clock::epochMs() - m_lastDrainMs > m_stuckAfterMs)
            return SendResult::Stuck;
        ++m_skippedFrames;
        return SendResult::Skipped;
    }
    return m_socket->sendTextMessage(frame) > 0 || frame.isEmpty() ? SendResult::Sent
                                                                   : SendResult::Failed;
}

void WebSocketClient::sendWelcome() {
    reply(WebSocketFrames::welcome(m_id, Clock::epochMs(), m_format));
}

void WebSocketClient::close(QWebSocketProtocol::CloseCode code, const QString &reason) {
    m_closing = true;
    m_socket->disconnect(this);
    m_socket->close(code, reason);
    // A consumer that stopped reading would keep the connection (and its backlog) alive.
    if (m_socket->bytesToWrite() > MaxBacklogBytes)
        m_socket->abort();
}

void WebSocketClient::onMessage(const QByteArray &message) {
    if (m_closing)
        return;
    const qint64 now = Clock::epochMs();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(message, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        reply(WebSocketFrames::error(QStringLiteral("Invalid message format"), m_id, now));
        return;
    }
    m_lastActivity = now;
    const QJsonObject request = document.object();
    const QString type = request.value(QStringLiteral("type")).toString();
    const QJsonValue event = request.value(QStringLiteral("event"));
    if (type == QLatin1String("ping")) {
        reply(WebSocketFrames::pong(m_id, now));
    } else if (type == QLatin1String("subscribe") || type == QLatin1String("unsubscribe")) {
        if (!event.isString() || event.toString().isEmpty()) {
            reply(WebSocketFrames::error(QStringLiteral("Subscription needs an event name"), m_id,
                                         now));
            return;
        }
        const QString name = event.toString();
        const bool subscribe = type == QLatin1String("subscribe");
        if (subscribe && !m_subscribed.contains(name)) {
            m_subscribed.insert(name);
            m_subscriptions.append(name);
            emit subscribed(this, name);
        } else if (!subscribe && m_subscribed.remove(name)) {
            m_subscriptions.removeOne(name);
            emit unsubscribed(this, name);
        }
        reply(WebSocketFrames::subscription(subscribe, name, m_id, now));
    } else {
        qCDebug(lcWebSocketClient) << m_id << "sent an unknown message type" << type;
    }
}

void WebSocketClient::onDisconnected() {
    if (m_closing)
        return;
    m_closing = true;
    emit disconnected(this, m_socket->closeCode() == QWebSocketProtocol::CloseCodeTooMuchData);
}

void WebSocketClient::reply(const QByteArray &frame) {
    if (send(QString::fromUtf8(frame)) == SendResult::Failed)
        qCDebug(lcWebSocketClient) << m_id << "reply not sent:" << m_socket->errorString();
}
