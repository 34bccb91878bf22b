#pragma once

#include "distributor.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

class HttpRequestFactory;
class QNetworkAccessManager;
class QNetworkReply;

// Finds out whether an HTTP target answers (SPEC §4.1 connect probe, §3.6 periodic check): GETs
// the given paths one after the other and reports the first that answers 2xx, or why none did.
// At most one request is on the wire at a time; abort() forgets it so that nothing is reported.
class HttpHealthProber final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpHealthProber)

public:
    HttpHealthProber(QNetworkAccessManager *network, const HttpRequestFactory *requests,
                     QObject *parent = nullptr);
    ~HttpHealthProber() override;

    void start(const QStringList &paths, int timeoutMs);
    void abort();
    bool isRunning() const { return !m_reply.isNull(); }

signals:
    void succeeded(const QString &path);
    void failed(Distributor::Error error, const QString &message);

private:
    void probeNext();
    void onFinished(QNetworkReply *reply);

    QNetworkAccessManager *const m_network;
    const HttpRequestFactory *const m_requests;
    QPointer<QNetworkReply> m_reply;
    QStringList m_paths;
    qsizetype m_next = 0;
    int m_timeoutMs = 5000;
    // "GET /api/health: HTTP 404: Not Found" for every path that answered without a 2xx
    QStringList m_answers;
    Distributor::Error m_lastError = Distributor::Error::NoError;
};
