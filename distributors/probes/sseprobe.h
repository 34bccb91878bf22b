#pragma once

#include "deliveryprobe.h"
#include "sseeventparser.h"

#include <QTcpSocket>

// Probes the SSE distributor as one of its streaming clients: a GET of
// http://host:port<endpoint> read as text/event-stream on a plain QTcpSocket (no buffering
// between the wire and the probe). It counts as connected once the welcome event arrived,
// which the server writes after registering the stream. After a lost connection it reconnects
// with Last-Event-ID, as a browser's EventSource does, so the server's replay buffer can fill
// the gap and the probe reports what a real consumer would end up with.
class SseProbe final : public DeliveryProbe {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SseProbe)

public:
    // The response head is read up to this size; a longer one is not an SSE server's.
    static constexpr qsizetype MaxResponseHeadBytes = 16 * 1024;

    explicit SseProbe(const QJsonObject &config, QObject *parent = nullptr);
    ~SseProbe() override;

    QString url() const;

protected:
    void open() override;
    void close() override;

private:
    enum class Phase { Idle, Connecting, ReadingHead, Streaming };

    void onConnected();
    void onReadyRead();
    void onDisconnected();
    void onError(QAbstractSocket::SocketError error);
    // Reads the status line and headers; false when the answer is not an event stream.
    bool readHead();
    void readEvents(const QByteArray &bytes);
    void fail(const QString &reason);

    QString m_host;
    quint16 m_port = 0;
    QString m_endpoint;
    QTcpSocket m_socket;
    Phase m_phase = Phase::Idle;
    QByteArray m_head;
    SseEventParser m_parser;
};
