#include "controlapiserver.h"

#include "apihttpserver.h"
#include "distributorendpoints.h"
#include "eventendpoints.h"
#include "inputendpoints.h"
#include "probeendpoints.h"
#include "sessionendpoints.h"
#include "sessionmanager.h"
#include "udpingest.h"

#include <QByteArrayList>
#include <QTcpServer>

namespace {

// Compares without returning early, so the time taken does not reveal how much of a guessed
// token was right.
bool constantTimeEquals(const QByteArray &a, const QByteArray &b) {
    if (a.size() != b.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= uchar(a.at(i)) ^ uchar(b.at(i));
    return difference == 0;
}

const QByteArray JsonType = "application/json";
const QByteArray NdjsonType = "application/x-ndjson";

} // namespace

ControlApiServer::ControlApiServer(SessionManager *manager, const ControlApiOptions &options,
                                   QObject *parent)
    : QObject(parent)
    , m_manager(manager)
    , m_options(options)
    , m_sessionEndpoints(std::make_unique<SessionEndpoints>(manager, this))
    , m_distributorEndpoints(std::make_unique<DistributorEndpoints>(manager, this))
    , m_eventEndpoints(std::make_unique<EventEndpoints>(manager))
    , m_inputEndpoints(std::make_unique<InputEndpoints>(manager))
    , m_probeEndpoints(std::make_unique<ProbeEndpoints>(manager)) {
    m_uptime.start();
    m_http = new ApiHttpServer(
        [this](const ApiRequest &request, std::shared_ptr<ApiResponder> responder) {
            dispatch(request, responder);
        },
        this);
    m_router.add("GET", QStringLiteral("/api/health"), ApiRouter::Body::None,
                 [this](const ApiCall &call) { health(call); });
    m_sessionEndpoints->install(m_router);
    m_distributorEndpoints->install(m_router);
    m_eventEndpoints->install(m_router);
    m_inputEndpoints->install(m_router);
    m_probeEndpoints->install(m_router);
}

ControlApiServer::~ControlApiServer() {
    // The HTTP server (a child) calls back into the router and the endpoints: stop it before
    // those members go.
    delete m_http;
}

QString ControlApiServer::listen() {
    if (const QString problem = m_options.problem(); !problem.isEmpty())
        return problem;
    if (isListening())
        return {};
    auto listener = std::make_unique<QTcpServer>();
    if (!listener->listen(m_options.bindAddress, m_options.port))
        return QStringLiteral("Cannot listen on %1: %2")
            .arg(m_options.addressText(), listener->errorString());
    m_listener = listener.get();
    m_http->bind(listener.release()); // takes ownership
    return {};
}

void ControlApiServer::close() {
    // The listener owns its accepted connections, so this also drops open keep-alive clients.
    delete m_listener.data();
}

bool ControlApiServer::isListening() const {
    return m_listener && m_listener->isListening();
}

quint16 ControlApiServer::serverPort() const {
    return isListening() ? m_listener->serverPort() : 0;
}

QString ControlApiServer::listenAddressText() const {
    ControlApiOptions actual = m_options;
    actual.port = serverPort();
    return actual.addressText();
}

void ControlApiServer::setUdpIngest(UdpIngest *ingest) {
    m_ingest = ingest;
}

bool ControlApiServer::isAuthorised(const ApiRequest &request) const {
    if (m_options.token.isEmpty())
        return true;
    const QByteArray value = request.header("authorization").trimmed();
    const qsizetype space = value.indexOf(' ');
    if (space < 0 || value.left(space).toLower() != "bearer")
        return false;
    return constantTimeEquals(value.mid(space + 1).trimmed(), m_options.token.toUtf8());
}

std::optional<ApiReply> ControlApiServer::checkBody(const ApiRequest &request,
                                                    ApiRouter::Body body) const {
    // QHttpServer 6.4 reads the whole body before it hands over the request, so this limit
    // cannot protect the memory of one read; it keeps oversized batches away from the JSON
    // parser and the engine, which would otherwise copy and route them in one go on the
    // engine thread. The declared Content-Length is checked as well as the bytes received.
    const qint64 declared = request.header("content-length").toLongLong();
    const qint64 size = std::max<qint64>(declared, request.body.size());
    if (size > m_options.bodyLimit)
        return ApiReply::error(HttpStatus::PayloadTooLarge,
                               QStringLiteral("request body: %1 bytes is over the limit of %2 "
                                              "bytes")
                                   .arg(size)
                                   .arg(m_options.bodyLimit));
    if (body == ApiRouter::Body::None || request.body.isEmpty())
        return std::nullopt;
    const QByteArray type = request.mediaType();
    if (type == JsonType || (body == ApiRouter::Body::JsonOrNdjson && type == NdjsonType))
        return std::nullopt;
    const QString expected = body == ApiRouter::Body::JsonOrNdjson
                                 ? QStringLiteral("application/json or application/x-ndjson")
                                 : QStringLiteral("application/json");
    return ApiReply::error(
        HttpStatus::UnsupportedMediaType,
        QStringLiteral("Content-Type: expected %1, got %2")
            .arg(expected, type.isEmpty() ? QStringLiteral("none") : QString::fromLatin1(type)));
}

void ControlApiServer::dispatch(const ApiRequest &request,
                                const std::shared_ptr<ApiResponder> &responder) {
    if (!isAuthorised(request)) {
        emit unauthorisedRequest(request.peer.toString(), QString::fromLatin1(request.method),
                                 request.path);
        ApiReply reply =
            ApiReply::error(HttpStatus::Unauthorized,
                            request.header("authorization").isEmpty()
                                ? QStringLiteral("Authorization: a bearer token is required")
                                : QStringLiteral("Authorization: the bearer token is not valid"));
        responder->send(reply.withHeader("WWW-Authenticate", "Bearer"));
        return;
    }
    const ApiRouter::Match match = m_router.match(request.method, request.segments);
    if (!match.route) {
        const QString target =
            QString::fromLatin1(request.method) + QLatin1Char(' ') + request.path;
        if (match.allowed.isEmpty()) {
            responder->send(ApiReply::error(HttpStatus::NotFound,
                                            QStringLiteral("No such endpoint: %1").arg(target)));
            return;
        }
        const QByteArray allow = match.allowed.join(", ");
        ApiReply reply = ApiReply::error(HttpStatus::MethodNotAllowed,
                                         QStringLiteral("Method not allowed: %1 (allowed: %2)")
                                             .arg(target, QString::fromLatin1(allow)));
        responder->send(reply.withHeader("Allow", allow));
        return;
    }
    if (const std::optional<ApiReply> refusal = checkBody(request, match.route->body)) {
        responder->send(*refusal);
        return;
    }
    if (!m_manager) {
        responder->send(ApiReply::error(HttpStatus::InternalServerError,
                                        QStringLiteral("The engine has shut down")));
        return;
    }
    match.route->handler(ApiCall{request, match.params, responder});
}

void ControlApiServer::health(const ApiCall &call) const {
    QJsonObject health{{QStringLiteral("status"), QStringLiteral("ok")},
                       {QStringLiteral("version"), QStringLiteral(LABRELAY_VERSION)},
                       {QStringLiteral("sessions"), m_manager->sessionIds().size()},
                       {QStringLiteral("uptime"), double(m_uptime.elapsed())}};
    if (m_ingest && m_ingest->isBound())
        health.insert(QStringLiteral("ingest"), m_ingest->statsJson());
    call.reply(ApiReply::json(HttpStatus::Ok, health));
}
