#include "apitestclient.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QUrl>

QJsonObject ApiResponse::json() const {
    return QJsonDocument::fromJson(body).object();
}

QStringList ApiResponse::details() const {
    QStringList list;
    for (const QJsonValue &value : json().value(QStringLiteral("details")).toArray())
        list.append(value.toString());
    return list;
}

bool ApiResponse::isErrorShape() const {
    const QJsonObject object = json();
    return object.value(QStringLiteral("error")).isString()
           && !object.value(QStringLiteral("error")).toString().isEmpty()
           && object.value(QStringLiteral("details")).isArray()
           && header("content-type") == "application/json";
}

QByteArray toJson(const QJsonValue &value) {
    return value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                           : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
}

ApiTestClient::ApiTestClient(quint16 port, const QString &token)
    : m_port(port)
    , m_token(token) {}

ApiResponse ApiTestClient::send(const QByteArray &method, const QString &path,
                                const QByteArray &body, const QByteArray &contentType,
                                const Headers &headers) {
    QNetworkRequest request(
        QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port) + path, QUrl::StrictMode));
    if (!body.isEmpty() && !contentType.isEmpty())
        request.setRawHeader("Content-Type", contentType);
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", QByteArray("Bearer " + m_token.toUtf8()));
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    ApiResponse response;
    if (!reply->isFinished() && !finished.wait(20000)) {
        reply->abort();
        reply->deleteLater();
        return response;
    }
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.body = reply->readAll();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        response.headers.insert(name.toLower(), value);
    reply->deleteLater();
    return response;
}

ApiResponse ApiTestClient::post(const QString &path, const QJsonValue &json) {
    return send("POST", path, toJson(json));
}

ApiResponse ApiTestClient::put(const QString &path, const QJsonValue &json) {
    return send("PUT", path, toJson(json));
}

ApiResponse ApiTestClient::patch(const QString &path, const QJsonValue &json) {
    return send("PATCH", path, toJson(json));
}
