#include "httprequestfactory.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslSocket>

namespace {

QString withoutLeadingSlashes(const QString &path) {
    qsizetype start = 0;
    while (start < path.size() && path.at(start) == QLatin1Char('/'))
        ++start;
    return path.mid(start);
}

QString withoutTrailingSlashes(const QString &path) {
    qsizetype end = path.size();
    while (end > 0 && path.at(end - 1) == QLatin1Char('/'))
        --end;
    return path.left(end);
}

QString checkBaseUrl(const QString &baseUrl) {
    const QUrl url(baseUrl, QUrl::StrictMode);
    if (baseUrl.trimmed().isEmpty())
        return QStringLiteral("HTTP distributor has no baseUrl");
    const QString prefix =
        QStringLiteral("HTTP distributor cannot use baseUrl \"%1\": ").arg(baseUrl);
    if (!url.isValid())
        return prefix + url.errorString();
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return prefix + QStringLiteral("the scheme must be http or https");
    if (url.host().isEmpty())
        return prefix + QStringLiteral("it names no host");
    if (scheme == QLatin1String("https") && !QSslSocket::supportsSsl())
        return prefix + QStringLiteral("TLS is not available in this Qt build");
    return {};
}

} // namespace

HttpRequestFactory::HttpRequestFactory(const QJsonObject &config)
    : m_base(withoutTrailingSlashes(config.value(QStringLiteral("baseUrl")).toString().trimmed()))
    , m_caFile(config.value(QStringLiteral("caFile")).toString())
    , m_endpoints(config.value(QStringLiteral("endpoints")).toObject())
    , m_headers(config.value(QStringLiteral("headers")).toObject()) {
    m_baseUrlError = checkBaseUrl(config.value(QStringLiteral("baseUrl")).toString().trimmed());
    m_secure = m_base.startsWith(QLatin1String("https:"), Qt::CaseInsensitive);
}

bool HttpRequestFactory::loadTlsConfiguration(QString *error) {
    m_tls = QSslConfiguration::defaultConfiguration();
    if (m_caFile.isEmpty())
        return true;
    QFile file(m_caFile);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("HTTP distributor cannot read caFile %1: %2")
                     .arg(m_caFile, file.errorString());
        return false;
    }
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(file.readAll());
    if (certificates.isEmpty()) {
        *error =
            QStringLiteral("HTTP distributor cannot use caFile %1: it holds no PEM certificate")
                .arg(m_caFile);
        return false;
    }
    // setCaCertificates() switches off the on-demand loading of the system store, so the system
    // CAs are listed explicitly: caFile adds trust, it does not replace it.
    m_tls.setCaCertificates(QSslConfiguration::systemCaCertificates() + certificates);
    return true;
}

QString HttpRequestFactory::pathFor(const QString &event, const QJsonObject &options) const {
    const QString endpoint = options.value(QStringLiteral("endpoint")).toString();
    if (!endpoint.isEmpty())
        return endpoint;
    const QString named = m_endpoints.value(event).toString();
    if (!named.isEmpty())
        return named;
    QString events = m_endpoints.value(QStringLiteral("events")).toString();
    if (events.isEmpty())
        events = QStringLiteral("/events");
    // The event name is one path segment, whatever characters it holds.
    return withoutTrailingSlashes(events) + QLatin1Char('/')
           + QString::fromLatin1(QUrl::toPercentEncoding(event));
}

QUrl HttpRequestFactory::urlFor(const QString &path) const {
    return QUrl(m_base + QLatin1Char('/') + withoutLeadingSlashes(path), QUrl::TolerantMode);
}

QStringList HttpRequestFactory::healthPaths() const {
    const QStringList candidates{m_endpoints.value(QStringLiteral("health")).toString(),
                                 QStringLiteral("/api/health"), QStringLiteral("/health"),
                                 QStringLiteral("/status"), QStringLiteral("/")};
    QStringList paths;
    QStringList seen; // "health" and "/health" are the same URL
    for (const QString &path : candidates) {
        if (path.isEmpty() || seen.contains(withoutLeadingSlashes(path)))
            continue;
        seen.append(withoutLeadingSlashes(path));
        paths.append(path);
    }
    return paths;
}

QByteArray HttpRequestFactory::methodFor(const QJsonObject &options) {
    const QString method = options.value(QStringLiteral("method")).toString().trimmed();
    return method.isEmpty() ? QByteArrayLiteral("POST") : method.toUpper().toLatin1();
}

bool HttpRequestFactory::methodHasBody(const QByteArray &method) {
    return method == "POST" || method == "PUT" || method == "PATCH";
}

bool HttpRequestFactory::isSendableHeaderValue(const QString &value) {
    const QString trimmed = value.trimmed();
    return !trimmed.isEmpty() && trimmed.compare(QLatin1String("Bearer"), Qt::CaseInsensitive) != 0;
}

QList<std::pair<QString, QString>>
HttpRequestFactory::headersFor(const QJsonObject &extraHeaders) const {
    QList<std::pair<QString, QString>> merged;
    const auto add = [&merged](const QJsonObject &headers) {
        for (auto it = headers.begin(); it != headers.end(); ++it) {
            const QString value = it.value().toString();
            auto same = std::find_if(merged.begin(), merged.end(), [&it](const auto &header) {
                return header.first.compare(it.key(), Qt::CaseInsensitive) == 0;
            });
            if (same != merged.end())
                same->second = value;
            else
                merged.append({it.key(), value});
        }
    };
    add(m_headers);
    add(extraHeaders);
    merged.removeIf([](const auto &header) { return !isSendableHeaderValue(header.second); });
    return merged;
}

QNetworkRequest HttpRequestFactory::request(const QUrl &url, int timeoutMs,
                                            const QJsonObject &extraHeaders) const {
    QNetworkRequest request(url);
    request.setTransferTimeout(timeoutMs);
    for (const auto &[name, value] : headersFor(extraHeaders))
        request.setRawHeader(name.toLatin1(), value.toUtf8());
    if (m_secure)
        request.setSslConfiguration(m_tls);
    return request;
}
