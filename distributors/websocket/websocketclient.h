#pragma once

#include "envelope.h"

#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QWebSocketProtocol>

class QWebSocket;

// One consumer connected to the WebSocket distributor: its id, its subscriptions and the
// requests it sends (subscribe, unsubscribe, ping), answered directly on its socket.
class WebSocketClient final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebSocketClient)

public:
    enum class SendResult { Sent, Failed, Stuck };

    // Beyond this many unsent bytes the consumer is not reading: it is closed rather than
    // buffered without bound.
    static constexpr qint64 MaxBacklogBytes = 4 * 1024 * 1024;

    // Takes ownership of `socket`.
    WebSocketClient(QWebSocket *socket, const QString &id, PayloadFormat format,
                    QObject *parent = nullptr);
    ~WebSocketClient() override;

    QString id() const { return m_id; }
    qint64 connectedAt() const { return m_connectedAt; }
    qint64 lastActivity() const { return m_lastActivity; }
    // In the order they were made.
    const QStringList &subscriptions() const { return m_subscriptions; }
    bool isSubscribed(const QString &event) const { return m_subscribed.contains(event); }
    bool hasSubscriptions() const { return !m_subscriptions.isEmpty(); }
    QJsonObject toJson() const;

    // Queues one text frame. Stuck: the consumer has not taken the last MaxBacklogBytes.
    SendResult send(const QString &frame);
    void sendWelcome();
    // Closes with a close frame and forgets the peer; no signal follows.
    void close(QWebSocketProtocol::CloseCode code, const QString &reason);

signals:
    void subscribed(WebSocketClient *client, const QString &event);
    void unsubscribed(WebSocketClient *client, const QString &event);
    // The peer went away. `oversized`: Qt closed it (1009) for a message above the size limit.
    void disconnected(WebSocketClient *client, bool oversized);

private:
    void onMessage(const QByteArray &message);
    void onDisconnected();
    void reply(const QByteArray &frame);

    QWebSocket *m_socket; // child
    const QString m_id;
    const PayloadFormat m_format;
    const qint64 m_connectedAt;
    qint64 m_lastActivity;
    QStringList m_subscriptions;
    QSet<QString> m_subscribed;
    bool m_closing = false;
};
