#include "udpdistributor.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cerrno>
#include <cstring>

#include <QJsonArray>
#include <QLoggingCategory>
#include <QVarLengthArray>

#include <algorithm>

Q_LOGGING_CATEGORY(lcUdp, "labrelay.distributor.udp")

namespace {

QJsonArray configTargets(const QJsonObject &config) {
    const QJsonArray targets = config.value(QStringLiteral("targets")).toArray();
    if (!targets.isEmpty())
        return targets;
    // No targets: the default host and port are the one destination (SPEC §4.4).
    return QJsonArray{QJsonObject{}};
}

} // namespace

UdpDistributor::UdpDistributor(const QJsonObject &config, QObject *parent)
    : Distributor(DistributorType::Udp, config, parent)
    , m_encoder(QStringLiteral("udp"),
                payloadFormatFromName(config.value(QStringLiteral("payloadFormat")).toString()))
    , m_defaultHost(config.value(QStringLiteral("host")).toString(QStringLiteral("127.0.0.1")))
    , m_defaultPort(quint16(config.value(QStringLiteral("port")).toInt(9999)))
    , m_bindPort(quint16(config.value(QStringLiteral("bindPort")).toInt(0)))
    , m_maxPayload(config.value(QStringLiteral("maxPayload")).toInt(1024))
    , m_compress(config.value(QStringLiteral("compress")).toBool(true))
    , m_configTargets(configTargets(config)) {
    connect(&m_socket, &QUdpSocket::readyRead, this, &UdpDistributor::discardInbound);
    connect(&m_targets, &UdpTargetTable::lookupFinished, this, &UdpDistributor::onLookupFinished);
}

UdpDistributor::~UdpDistributor() = default;

QString UdpDistributor::targetDescription() const {
    if (m_configTargets.size() == 1) {
        const UdpTargetSpec spec =
            UdpTargetSpec::parse(m_configTargets.first(), m_defaultHost, m_defaultPort);
        if (spec.isValid())
            return spec.label();
    }
    return QStringLiteral("%1 targets").arg(m_configTargets.size());
}

void UdpDistributor::startTransport() {
    // A reconnect starts from scratch; events parked on lookups of the old table cannot finish.
    std::vector<OutboxItem> parked = std::move(m_awaitingLookup);
    m_awaitingLookup.clear();
    for (OutboxItem &item : parked)
        completeFailed(std::move(item), QStringLiteral("UDP socket was reopened"), true);
    releaseTransport();

    for (const QJsonValue &value : m_configTargets) {
        const UdpTargetSpec spec = UdpTargetSpec::parse(value, m_defaultHost, m_defaultPort);
        if (!spec.isValid()) {
            releaseTransport();
            transportFailed(Error::ConfigurationError, spec.error, false);
            return;
        }
        const int index = m_targets.add(spec);
        if (index < 0) {
            releaseTransport();
            transportFailed(Error::ConfigurationError,
                            QStringLiteral("UDP distributor supports at most %1 targets")
                                .arg(UdpTargetTable::MaxTargets),
                            false);
            return;
        }
        if (std::find(m_configIndices.begin(), m_configIndices.end(), index)
            == m_configIndices.end())
            m_configIndices.push_back(index);
    }

    if (!m_socket.bind(QHostAddress::AnyIPv4, m_bindPort)) {
        const QString message = QStringLiteral("UDP socket cannot bind port %1: %2")
                                    .arg(m_bindPort)
                                    .arg(m_socket.errorString());
        const Error error = m_socket.error() == QAbstractSocket::AddressInUseError
                                ? Error::AddressInUse
                                : Error::ConfigurationError;
        releaseTransport();
        transportFailed(error, message, false);
        return;
    }
    // A burst of events must not find the send buffer full; the kernel caps the value.
    m_socket.setSocketOption(QAbstractSocket::SendBufferSizeSocketOption, 1024 * 1024);

    m_starting = m_targets.pendingLookups() > 0;
    if (!m_starting)
        finishStart();
}

void UdpDistributor::finishStart() {
    m_starting = false;
    QStringList unresolved;
    for (const int index : m_configIndices) {
        const UdpTarget &target = m_targets.at(index);
        if (target.resolution == UdpTarget::Resolution::Failed)
            unresolved.append(target.label + QLatin1String(": ") + target.resolveError);
    }
    if (!m_configIndices.empty() && unresolved.size() == qsizetype(m_configIndices.size())) {
        // Name resolution may recover (network up later), so this is retried with backoff.
        const QString message =
            QLatin1String("No UDP target can be resolved: ") + unresolved.join(QLatin1String("; "));
        releaseTransport();
        transportFailed(Error::HostNotFound, message, true);
        return;
    }
    transportReady();
}

void UdpDistributor::stopTransport() {
    m_awaitingLookup.clear(); // abortInFlight() has completed them already
    releaseTransport();
}

void UdpDistributor::releaseTransport() {
    m_socket.close();
    m_targets.clear();
    m_configIndices.clear();
    m_starting = false;
}

void UdpDistributor::abortInFlight() {
    std::vector<OutboxItem> parked = std::move(m_awaitingLookup);
    m_awaitingLookup.clear();
    for (OutboxItem &item : parked)
        completeDropped(std::move(item), DropReason::Disabled);
}

void UdpDistributor::probe() {
    if ((state() == State::Connected || state() == State::Degraded)
        && m_socket.state() != QAbstractSocket::BoundState) {
        transportLost(Error::ConnectionLost, QStringLiteral("UDP socket is no longer bound"));
    }
}

void UdpDistributor::onLookupFinished() {
    if (m_starting) {
        if (m_targets.pendingLookups() == 0)
            finishStart();
        return;
    }
    // Retry every parked event: those whose targets are all known now go out, the rest park
    // again.
    std::vector<OutboxItem> parked = std::move(m_awaitingLookup);
    m_awaitingLookup.clear();
    for (OutboxItem &item : parked)
        transmit(std::move(item));
}

void UdpDistributor::transmit(OutboxItem item) {
    if (m_socket.state() != QAbstractSocket::BoundState) {
        // writeDatagram() would silently bind a new socket; report the lost one instead.
        completeFailed(std::move(item), QStringLiteral("UDP socket not connected"), true);
        probe();
        return;
    }
    const QJsonValue optionTargets =
        item.options.isEmpty() ? QJsonValue() : item.options.value(QStringLiteral("targets"));
    if (!optionTargets.isArray()) {
        sendToTargets(std::move(item), m_configIndices.data(), qsizetype(m_configIndices.size()),
                      {});
        return;
    }

    QVarLengthArray<int, 8> indices;
    QStringList problems;
    bool resolving = false;
    for (const QJsonValue &value : optionTargets.toArray()) {
        const UdpTargetSpec spec = UdpTargetSpec::parse(value, m_defaultHost, m_defaultPort);
        if (!spec.isValid()) {
            problems.append(spec.error);
            continue;
        }
        const int index = m_targets.add(spec);
        if (index < 0) {
            problems.append(spec.label() + QLatin1String(": too many distinct UDP targets (")
                            + QString::number(UdpTargetTable::MaxTargets) + QLatin1Char(')'));
            continue;
        }
        if (!indices.contains(index))
            indices.append(index);
        resolving |= m_targets.at(index).resolution == UdpTarget::Resolution::Resolving;
    }
    if (resolving) {
        m_awaitingLookup.push_back(std::move(item));
        return;
    }
    sendToTargets(std::move(item), indices.constData(), indices.size(), problems);
}

// One datagram straight to the kernel on the bound socket. QUdpSocket::writeDatagram() would
// rebuild the socket address and pass Qt's socket engine on every call; at tens of thousands of
// events a second that is most of the cost of a datagram, so each target's address is made once.
qint64 UdpDistributor::sendDatagram(UdpTarget &target, const QByteArray &datagram) {
    if (target.nativeLength == 0) {
        if (target.address.protocol() == QAbstractSocket::IPv4Protocol) {
            auto *in = reinterpret_cast<sockaddr_in *>(&target.native);
            in->sin_family = AF_INET;
            in->sin_port = htons(target.port);
            in->sin_addr.s_addr = htonl(target.address.toIPv4Address());
            target.nativeLength = sizeof(sockaddr_in);
        } else {
            auto *in6 = reinterpret_cast<sockaddr_in6 *>(&target.native);
            in6->sin6_family = AF_INET6;
            in6->sin6_port = htons(target.port);
            const Q_IPV6ADDR bytes = target.address.toIPv6Address();
            std::memcpy(&in6->sin6_addr, bytes.c, sizeof bytes.c);
            target.nativeLength = sizeof(sockaddr_in6);
        }
    }
    return ::sendto(int(m_socket.socketDescriptor()), datagram.constData(), size_t(datagram.size()),
                    MSG_DONTWAIT, reinterpret_cast<const sockaddr *>(&target.native),
                    target.nativeLength);
}

void UdpDistributor::sendToTargets(OutboxItem item, const int *indices, qsizetype count,
                                   const QStringList &problems) {
    const QJsonObject metadata = item.options.isEmpty()
                                     ? QJsonObject()
                                     : item.options.value(QStringLiteral("metadata")).toObject();
    m_encoder.encodeInto(m_payload, *item.envelope, metadata);
    const QByteArray &payload = m_payload;
    if (payload.size() > m_maxPayload) {
        completeFailed(std::move(item),
                       QStringLiteral("Payload too large: %1 bytes > %2 bytes")
                           .arg(payload.size())
                           .arg(m_maxPayload),
                       false);
        return;
    }
    // On a compression failure the datagram goes out uncompressed (SPEC §4.4).
    const QByteArray &wire =
        m_compress && m_gzip.compress(payload.constData(), payload.size(), m_wire) ? m_wire
                                                                                   : payload;
    if (wire.size() > MaxDatagramSize) {
        completeFailed(std::move(item),
                       QStringLiteral("Datagram too large: %1 bytes > %2 bytes")
                           .arg(wire.size())
                           .arg(MaxDatagramSize),
                       false);
        return;
    }

    int succeeded = 0;
    qint64 bytes = 0;
    for (qsizetype i = 0; i < count; ++i) {
        UdpTarget &target = m_targets.at(indices[i]);
        if (target.resolution != UdpTarget::Resolution::Resolved) {
            ++target.failed;
            target.lastError = target.resolveError;
            continue;
        }
        const qint64 written = sendDatagram(target, wire);
        if (written < 0) {
            ++target.failed;
            target.lastError = QString::fromLocal8Bit(std::strerror(errno));
            continue;
        }
        ++target.sent;
        target.bytes += quint64(written);
        bytes += written;
        ++succeeded;
    }
    if (succeeded > 0) {
        completeSent(std::move(item), bytes);
        return;
    }

    // Every target failed in this round, so each one's lastError is this attempt's reason.
    QStringList reasons = problems;
    for (qsizetype i = 0; i < count; ++i) {
        const UdpTarget &target = m_targets.at(indices[i]);
        reasons.append(target.label + QLatin1String(": ") + target.lastError);
    }
    if (reasons.isEmpty())
        reasons.append(QStringLiteral("no targets"));
    // Sending may work next time; a send that named no usable target never will.
    completeFailed(std::move(item),
                   QLatin1String("All UDP targets failed: ") + reasons.join(QLatin1String("; ")),
                   count > 0);
}

void UdpDistributor::discardInbound() {
    // Nothing is expected back; read everything so the receive buffer never fills.
    char byte;
    while (m_socket.hasPendingDatagrams()) {
        if (m_socket.readDatagram(&byte, 1) < 0)
            break;
        ++m_messagesReceived;
    }
}

QJsonObject UdpDistributor::healthDetails() const {
    const bool bound = m_socket.state() == QAbstractSocket::BoundState;
    QJsonObject socket{{QStringLiteral("connected"), bound}};
    if (bound) {
        socket.insert(QStringLiteral("address"), m_socket.localAddress().toString());
        socket.insert(QStringLiteral("port"), m_socket.localPort());
    }
    return {
        {QStringLiteral("protocol"), QStringLiteral("udp")},
        {QStringLiteral("socket"), socket},
        {QStringLiteral("config"), QJsonObject{{QStringLiteral("port"), m_defaultPort},
                                               {QStringLiteral("host"), m_defaultHost},
                                               {QStringLiteral("maxPayload"), double(m_maxPayload)},
                                               {QStringLiteral("compress"), m_compress}}},
        {QStringLiteral("targets"), m_targets.toJson()},
        {QStringLiteral("messagesReceived"), double(m_messagesReceived)},
        {QStringLiteral("capabilities"),
         QJsonArray{QStringLiteral("send"), QStringLiteral("broadcast"),
                    QStringLiteral("high_frequency")}},
    };
}
