#include "httpreplyoutcome.h"

#include <QNetworkReply>

namespace {

Distributor::Error errorForStatus(int status) {
    if (status == 401 || status == 403 || status == 407)
        return Distributor::Error::AuthenticationError;
    if (status >= 500)
        return Distributor::Error::RemoteError;
    return Distributor::Error::ProtocolError;
}

Distributor::Error errorForConnection(QNetworkReply::NetworkError error) {
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::ProxyConnectionRefusedError:
        return Distributor::Error::ConnectionRefused;
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::ProxyNotFoundError:
        return Distributor::Error::HostNotFound;
    default:
        return Distributor::Error::ConnectionLost;
    }
}

bool isConnectionLevel(QNetworkReply::NetworkError error) {
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
        return true;
    default:
        return false;
    }
}

} // namespace

HttpReplyOutcome HttpReplyOutcome::of(const QNetworkReply &reply, int timeoutMs) {
    HttpReplyOutcome outcome;
    const QVariant statusAttribute = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (statusAttribute.isValid()) {
        outcome.status = statusAttribute.toInt();
        if (outcome.status >= 200 && outcome.status < 300) {
            outcome.kind = Kind::Success;
            outcome.error = Distributor::Error::NoError;
            return outcome;
        }
        const QString phrase =
            reply.attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString().trimmed();
        outcome.kind = Kind::HttpError;
        outcome.error = errorForStatus(outcome.status);
        outcome.reason =
            phrase.isEmpty()
                ? QStringLiteral("HTTP %1").arg(outcome.status)
                : QStringLiteral("HTTP %1: %2").arg(QString::number(outcome.status), phrase);
        return outcome;
    }

    const QNetworkReply::NetworkError error = reply.error();
    outcome.reason = reply.errorString();
    // A transfer timeout surfaces as a cancelled operation (TimeoutError in newer Qt). Replies
    // the distributor cancels itself are forgotten before they are aborted, so a cancellation
    // seen here is always the timeout.
    if (error == QNetworkReply::OperationCanceledError || error == QNetworkReply::TimeoutError) {
        outcome.kind = Kind::Timeout;
        outcome.error = Distributor::Error::Timeout;
        outcome.reason = QStringLiteral("timeout after %1 ms").arg(timeoutMs);
    } else if (error == QNetworkReply::SslHandshakeFailedError) {
        outcome.kind = Kind::TlsError;
        outcome.error = Distributor::Error::TlsError;
    } else if (isConnectionLevel(error)) {
        outcome.kind = Kind::ConnectionError;
        outcome.error = errorForConnection(error);
    } else {
        outcome.kind = Kind::OtherError;
        outcome.error = Distributor::Error::ProtocolError;
    }
    return outcome;
}

bool HttpReplyOutcome::isRetryable() const {
    switch (kind) {
    case Kind::Success:
    case Kind::TlsError:
        return false;
    case Kind::HttpError:
        return !(status >= 400 && status < 500) || status == 408 || status == 429;
    case Kind::Timeout:
    case Kind::ConnectionError:
    case Kind::OtherError:
        return true;
    }
    return true;
}
