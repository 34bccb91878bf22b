#pragma once

#include <QObject>
#include <QSet>
#include <QString>

class QTcpSocket;

// One open text/event-stream response: the client's socket, its id, and the events it asked
// for with `?events=a,b`. The stream owns the socket.
class SseStream final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SseStream)

public:
    // Unsent bytes a stream may hold before its consumer counts as stuck. A burst of frames
    // written in one event-loop pass lands here before the kernel takes it, so the limit is
    // checked before each write, never against the write that is being made.
    static constexpr qint64 MaxBacklog = 4 * 1024 * 1024;

    // Takes ownership of `socket`, which must be connected.
    SseStream(QTcpSocket *socket, const QString &clientId, const QSet<QString> &events,
              QObject *parent = nullptr);
    ~SseStream() override;

    QString clientId() const { return m_clientId; }
    QSet<QString> events() const { return m_events; }
    // Whether the client's own filter lets `event` through (no filter: every event).
    bool wants(const QString &event) const;
    qint64 backlog() const;
    bool isOpen() const;
    // Why the last send() failed.
    QString errorString() const { return m_error; }

    // Queues `bytes` for the client. Returns false when the socket is gone, the write fails or
    // the consumer is stuck; the caller then ends the stream.
    bool send(const QByteArray &bytes);
    // Ends the stream now: writes what the kernel takes without blocking, then closes the
    // socket. The descriptor is released before this returns.
    void close();

signals:
    // The client went away (or the socket failed); the stream is no longer usable.
    void finished(SseStream *stream);

private:
    void discardInput();
    void onDisconnected();

    QTcpSocket *m_socket; // child of this
    QString m_clientId;
    QSet<QString> m_events;
    QString m_error;
    bool m_finished = false;
};
