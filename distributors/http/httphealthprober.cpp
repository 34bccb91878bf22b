#include "httphealthprober.h"

#include "httpreplyoutcome.h"
#include "httprequestfactory.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

HttpHealthProber::HttpHealthProber(QNetworkAccessManager *network,
                                   const HttpRequestFactory *requests, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_requests(requests) {}

HttpHealthProber::~HttpHealthProber() {
    abort();
}

void HttpHealthProber::start(const QStringList &paths, int timeoutMs) {
    abort();
    m_paths = paths;
    m_next = 0;
    m_timeoutMs = timeoutMs;
    m_answers.clear();
    m_lastError = Distributor::Error::NoError;
    probeNext();
}

void HttpHealthProber::abort() {
    if (QNetworkReply *reply = m_reply.data()) {
        m_reply.clear();
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void HttpHealthProber::probeNext() {
    if (m_next >= m_paths.size()) {
        emit failed(m_lastError,
                    QStringLiteral("HTTP health probe failed: no 2xx answer from %1 (%2)")
                        .arg(m_requests->baseUrl(), m_answers.join(QStringLiteral("; "))));
        return;
    }
    const QUrl url = m_requests->urlFor(m_paths.at(m_next));
    QNetworkReply *reply = m_network->get(m_requests->request(url, m_timeoutMs));
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onFinished(reply); });
}

void HttpHealthProber::onFinished(QNetworkReply *reply) {
    if (reply != m_reply.data())
        return; // aborted: forgotten on purpose
    m_reply.clear();
    reply->deleteLater();
    const HttpReplyOutcome outcome = HttpReplyOutcome::of(*reply, m_timeoutMs);
    const QString path = m_paths.at(m_next++);
    if (outcome.isSuccess()) {
        emit succeeded(path);
        return;
    }
    if (!outcome.answered()) {
        // Every path lives on the same host and port: a refused connection, a TLS failure or a
        // silent server would only repeat, multiplying the connect time by the number of paths.
        emit failed(outcome.error, QStringLiteral("HTTP health probe failed: GET %1: %2")
                                       .arg(reply->url().toString(), outcome.reason));
        return;
    }
    m_lastError = outcome.error;
    m_answers.append(QStringLiteral("GET %1: %2").arg(path, outcome.reason));
    probeNext();
}
