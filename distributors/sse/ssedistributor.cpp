#include "ssedistributor.h"

#include "clock.h"
#include "sseframe.h"
#include "ssehttpserver.h"
#include "sserequest.h"
#include "ssestream.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTcpSocket>

namespace {

// "localhost" and the two wildcards by name, anything else must be an IP literal: a listen
// address is never looked up, so a typo cannot bind somewhere unexpected.
bool listenAddress(const QString &host, QHostAddress *address) {
    if (host.isEmpty() || host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        *address = QHostAddress(QHostAddress::LocalHost);
    else if (host == QLatin1String("0.0.0.0"))
        *address = QHostAddress(QHostAddress::AnyIPv4);
    else if (host == QLatin1String("::"))
        *address = QHostAddress(QHostAddress::Any);
    else
        *address = QHostAddress(host);
    return !address->isNull();
}

QStringList stringList(const QJsonValue &value) {
    if (value.isString())
        return {value.toString()};
    QStringList list;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &entry : array) {
        if (entry.isString())
            list.append(entry.toString());
    }
    return list;
}

QSet<QString> requestedEvents(const SseRequest &request) {
    QSet<QString> events;
    const QStringList names = request.queryItem(QStringLiteral("events")).split(QLatin1Char(','));
    for (const QString &name : names) {
        if (!name.trimmed().isEmpty())
            events.insert(name.trimmed());
    }
    return events;
}

// The client's resume point: the Last-Event-ID header an EventSource sends on reconnect, or
// `?lastEventId=` for clients that cannot set headers.
bool lastEventId(const SseRequest &request, quint64 *seq) {
    bool ok = false;
    if (request.hasHeader("last-event-id"))
        *seq = request.header("last-event-id").trimmed().toULongLong(&ok);
    else
        *seq = request.queryItem(QStringLiteral("lastEventId")).trimmed().toULongLong(&ok);
    return ok;
}

QString newClientId() {
    static const char digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    QString suffix;
    for (int i = 0; i < 9; ++i)
        suffix.append(QLatin1Char(digits[QRandomGenerator::global()->bounded(36)]));
    return QStringLiteral("sse_%1_%2").arg(Clock::epochMs()).arg(suffix);
}

PayloadFormat ssePayloadFormat(const QJsonObject &config) {
    // SSE has no raw mode (the schema offers envelope and legacy only).
    const PayloadFormat format =
        payloadFormatFromName(config.value(QStringLiteral("payloadFormat")).toString());
    return format == PayloadFormat::Legacy ? PayloadFormat::Legacy : PayloadFormat::Envelope;
}

} // namespace

SseDistributor::SseDistributor(const QJsonObject &config, QObject *parent)
    : Distributor(DistributorType::Sse, config, parent)
    , m_host(config.value(QStringLiteral("host")).toString())
    , m_configuredPort(quint16(config.value(QStringLiteral("port")).toInt()))
    , m_endpoint(
          config.value(QStringLiteral("endpoint")).toString(QStringLiteral("/events/stream")))
    , m_maxConnections(config.value(QStringLiteral("maxConnections")).toInt(500))
    , m_heartbeatMs(config.value(QStringLiteral("heartbeatInterval")).toInt(30000))
    , m_cors(SseCorsPolicy(stringList(config.value(QStringLiteral("corsOrigins")))))
    , m_encoder(QStringLiteral("sse"), ssePayloadFormat(config))
    , m_replay(config.value(QStringLiteral("replayBuffer")).toInt(1000)) {
    connect(&m_heartbeat, &QTimer::timeout, this, &SseDistributor::sendHeartbeat);
    setConnectedClients(0);
}

SseDistributor::~SseDistributor() {
    stopTransport();
}

quint16 SseDistributor::serverPort() const {
    return m_server && m_server->isListening() ? m_server->serverPort() : 0;
}

QStringList SseDistributor::clientIds() const {
    QStringList ids;
    for (const SseStream *stream : m_streams)
        ids.append(stream->clientId());
    return ids;
}

QString SseDistributor::listenAddressText() const {
    const quint16 port = serverPort() != 0 ? serverPort() : m_configuredPort;
    const QString host =
        m_host.contains(QLatin1Char(':')) ? QLatin1Char('[') + m_host + QLatin1Char(']') : m_host;
    return host + QLatin1Char(':') + QString::number(port);
}

QString SseDistributor::targetDescription() const {
    return QStringLiteral("http://") + listenAddressText() + m_endpoint;
}

void SseDistributor::startTransport() {
    if (m_server)
        stopTransport(); // a restart after transportLost(): begin from a clean slate
    QHostAddress address;
    if (!listenAddress(m_host, &address)) {
        transportFailed(Error::ConfigurationError,
                        QStringLiteral("SSE server cannot listen on %1: \"%2\" is not localhost "
                                       "or an IP address")
                            .arg(listenAddressText(), m_host),
                        false);
        return;
    }
    auto *server = new SseHttpServer(this);
    if (!server->listen(address, m_configuredPort)) {
        const Error error = server->serverError() == QAbstractSocket::AddressInUseError
                                ? Error::AddressInUse
                                : Error::ConfigurationError;
        const QString message = QStringLiteral("SSE server cannot listen on %1: %2")
                                    .arg(listenAddressText(), server->errorString());
        delete server;
        transportFailed(error, message, false);
        return;
    }
    m_server = server;
    connect(m_server, &SseHttpServer::requestReceived, this, &SseDistributor::handleRequest);
    connect(m_server, &SseHttpServer::connectionError, this, &SseDistributor::noteError);
    m_listeningSinceMs = Clock::epochMs();
    if (m_heartbeatMs > 0)
        m_heartbeat.start(m_heartbeatMs);
    transportReady();
}

void SseDistributor::stopTransport() {
    m_heartbeat.stop();
    const QList<SseStream *> streams = std::exchange(m_streams, {});
    for (SseStream *stream : streams) {
        stream->disconnect(this);
        stream->close();
        stream->deleteLater();
    }
    if (m_server) {
        m_server->disconnect(this);
        m_server->close(); // the port is free from here on
        m_server->deleteLater();
        m_server = nullptr;
    }
    m_listeningSinceMs = 0;
    setConnectedClients(0);
}

void SseDistributor::probe() {
    // m_server exists only while the transport is up; one that no longer listens is a lost
    // transport, which the base class restarts with backoff.
    if (m_server && !m_server->isListening()) {
        transportLost(
            Error::ConnectionLost,
            QStringLiteral("SSE server on %1 stopped listening").arg(listenAddressText()));
    }
}

QByteArray SseDistributor::encodeFrame(const OutboxItem &item) const {
    const Envelope &envelope = *item.envelope;
    const QJsonObject metadata = item.options.value(QStringLiteral("metadata")).toObject();
    if (m_encoder.format() == PayloadFormat::Legacy)
        return SseFrame::event(envelope.event, m_encoder.encodeSseLegacy(envelope, metadata));
    return SseFrame::event(envelope.event, m_encoder.encode(envelope, metadata), envelope.seq);
}

void SseDistributor::transmit(OutboxItem item) {
    const QString &event = item.envelope->event;
    const QByteArray frame = encodeFrame(item);
    const QStringList targets = stringList(item.options.value(QStringLiteral("clientIds")));
    // Targeted frames are not kept: they were meant for connections that a reconnect replaces.
    if (targets.isEmpty())
        m_replay.append(item.envelope->seq, event, frame);

    int delivered = 0;
    int failed = 0;
    QString failure;
    const QList<SseStream *> streams = m_streams; // dropStream() edits m_streams
    for (SseStream *stream : streams) {
        if (!targets.isEmpty() && !targets.contains(stream->clientId()))
            continue;
        if (!stream->wants(event))
            continue;
        if (stream->send(frame)) {
            ++delivered;
        } else {
            ++failed;
            failure = stream->errorString();
            dropStream(stream, failure);
        }
    }
    if (delivered > 0) {
        completeSent(std::move(item), qint64(frame.size()) * delivered);
    } else if (failed > 0) {
        // Not retryable: the streams that failed are closed, so a retry would find no client.
        completeFailed(std::move(item),
                       QStringLiteral("SSE write to %1 client(s) of %2 failed: %3")
                           .arg(failed)
                           .arg(targetDescription(), failure),
                       false);
    } else {
        completeDropped(std::move(item), DropReason::NoClients);
    }
}

void SseDistributor::handleRequest(QTcpSocket *socket, const SseRequest &request) {
    const QByteArray cors = m_cors.headers(request.header("origin"));
    if (request.method() == "OPTIONS") {
        m_server->respond(socket, 200, cors);
    } else if (request.method() == "GET" && request.path() == m_endpoint) {
        openStream(socket, request, cors);
    } else if (request.method() == "GET" && request.path() == QLatin1String("/health")) {
        answerHealth(socket, cors);
    } else {
        m_server->respond(socket, 404, cors, QByteArrayLiteral("text/plain"),
                          QByteArrayLiteral("Not Found"));
    }
}

void SseDistributor::openStream(QTcpSocket *socket, const SseRequest &request,
                                const QByteArray &cors) {
    if (m_streams.size() >= m_maxConnections) {
        m_server->respond(socket, 503, cors, QByteArrayLiteral("text/plain"),
                          QByteArrayLiteral("Server at capacity"));
        return;
    }
    auto *stream = new SseStream(socket, newClientId(), requestedEvents(request), this);
    connect(stream, &SseStream::finished, this, [this](SseStream *finished) {
        removeStream(finished);
        finished->deleteLater();
    });
    m_streams.append(stream);
    setConnectedClients(int(m_streams.size()));

    // No Content-Length and no chunking: the body is the stream and ends with the connection.
    QByteArray head = "HTTP/1.1 200 OK\r\n" + cors
                      + "Content-Type: text/event-stream\r\n"
                        "Cache-Control: no-cache\r\n"
                        "Connection: keep-alive\r\n"
                        "X-Accel-Buffering: no\r\n\r\n"
                      + SseFrame::welcome(stream->clientId(), Clock::epochMs());
    quint64 resumeAfter = 0;
    if (lastEventId(request, &resumeAfter)) {
        if (m_replay.hasGapAfter(resumeAfter)) {
            head += SseFrame::comment("resume gap, oldest buffered seq "
                                      + QByteArray::number(m_replay.oldestSeq()));
        }
        const QList<SseReplayBuffer::Frame> missed = m_replay.framesAfter(resumeAfter);
        for (const SseReplayBuffer::Frame &frame : missed) {
            if (stream->wants(frame.event))
                head += frame.bytes;
        }
    }
    if (!stream->send(head))
        dropStream(stream, stream->errorString());
}

void SseDistributor::answerHealth(QTcpSocket *socket, const QByteArray &cors) {
    const QJsonObject health{
        {QStringLiteral("status"), QStringLiteral("healthy")},
        {QStringLiteral("protocol"), QStringLiteral("sse")},
        {QStringLiteral("clients"), int(m_streams.size())},
        {QStringLiteral("uptime"), double(Clock::epochMs() - m_listeningSinceMs)},
    };
    m_server->respond(socket, 200, cors, QByteArrayLiteral("application/json"),
                      QJsonDocument(health).toJson(QJsonDocument::Compact));
}

void SseDistributor::sendHeartbeat() {
    const QByteArray frame = SseFrame::comment("heartbeat " + QByteArray::number(Clock::epochMs()));
    const QList<SseStream *> streams = m_streams;
    for (SseStream *stream : streams) {
        if (!stream->send(frame))
            dropStream(stream, stream->errorString());
    }
}

void SseDistributor::dropStream(SseStream *stream, const QString &reason) {
    noteError(QStringLiteral("SSE client %1 on %2 closed: %3")
                  .arg(stream->clientId(), targetDescription(), reason));
    removeStream(stream);
    stream->disconnect(this);
    stream->close();
    stream->deleteLater();
}

void SseDistributor::removeStream(SseStream *stream) {
    if (m_streams.removeOne(stream))
        setConnectedClients(int(m_streams.size()));
}

QJsonObject SseDistributor::healthDetails() const {
    const bool running = m_server && m_server->isListening();
    return {
        {QStringLiteral("protocol"), QStringLiteral("sse")},
        {QStringLiteral("server"),
         QJsonObject{{QStringLiteral("port"), int(running ? serverPort() : m_configuredPort)},
                     {QStringLiteral("host"), m_host},
                     {QStringLiteral("endpoint"), m_endpoint},
                     {QStringLiteral("running"), running}}},
        {QStringLiteral("clients"),
         QJsonObject{{QStringLiteral("connected"), int(m_streams.size())},
                     {QStringLiteral("maxConnections"), m_maxConnections}}},
        {QStringLiteral("replay"),
         QJsonObject{{QStringLiteral("buffered"), m_replay.size()},
                     {QStringLiteral("capacity"), m_replay.capacity()},
                     {QStringLiteral("oldestSeq"), double(m_replay.oldestSeq())}}},
        {QStringLiteral("capabilities"),
         QJsonArray{QStringLiteral("send"), QStringLiteral("broadcast"),
                    QStringLiteral("real_time"), QStringLiteral("subscribe")}},
    };
}
