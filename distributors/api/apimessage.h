#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QJsonValue>
#include <QList>
#include <QStringList>
#include <QUrlQuery>

#include <utility>

// One API request as the handlers see it: copied out of QHttpServerRequest (which cannot be
// copied and is reused by the server for the next request on the connection).
struct ApiRequest {
    QByteArray method;    // "GET", "POST", ... ("UNKNOWN" for methods QHttpServer does not know)
    QString path;         // percent-encoded, as received
    QStringList segments; // decoded path segments: "/api/sessions/s%201" → api, sessions, s 1
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body;
    QHostAddress peer;

    QByteArray header(const QByteArray &lowerCaseName) const {
        return headers.value(lowerCaseName);
    }
    // The media type of Content-Type without parameters, in lower case ("application/json").
    QByteArray mediaType() const;
};

// An answer: status, extra header fields and a body. JSON answers and the error shape
// `{"error": "...", "details": [...]}` are built with the helpers.
struct ApiReply {
    int status = 200;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray contentType = "application/json";
    QByteArray body;

    static ApiReply json(int status, const QJsonValue &value);
    static ApiReply error(int status, const QString &message, const QStringList &details = {});
    ApiReply &withHeader(const QByteArray &name, const QByteArray &value) {
        headers.append({name, value});
        return *this;
    }
};

// HTTP status codes the API answers with.
namespace HttpStatus {
constexpr int Ok = 200;
constexpr int Created = 201;
constexpr int Accepted = 202;
constexpr int BadRequest = 400;
constexpr int Unauthorized = 401;
constexpr int NotFound = 404;
constexpr int MethodNotAllowed = 405;
constexpr int Conflict = 409;
constexpr int PayloadTooLarge = 413;
constexpr int UnsupportedMediaType = 415;
constexpr int UnprocessableEntity = 422;
constexpr int InternalServerError = 500;
constexpr int BadGateway = 502;
} // namespace HttpStatus
