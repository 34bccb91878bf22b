#include "websocketclientregistry.h"

#include "websocketclient.h"

#include <QJsonObject>
#include <QSet>

WebSocketClientRegistry::WebSocketClientRegistry(SubscriptionMode mode, QObject *parent)
    : QObject(parent)
    , m_mode(mode) {}

WebSocketClientRegistry::~WebSocketClientRegistry() = default;

void WebSocketClientRegistry::add(WebSocketClient *client) {
    client->setParent(this);
    m_clients.append(client);
    connect(client, &WebSocketClient::subscribed, this, &WebSocketClientRegistry::onSubscribed);
    connect(client, &WebSocketClient::unsubscribed, this, &WebSocketClientRegistry::onUnsubscribed);
    emit countChanged(count());
}

void WebSocketClientRegistry::remove(WebSocketClient *client) {
    if (!m_clients.contains(client))
        return;
    forget(client);
    emit countChanged(count());
}

void WebSocketClientRegistry::closeAll(QWebSocketProtocol::CloseCode code, const QString &reason) {
    if (m_clients.isEmpty())
        return;
    const QList<WebSocketClient *> clients = m_clients;
    for (WebSocketClient *client : clients) {
        client->close(code, reason);
        forget(client);
    }
    emit countChanged(0);
}

void WebSocketClientRegistry::forget(WebSocketClient *client) {
    m_clients.removeOne(client);
    for (const QString &event : client->subscriptions())
        onUnsubscribed(client, event);
    client->disconnect(this);
    // The client may be inside one of its own signals right now.
    client->deleteLater();
}

QList<WebSocketClient *> WebSocketClientRegistry::targets(const QString &event,
                                                          const QStringList &clientIds) const {
    QList<WebSocketClient *> result;
    if (m_mode == SubscriptionMode::Legacy && m_subscriberCount.contains(event)) {
        for (WebSocketClient *client : m_clients) {
            if (client->isSubscribed(event))
                result.append(client);
        }
        return result;
    }
    const QSet<QString> wanted(clientIds.begin(), clientIds.end());
    for (WebSocketClient *client : m_clients) {
        if (!wanted.isEmpty() && !wanted.contains(client->id()))
            continue;
        if (m_mode == SubscriptionMode::Strict && client->hasSubscriptions()
            && !client->isSubscribed(event))
            continue;
        result.append(client);
    }
    return result;
}

QJsonArray WebSocketClientRegistry::clientsJson() const {
    QJsonArray clients;
    for (const WebSocketClient *client : m_clients)
        clients.append(client->toJson());
    return clients;
}

QJsonArray WebSocketClientRegistry::subscriptionsJson() const {
    QJsonArray subscriptions;
    for (auto it = m_subscriberCount.cbegin(); it != m_subscriberCount.cend(); ++it) {
        subscriptions.append(QJsonObject{{QStringLiteral("pattern"), it.key()},
                                         {QStringLiteral("subscriberCount"), it.value()}});
    }
    return subscriptions;
}

int WebSocketClientRegistry::totalSubscribers() const {
    int total = 0;
    for (const int subscribers : m_subscriberCount)
        total += subscribers;
    return total;
}

void WebSocketClientRegistry::onSubscribed(WebSocketClient *client, const QString &event) {
    Q_UNUSED(client);
    ++m_subscriberCount[event];
}

void WebSocketClientRegistry::onUnsubscribed(WebSocketClient *client, const QString &event) {
    Q_UNUSED(client);
    auto it = m_subscriberCount.find(event);
    if (it != m_subscriberCount.end() && --it.value() <= 0)
        m_subscriberCount.erase(it);
}
