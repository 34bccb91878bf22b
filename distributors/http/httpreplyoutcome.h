#pragma once

#include "distributor.h"

#include <QString>

class QNetworkReply;

// What a finished QNetworkReply means for delivery: an HTTP answer (2xx or not), a timeout, a
// connection-level failure, a TLS failure, or something else. The distributor and the health
// prober classify replies the same way through this.
struct HttpReplyOutcome {
    enum class Kind {
        Success,         // a 2xx answer
        HttpError,       // the server answered with another status
        Timeout,         // no data for the transfer timeout
        ConnectionError, // refused, host not found, connection dropped
        TlsError,        // handshake or certificate verification failed
        OtherError,
    };

    Kind kind = Kind::OtherError;
    int status = 0;
    // "HTTP 500: Internal Server Error", "timeout after 300 ms", "Connection refused"
    QString reason;
    Distributor::Error error = Distributor::Error::UnknownError;

    // `timeoutMs` is the transfer timeout the request was sent with (for the message).
    static HttpReplyOutcome of(const QNetworkReply &reply, int timeoutMs);

    bool isSuccess() const { return kind == Kind::Success; }
    bool answered() const { return kind == Kind::Success || kind == Kind::HttpError; }
    // SPEC §3.4 [REC]: every failure is worth another attempt except a 4xx (other than 408
    // Request Timeout and 429 Too Many Requests) and a TLS failure, which the same request
    // will meet again.
    bool isRetryable() const;
};
