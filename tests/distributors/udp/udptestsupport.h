#pragma once

#include "distributor.h"

#include <QByteArrayList>
#include <QJsonObject>
#include <QObject>
#include <QUdpSocket>

// A real UDP receiver on a loopback address (127.0.0.1 unless told, port 0) that keeps every
// datagram byte for byte. testpeers' UdpReceiver, by contrast, keeps the decoded envelopes.
class DatagramReceiver final : public QObject {
    Q_OBJECT

public:
    explicit DatagramReceiver(const QHostAddress &address = QHostAddress(QHostAddress::LocalHost),
                              QObject *parent = nullptr);

    bool isBound() const { return m_socket.state() == QAbstractSocket::BoundState; }
    quint16 port() const { return m_socket.localPort(); }
    // "<address>:<port>", the shape of a string target and of a per-target label.
    QString target() const;
    QJsonObject targetObject() const;
    QUdpSocket &socket() { return m_socket; }

    const QByteArrayList &datagrams() const { return m_datagrams; }
    qsizetype count() const { return m_datagrams.size(); }
    // The datagram as JSON, gunzipped first when it starts with the gzip magic 1F 8B (by the
    // tests' own zlib inflate, not by the code under test).
    static QJsonObject decode(const QByteArray &datagram);

private:
    void readAll();

    QUdpSocket m_socket;
    QByteArrayList m_datagrams;
};

namespace UdpTest {

// The effective config, built the way the factory builds it.
QJsonObject config(const QJsonObject &override);
// A gaze sample of session "study-001".
EnvelopePtr gazeEvent(quint64 seq, qint64 timestamp = 1725880800000);
// Starts `distributor` and waits for the outcome of the first attempt.
bool start(Distributor &distributor, QString *error = nullptr);
// The per-target health entry labelled `label` ({} when absent).
QJsonObject targetHealth(const Distributor &distributor, const QString &label);

} // namespace UdpTest
