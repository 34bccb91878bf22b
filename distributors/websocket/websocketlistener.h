#pragma once

#include <QAbstractSocket>
#include <QHostAddress>
#include <QObject>

#include <memory>

class QSslConfiguration;
class QTcpServer;
class QWebSocket;
class QWebSocketServer;

// The listening side of the WebSocket distributor: a QTcpServer (a QSslServer for wss://)
// whose connections a QWebSocketServer upgrades. Owning the TCP server keeps the exact cause
// of a listen failure (address in use or not), which QWebSocketServer::listen() flattens.
class WebSocketListener final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebSocketListener)

public:
    explicit WebSocketListener(QObject *parent = nullptr);
    ~WebSocketListener() override;

    // Listens on address:port, encrypted when `tls` is given. On failure serverError() and
    // errorString() say why and nothing stays open.
    bool listen(const QHostAddress &address, quint16 port, const QSslConfiguration *tls);
    // Stops listening and drops every connection still in its handshake; the port is free
    // when this returns.
    void close();
    bool isListening() const;
    quint16 serverPort() const;
    QAbstractSocket::SocketError serverError() const { return m_error; }
    QString errorString() const { return m_errorString; }

    // Keeps a refused socket until its close handshake is over.
    void keepUntilClosed(QWebSocket *socket);

signals:
    // A client completed the upgrade; the receiver takes ownership of `socket`.
    void newConnection(QWebSocket *socket);
    // A connection failed before the upgrade (TLS handshake, accept).
    void connectionFailed(const QString &message);

private:
    void onTcpConnection();
    void onUpgraded();

    std::unique_ptr<QTcpServer> m_tcpServer;
    std::unique_ptr<QWebSocketServer> m_upgrader;
    QAbstractSocket::SocketError m_error = QAbstractSocket::UnknownSocketError;
    QString m_errorString;
};
