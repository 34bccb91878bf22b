#include "sessionconfig.h"

#include <QJsonArray>

namespace {

const QString SessionIdKey = QStringLiteral("sessionId");
const QString TemplateKey = QStringLiteral("template");
const QString DistributorsKey = QStringLiteral("distributors");
const QString EnabledKey = QStringLiteral("enabledDistributors");
const QString RoutingKey = QStringLiteral("eventRouting");
const QString UnroutedKey = QStringLiteral("unroutedPolicy");

} // namespace

QStringList SessionConfig::enabledTypes() const {
    QStringList types;
    for (const QString &type : distributors.types()) {
        if (isEnabled(type))
            types.append(type);
    }
    return types;
}

bool SessionConfig::isEnabled(const QString &type) const {
    if (!distributors.contains(type))
        return false;
    if (!enabledDistributors || enabledDistributors->isEmpty())
        return true;
    return enabledDistributors->contains(type);
}

UnroutedPolicy SessionConfig::unroutedPolicy() const {
    return options.value(UnroutedKey).toString() == QLatin1String("drop")
               ? UnroutedPolicy::Drop
               : UnroutedPolicy::Broadcast;
}

void SessionConfig::setUnroutedPolicy(UnroutedPolicy policy) {
    options.insert(UnroutedKey, unroutedPolicyName(policy));
}

QJsonObject SessionConfig::toJson() const {
    QJsonObject object = options;
    if (!sessionId.isEmpty())
        object.insert(SessionIdKey, sessionId);
    if (templateName)
        object.insert(TemplateKey,
                      templateName->isEmpty() ? QJsonValue(QJsonValue::Null) : *templateName);
    object.insert(DistributorsKey, distributors.toJson());
    if (enabledDistributors)
        object.insert(EnabledKey, QJsonArray::fromStringList(*enabledDistributors));
    object.insert(RoutingKey, eventRouting.toJson());
    return object;
}

SessionConfig SessionConfig::fromJson(const QJsonObject &object,
                                      const QStringList &distributorOrder,
                                      const QStringList &routingOrder) {
    SessionConfig config;
    config.options = object;
    config.sessionId = object.value(SessionIdKey).toString();
    if (object.contains(TemplateKey))
        config.templateName = object.value(TemplateKey).toString();
    config.distributors =
        DistributorConfigMap::fromJson(object.value(DistributorsKey).toObject(), distributorOrder);
    if (object.value(EnabledKey).isArray()) {
        QStringList enabled;
        for (const QJsonValue &value : object.value(EnabledKey).toArray())
            enabled.append(value.toString());
        config.enabledDistributors = enabled;
    }
    config.eventRouting = EventRouting::fromJson(object.value(RoutingKey).toObject(), routingOrder);
    for (const QString &key : {SessionIdKey, TemplateKey, DistributorsKey, EnabledKey, RoutingKey})
        config.options.remove(key);
    return config;
}

bool operator==(const SessionConfig &a, const SessionConfig &b) {
    return a.sessionId == b.sessionId && a.templateName == b.templateName
           && a.distributors == b.distributors && a.enabledDistributors == b.enabledDistributors
           && a.eventRouting == b.eventRouting && a.options == b.options;
}
