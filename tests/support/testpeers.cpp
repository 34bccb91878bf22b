#include "testpeers.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QNetworkDatagram>
#include <QUuid>

#include <zlib.h>

QByteArray gunzipIfNeeded(const QByteArray &bytes) {
    if (bytes.size() < 2 || uchar(bytes.at(0)) != 0x1f || uchar(bytes.at(1)) != 0x8b)
        return bytes;
    z_stream stream{};
    if (inflateInit2(&stream, 15 + 16) != Z_OK)
        return {};
    QByteArray out;
    char buffer[16384];
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(bytes.constData()));
    stream.avail_in = uInt(bytes.size());
    int rc = Z_OK;
    do {
        stream.next_out = reinterpret_cast<Bytef *>(buffer);
        stream.avail_out = sizeof buffer;
        rc = inflate(&stream, Z_NO_FLUSH);
        out.append(buffer, int(sizeof buffer - stream.avail_out));
    } while (rc == Z_OK);
    inflateEnd(&stream);
    return rc == Z_STREAM_END ? out : QByteArray();
}

int EnvelopeCollector::count(const QString &event) const {
    return int(std::count_if(m_envelopes.begin(), m_envelopes.end(), [&](const QJsonObject &e) {
        return e.value(QStringLiteral("event")).toString() == event;
    }));
}

QSet<quint64> EnvelopeCollector::seqs() const {
    QSet<quint64> set;
    for (const QJsonObject &envelope : m_envelopes)
        set.insert(quint64(envelope.value(QStringLiteral("seq")).toInteger()));
    return set;
}

QStringList EnvelopeCollector::events() const {
    QStringList list;
    for (const QJsonObject &envelope : m_envelopes)
        list.append(envelope.value(QStringLiteral("event")).toString());
    return list;
}

void EnvelopeCollector::collect(const QByteArray &json) {
    const QJsonDocument document = QJsonDocument::fromJson(json);
    if (document.isObject())
        m_envelopes.append(document.object());
}

UdpReceiver::UdpReceiver(QObject *parent)
    : QObject(parent) {
    m_socket.bind(QHostAddress::LocalHost, 0);
    m_socket.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 8 * 1024 * 1024);
    connect(&m_socket, &QUdpSocket::readyRead, this, &UdpReceiver::read);
}

void UdpReceiver::read() {
    while (m_socket.hasPendingDatagrams()) {
        const QNetworkDatagram datagram = m_socket.receiveDatagram();
        ++m_datagrams;
        collect(gunzipIfNeeded(datagram.data()));
    }
}

WebSocketReceiver::WebSocketReceiver(const QUrl &url, QObject *parent)
    : QObject(parent) {
    connect(&m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &message) {
        const QJsonObject frame = QJsonDocument::fromJson(message.toUtf8()).object();
        if (frame.contains(QStringLiteral("seq")))
            collect(message.toUtf8());
        else
            ++m_controlFrames;
    });
    m_socket.open(url);
}

MqttSubscriber::MqttSubscriber(quint16 port, const QString &topic, QObject *parent)
    : QObject(parent)
    , m_port(port)
    , m_topic(topic) {
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &MqttSubscriber::read);
    m_process.start(QStringLiteral("mosquitto_sub"),
                    {QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                     QString::number(port), QStringLiteral("-t"), topic, QStringLiteral("-t"),
                     QStringLiteral("labrelay-test/marker"), QStringLiteral("-q"),
                     QStringLiteral("1")});
}

MqttSubscriber::~MqttSubscriber() {
    m_process.kill();
    m_process.waitForFinished(3000);
}

bool MqttSubscriber::waitUntilSubscribed(int timeoutMs) {
    QDeadlineTimer deadline(timeoutMs);
    const QString marker = QUuid::createUuid().toString(QUuid::WithoutBraces);
    while (!deadline.hasExpired() && !m_markerSeen) {
        QProcess::execute(QStringLiteral("mosquitto_pub"),
                          {QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                           QString::number(m_port), QStringLiteral("-t"),
                           QStringLiteral("labrelay-test/marker"), QStringLiteral("-m"), marker});
        if (m_process.waitForReadyRead(300))
            read();
    }
    return m_markerSeen;
}

void MqttSubscriber::read() {
    m_buffer.append(m_process.readAllStandardOutput());
    qsizetype newline = 0;
    while ((newline = m_buffer.indexOf('\n')) >= 0) {
        const QByteArray line = m_buffer.left(newline);
        m_buffer.remove(0, newline + 1);
        if (!line.startsWith('{')) {
            m_markerSeen = true; // the marker is plain text
            continue;
        }
        collect(line);
    }
}
