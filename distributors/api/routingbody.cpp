#include "routingbody.h"

#include "distributortype.h"
#include "jsonutil.h"

#include <QJsonArray>

namespace {

const QString RoutingKey = QStringLiteral("eventRouting");
const QString PolicyKey = QStringLiteral("unroutedPolicy");

bool isKnownTarget(const QString &name, const QString &sessionId) {
    const QString suffix = QLatin1Char('_') + sessionId;
    if (name.endsWith(suffix))
        return DistributorTypes::isKnown(name.left(name.size() - suffix.size()));
    return DistributorTypes::isKnown(name);
}

QStringList checkRoutes(const QJsonObject &routes, const QString &sessionId) {
    QStringList errors;
    const QString expected = DistributorTypes::names().join(QStringLiteral(", "));
    for (auto it = routes.begin(); it != routes.end(); ++it) {
        const QString path = RoutingKey + QLatin1Char('.') + it.key();
        if (it.key().isEmpty()) {
            errors.append(RoutingKey + QStringLiteral(": event names must not be empty"));
            continue;
        }
        if (!it.value().isArray()) {
            errors.append(path + QStringLiteral(": expected an array of distributor types"));
            continue;
        }
        const QJsonArray targets = it.value().toArray();
        for (qsizetype i = 0; i < targets.size(); ++i) {
            const QJsonValue target = targets.at(i);
            const QString where = path + QStringLiteral("[%1]").arg(i);
            if (!target.isString())
                errors.append(where + QStringLiteral(": expected a distributor type name"));
            else if (!isKnownTarget(target.toString(), sessionId))
                errors.append(where
                              + QStringLiteral(": unknown distributor type \"%1\" "
                                               "(expected one of %2)")
                                    .arg(target.toString(), expected));
        }
    }
    return errors;
}

} // namespace

RoutingBody RoutingBody::read(const QJsonObject &object, const QByteArray &text,
                              const QString &sessionId) {
    RoutingBody body;
    const bool wrapped = object.contains(RoutingKey) || object.contains(PolicyKey);
    if (!wrapped) {
        body.errors = checkRoutes(object, sessionId);
        if (body.ok())
            body.routing = EventRouting::fromJson(object, JsonUtil::keysInDocumentOrder(text, {}));
        return body;
    }
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() != RoutingKey && it.key() != PolicyKey)
            body.errors.append(
                it.key()
                + QStringLiteral(": unknown key (expected %1 or %2)").arg(RoutingKey, PolicyKey));
    }
    if (object.contains(PolicyKey)) {
        const QString policy = object.value(PolicyKey).toString();
        if (policy == QLatin1String("broadcast"))
            body.policy = UnroutedPolicy::Broadcast;
        else if (policy == QLatin1String("drop"))
            body.policy = UnroutedPolicy::Drop;
        else
            body.errors.append(PolicyKey + QStringLiteral(": expected \"broadcast\" or \"drop\""));
    }
    if (object.contains(RoutingKey)) {
        const QJsonValue routes = object.value(RoutingKey);
        if (!routes.isObject()) {
            body.errors.append(RoutingKey + QStringLiteral(": expected an object of event names"));
        } else {
            body.errors.append(checkRoutes(routes.toObject(), sessionId));
            if (body.ok())
                body.routing = EventRouting::fromJson(
                    routes.toObject(), JsonUtil::keysInDocumentOrder(text, {RoutingKey}));
        }
    }
    return body;
}
