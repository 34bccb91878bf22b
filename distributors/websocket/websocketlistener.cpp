#include "websocketlistener.h"

#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

namespace {

// A connection that has not completed its upgrade by then is dropped.
constexpr int HandshakeTimeoutMs = 10000;
const char HandshakeTimerName[] = "labrelayHandshakeTimer";

} // namespace

WebSocketListener::WebSocketListener(QObject *parent)
    : QObject(parent) {}

WebSocketListener::~WebSocketListener() {
    close();
}

bool WebSocketListener::listen(const QHostAddress &address, quint16 port,
                               const QSslConfiguration *tls) {
    close();
    if (tls) {
        auto sslServer = std::make_unique<QSslServer>();
        sslServer->setSslConfiguration(*tls);
        sslServer->setHandshakeTimeout(HandshakeTimeoutMs);
        connect(sslServer.get(), &QSslServer::errorOccurred, this,
                [this](QSslSocket *socket, QAbstractSocket::SocketError) {
                    emit connectionFailed(
                        QStringLiteral("WebSocket TLS handshake with %1 failed: %2")
                            .arg(socket->peerAddress().toString(), socket->errorString()));
                });
        m_tcpServer = std::move(sslServer);
    } else {
        m_tcpServer = std::make_unique<QTcpServer>();
    }
    // Not newConnection: QSslServer emits that before the TLS handshake, and the socket is
    // pending (ready for the upgrade) only once it is encrypted.
    connect(m_tcpServer.get(), &QTcpServer::pendingConnectionAvailable, this,
            &WebSocketListener::onTcpConnection);
    connect(m_tcpServer.get(), &QTcpServer::acceptError, this, [this] {
        emit connectionFailed(QStringLiteral("WebSocket server cannot accept a connection: %1")
                                  .arg(m_tcpServer->errorString()));
    });
    if (!m_tcpServer->listen(address, port)) {
        m_error = m_tcpServer->serverError();
        m_errorString = m_tcpServer->errorString();
        close();
        return false;
    }
    m_upgrader = std::make_unique<QWebSocketServer>(QStringLiteral("LabRelay"),
                                                    QWebSocketServer::NonSecureMode);
    connect(m_upgrader.get(), &QWebSocketServer::newConnection, this,
            &WebSocketListener::onUpgraded);
    return true;
}

void WebSocketListener::close() {
    if (m_tcpServer)
        m_tcpServer->close();
    // The upgrader first: it has queued handshake work for sockets the TCP server owns.
    m_upgrader.reset();
    m_tcpServer.reset();
}

bool WebSocketListener::isListening() const {
    return m_tcpServer && m_tcpServer->isListening();
}

quint16 WebSocketListener::serverPort() const {
    return isListening() ? m_tcpServer->serverPort() : 0;
}

void WebSocketListener::keepUntilClosed(QWebSocket *socket) {
    socket->setParent(m_upgrader.get());
    connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
}

void WebSocketListener::onTcpConnection() {
    while (QTcpSocket *socket = m_tcpServer->nextPendingConnection()) {
        // Live frames are small: without this, Nagle's algorithm holds each one back until the
        // consumer's delayed ACK (tens of milliseconds).
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        auto *timer = new QTimer(socket);
        timer->setObjectName(QLatin1String(HandshakeTimerName));
        timer->setSingleShot(true);
        connect(timer, &QTimer::timeout, socket, &QTcpSocket::abort);
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        timer->start(HandshakeTimeoutMs);
        m_upgrader->handleConnection(socket);
    }
}

void WebSocketListener::onUpgraded() {
    while (QWebSocket *socket = m_upgrader->nextPendingConnection()) {
        // The TCP socket stays a child of the server after the upgrade; its handshake
        // deadline must not cut off the established connection.
        const auto tcpSockets = m_tcpServer->findChildren<QTcpSocket *>(Qt::FindDirectChildrenOnly);
        for (QTcpSocket *tcp : tcpSockets) {
            if (tcp->peerPort() == socket->peerPort()
                && tcp->peerAddress() == socket->peerAddress())
                qDeleteAll(tcp->findChildren<QTimer *>(QLatin1String(HandshakeTimerName),
                                                       Qt::FindDirectChildrenOnly));
        }
        socket->setParent(nullptr);
        emit newConnection(socket);
    }
}
