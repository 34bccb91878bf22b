#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QTimer>

class QTcpSocket;

// One client connection of LocalHttpSink: reads HTTP/1.1 requests one after the other
// (pipelined ones included), answers each 200 {"ok":true}, and keeps the connection open
// unless the client asks to close it. Everything is bounded: the request head by SseRequest's
// 16 KiB, the body by MaxBodyBytes, and idle time by a timer, so a client cannot make the sink
// hold memory or a descriptor without limit.
class LocalHttpConnection final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalHttpConnection)

public:
    static constexpr qsizetype MaxBodyBytes = 8 * 1024 * 1024;
    static constexpr int IdleTimeoutMs = 30000;

    // Takes ownership of `socket`, which must be connected.
    explicit LocalHttpConnection(QTcpSocket *socket, QObject *parent = nullptr);
    ~LocalHttpConnection() override;

    // Starts reading; call once the signals are connected (bytes may be waiting already).
    void start();
    // Drops the connection now; finished() is not emitted.
    void abort();

signals:
    void requestReceived(const QByteArray &method, const QString &path, const QByteArray &body);
    // The connection is over (closed by either side); the owner deletes it later.
    void finished(LocalHttpConnection *connection);

private:
    void readRequests();
    // Handles the first request in m_buffer; false when more bytes are needed or the
    // connection was ended.
    bool handleOne();
    void reject(int status, const QByteArray &reason);
    void respond(int status, const QByteArray &reason, const QByteArray &body, bool close,
                 bool headOnly = false);
    void finish();

    QTcpSocket *m_socket; // child
    QByteArray m_buffer;
    QTimer m_idleTimer;
    bool m_finished = false;
    bool m_closing = false; // the last response is being flushed
};
