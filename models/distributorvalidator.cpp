#include "distributorvalidator.h"

#include "configschema.h"
#include "distributortype.h"
#include "jsonutil.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QUrl>

#include <cmath>

namespace {

bool isAbsent(const QJsonValue &value) {
    return value.isUndefined() || value.isNull();
}

bool isValidPort(const QJsonValue &value) {
    if (!value.isDouble())
        return false;
    const double d = value.toDouble();
    return std::isfinite(d) && d == std::floor(d) && d >= 1 && d <= 65535;
}

bool isWildcardHost(const QString &host) {
    return host == QLatin1String("0.0.0.0") || host == QLatin1String("::");
}

// A URL string with one of `schemes` and a host.
bool isUrlWithScheme(const QJsonValue &value, const QStringList &schemes) {
    if (!value.isString() || value.toString().size() > ConfigSchema::MaxStringLength)
        return false;
    const QString text = value.toString();
    bool prefixOk = false;
    for (const QString &scheme : schemes)
        prefixOk = prefixOk || text.startsWith(scheme + QLatin1String("://"));
    if (!prefixOk)
        return false;
    const QUrl url(text, QUrl::StrictMode);
    return url.isValid() && !url.host().isEmpty();
}

void checkListenHost(const QJsonObject &config, const QString &label, ValidationResult &result) {
    const QString host = config.value(QStringLiteral("host")).toString();
    if (isWildcardHost(host))
        result.warnings.append(
            QStringLiteral("%1 host %2 listens on all network interfaces").arg(label, host));
}

void validateHttp(const QJsonObject &config, ValidationResult &result) {
    const QJsonValue baseUrl = config.value(QStringLiteral("baseUrl"));
    if (isAbsent(baseUrl))
        result.addError(QStringLiteral("HTTP distributor requires baseUrl"));
    else if (!isUrlWithScheme(baseUrl, {QStringLiteral("http"), QStringLiteral("https")}))
        result.addError(QStringLiteral("HTTP baseUrl must start with http:// or https://"));

    const QJsonValue timeout = config.value(QStringLiteral("timeout"));
    if (timeout.isDouble() && timeout.toDouble() >= 1 && timeout.toDouble() < 1000)
        result.warnings.append(QStringLiteral("HTTP timeout less than 1000ms may cause issues"));

    const QJsonObject endpoints = config.value(QStringLiteral("endpoints")).toObject();
    for (auto it = endpoints.begin(); it != endpoints.end(); ++it) {
        if (it.value().isString() && !it.value().toString().startsWith(QLatin1Char('/')))
            result.warnings.append(
                QStringLiteral("HTTP endpoint '%1' should start with '/'").arg(it.key()));
    }
}

void validateWebSocket(const QJsonObject &config, ValidationResult &result) {
    if (!isValidPort(config.value(QStringLiteral("port"))))
        result.addError(QStringLiteral("WebSocket distributor requires valid port (1-65535)"));

    const QJsonValue maxConnections = config.value(QStringLiteral("maxConnections"));
    if (!isAbsent(maxConnections)
        && !(maxConnections.isDouble() && maxConnections.toDouble() >= 1
             && maxConnections.toDouble() == std::floor(maxConnections.toDouble())))
        result.addError(QStringLiteral("WebSocket maxConnections must be positive"));

    const bool hasCertificate = !isAbsent(config.value(QStringLiteral("tlsCertificateFile")));
    const bool hasKey = !isAbsent(config.value(QStringLiteral("tlsKeyFile")));
    if (hasCertificate != hasKey)
        result.addError(
            QStringLiteral("WebSocket wss needs both tlsCertificateFile and tlsKeyFile"));
    checkListenHost(config, QStringLiteral("WebSocket"), result);
}

void validateMqtt(const QJsonObject &config, ValidationResult &result) {
    const QJsonValue broker = config.value(QStringLiteral("broker"));
    if (isAbsent(broker)) {
        result.addError(QStringLiteral("MQTT distributor requires broker URL"));
    } else {
        static const QRegularExpression scheme(QStringLiteral("^mqtts?://"));
        if (!broker.isString() || !scheme.match(broker.toString()).hasMatch())
            result.addError(QStringLiteral("MQTT broker must start with mqtt:// or mqtts://"));
        else if (!isUrlWithScheme(broker, {QStringLiteral("mqtt"), QStringLiteral("mqtts")}))
            result.addError(QStringLiteral("MQTT broker URL must name a host (mqtt://host:port)"));
    }

    const QJsonValue clientId = config.value(QStringLiteral("clientId"));
    if (isAbsent(clientId))
        result.warnings.append(QStringLiteral("MQTT clientId not specified, will use default"));
    else if (clientId.toString().size() > 23)
        result.warnings.append(QStringLiteral(
            "MQTT clientId is longer than 23 characters; some MQTT 3.1.1 brokers refuse it"));

    const bool hasUser = !isAbsent(config.value(QStringLiteral("username")));
    const bool hasPassword = !isAbsent(config.value(QStringLiteral("password")));
    if (hasPassword && !hasUser)
        result.warnings.append(QStringLiteral("MQTT password provided without username"));
    if ((hasUser || hasPassword) && broker.toString().startsWith(QLatin1String("mqtt://")))
        result.warnings.append(QStringLiteral(
            "MQTT credentials are sent unencrypted over mqtt://; consider mqtts://"));
}

void validateUdp(const QJsonObject &config, ValidationResult &result) {
    if (!isValidPort(config.value(QStringLiteral("port"))))
        result.addError(QStringLiteral("UDP distributor requires valid port (1-65535)"));

    const QJsonValue targets = config.value(QStringLiteral("targets"));
    if (isAbsent(targets) || (targets.isArray() && targets.toArray().isEmpty()))
        result.warnings.append(QStringLiteral("UDP distributor has no targets configured"));

    const QJsonValue maxPayload = config.value(QStringLiteral("maxPayload"));
    if (maxPayload.isDouble() && maxPayload.toDouble() > 65507)
        result.warnings.append(QStringLiteral("UDP maxPayload exceeds UDP maximum (65507 bytes)"));

    static const QRegularExpression hostPort(
        QStringLiteral(R"(^\s*([^\s:]+|\[[^\]]+\]):(\d{1,5})\s*$)"));
    const QString defaultHost =
        config.value(QStringLiteral("host")).toString(QStringLiteral("127.0.0.1"));
    for (const QJsonValue &target : targets.toArray()) {
        QString host;
        if (target.isString()) {
            const QRegularExpressionMatch match = hostPort.match(target.toString());
            const int port = match.captured(2).toInt();
            if (!match.hasMatch() || port < 1 || port > 65535) {
                result.addError(
                    QStringLiteral("UDP target \"%1\" is not host:port").arg(target.toString()));
                continue;
            }
            host = match.captured(1);
        } else if (target.isObject()) {
            host = target.toObject().value(QStringLiteral("host")).toString(defaultHost);
        }
        if (isWildcardHost(host))
            result.addError(QStringLiteral("UDP target host %1 is not a destination").arg(host));
    }
}

void validateSse(const QJsonObject &config, ValidationResult &result) {
    if (!isValidPort(config.value(QStringLiteral("port"))))
        result.addError(QStringLiteral("SSE distributor requires valid port (1-65535)"));
    const QJsonValue endpoint = config.value(QStringLiteral("endpoint"));
    if (isAbsent(endpoint))
        result.warnings.append(QStringLiteral("SSE endpoint not specified, will use default"));
    else if (endpoint.isString() && !endpoint.toString().startsWith(QLatin1Char('/')))
        result.addError(QStringLiteral("SSE endpoint must start with /"));
    checkListenHost(config, QStringLiteral("SSE"), result);
}

// Keys whose problems the rules above report in the specification's own words.
QSet<QString> ruleCheckedKeys(DistributorType type) {
    switch (type) {
    case DistributorType::Http:
        return {QStringLiteral("baseUrl")};
    case DistributorType::WebSocket:
        return {QStringLiteral("port"), QStringLiteral("maxConnections")};
    case DistributorType::Mqtt:
        return {QStringLiteral("broker")};
    case DistributorType::Udp:
    case DistributorType::Sse:
        break;
    }
    return {QStringLiteral("port")};
}

ValidationResult validateOne(DistributorType type, const QJsonObject &config) {
    ValidationResult result;
    switch (type) {
    case DistributorType::Http:
        validateHttp(config, result);
        break;
    case DistributorType::WebSocket:
        validateWebSocket(config, result);
        break;
    case DistributorType::Mqtt:
        validateMqtt(config, result);
        break;
    case DistributorType::Udp:
        validateUdp(config, result);
        break;
    case DistributorType::Sse:
        validateSse(config, result);
        break;
    }
    for (const QString &error : ConfigSchema::checkTypes(
             type, config, QString(), KeySpec::Check::KindAndRange, ruleCheckedKeys(type)))
        result.addError(error);
    return result;
}

} // namespace

namespace DistributorValidator {

ValidationResult validate(const QString &typeName, const QJsonObject &config) {
    const auto type = DistributorTypes::fromName(typeName);
    if (!type) {
        ValidationResult result;
        result.addError(QStringLiteral("Unknown distributor type: %1").arg(typeName));
        return result;
    }
    ValidationResult result = validateOne(*type, config);

    // Each failover alternative runs as the primary config with the alternative's keys on top.
    const QJsonArray alternatives = config.value(QStringLiteral("failover")).toArray();
    const QStringList primaryErrors = result.errors;
    QJsonObject primary = config;
    primary.remove(QStringLiteral("failover"));
    for (qsizetype i = 0; i < alternatives.size(); ++i) {
        const QJsonObject merged = JsonUtil::deepMerge(primary, alternatives.at(i).toObject());
        const ValidationResult alternative = validateOne(*type, merged);
        const QString prefix = QStringLiteral("failover[%1]: ").arg(i);
        for (const QString &error : alternative.errors) {
            if (!primaryErrors.contains(error)) // the primary's own errors are reported once
                result.addError(prefix + error);
        }
    }
    return result;
}

} // namespace DistributorValidator
