#include "distributortype.h"

namespace DistributorTypes {

const QList<DistributorType> &all() {
    static const QList<DistributorType> types{DistributorType::Http, DistributorType::WebSocket,
                                              DistributorType::Mqtt, DistributorType::Udp,
                                              DistributorType::Sse};
    return types;
}

QString name(DistributorType type) {
    switch (type) {
    case DistributorType::Http:
        return QStringLiteral("http");
    case DistributorType::WebSocket:
        return QStringLiteral("websocket");
    case DistributorType::Mqtt:
        return QStringLiteral("mqtt");
    case DistributorType::Udp:
        return QStringLiteral("udp");
    case DistributorType::Sse:
        return QStringLiteral("sse");
    }
    return {};
}

std::optional<DistributorType> fromName(const QString &name) {
    for (DistributorType type : all()) {
        if (DistributorTypes::name(type) == name)
            return type;
    }
    return std::nullopt;
}

bool isKnown(const QString &name) {
    return fromName(name).has_value();
}

QStringList names() {
    QStringList result;
    for (DistributorType type : all())
        result.append(name(type));
    return result;
}

QString label(DistributorType type) {
    switch (type) {
    case DistributorType::Http:
        return QStringLiteral("HTTP");
    case DistributorType::WebSocket:
        return QStringLiteral("WebSocket");
    case DistributorType::Mqtt:
        return QStringLiteral("MQTT");
    case DistributorType::Udp:
        return QStringLiteral("UDP");
    case DistributorType::Sse:
        return QStringLiteral("SSE");
    }
    return {};
}

} // namespace DistributorTypes
