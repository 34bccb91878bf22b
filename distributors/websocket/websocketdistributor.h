#pragma once

#include "distributor.h"
#include "envelope.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QTimer>

class QWebSocket;
class WebSocketClient;
class WebSocketClientRegistry;
class WebSocketListener;

// The WebSocket distributor (SPEC §4.2): a server that consumers connect to. Every event is
// encoded once and sent to the clients the targeting rules pick; consumers subscribe,
// unsubscribe and ping with small JSON requests.
class WebSocketDistributor final : public Distributor {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebSocketDistributor)

public:
    explicit WebSocketDistributor(const QJsonObject &config, QObject *parent = nullptr);
    ~WebSocketDistributor() override;

    // How long a client over the backlog limit may take nothing before it counts as stopped
    // and is closed (default WebSocketClient::DefaultStuckAfterMs). Applies to new clients.
    void setStuckConsumerTimeout(qint64 ms) { m_stuckAfterMs = ms; }

    // The port actually listened on (useful with port 0), or 0 when not listening.
    quint16 serverPort() const;
    bool isSecure() const;
    QString targetDescription() const override;
    // [{id, connectedAt, lastActivity, subscriptions[]}]
    QJsonArray clients() const;
    // [{pattern, subscriberCount}]
    QJsonArray subscriptions() const;
    void probe() override;

protected:
    void startTransport() override;
    void stopTransport() override;
    void transmit(OutboxItem item) override;
    QJsonObject healthDetails() const override;

private:
    void admit(QWebSocket *socket);
    void reject(QWebSocket *socket, int code, const QString &reason);
    bool isAuthorized(const QWebSocket &socket) const;
    void onClientGone(WebSocketClient *client, bool oversized);
    void onClientCountChanged(int count);
    // Sends to each target; answers how many were reached and how many skipped the frame
    // because they are behind.
    int deliver(const QString &frame, const QList<WebSocketClient *> &targets, int *skipped);
    void sendHeartbeat();
    QString hostPort() const;

    const QString m_host;
    const int m_port;
    const int m_maxConnections;
    const int m_maxPayload;
    const QString m_accessToken;
    const QString m_certificateFile;
    const QString m_keyFile;
    const EnvelopeEncoder m_encoder;

    WebSocketClientRegistry *m_registry; // child
    WebSocketListener *m_listener;       // child
    QTimer m_heartbeat{this};
    qint64 m_stuckAfterMs = 10000; // WebSocketClient::DefaultStuckAfterMs
};
