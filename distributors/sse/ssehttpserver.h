#pragma once

#include "sserequest.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QSet>
#include <QTcpServer>

class QTcpSocket;
class QTimer;

// The HTTP/1.1 front of the SSE distributor: accepts connections, reads one request head per
// connection (bounded in size and time, so slow or hostile clients cannot hold resources) and
// hands complete requests to the distributor, which either answers them through respond() or
// takes the socket over as an event stream. Qt 6.4's QHttpServer cannot stream a response,
// hence this small responder on QTcpServer.
class SseHttpServer final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SseHttpServer)

public:
    static constexpr int DefaultRequestTimeoutMs = 10000;
    // Connections still sending their request head; more are refused at once.
    static constexpr int MaxPendingRequests = 128;

    explicit SseHttpServer(QObject *parent = nullptr);
    ~SseHttpServer() override;

    bool listen(const QHostAddress &address, quint16 port);
    bool isListening() const { return m_server.isListening(); }
    quint16 serverPort() const { return m_server.serverPort(); }
    QAbstractSocket::SocketError serverError() const { return m_server.serverError(); }
    QString errorString() const { return m_server.errorString(); }
    // Stops listening (the port is free on return) and drops every connection this server
    // still owns: requests being read and responses being written.
    void close();

    // How long a client may take to send its request head before it gets 408.
    void setRequestTimeout(int ms) { m_requestTimeoutMs = ms; }
    int requestTimeout() const { return m_requestTimeoutMs; }
    int pendingCount() const { return int(m_pending.size()); }

    // Writes a complete response and closes the connection once it has been sent. The server
    // owns `socket` again from here on. `headers` are extra "Name: value\r\n" lines.
    void respond(QTcpSocket *socket, int status, const QByteArray &headers,
                 const QByteArray &contentType = {}, const QByteArray &body = {});
    static QByteArray reasonPhrase(int status);

signals:
    // A complete request head arrived on `socket`. The receiver owns the socket from now on
    // (reparent it) or hands it back through respond().
    void requestReceived(QTcpSocket *socket, const SseRequest &request);
    // A connection could not be accepted (out of descriptors, too many slow clients). Rejected
    // requests are not reported here: they are the client's fault, not the server's.
    void connectionError(const QString &message);

private:
    struct Pending {
        SseRequest request;
        QTimer *timer = nullptr; // child of the socket
    };

    void acceptConnections();
    void readRequest(QTcpSocket *socket);
    void expireRequest(QTcpSocket *socket);
    void reject(QTcpSocket *socket, int status, const QString &reason);
    void forget(QTcpSocket *socket);

    QTcpServer m_server{this};
    QHash<QTcpSocket *, Pending> m_pending;
    QSet<QTcpSocket *> m_closing; // responses being flushed before the socket closes
    int m_requestTimeoutMs = DefaultRequestTimeoutMs;
};
