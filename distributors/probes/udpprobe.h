#pragma once

#include "deliveryprobe.h"

#include <QHostAddress>
#include <QUdpSocket>

// Probes the UDP distributor by being its receiver: for the first target on this machine
// (localhost or a 127.x address) it binds that address and port, exclusively, and reads the
// datagrams (gunzipping those that start with 1F 8B). A port another program already holds
// belongs to that program, which is then the one receiving, and a target on another machine
// cannot be listened to from here: in both cases the probe is not available and says why.
class UdpProbe final : public DeliveryProbe {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UdpProbe)

public:
    // Largest payload accepted after gunzip: the distributor's own maxPayload limit.
    static constexpr qsizetype MaxInflatedBytes = 16 * 1024 * 1024;

    explicit UdpProbe(const QJsonObject &config, QObject *parent = nullptr);
    ~UdpProbe() override;

    // "127.0.0.1:9999" of the loopback target listened on; empty when there is none.
    QString listenTarget() const;
    quint16 localPort() const { return m_socket.localPort(); }

protected:
    void open() override;
    void close() override;

private:
    void readDatagrams();

    QString m_targetHost;
    quint16 m_targetPort = 0;
    QString m_problem; // why no target can be probed, when none can
    QUdpSocket m_socket;
};
