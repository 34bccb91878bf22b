#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>

class QSslConfiguration;
class QTcpServer;
class QTcpSocket;

// A tiny HTTP/1.1 server for tests, on 127.0.0.1: it records every
// request (method, path, headers, body, arrival time) and answers each with a programmable
// status, at once, after a delay, only when released, or never. Keep-alive is supported, so
// the distributor's connection reuse is exercised as well.
class HttpSink final : public QObject {
    Q_OBJECT

public:
    struct Request {
        QByteArray method;
        QByteArray path;
        QHash<QByteArray, QByteArray> headers; // names in lower case
        QByteArray body;
        qint64 receivedMs = 0; // monotonic, since the sink was created
        QByteArray header(const char *name) const { return headers.value(QByteArray(name)); }
    };

    enum class Answer { Now, AfterDelay, WhenReleased, Never };

    struct Reply {
        int status = 200;
        QByteArray reason = "OK";
        Answer answer = Answer::Now;
        int delayMs = 0;
    };

    explicit HttpSink(QObject *parent = nullptr);
    ~HttpSink() override;

    // Plain HTTP on 127.0.0.1:`port` (0: any free port).
    bool listen(quint16 port = 0);
    // HTTPS with the given certificate and key (PEM files).
    bool listenTls(const QString &certificateFile, const QString &keyFile, quint16 port = 0);
    // Stops listening and drops every connection.
    void close();

    quint16 port() const;
    QString baseUrl() const;

    void setDefaultReply(const Reply &reply) { m_defaultReply = reply; }
    void setReply(const QByteArray &path, const Reply &reply) { m_replies.insert(path, reply); }

    const QList<Request> &requests() const { return m_requests; }
    QList<QByteArray> paths() const;
    // The requests to other paths than `path` (the sends, when `path` is the probed one).
    QList<Request> requestsOtherThan(const QByteArray &path) const;
    int connectionCount() const;
    int unanswered() const { return int(m_waiting.size()); }
    // The most requests that were ever waiting for their answer at the same time.
    int maxUnanswered() const { return m_maxUnanswered; }
    // Answers the oldest request held with Answer::WhenReleased; false if there is none.
    bool releaseOne();
    void releaseAll();

signals:
    void requestReceived();

private:
    struct Waiting {
        QPointer<QTcpSocket> socket;
        Reply reply;
        bool held = false;
    };

    bool startListening(quint16 port);
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    bool parseOne(QTcpSocket *socket, QByteArray &buffer);
    void respond(QTcpSocket *socket, const Reply &reply);
    void answer(quint64 id);
    void forget(QTcpSocket *socket);

    std::unique_ptr<QTcpServer> m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<QPointer<QTcpSocket>> m_sockets;
    QList<Request> m_requests;
    QMap<quint64, Waiting> m_waiting; // by arrival order
    quint64 m_nextId = 0;
    Reply m_defaultReply;
    QHash<QByteArray, Reply> m_replies;
    QElapsedTimer m_clock;
    int m_maxUnanswered = 0;
};
