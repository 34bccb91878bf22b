#pragma once

#include "apimessage.h"
#include "apiresponder.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

// What a handler gets: the request, the values of the `{name}` segments of its path pattern,
// and the responder (shared so that a continuation can answer later). The call itself is only
// valid while the handler runs; a continuation keeps the responder and copies what it needs.
struct ApiCall {
    const ApiRequest &request;
    QHash<QString, QString> params;
    std::shared_ptr<ApiResponder> responder;

    QString param(const QString &name) const { return params.value(name); }
    void reply(const ApiReply &answer) const { responder->send(answer); }
    // The body as a JSON object, or nothing after answering 400 (not JSON) or 422 (not an
    // object; `what` says what the object should have been). An empty body reads as {} when
    // `emptyIsObject`.
    std::optional<QJsonObject> objectBody(const QString &what, bool emptyIsObject = false) const;
};

// Path patterns to handlers, by method. Unlike QHttpServerRouter it tells "no such path" (404)
// from "no such method on this path" (405, with the methods that exist for the Allow field).
class ApiRouter final {
public:
    // Which request bodies a route takes; anything else is answered 415 before the handler.
    enum class Body { None, Json, JsonOrNdjson };
    using Handler = std::function<void(const ApiCall &call)>;

    struct Route {
        QByteArray method;
        QStringList pattern; // segments; "{name}" captures one non-empty segment
        Body body = Body::None;
        Handler handler;
    };

    struct Match {
        const Route *route = nullptr;
        QHash<QString, QString> params;
        QByteArrayList allowed; // methods of the path when `route` is null (empty: unknown path)
    };

    // `path` like "/api/sessions/{id}/export".
    void add(const QByteArray &method, const QString &path, Body body, Handler handler);
    Match match(const QByteArray &method, const QStringList &segments) const;

private:
    static bool matches(const QStringList &pattern, const QStringList &segments,
                        QHash<QString, QString> *params);

    QList<Route> m_routes;
};
