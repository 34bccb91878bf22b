#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <utility>

// Turns the HTTP distributor's config and one send's options into a request (SPEC §4.1 with its
// [REC]s): which URL (one slash between baseUrl and path), which method, which headers (an empty
// token is not sent), and which TLS trust. It does no I/O except reading the CA file.
class HttpRequestFactory final {
public:
    explicit HttpRequestFactory(const QJsonObject &config);

    // Empty when baseUrl can be used; otherwise why it cannot.
    const QString &baseUrlError() const { return m_baseUrlError; }
    const QString &baseUrl() const { return m_base; }
    bool isSecure() const { return m_secure; }

    // Loads `caFile` (PEM) into the TLS configuration, on top of the system CAs. Returns false
    // with a message naming the file when it cannot be used.
    bool loadTlsConfiguration(QString *error);

    // options.endpoint → endpoints[<event>] → endpoints.events + "/" + <event>.
    QString pathFor(const QString &event, const QJsonObject &options) const;
    QUrl urlFor(const QString &path) const;
    // The connect probe's paths: endpoints.health, /api/health, /health, /status, /, each once.
    QStringList healthPaths() const;
    QStringList endpointNames() const { return m_endpoints.keys(); }

    // options.method, upper-cased, or POST.
    static QByteArray methodFor(const QJsonObject &options);
    static bool methodHasBody(const QByteArray &method);
    // False for the values that stand for a missing secret: empty, or "Bearer" with no token.
    static bool isSendableHeaderValue(const QString &value);

    // Config headers ⊕ `extraHeaders` (names compared case-insensitively; the extra ones win),
    // without the unsendable ones.
    QList<std::pair<QString, QString>> headersFor(const QJsonObject &extraHeaders) const;
    QNetworkRequest request(const QUrl &url, int timeoutMs,
                            const QJsonObject &extraHeaders = {}) const;

private:
    QString m_base; // baseUrl without trailing slashes
    QString m_baseUrlError;
    QString m_caFile;
    bool m_secure = false;
    QJsonObject m_endpoints;
    QJsonObject m_headers;
    QSslConfiguration m_tls;
};
