#pragma once

#include <QHash>
#include <QJsonArray>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QWebSocketProtocol>

class WebSocketClient;

// The connected consumers of one WebSocket distributor, their subscriptions, and the
// targeting rules of SPEC §4.2 that pick who receives a frame.
class WebSocketClientRegistry final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebSocketClientRegistry)

public:
    enum class SubscriptionMode {
        // If anyone subscribed to exactly this event, only those subscribers get it
        // (ignoring clientIds); otherwise every candidate does.
        Legacy,
        // Clients with subscriptions get only what they subscribed to; the others get all.
        Strict,
    };

    explicit WebSocketClientRegistry(SubscriptionMode mode, QObject *parent = nullptr);
    ~WebSocketClientRegistry() override;

    // Takes ownership of `client`.
    void add(WebSocketClient *client);
    // Forgets `client` and deletes it once control returns to the event loop.
    void remove(WebSocketClient *client);
    // Closes every client with `code` and forgets them all.
    void closeAll(QWebSocketProtocol::CloseCode code, const QString &reason);

    int count() const { return int(m_clients.size()); }
    bool isEmpty() const { return m_clients.isEmpty(); }
    // The receivers of a frame for `event`; `clientIds` empty means every client.
    QList<WebSocketClient *> targets(const QString &event, const QStringList &clientIds) const;

    // [{id, connectedAt, lastActivity, subscriptions[]}] in connection order.
    QJsonArray clientsJson() const;
    // [{pattern, subscriberCount}] for every event somebody subscribed to.
    QJsonArray subscriptionsJson() const;
    int patternCount() const { return int(m_subscriberCount.size()); }
    int totalSubscribers() const;

signals:
    void countChanged(int count);

private:
    void onSubscribed(WebSocketClient *client, const QString &event);
    void onUnsubscribed(WebSocketClient *client, const QString &event);
    void forget(WebSocketClient *client);

    const SubscriptionMode m_mode;
    QList<WebSocketClient *> m_clients; // children, in connection order
    QHash<QString, int> m_subscriberCount;
};
