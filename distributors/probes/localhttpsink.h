#pragma once

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QTcpServer>

class LocalHttpConnection;

// A small HTTP/1.1 server that accepts whatever an HTTP distributor sends: every request,
// health probes included, gets 200 {"ok":true}, and each request's method, path and body are
// reported. It is the target of the demo's HTTP distributor and the receiving end of the HTTP
// delivery probe, so a newcomer sees HTTP delivery without running a server of their own.
// Keep-alive, bounded request heads and bodies, and at most MaxConnections clients.
class LocalHttpSink final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalHttpSink)

public:
    static constexpr int MaxConnections = 64;

    explicit LocalHttpSink(QObject *parent = nullptr);
    ~LocalHttpSink() override;

    // Listens on address:port (0: a free port). On failure serverError() and errorString() say
    // why and nothing stays open.
    bool listen(const QHostAddress &address, quint16 port = 0);
    // Stops listening and drops every connection; the port is free on return.
    void close();
    bool isListening() const { return m_server.isListening(); }
    QHostAddress serverAddress() const { return m_server.serverAddress(); }
    quint16 serverPort() const { return m_server.serverPort(); }
    // "http://127.0.0.1:<port>", the baseUrl to give an HTTP distributor.
    QString baseUrl() const;
    QAbstractSocket::SocketError serverError() const { return m_server.serverError(); }
    QString errorString() const { return m_server.errorString(); }

    int connectionCount() const { return int(m_connections.size()); }
    quint64 requestCount() const { return m_requests; }

signals:
    void requestReceived(const QByteArray &method, const QString &path, const QByteArray &body);

private:
    void acceptConnections();
    void onFinished(LocalHttpConnection *connection);
    void onRequest(const QByteArray &method, const QString &path, const QByteArray &body);

    QTcpServer m_server;
    QList<LocalHttpConnection *> m_connections; // children
    quint64 m_requests = 0;
};
