#include "apihttpserver.h"

#include <QHttpServerRequest>
#include <QMetaEnum>
#include <QUrl>

ApiHttpServer::ApiHttpServer(Handler handler, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_handler(std::move(handler)) {}

ApiRequest ApiHttpServer::convert(const QHttpServerRequest &request) {
    ApiRequest converted;
    const auto method = request.method();
    converted.method =
        method == QHttpServerRequest::Method::Unknown
            ? QByteArray("UNKNOWN")
            : QByteArray(QMetaEnum::fromType<QHttpServerRequest::Method>().valueToKey(int(method)))
                  .toUpper();
    const QUrl url = request.url();
    converted.path = url.path(QUrl::FullyEncoded);
    QStringList encoded = converted.path.split(QLatin1Char('/'));
    if (!encoded.isEmpty() && encoded.first().isEmpty())
        encoded.removeFirst();
    if (encoded.size() > 1 && encoded.last().isEmpty())
        encoded.removeLast(); // a trailing slash names the same resource
    for (const QString &segment : std::as_const(encoded))
        converted.segments.append(QUrl::fromPercentEncoding(segment.toUtf8()));
    converted.query = request.query();
    const auto headers = request.headers();
    for (const auto &[name, value] : headers)
        converted.headers.insert(name.toLower(), value);
    converted.body = request.body();
    converted.peer = request.remoteAddress();
    return converted;
}

bool ApiHttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) {
    auto responder = std::make_shared<ApiResponder>(makeResponder(request, socket), socket);
    m_handler(convert(request), std::move(responder));
    return true;
}

void ApiHttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) {
    // Not reached: handleRequest() takes every request. Answer anyway rather than hang.
    ApiResponder(makeResponder(request, socket), socket)
        .send(ApiReply::error(HttpStatus::NotFound, QStringLiteral("No such endpoint")));
}
