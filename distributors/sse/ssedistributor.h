#pragma once

#include "distributor.h"
#include "ssecorspolicy.h"
#include "ssereplaybuffer.h"

#include <QList>
#include <QTimer>

class QTcpSocket;
class SseHttpServer;
class SseRequest;
class SseStream;

// The Server-Sent Events distributor (SPEC §4.5 with its [REC] items): an HTTP server whose
// endpoint streams text/event-stream to any number of clients (EventSource in a browser, curl,
// dashboards). Frames carry `id: <seq>` so a client reconnecting with Last-Event-ID gets what it
// missed from a replay buffer; `?events=a,b` on the stream URL filters per client, and the
// `clientIds` send option targets clients server-side.
class SseDistributor final : public Distributor {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SseDistributor)

public:
    explicit SseDistributor(const QJsonObject &config, QObject *parent = nullptr);
    ~SseDistributor() override;

    // The port actually listened on (the configured one, or the OS's pick for port 0); 0 when
    // not listening.
    quint16 serverPort() const;
    int clientCount() const { return int(m_streams.size()); }
    QStringList clientIds() const;
    QString targetDescription() const override;
    void probe() override;

protected:
    void startTransport() override;
    void stopTransport() override;
    // Frames are written to every stream inside transmit(), so nothing is ever left in flight
    // and abortInFlight() has nothing to complete.
    void transmit(OutboxItem item) override;
    QJsonObject healthDetails() const override;

private:
    void handleRequest(QTcpSocket *socket, const SseRequest &request);
    void openStream(QTcpSocket *socket, const SseRequest &request, const QByteArray &cors);
    void answerHealth(QTcpSocket *socket, const QByteArray &cors);
    void sendHeartbeat();
    // Ends `stream` because writing to it failed; `reason` goes to the error counters.
    void dropStream(SseStream *stream, const QString &reason);
    void removeStream(SseStream *stream);
    QByteArray encodeFrame(const OutboxItem &item) const;
    QString listenAddressText() const;

    const QString m_host;
    const quint16 m_configuredPort;
    const QString m_endpoint;
    const int m_maxConnections;
    const int m_heartbeatMs;
    const SseCorsPolicy m_cors;
    const EnvelopeEncoder m_encoder;

    SseHttpServer *m_server = nullptr; // child of this while listening
    QList<SseStream *> m_streams;      // children of this
    SseReplayBuffer m_replay;
    QTimer m_heartbeat{this};
    qint64 m_listeningSinceMs = 0;
};
