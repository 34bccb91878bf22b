#pragma once

#include "distributor.h"
#include "envelope.h"
#include "httprequestfactory.h"

#include <QJsonObject>

#include <unordered_map>

class HttpHealthProber;
class QNetworkAccessManager;
class QNetworkReply;

// Delivers events as HTTP requests to one REST endpoint or webhook (SPEC §4.1 with LabRelay's
// [REC]s). "Connected" means a health path answered 2xx (or skipHealthCheck is set); requests
// then go out through one QNetworkAccessManager, whose keep-alive reuses the connections, with
// at most `maxInFlight` on the wire. 2xx is success; other answers, timeouts and connection
// errors are failures that the base class retries by RetryPolicy. Repeated connection errors
// mark the target lost, so that events wait in the outbox while it is re-probed with backoff.
class HttpDistributor final : public Distributor {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpDistributor)

public:
    explicit HttpDistributor(const QJsonObject &config, QObject *parent = nullptr);
    ~HttpDistributor() override;

    QString targetDescription() const override;
    // The session's periodic check: a GET of the health path that answered at connect, and a
    // failure while connected counts as a lost connection. While the target is down the base's
    // reconnect probing is in charge, and with healthCheckSkipped there is nothing to check.
    void probe() override;

    // Consecutive connection-level failures that make the target count as lost.
    static constexpr int LostAfterConnectionFailures = 3;
    // The longest a health probe may take, whatever `timeout` says (SPEC §4.1 [REC]).
    static constexpr int MaxProbeTimeoutMs = 5000;

protected:
    void startTransport() override;
    void stopTransport() override;
    bool readyToTransmit() const override;
    void transmit(OutboxItem item) override;
    void abortInFlight() override;
    QJsonObject healthDetails() const override;

private:
    struct Pending {
        OutboxItem item;
        qint64 bytes = 0;
        QString request; // "POST http://host/events/x", for messages
    };

    void onConnectProbeSucceeded(const QString &path);
    void onConnectProbeFailed(Error error, const QString &message);
    void onHealthCheckSucceeded();
    void onHealthCheckFailed(Error error, const QString &message);
    void onReplyFinished(QNetworkReply *reply);
    // Forgets every pending reply and aborts it; returns what was pending.
    std::unordered_map<QNetworkReply *, Pending> takePending();
    bool isUp() const { return state() == State::Connected || state() == State::Degraded; }

    HttpRequestFactory m_requests;
    const EnvelopeEncoder m_encoder;
    const int m_timeoutMs;
    const int m_probeTimeoutMs;
    const int m_maxInFlight;
    const bool m_skipHealthCheck;

    QNetworkAccessManager *m_network;
    HttpHealthProber *m_connectProber;
    HttpHealthProber *m_healthCheck;
    std::unordered_map<QNetworkReply *, Pending> m_pending;
    int m_connectionFailures = 0;

    QString m_healthEndpoint; // the path that answered 2xx at connect
    bool m_healthCheckSkipped = false;
    qint64 m_lastHealthCheck = 0; // epoch ms, 0 = never
};
