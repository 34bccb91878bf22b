#pragma once

#include "distributor.h"
#include "gzip.h"
#include "udptargettable.h"

#include <QUdpSocket>

#include <vector>

// The UDP datagram sender (SPEC §4.4): one IPv4 socket, one datagram per target per event,
// gzip-compressed by default. Delivery is fire-and-forget, so an event counts as sent as soon as
// at least one target accepted the datagram; per-target results are kept for the health report.
//
// Built for high event rates: config targets are resolved once at start, the encoder and the
// gzip stream are reused, and sending is one writeDatagram per target with no further work.
class UdpDistributor final : public Distributor {
    Q_OBJECT

public:
    // The largest payload of one IPv4 UDP datagram.
    static constexpr qsizetype MaxDatagramSize = 65507;

    explicit UdpDistributor(const QJsonObject &config, QObject *parent = nullptr);
    ~UdpDistributor() override;

    QString targetDescription() const override;
    // The bound local port (the ephemeral one when bindPort is 0); 0 while not bound.
    quint16 localPort() const { return m_socket.localPort(); }
    // SPEC §3.6 [REC]: the socket must still be bound.
    void probe() override;

protected:
    void startTransport() override;
    void stopTransport() override;
    void transmit(OutboxItem item) override;
    void abortInFlight() override;
    QJsonObject healthDetails() const override;

private:
    void releaseTransport();
    void onLookupFinished();
    void finishStart();
    void discardInbound();
    // Sends the encoded event to the targets at `indices`; `problems` lists targets that could
    // not be used at all (bad specs), which count as failed.
    qint64 sendDatagram(UdpTarget &target, const QByteArray &datagram);
    void sendToTargets(OutboxItem item, const int *indices, qsizetype count,
                       const QStringList &problems);

    const EnvelopeEncoder m_encoder;
    const QString m_defaultHost;
    const quint16 m_defaultPort;
    const quint16 m_bindPort;
    const qsizetype m_maxPayload;
    const bool m_compress;
    const QJsonArray m_configTargets;

    QUdpSocket m_socket{this};
    QByteArray m_payload; // reused for every event
    UdpTargetTable m_targets;
    std::vector<int> m_configIndices; // the config targets' indices in m_targets
    bool m_starting = false;          // waiting for the config targets' host lookups
    // Fastest level: on envelope-sized payloads it compresses about as well as the default
    // and costs noticeably less per datagram.
    Gzip m_gzip{1};
    QByteArray m_wire; // compressed datagram, reused so its capacity is allocated once
    // Events whose `targets` option names hosts still being looked up.
    std::vector<OutboxItem> m_awaitingLookup;
    quint64 m_messagesReceived = 0;
};
