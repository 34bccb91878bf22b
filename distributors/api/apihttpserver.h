#pragma once

#include "apimessage.h"
#include "apiresponder.h"

#include <QAbstractHttpServer>

#include <functional>
#include <memory>

// The HTTP layer of the control API: QAbstractHttpServer with one catch-all handler, so that
// the API decides 404 vs 405 (with Allow), 401, 413 and 415 itself and answers every error in
// the same JSON shape. QHttpServer's router answers those with empty bodies of its own.
class ApiHttpServer final : public QAbstractHttpServer {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiHttpServer)

public:
    using Handler =
        std::function<void(const ApiRequest &request, std::shared_ptr<ApiResponder> responder)>;

    explicit ApiHttpServer(Handler handler, QObject *parent = nullptr);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    static ApiRequest convert(const QHttpServerRequest &request);

    Handler m_handler;
};
