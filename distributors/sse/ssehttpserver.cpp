#include "ssehttpserver.h"

#include <QLoggingCategory>
#include <QTcpSocket>
#include <QTimer>

Q_LOGGING_CATEGORY(lcSseHttp, "labrelay.sse.http")

SseHttpServer::SseHttpServer(QObject *parent)
    : QObject(parent) {
    connect(&m_server, &QTcpServer::newConnection, this, &SseHttpServer::acceptConnections);
    connect(&m_server, &QTcpServer::acceptError, this, [this](QAbstractSocket::SocketError) {
        emit connectionError(QStringLiteral("SSE server cannot accept a connection: ")
                             + m_server.errorString());
    });
}

SseHttpServer::~SseHttpServer() {
    close();
}

bool SseHttpServer::listen(const QHostAddress &address, quint16 port) {
    return m_server.listen(address, port);
}

void SseHttpServer::close() {
    m_server.close();
    const QList<QTcpSocket *> sockets = m_pending.keys() + m_closing.values();
    m_pending.clear();
    m_closing.clear();
    for (QTcpSocket *socket : sockets) {
        socket->disconnect(this);
        socket->abort(); // the descriptor is closed now; the object goes with the event loop
        socket->deleteLater();
    }
}

void SseHttpServer::acceptConnections() {
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        socket->setParent(this);
        // Live frames are small: no Nagle delay behind the reader's delayed ACK.
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        if (m_pending.size() >= MaxPendingRequests) {
            emit connectionError(
                QStringLiteral("SSE server refused a connection: %1 requests are still being read")
                    .arg(m_pending.size()));
            socket->abort();
            socket->deleteLater();
            continue;
        }
        Pending &pending = m_pending[socket];
        pending.timer = new QTimer(socket);
        pending.timer->setSingleShot(true);
        connect(pending.timer, &QTimer::timeout, this, [this, socket] { expireRequest(socket); });
        pending.timer->start(m_requestTimeoutMs);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { readRequest(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] { forget(socket); });
        readRequest(socket);
    }
}

void SseHttpServer::readRequest(QTcpSocket *socket) {
    const auto it = m_pending.find(socket);
    if (it == m_pending.end())
        return;
    switch (it->request.feed(socket->readAll())) {
    case SseRequest::Status::Incomplete:
        return;
    case SseRequest::Status::BadRequest:
        reject(socket, 400, it->request.errorString());
        return;
    case SseRequest::Status::HeadersTooLarge:
        reject(socket, 431, it->request.errorString());
        return;
    case SseRequest::Status::Complete:
        break;
    }
    const SseRequest request = it->request;
    delete it->timer;
    m_pending.erase(it);
    socket->disconnect(this);
    emit requestReceived(socket, request);
}

void SseHttpServer::expireRequest(QTcpSocket *socket) {
    if (m_pending.contains(socket))
        reject(socket, 408,
               QStringLiteral("no complete request within %1 ms").arg(m_requestTimeoutMs));
}

void SseHttpServer::reject(QTcpSocket *socket, int status, const QString &reason) {
    qCInfo(lcSseHttp).noquote() << "SSE server rejected a request from"
                                << socket->peerAddress().toString() << "with" << status << reason;
    const auto it = m_pending.find(socket);
    if (it != m_pending.end()) {
        delete it->timer;
        m_pending.erase(it);
    }
    socket->disconnect(this);
    const QByteArray phrase = reasonPhrase(status);
    respond(socket, status, {}, QByteArrayLiteral("text/plain"), phrase);
}

void SseHttpServer::respond(QTcpSocket *socket, int status, const QByteArray &headers,
                            const QByteArray &contentType, const QByteArray &body) {
    socket->setParent(this);
    QByteArray response =
        "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n" + headers;
    if (!contentType.isEmpty())
        response.append("Content-Type: " + contentType + "\r\n");
    response.append("Content-Length: " + QByteArray::number(body.size())
                    + "\r\nConnection: close\r\n\r\n" + body);
    m_closing.insert(socket);
    connect(socket, &QTcpSocket::disconnected, this, [this, socket] { forget(socket); });
    // Whatever the client sends after its request is not read, so it cannot keep us busy.
    socket->write(response);
    socket->disconnectFromHost();
    // Without pending bytes (or with the peer gone already) the socket closes synchronously,
    // possibly before disconnected() could be connected to anything.
    if (socket->state() == QAbstractSocket::UnconnectedState)
        forget(socket);
}

void SseHttpServer::forget(QTcpSocket *socket) {
    const bool owned = m_pending.remove(socket) + m_closing.remove(socket) > 0;
    if (!owned)
        return;
    socket->disconnect(this);
    socket->deleteLater();
}

QByteArray SseHttpServer::reasonPhrase(int status) {
    switch (status) {
    case 200:
        return QByteArrayLiteral("OK");
    case 204:
        return QByteArrayLiteral("No Content");
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 404:
        return QByteArrayLiteral("Not Found");
    case 405:
        return QByteArrayLiteral("Method Not Allowed");
    case 408:
        return QByteArrayLiteral("Request Timeout");
    case 431:
        return QByteArrayLiteral("Request Header Fields Too Large");
    case 500:
        return QByteArrayLiteral("Internal Server Error");
    case 503:
        return QByteArrayLiteral("Service Unavailable");
    }
    return QByteArrayLiteral("Unknown");
}
