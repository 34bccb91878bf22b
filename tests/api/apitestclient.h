#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QString>

#include <utility>

// What the API answered: status, header fields (lower-case names) and the body.
struct ApiResponse {
    int status = 0; // 0: no HTTP answer at all (connection refused, timeout)
    QByteArray body;
    QHash<QByteArray, QByteArray> headers;

    QJsonObject json() const;
    QString error() const { return json().value(QStringLiteral("error")).toString(); }
    QStringList details() const;
    QByteArray header(const char *name) const { return headers.value(QByteArray(name)); }
    // True for the error shape every refusal must have: a string "error", an array "details".
    bool isErrorShape() const;
};

// A small synchronous client for the control API over QNetworkAccessManager. Each call waits
// for the reply with QSignalSpy::wait (bounded), never with a fixed delay.
class ApiTestClient {
public:
    using Headers = QList<std::pair<QByteArray, QByteArray>>;

    explicit ApiTestClient(quint16 port, const QString &token = {});

    void setPort(quint16 port) { m_port = port; }
    void setToken(const QString &token) { m_token = token; }

    ApiResponse send(const QByteArray &method, const QString &path, const QByteArray &body = {},
                     const QByteArray &contentType = "application/json",
                     const Headers &headers = {});
    ApiResponse get(const QString &path) { return send("GET", path); }
    ApiResponse del(const QString &path) { return send("DELETE", path); }
    ApiResponse post(const QString &path, const QJsonValue &json);
    ApiResponse put(const QString &path, const QJsonValue &json);
    ApiResponse patch(const QString &path, const QJsonValue &json);

private:
    QNetworkAccessManager m_network;
    quint16 m_port;
    QString m_token;
};

QByteArray toJson(const QJsonValue &value);
