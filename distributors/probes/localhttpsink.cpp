#include "localhttpsink.h"

#include "localhttpconnection.h"
#include "probeaddress.h"

#include <QTcpSocket>

LocalHttpSink::LocalHttpSink(QObject *parent)
    : QObject(parent) {
    connect(&m_server, &QTcpServer::pendingConnectionAvailable, this,
            &LocalHttpSink::acceptConnections);
}

LocalHttpSink::~LocalHttpSink() {
    close();
}

bool LocalHttpSink::listen(const QHostAddress &address, quint16 port) {
    close();
    if (m_server.listen(address, port))
        return true;
    m_server.close();
    return false;
}

void LocalHttpSink::close() {
    m_server.close();
    const QList<LocalHttpConnection *> connections = std::exchange(m_connections, {});
    for (LocalHttpConnection *connection : connections) {
        connection->abort();
        connection->deleteLater();
    }
}

QString LocalHttpSink::baseUrl() const {
    return QStringLiteral("http://")
           + ProbeAddress::hostPort(m_server.serverAddress().toString(), m_server.serverPort());
}

void LocalHttpSink::acceptConnections() {
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        if (m_connections.size() >= MaxConnections) {
            // Refused at once: a flood of idle clients must not exhaust descriptors.
            socket->abort();
            socket->deleteLater();
            continue;
        }
        auto *connection = new LocalHttpConnection(socket, this);
        m_connections.append(connection);
        connect(connection, &LocalHttpConnection::requestReceived, this, &LocalHttpSink::onRequest);
        connect(connection, &LocalHttpConnection::finished, this, &LocalHttpSink::onFinished);
        connection->start();
    }
}

void LocalHttpSink::onFinished(LocalHttpConnection *connection) {
    m_connections.removeOne(connection);
    connection->deleteLater();
}

void LocalHttpSink::onRequest(const QByteArray &method, const QString &path,
                              const QByteArray &body) {
    ++m_requests;
    emit requestReceived(method, path, body);
}
