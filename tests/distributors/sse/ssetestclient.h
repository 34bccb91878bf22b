#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QTcpSocket>

// A streaming HTTP client for the SSE tests: sends one request over a real QTcpSocket on
// 127.0.0.1 and parses the response incrementally (status line, header fields, then the body
// as text/event-stream frames), the way an EventSource reads it.
class SseTestClient final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SseTestClient)

public:
    struct Frame {
        QByteArray id;
        bool hasId = false;
        QByteArray event;
        QByteArray data;
    };
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    explicit SseTestClient(QObject *parent = nullptr);

    void get(quint16 port, const QByteArray &target, const Headers &headers = {});
    void request(quint16 port, const QByteArray &method, const QByteArray &target,
                 const Headers &headers = {});
    // Sends `bytes` as they are (for malformed requests).
    void sendRaw(quint16 port, const QByteArray &bytes);
    // More bytes on the same connection.
    void write(const QByteArray &bytes) { m_socket.write(bytes); }
    void close() { m_socket.abort(); }
    // Stops reading from the kernel once `bytes` are buffered: a consumer that stopped reading.
    void stall(qint64 bytes) { m_socket.setReadBufferSize(bytes); }

    bool hasHead() const { return m_status != 0; }
    int status() const { return m_status; }
    QByteArray statusLine() const { return m_statusLine; }
    // The value of a response header field (case-insensitive); empty if absent.
    QByteArray header(const QByteArray &name) const;
    bool hasHeader(const QByteArray &name) const;
    QByteArray body() const { return m_body; }
    QList<Frame> frames() const { return m_frames; }
    // Frames other than the `connection` welcome frame.
    QList<Frame> eventFrames() const;
    QList<QByteArray> comments() const { return m_comments; }
    // The clientId announced in the welcome frame.
    QString clientId() const;
    bool isClosed() const { return m_closed; }

private:
    void readResponse();
    void parseFrames();

    QTcpSocket m_socket;
    QByteArray m_buffer;
    int m_status = 0;
    QByteArray m_statusLine;
    Headers m_headers;
    QByteArray m_body;
    qsizetype m_parsed = 0; // bytes of m_body already split into frames
    QList<Frame> m_frames;
    QList<QByteArray> m_comments;
    bool m_closed = false;
};
