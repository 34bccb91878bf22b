#include "httpdistributor.h"

#include "clock.h"
#include "httphealthprober.h"
#include "httpreplyoutcome.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>

#include <algorithm>
#include <utility>

HttpDistributor::HttpDistributor(const QJsonObject &config, QObject *parent)
    : Distributor(DistributorType::Http, config, parent)
    , m_requests(config)
    , m_encoder(QStringLiteral("http"),
                payloadFormatFromName(config.value(QStringLiteral("payloadFormat")).toString()))
    , m_timeoutMs(config.value(QStringLiteral("timeout")).toInt(10000))
    , m_probeTimeoutMs(std::min(m_timeoutMs, MaxProbeTimeoutMs))
    , m_maxInFlight(std::max(1, config.value(QStringLiteral("maxInFlight")).toInt(8)))
    , m_skipHealthCheck(config.value(QStringLiteral("skipHealthCheck")).toBool(false))
    , m_network(new QNetworkAccessManager(this))
    , m_connectProber(new HttpHealthProber(m_network, &m_requests, this))
    , m_healthCheck(new HttpHealthProber(m_network, &m_requests, this)) {
    connect(m_connectProber, &HttpHealthProber::succeeded, this,
            &HttpDistributor::onConnectProbeSucceeded);
    connect(m_connectProber, &HttpHealthProber::failed, this,
            &HttpDistributor::onConnectProbeFailed);
    connect(m_healthCheck, &HttpHealthProber::succeeded, this,
            &HttpDistributor::onHealthCheckSucceeded);
    connect(m_healthCheck, &HttpHealthProber::failed, this, &HttpDistributor::onHealthCheckFailed);
}

HttpDistributor::~HttpDistributor() {
    // Nothing may report back into a half-destroyed distributor.
    takePending();
}

QString HttpDistributor::targetDescription() const {
    return config().value(QStringLiteral("baseUrl")).toString();
}

void HttpDistributor::probe() {
    if (!isUp() || isStopping() || m_healthCheckSkipped || m_healthEndpoint.isEmpty()
        || m_connectProber->isRunning() || m_healthCheck->isRunning())
        return;
    m_healthCheck->start({m_healthEndpoint}, m_probeTimeoutMs);
}

void HttpDistributor::startTransport() {
    m_connectionFailures = 0;
    if (!m_requests.baseUrlError().isEmpty()) {
        transportFailed(Error::ConfigurationError, m_requests.baseUrlError(), false);
        return;
    }
    QString tlsError;
    if (!m_requests.loadTlsConfiguration(&tlsError)) {
        transportFailed(Error::ConfigurationError, tlsError, false);
        return;
    }
    m_healthCheck->abort();
    m_connectProber->start(m_requests.healthPaths(), m_probeTimeoutMs);
}

void HttpDistributor::stopTransport() {
    m_connectProber->abort();
    m_healthCheck->abort();
    // abortInFlight() has completed every item already; this only covers a stop without it.
    takePending();
    m_connectionFailures = 0;
    m_healthEndpoint.clear();
    m_healthCheckSkipped = false;
    // Closes the idle keep-alive connections now rather than when the manager is destroyed.
    m_network->clearConnectionCache();
}

bool HttpDistributor::readyToTransmit() const {
    return int(m_pending.size()) < m_maxInFlight;
}

void HttpDistributor::transmit(OutboxItem item) {
    const Envelope &envelope = *item.envelope;
    const QUrl url = m_requests.urlFor(m_requests.pathFor(envelope.event, item.options));
    const QByteArray method = HttpRequestFactory::methodFor(item.options);
    const QByteArray body =
        HttpRequestFactory::methodHasBody(method)
            ? m_encoder.encode(envelope, item.options.value(QStringLiteral("metadata")).toObject())
            : QByteArray();
    const QNetworkRequest request = m_requests.request(
        url, m_timeoutMs, item.options.value(QStringLiteral("headers")).toObject());

    QNetworkReply *reply = nullptr;
    if (method == "GET")
        reply = m_network->get(request);
    else if (method == "HEAD")
        reply = m_network->head(request);
    else
        reply = m_network->sendCustomRequest(request, method, body);
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onReplyFinished(reply); });
    const QString description = QString::fromLatin1(method) + QLatin1Char(' ') + url.toString();
    m_pending.emplace(reply, Pending{std::move(item), body.size(), description});
}

void HttpDistributor::abortInFlight() {
    std::unordered_map<QNetworkReply *, Pending> pending = takePending();
    for (auto &[reply, entry] : pending)
        completeDropped(std::move(entry.item), DropReason::Disabled);
}

std::unordered_map<QNetworkReply *, HttpDistributor::Pending> HttpDistributor::takePending() {
    // Forgotten before aborted: abort() emits finished() at once, and a late finished() must
    // never complete an item a second time.
    std::unordered_map<QNetworkReply *, Pending> pending = std::exchange(m_pending, {});
    for (auto &entry : pending) {
        QNetworkReply *reply = entry.first;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    return pending;
}

void HttpDistributor::onReplyFinished(QNetworkReply *reply) {
    const auto it = m_pending.find(reply);
    if (it == m_pending.end())
        return;
    Pending pending = std::move(it->second);
    m_pending.erase(it);
    reply->deleteLater();

    const HttpReplyOutcome outcome = HttpReplyOutcome::of(*reply, m_timeoutMs);
    if (outcome.isSuccess()) {
        m_connectionFailures = 0;
        completeSent(std::move(pending.item), pending.bytes, true);
        return;
    }

    QString reason = outcome.reason;
    if (outcome.kind == HttpReplyOutcome::Kind::ConnectionError
        || outcome.kind == HttpReplyOutcome::Kind::TlsError
        || outcome.kind == HttpReplyOutcome::Kind::OtherError)
        reason = pending.request + QStringLiteral(": ") + reason;
    const QString message = QStringLiteral("HTTP distribution failed: ") + reason;

    if (outcome.kind == HttpReplyOutcome::Kind::ConnectionError)
        ++m_connectionFailures;
    else if (outcome.answered())
        m_connectionFailures = 0;
    // Lost before the item is failed, so that the retry waits for the target to come back
    // instead of meeting the same refusal. Not while stopping: the stop completes everything.
    if (m_connectionFailures >= LostAfterConnectionFailures && isUp() && !isStopping()) {
        m_connectionFailures = 0;
        m_healthCheck->abort();
        transportLost(
            outcome.error,
            QStringLiteral("HTTP target %1 is unreachable: %2").arg(m_requests.baseUrl(), reason));
    }
    completeFailed(std::move(pending.item), message, outcome.isRetryable());
}

void HttpDistributor::onConnectProbeSucceeded(const QString &path) {
    m_lastHealthCheck = Clock::epochMs();
    m_healthEndpoint = path;
    m_healthCheckSkipped = false;
    transportReady();
}

void HttpDistributor::onConnectProbeFailed(Error error, const QString &message) {
    m_lastHealthCheck = Clock::epochMs();
    m_healthEndpoint.clear();
    if (m_skipHealthCheck) {
        // The operator vouches for the target; the probe's reason stays visible as lastError.
        m_healthCheckSkipped = true;
        noteError(message);
        transportReady();
        return;
    }
    // Transient: the target may come up later; the base re-probes with backoff while events
    // wait in the outbox.
    transportFailed(error, message, true);
}

void HttpDistributor::onHealthCheckSucceeded() {
    m_lastHealthCheck = Clock::epochMs();
}

void HttpDistributor::onHealthCheckFailed(Error error, const QString &message) {
    m_lastHealthCheck = Clock::epochMs();
    if (isUp() && !isStopping())
        transportLost(error, message);
}

QJsonObject HttpDistributor::healthDetails() const {
    const QJsonValue lastCheck =
        m_lastHealthCheck > 0 ? QJsonValue(double(m_lastHealthCheck)) : QJsonValue();
    const QJsonValue endpoint =
        m_healthEndpoint.isEmpty() ? QJsonValue() : QJsonValue(m_healthEndpoint);
    return {
        {QStringLiteral("protocol"), QStringLiteral("http")},
        {QStringLiteral("baseUrl"), targetDescription()},
        {QStringLiteral("endpoints"), QJsonArray::fromStringList(m_requests.endpointNames())},
        {QStringLiteral("capabilities"),
         QJsonArray{QStringLiteral("send"), QStringLiteral("reliable")}},
        {QStringLiteral("connected"), isUp()},
        {QStringLiteral("lastHealthCheck"), lastCheck},
        {QStringLiteral("healthEndpoint"), endpoint},
        {QStringLiteral("healthCheckSkipped"), m_healthCheckSkipped},
        {QStringLiteral("requestsInFlight"), int(m_pending.size())},
    };
}
