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
    enum class SendResult { Sent, Skipped, Failed, Stuck };

    // Beyond this many unsent bytes a consumer is slower than the stream: its frames are skipped
    // (counted) while it catches up, so memory stays bounded without cutting off a live reader.
    static constexpr qint64 MaxBacklogBytes = 4 * 1024 * 1024;
    // A consumer over the limit that has taken nothing for this long has stopped reading: it is
    // closed with 1008.
    static constexpr qint64 DefaultStuckAfterMs = 10000;
    void setStuckAfterMs(qint64 ms) { m_stuckAfterMs = ms; }

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

    // Queues one text frame, or skips it for a consumer over MaxBacklogBytes (Skipped), or
    // reports one that has not read anything for StuckAfterMs (Stuck).
    SendResult send(const QString &frame);
    quint64 skippedFrames() const { return m_skippedFrames; }
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
    qint64 m_lastDrainMs = 0; // when the consumer last took bytes off the socket
    qint64 m_stuckAfterMs = DefaultStuckAfterMs;
    quint64 m_skippedFrames = 0;
    qint64 m_lastActivity;
    QStringList m_subscriptions;
    QSet<QString> m_subscribed;
    bool m_closing = false;
};
