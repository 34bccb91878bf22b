#include "mqttsettings.h"

#include "clock.h"

namespace {

constexpr quint16 PlainPort = 1883;
constexpr quint16 TlsPort = 8883;
const QLatin1String PrefixKey("prefix");

QString string(const QJsonObject &config, const char *key) {
    return config.value(QLatin1String(key)).toString();
}

int integer(const QJsonObject &config, const char *key, int fallback) {
    return config.value(QLatin1String(key)).toInt(fallback);
}

} // namespace

MqttSettings MqttSettings::fromConfig(const QJsonObject &config) {
    MqttSettings settings;
    const QString broker = string(config, "broker");
    if (broker.isEmpty()) {
        // The original's host/port keys, honoured only when there is no broker URL.
        settings.host = config.value(QLatin1String("host")).toString(settings.host);
        settings.port = quint16(integer(config, "port", PlainPort));
    } else {
        const QUrl url(broker, QUrl::StrictMode);
        const QString scheme = url.scheme().toLower();
        if (!url.isValid() || url.host().isEmpty()
            || (scheme != QLatin1String("mqtt") && scheme != QLatin1String("mqtts"))) {
            settings.configError =
                QStringLiteral("MQTT broker URL %1 is not valid: expected mqtt://host[:port] "
                               "or mqtts://host[:port]")
                    .arg(broker);
        }
        settings.tls = scheme == QLatin1String("mqtts");
        settings.host = url.host();
        settings.port = quint16(url.port(settings.tls ? TlsPort : PlainPort));
        settings.username = url.userName();
        settings.password = url.password();
    }
    settings.clientId = string(config, "clientId");
    if (settings.clientId.isEmpty())
        settings.clientId = QStringLiteral("labrelay-%1").arg(Clock::epochMs());
    if (config.contains(QLatin1String("username")))
        settings.username = string(config, "username");
    if (config.contains(QLatin1String("password")))
        settings.password = string(config, "password");
    settings.keepAlive = integer(config, "keepAlive", settings.keepAlive);
    settings.cleanSession = config.value(QLatin1String("cleanSession")).toBool(true);
    if (string(config, "protocolVersion") == QLatin1String("5"))
        settings.protocolVersion = MqttClient::ProtocolVersion::Mqtt5;
    settings.caFile = string(config, "caFile");
    settings.connectTimeoutMs = integer(config, "connectTimeout", settings.connectTimeoutMs);
    settings.ackTimeoutMs = integer(config, "ackTimeout", settings.ackTimeoutMs);
    settings.maxInFlight = qMax(1, integer(config, "maxInFlight", settings.maxInFlight));
    settings.qos = qBound(0, integer(config, "qos", settings.qos), 2);
    settings.retain = config.value(QLatin1String("retain")).toBool(false);
    settings.statusMessages = config.value(QLatin1String("statusMessages")).toBool(true);
    settings.payloadFormat = payloadFormatFromName(string(config, "payloadFormat"));
    settings.topics = config.value(QLatin1String("topics")).toObject();
    settings.topicAliases = config.value(QLatin1String("topicAliases")).toObject();
    return settings;
}

QString MqttSettings::brokerUrl() const {
    const QString scheme = tls ? QStringLiteral("mqtts") : QStringLiteral("mqtt");
    const QString shownHost =
        host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]").arg(host) : host;
    return QStringLiteral("%1://%2:%3").arg(scheme, shownHost).arg(port);
}

QString MqttSettings::prefix() const {
    const QString configured = topics.value(PrefixKey).toString();
    return configured.isEmpty() ? QStringLiteral("labrelay") : configured;
}

QString MqttSettings::statusTopic() const {
    return prefix() + QStringLiteral("/status");
}

QString MqttSettings::topicFor(const QString &event, const QJsonObject &options) const {
    const QString explicitTopic = options.value(QLatin1String("topic")).toString();
    if (!explicitTopic.isEmpty())
        return explicitTopic;
    const QString alias = topicAliases.value(event).toString();
    if (!alias.isEmpty()) {
        const QString aliased = topics.value(alias).toString();
        if (!aliased.isEmpty())
            return aliased;
    }
    // "prefix" names the fallback, not an event's topic.
    if (event != PrefixKey) {
        const QString mapped = topics.value(event).toString();
        if (!mapped.isEmpty())
            return mapped;
    }
    return prefix() + QLatin1Char('/') + event;
}

QString MqttSettings::topicProblem(const QString &topic) {
    if (topic.isEmpty())
        return QStringLiteral("the topic is empty");
    if (topic.contains(QLatin1Char('+')) || topic.contains(QLatin1Char('#')))
        return QStringLiteral("wildcards (+, #) are for subscriptions only");
    if (topic.toUtf8().size() > 65535)
        return QStringLiteral("the topic is longer than 65535 bytes");
    if (topic.contains(QChar(0)))
        return QStringLiteral("the topic contains a NUL character");
    return {};
}
