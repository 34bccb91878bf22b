#include "localhttpconnection.h"

#include "sserequest.h"

#include <QTcpSocket>

LocalHttpConnection::LocalHttpConnection(QTcpSocket *socket, QObject *parent)
    : QObject(parent)
    , m_socket(socket) {
    m_socket->setParent(this);
    m_idleTimer.setSingleShot(true);
    m_idleTimer.setInterval(IdleTimeoutMs);
    connect(&m_idleTimer, &QTimer::timeout, this, &LocalHttpConnection::finish);
    connect(m_socket, &QTcpSocket::readyRead, this, &LocalHttpConnection::readRequests);
    connect(m_socket, &QTcpSocket::disconnected, this, &LocalHttpConnection::finish);
    connect(m_socket, &QTcpSocket::bytesWritten, this, [this] {
        if (m_closing && m_socket->bytesToWrite() == 0)
            finish();
    });
}

void LocalHttpConnection::start() {
    m_idleTimer.start();
    readRequests();
}

LocalHttpConnection::~LocalHttpConnection() {
    m_socket->disconnect(this);
    m_socket->abort();
}

void LocalHttpConnection::abort() {
    m_finished = true;
    m_idleTimer.stop();
    m_socket->disconnect(this);
    m_socket->abort();
}

void LocalHttpConnection::readRequests() {
    if (m_finished || m_closing)
        return;
    m_buffer.append(m_socket->readAll());
    m_idleTimer.start();
    while (!m_buffer.isEmpty() && handleOne()) {
    }
}

bool LocalHttpConnection::handleOne() {
    qsizetype terminatorLength = 0;
    const qsizetype end = SseRequest::headEnd(m_buffer, &terminatorLength);
    if (end < 0) {
        if (m_buffer.size() > SseRequest::MaxHeaderBytes)
            reject(431, "Request Header Fields Too Large");
        return false;
    }
    SseRequest request;
    request.feed(m_buffer.left(end + terminatorLength));
    if (request.status() == SseRequest::Status::HeadersTooLarge) {
        reject(431, "Request Header Fields Too Large");
        return false;
    }
    if (request.status() != SseRequest::Status::Complete) {
        reject(400, "Bad Request");
        return false;
    }
    if (request.hasHeader("transfer-encoding")) {
        // Clients of this sink (QNetworkAccessManager, curl with a body) send Content-Length.
        reject(501, "Not Implemented");
        return false;
    }
    qint64 length = 0;
    if (request.hasHeader("content-length")) {
        bool ok = false;
        length = request.header("content-length").trimmed().toLongLong(&ok);
        if (!ok || length < 0) {
            reject(400, "Bad Request");
            return false;
        }
        if (length > MaxBodyBytes) {
            reject(413, "Content Too Large");
            return false;
        }
    }
    const qsizetype headSize = end + terminatorLength;
    if (m_buffer.size() < headSize + length)
        return false; // the body is still on its way
    const QByteArray body = m_buffer.mid(headSize, length);
    m_buffer.remove(0, headSize + length);

    const QByteArray connection = request.header("connection").toLower();
    const bool close =
        connection.contains("close")
        || (request.httpVersion() == "HTTP/1.0" && !connection.contains("keep-alive"));
    emit requestReceived(request.method(), request.path(), body);
    if (m_finished)
        return false;
    respond(200, "OK", QByteArrayLiteral("{\"ok\":true}"), close, request.method() == "HEAD");
    return !close;
}

void LocalHttpConnection::reject(int status, const QByteArray &reason) {
    m_buffer.clear();
    respond(status, reason, reason, true);
}

void LocalHttpConnection::respond(int status, const QByteArray &reason, const QByteArray &body,
                                  bool close, bool headOnly) {
    const QByteArray type =
        status == 200 ? QByteArrayLiteral("application/json") : QByteArrayLiteral("text/plain");
    QByteArray response =
        "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\nContent-Type: " + type
        + "\r\nContent-Length: " + QByteArray::number(body.size())
        + (close ? "\r\nConnection: close" : "\r\nConnection: keep-alive") + "\r\n\r\n";
    if (!headOnly)
        response += body;
    m_socket->write(response);
    if (close) {
        m_closing = true;
        m_idleTimer.start(); // a client that never reads the answer still gets dropped
        if (m_socket->bytesToWrite() == 0)
            finish();
    }
}

void LocalHttpConnection::finish() {
    if (m_finished)
        return;
    m_finished = true;
    m_idleTimer.stop();
    m_socket->disconnect(this);
    m_socket->disconnectFromHost(); // flushes what the kernel still takes, then closes
    emit finished(this);
}
