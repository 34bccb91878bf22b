#include "benchreceivers.h"

#include "clock.h"
#include "mqttclient.h"

#include <QTcpSocket>
#include <QWebSocket>

#include <charconv>
#include <cstring>

BenchReceiver::BenchReceiver(quint64 capacity)
    : m_receipts(capacity + 1, 0) {}

void BenchReceiver::reset() {
    std::fill(m_receipts.begin(), m_receipts.end(), 0);
    m_received.store(0, std::memory_order_release);
}

void BenchReceiver::note(const char *data, qsizetype size) {
    static const char key[] = "\"seq\":";
    const char *end = data + size;
    const char *found = std::search(data, end, key, key + sizeof key - 1);
    if (found == end)
        return;
    quint64 seq = 0;
    const char *digits = found + sizeof key - 1;
    std::from_chars(digits, end, seq);
    if (seq < m_receipts.size())
        m_receipts[seq] = Clock::monotonicNs();
}

quint16 UdpBenchReceiver::start() {
    m_socket = std::make_unique<QUdpSocket>();
    m_socket->bind(QHostAddress::LocalHost, 0);
    m_socket->setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 32 * 1024 * 1024);
    connect(m_socket.get(), &QUdpSocket::readyRead, this, &UdpBenchReceiver::read);
    return m_socket->localPort();
}

void UdpBenchReceiver::read() {
    char buffer[65536];
    quint64 batch = 0;
    while (m_socket->hasPendingDatagrams()) {
        const qint64 size = m_socket->readDatagram(buffer, sizeof buffer);
        if (size <= 0)
            break;
        note(buffer, size);
        ++batch;
    }
    count(batch);
}

WebSocketBenchReceiver::~WebSocketBenchReceiver() = default;

void WebSocketBenchReceiver::open(const QString &url) {
    m_socket = std::make_unique<QWebSocket>();
    connect(m_socket.get(), &QWebSocket::connected, this, [this] { m_open = true; });
    connect(m_socket.get(), &QWebSocket::textMessageReceived, this, [this](const QString &message) {
        if (!message.contains(QLatin1String("\"seq\":")))
            return; // welcome, heartbeat
        const QByteArray utf8 = message.toUtf8();
        note(utf8.constData(), utf8.size());
        count();
    });
    m_socket->open(QUrl(url));
}

MqttBenchReceiver::~MqttBenchReceiver() = default;

void MqttBenchReceiver::open(quint16 port, const QString &topic) {
    m_client = std::make_unique<MqttClient>();
    m_client->setHostname(QStringLiteral("127.0.0.1"));
    m_client->setPort(port);
    m_client->setClientId(QStringLiteral("labrelay-bench-receiver"));
    connect(m_client.get(), &MqttClient::stateChanged, this,
            [this, topic](MqttClient::State state) {
                if (state == MqttClient::State::Connected)
                    m_client->subscribe(topic, 1);
            });
    connect(m_client.get(), &MqttClient::subscribed, this, [this] { m_subscribed = true; });
    connect(m_client.get(), &MqttClient::messageReceived, this,
            [this](const QString &, const QByteArray &payload) {
                note(payload.constData(), payload.size());
                count();
            });
    m_client->connectToHost();
}

SseBenchReceiver::~SseBenchReceiver() = default;

void SseBenchReceiver::open(quint16 port, const QString &path) {
    m_socket = std::make_unique<QTcpSocket>();
    connect(m_socket.get(), &QTcpSocket::connected, this, [this, path] {
        m_socket->write("GET " + path.toUtf8() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    });
    connect(m_socket.get(), &QTcpSocket::readyRead, this, [this] {
        m_buffer.append(m_socket->readAll());
        qsizetype start = 0;
        quint64 frames = 0;
        while (true) {
            const qsizetype end = m_buffer.indexOf("\n\n", start);
            if (end < 0)
                break;
            const char *frame = m_buffer.constData() + start;
            if (std::strncmp(frame, "id: ", 4) == 0) {
                note(frame, end - start);
                ++frames;
            }
            start = end + 2;
        }
        m_buffer.remove(0, start);
        count(frames);
    });
    m_socket->connectToHost(QStringLiteral("127.0.0.1"), port);
}

HttpBenchReceiver::~HttpBenchReceiver() = default;

quint16 HttpBenchReceiver::start() {
    m_server = std::make_unique<QTcpServer>();
    m_server->listen(QHostAddress::LocalHost, 0);
    connect(m_server.get(), &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server->nextPendingConnection())
            serve(socket);
    });
    return m_server->serverPort();
}

void HttpBenchReceiver::serve(QTcpSocket *socket) {
    auto buffer = std::make_shared<QByteArray>();
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
        buffer->append(socket->readAll());
        while (true) {
            const qsizetype headEnd = buffer->indexOf("\r\n\r\n");
            if (headEnd < 0)
                return;
            qsizetype length = 0;
            const qsizetype header = buffer->toLower().indexOf("content-length:");
            if (header >= 0 && header < headEnd)
                length = buffer->mid(header + 15, buffer->indexOf("\r\n", header) - header - 15)
                             .trimmed()
                             .toLongLong();
            if (buffer->size() < headEnd + 4 + length)
                return;
            const bool isEvent = buffer->startsWith("POST");
            if (isEvent)
                note(buffer->constData() + headEnd + 4, length);
            buffer->remove(0, headEnd + 4 + length);
            socket->write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: keep-alive\r\n\r\n");
            if (isEvent)
                count();
        }
    });
}
