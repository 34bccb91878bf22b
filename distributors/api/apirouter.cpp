#include "apirouter.h"

#include "apierrors.h"
#include "jsontext.h"

std::optional<QJsonObject> ApiCall::objectBody(const QString &what, bool emptyIsObject) const {
    if (emptyIsObject && request.body.trimmed().isEmpty())
        return QJsonObject();
    JsonText::SyntaxError syntax;
    const std::optional<QJsonValue> value = JsonText::parse(request.body, &syntax);
    if (!value) {
        reply(ApiErrors::malformedBody(JsonText::describe(QStringLiteral("request body"), syntax)));
        return std::nullopt;
    }
    if (!value->isObject()) {
        reply(ApiErrors::wrongShape(
            QStringLiteral("request body: expected a JSON object (%1)").arg(what)));
        return std::nullopt;
    }
    return value->toObject();
}

void ApiRouter::add(const QByteArray &method, const QString &path, Body body, Handler handler) {
    m_routes.append(
        {method, path.split(QLatin1Char('/'), Qt::SkipEmptyParts), body, std::move(handler)});
}

bool ApiRouter::matches(const QStringList &pattern, const QStringList &segments,
                        QHash<QString, QString> *params) {
    if (pattern.size() != segments.size())
        return false;
    QHash<QString, QString> captured;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QString &part = pattern.at(i);
        if (part.startsWith(QLatin1Char('{')) && part.endsWith(QLatin1Char('}'))) {
            if (segments.at(i).isEmpty())
                return false;
            captured.insert(part.mid(1, part.size() - 2), segments.at(i));
        } else if (part != segments.at(i)) {
            return false;
        }
    }
    *params = captured;
    return true;
}

ApiRouter::Match ApiRouter::match(const QByteArray &method, const QStringList &segments) const {
    Match result;
    for (const Route &route : m_routes) {
        QHash<QString, QString> params;
        if (!matches(route.pattern, segments, &params))
            continue;
        if (route.method == method) {
            result.route = &route;
            result.params = params;
            result.allowed.clear();
            return result;
        }
        if (!result.allowed.contains(route.method))
            result.allowed.append(route.method);
    }
    return result;
}
