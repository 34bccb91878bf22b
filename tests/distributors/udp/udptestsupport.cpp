#include "udptestsupport.h"

#include "configmanager.h"
#include "configschema.h"
#include "testpeers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkDatagram>
#include <QSignalSpy>

DatagramReceiver::DatagramReceiver(const QHostAddress &address, QObject *parent)
    : QObject(parent) {
    m_socket.bind(address, 0);
    // Room for a whole burst even when the test reads late: the kernel caps this at rmem_max.
    m_socket.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 8 * 1024 * 1024);
    connect(&m_socket, &QUdpSocket::readyRead, this, &DatagramReceiver::readAll);
}

QString DatagramReceiver::target() const {
    return m_socket.localAddress().toString() + QLatin1Char(':') + QString::number(port());
}

QJsonObject DatagramReceiver::targetObject() const {
    return {{QStringLiteral("host"), m_socket.localAddress().toString()},
            {QStringLiteral("port"), int(port())}};
}

void DatagramReceiver::readAll() {
    while (m_socket.hasPendingDatagrams())
        m_datagrams.append(m_socket.receiveDatagram().data());
}

QJsonObject DatagramReceiver::decode(const QByteArray &datagram) {
    return QJsonDocument::fromJson(gunzipIfNeeded(datagram)).object();
}

namespace UdpTest {

QJsonObject config(const QJsonObject &override) {
    return ConfigManager::mergeOverride(ConfigSchema::defaults(DistributorType::Udp), override);
}

EnvelopePtr gazeEvent(quint64 seq, qint64 timestamp) {
    const QJsonObject gaze{{QStringLiteral("x"), 0.523},
                           {QStringLiteral("y"), 0.412},
                           {QStringLiteral("confidence"), 0.95},
                           {QStringLiteral("worn"), true}};
    return makeEnvelope(QStringLiteral("neon_gaze_data"), QStringLiteral("study-001"), seq,
                        timestamp, gaze);
}

bool start(Distributor &distributor, QString *error) {
    QSignalSpy started(&distributor, &Distributor::started);
    distributor.connectToTarget();
    if (started.isEmpty() && !started.wait(5000))
        return false;
    if (error)
        *error = started.first().at(1).toString();
    return started.first().at(0).toBool();
}

QJsonObject targetHealth(const Distributor &distributor, const QString &label) {
    const QJsonArray targets = distributor.health().value(QStringLiteral("targets")).toArray();
    for (const QJsonValue &target : targets) {
        if (target.toObject().value(QStringLiteral("target")).toString() == label)
            return target.toObject();
    }
    return {};
}

} // namespace UdpTest
