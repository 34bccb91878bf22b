#include "ssestream.h"

#include <QTcpSocket>

SseStream::SseStream(QTcpSocket *socket, const QString &clientId, const QSet<QString> &events,
                     QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_clientId(clientId)
    , m_events(events) {
    m_socket->setParent(this);
    connect(m_socket, &QTcpSocket::readyRead, this, &SseStream::discardInput);
    connect(m_socket, &QTcpSocket::disconnected, this, &SseStream::onDisconnected);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        // RemoteHostClosedError is followed by disconnected(); any other error ends the stream.
        if (m_socket->state() != QAbstractSocket::ConnectedState)
            onDisconnected();
    });
    discardInput();
}

SseStream::~SseStream() {
    // The socket is a child and dies with this object; its signals must not reach us then.
    m_socket->disconnect(this);
    m_socket->abort();
}

bool SseStream::wants(const QString &event) const {
    return m_events.isEmpty() || m_events.contains(event);
}

qint64 SseStream::backlog() const {
    return m_socket->bytesToWrite();
}

bool SseStream::isOpen() const {
    return !m_finished && m_socket->state() == QAbstractSocket::ConnectedState;
}

bool SseStream::send(const QByteArray &bytes) {
    if (!isOpen()) {
        m_error = QStringLiteral("the connection is closed");
        return false;
    }
    if (backlog() > MaxBacklog) {
        m_error =
            QStringLiteral("the client stopped reading (%1 KiB unsent)").arg(backlog() / 1024);
        return false;
    }
    if (m_socket->write(bytes) != bytes.size()) {
        m_error = m_socket->errorString();
        return false;
    }
    return true;
}

void SseStream::close() {
    if (m_finished)
        return;
    m_finished = true;
    m_socket->disconnect(this);
    if (m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->flush();
    // A clean FIN when everything left the process; otherwise the rest cannot be delivered
    // without waiting, and abort() releases the descriptor at once.
    if (m_socket->bytesToWrite() == 0)
        m_socket->disconnectFromHost();
    m_socket->abort();
}

void SseStream::discardInput() {
    // SSE is one-way: anything the client sends after its request is read and dropped so the
    // receive buffer cannot fill up.
    m_socket->readAll();
}

void SseStream::onDisconnected() {
    if (m_finished)
        return;
    m_finished = true;
    emit finished(this);
}
