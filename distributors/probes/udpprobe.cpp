#include "udpprobe.h"

#include "gzip.h"
#include "probeaddress.h"
#include "udptarget.h"

#include <QJsonArray>
#include <QNetworkDatagram>

UdpProbe::UdpProbe(const QJsonObject &config, QObject *parent)
    : DeliveryProbe(DistributorType::Udp, config, parent) {
    const QString defaultHost =
        config.value(QLatin1String("host")).toString(QStringLiteral("127.0.0.1"));
    const auto defaultPort = quint16(config.value(QLatin1String("port")).toInt(9999));
    QJsonArray targets = config.value(QLatin1String("targets")).toArray();
    if (targets.isEmpty())
        targets.append(QJsonObject{}); // the default host and port are the one target
    QStringList remote;
    for (const QJsonValue &value : std::as_const(targets)) {
        const UdpTargetSpec spec = UdpTargetSpec::parse(value, defaultHost, defaultPort);
        if (!spec.isValid())
            continue;
        if (ProbeAddress::isLoopback(spec.host) && !spec.host.contains(QLatin1Char(':'))) {
            m_targetHost = spec.host;
            m_targetPort = spec.port;
            break;
        }
        remote.append(spec.label());
    }
    if (m_targetPort == 0) {
        m_problem = remote.isEmpty()
                        ? QStringLiteral("the UDP distributor has no valid target")
                        : QStringLiteral("UDP target %1 is not on this machine; only loopback "
                                         "targets (127.0.0.1, localhost) can be listened to")
                              .arg(remote.join(QStringLiteral(", ")));
    }
    connect(&m_socket, &QUdpSocket::readyRead, this, &UdpProbe::readDatagrams);
}

UdpProbe::~UdpProbe() {
    m_socket.close();
}

QString UdpProbe::listenTarget() const {
    return m_targetPort == 0 ? QString() : ProbeAddress::hostPort(m_targetHost, m_targetPort);
}

void UdpProbe::open() {
    if (!m_problem.isEmpty()) {
        unavailable(m_problem);
        return;
    }
    // DontShareAddress without ReuseAddressHint: binding fails if anyone holds the port,
    // instead of silently splitting the datagrams with them.
    if (!m_socket.bind(ProbeAddress::loopbackAddress(m_targetHost), m_targetPort,
                       QAbstractSocket::DontShareAddress)) {
        const QString reason =
            m_socket.error() == QAbstractSocket::AddressInUseError
                ? QStringLiteral("UDP port %1 is taken by another program, which receives the "
                                 "datagrams instead")
                      .arg(listenTarget())
                : QStringLiteral("cannot listen on UDP %1: %2")
                      .arg(listenTarget(), m_socket.errorString());
        m_socket.close();
        unavailable(reason);
        return;
    }
    connectionEstablished();
}

void UdpProbe::close() {
    m_socket.close();
}

void UdpProbe::readDatagrams() {
    while (m_socket.hasPendingDatagrams()) {
        const QByteArray datagram = m_socket.receiveDatagram().data();
        if (!isRunning())
            continue;
        if (datagram.startsWith("\x1f\x8b")) {
            const QByteArray json = Gzip::decompress(datagram, MaxInflatedBytes);
            if (!json.isNull())
                receivePayload(json);
        } else {
            receivePayload(datagram);
        }
    }
}
