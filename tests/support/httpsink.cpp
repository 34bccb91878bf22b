#include "httpsink.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

HttpSink::HttpSink(QObject *parent)
    : QObject(parent) {
    m_clock.start();
}

HttpSink::~HttpSink() {
    close();
}

bool HttpSink::listen(quint16 port) {
    m_server = std::make_unique<QTcpServer>();
    return startListening(port);
}

bool HttpSink::listenTls(const QString &certificateFile, const QString &keyFile, quint16 port) {
    QFile certificate(certificateFile);
    QFile key(keyFile);
    if (!certificate.open(QIODevice::ReadOnly) || !key.open(QIODevice::ReadOnly))
        return false;
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(QSslCertificate(certificate.readAll()));
    configuration.setPrivateKey(QSslKey(key.readAll(), QSsl::Rsa));
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    auto server = std::make_unique<QSslServer>();
    server->setSslConfiguration(configuration);
    m_server = std::move(server);
    return startListening(port);
}

bool HttpSink::startListening(quint16 port) {
    // QSslServer hands a connection over only after the handshake, which newConnection() does not
    // wait for; pendingConnectionAvailable() does.
    connect(m_server.get(), &QTcpServer::newConnection, this, &HttpSink::onNewConnection);
    connect(m_server.get(), &QTcpServer::pendingConnectionAvailable, this,
            &HttpSink::onNewConnection);
    return m_server->listen(QHostAddress::LocalHost, port);
}

void HttpSink::close() {
    if (m_server)
        m_server->close();
    m_server.reset();
    m_waiting.clear();
    m_buffers.clear();
    const QList<QPointer<QTcpSocket>> sockets = std::exchange(m_sockets, {});
    for (const QPointer<QTcpSocket> &socket : sockets) {
        if (socket) {
            socket->disconnect(this);
            socket->abort();
            socket->deleteLater();
        }
    }
}

quint16 HttpSink::port() const {
    return m_server ? m_server->serverPort() : 0;
}

QString HttpSink::baseUrl() const {
    const bool tls = qobject_cast<QSslServer *>(m_server.get()) != nullptr;
    return QStringLiteral("%1://127.0.0.1:%2")
        .arg(tls ? QStringLiteral("https") : QStringLiteral("http"))
        .arg(port());
}

QList<QByteArray> HttpSink::paths() const {
    QList<QByteArray> paths;
    for (const Request &request : m_requests)
        paths.append(request.path);
    return paths;
}

QList<HttpSink::Request> HttpSink::requestsOtherThan(const QByteArray &path) const {
    QList<Request> others;
    for (const Request &request : m_requests) {
        if (request.path != path)
            others.append(request);
    }
    return others;
}

int HttpSink::connectionCount() const {
    int count = 0;
    for (const QPointer<QTcpSocket> &socket : m_sockets) {
        if (socket && socket->state() == QAbstractSocket::ConnectedState)
            ++count;
    }
    return count;
}

bool HttpSink::releaseOne() {
    for (auto it = m_waiting.begin(); it != m_waiting.end(); ++it) {
        if (it->held) {
            answer(it.key());
            return true;
        }
    }
    return false;
}

void HttpSink::releaseAll() {
    while (releaseOne()) {
    }
}

void HttpSink::onNewConnection() {
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        socket->setParent(this);
        m_sockets.append(socket);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            forget(socket);
            socket->deleteLater();
        });
    }
}

void HttpSink::onReadyRead(QTcpSocket *socket) {
    QByteArray &buffer = m_buffers[socket];
    buffer.append(socket->readAll());
    while (parseOne(socket, buffer)) {
    }
}

bool HttpSink::parseOne(QTcpSocket *socket, QByteArray &buffer) {
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return false;
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    Request request;
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    request.method = requestLine.value(0);
    request.path = requestLine.value(1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0)
            request.headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                                   lines.at(i).mid(colon + 1).trimmed());
    }
    const qsizetype length = request.header("content-length").toLongLong();
    if (buffer.size() < headerEnd + 4 + length)
        return false;
    request.body = buffer.mid(headerEnd + 4, length);
    buffer.remove(0, headerEnd + 4 + length);
    request.receivedMs = m_clock.elapsed();
    m_requests.append(request);

    const Reply reply = m_replies.value(request.path, m_defaultReply);
    const quint64 id = ++m_nextId;
    m_waiting.insert(id, Waiting{socket, reply, reply.answer == Answer::WhenReleased});
    m_maxUnanswered = std::max(m_maxUnanswered, int(m_waiting.size()));
    if (reply.answer == Answer::Now)
        answer(id);
    else if (reply.answer == Answer::AfterDelay)
        QTimer::singleShot(reply.delayMs, this, [this, id] { answer(id); });
    emit requestReceived();
    return true;
}

void HttpSink::answer(quint64 id) {
    const Waiting waiting = m_waiting.take(id);
    if (waiting.socket)
        respond(waiting.socket, waiting.reply);
}

void HttpSink::respond(QTcpSocket *socket, const Reply &reply) {
    const QByteArray body = "{\"status\":" + QByteArray::number(reply.status) + '}';
    QByteArray response = "HTTP/1.1 " + QByteArray::number(reply.status) + ' ' + reply.reason
                          + "\r\nContent-Type: application/json\r\nContent-Length: "
                          + QByteArray::number(body.size()) + "\r\nConnection: keep-alive\r\n\r\n";
    socket->write(response + body);
}

void HttpSink::forget(QTcpSocket *socket) {
    m_buffers.remove(socket);
    m_sockets.removeAll(socket);
    for (auto it = m_waiting.begin(); it != m_waiting.end();) {
        if (it->socket == socket || !it->socket)
            it = m_waiting.erase(it);
        else
            ++it;
    }
}
