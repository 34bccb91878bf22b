#include "sseprobe.h"

#include "probeaddress.h"

#include <QNetworkProxy>

SseProbe::SseProbe(const QJsonObject &config, QObject *parent)
    : DeliveryProbe(DistributorType::Sse, config, parent)
    , m_host(ProbeAddress::connectHost(config.value(QLatin1String("host")).toString()))
    , m_port(quint16(config.value(QLatin1String("port")).toInt(3001)))
    , m_endpoint(
          config.value(QLatin1String("endpoint")).toString(QStringLiteral("/events/stream"))) {
    // The distributor is on this machine: a system proxy must not sit in between.
    m_socket.setProxy(QNetworkProxy::NoProxy);
    connect(&m_socket, &QTcpSocket::connected, this, &SseProbe::onConnected);
    connect(&m_socket, &QTcpSocket::readyRead, this, &SseProbe::onReadyRead);
    connect(&m_socket, &QTcpSocket::disconnected, this, &SseProbe::onDisconnected);
    connect(&m_socket, &QTcpSocket::errorOccurred, this, &SseProbe::onError);
}

SseProbe::~SseProbe() {
    m_socket.disconnect(this);
    m_socket.abort();
}

QString SseProbe::url() const {
    return QStringLiteral("http://") + ProbeAddress::hostPort(m_host, m_port) + m_endpoint;
}

void SseProbe::open() {
    m_phase = Phase::Connecting;
    m_head.clear();
    m_parser.reset();
    setNote(QStringLiteral("connecting to ") + url());
    m_socket.connectToHost(m_host, m_port);
}

void SseProbe::close() {
    m_phase = Phase::Idle;
    const QSignalBlocker blocker(m_socket);
    m_socket.abort();
}

void SseProbe::onConnected() {
    QByteArray request = "GET " + m_endpoint.toUtf8()
                         + " HTTP/1.1\r\nHost: " + ProbeAddress::hostPort(m_host, m_port).toUtf8()
                         + "\r\nAccept: text/event-stream\r\nCache-Control: no-cache\r\n";
    // Resume where the last connection ended, as EventSource does.
    if (ledger().lastSeq() > 0)
        request += "Last-Event-ID: " + QByteArray::number(ledger().lastSeq()) + "\r\n";
    request += "\r\n";
    m_phase = Phase::ReadingHead;
    m_socket.write(request);
}

void SseProbe::onReadyRead() {
    if (m_phase == Phase::ReadingHead) {
        m_head.append(m_socket.readAll());
        if (!readHead())
            return;
        const QByteArray rest = m_head;
        m_head.clear();
        readEvents(rest);
    } else if (m_phase == Phase::Streaming) {
        readEvents(m_socket.readAll());
    } else {
        m_socket.readAll();
    }
}

bool SseProbe::readHead() {
    const qsizetype end = m_head.indexOf("\r\n\r\n");
    if (end < 0) {
        if (m_head.size() > MaxResponseHeadBytes)
            fail(QStringLiteral("%1 answered with a response head over 16 KiB").arg(url()));
        return false;
    }
    const QByteArray head = m_head.left(end);
    m_head.remove(0, end + 4);
    const QList<QByteArray> lines = head.split('\n');
    const QByteArray statusLine = lines.first().trimmed();
    if (!statusLine.startsWith("HTTP/1.") || statusLine.mid(9, 3) != "200") {
        fail(QStringLiteral("%1 answered %2").arg(url(), QString::fromUtf8(statusLine)));
        return false;
    }
    bool eventStream = false;
    for (const QByteArray &line : lines) {
        const QByteArray lower = line.trimmed().toLower();
        if (lower.startsWith("content-type:") && lower.contains("text/event-stream"))
            eventStream = true;
    }
    if (!eventStream) {
        fail(QStringLiteral("%1 is not an event stream (no Content-Type: text/event-stream)")
                 .arg(url()));
        return false;
    }
    m_phase = Phase::Streaming;
    return true;
}

void SseProbe::readEvents(const QByteArray &bytes) {
    const QList<SseEventParser::Event> events = m_parser.feed(bytes);
    for (const SseEventParser::Event &event : events) {
        if (m_phase != Phase::Streaming)
            return; // a failure below closed the stream
        if (event.event == QLatin1String("connection")) {
            if (!isConnected())
                connectionEstablished();
            continue;
        }
        receivePayload(event.data);
    }
    if (m_parser.hasError())
        fail(QStringLiteral("%1: %2").arg(url(), m_parser.errorString()));
}

void SseProbe::onDisconnected() {
    if (isRunning() && m_phase != Phase::Idle)
        fail(QStringLiteral("%1: the server closed the stream").arg(url()));
}

void SseProbe::onError(QAbstractSocket::SocketError error) {
    if (error == QAbstractSocket::RemoteHostClosedError)
        return; // disconnected() follows
    if (isRunning() && m_phase != Phase::Idle)
        fail(QStringLiteral("%1: %2").arg(url(), m_socket.errorString()));
}

void SseProbe::fail(const QString &reason) {
    m_phase = Phase::Idle;
    retryLater(reason);
}
