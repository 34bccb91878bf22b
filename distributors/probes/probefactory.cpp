#include "probefactory.h"

#include "httpprobe.h"
#include "mqttprobe.h"
#include "sseprobe.h"
#include "udpprobe.h"
#include "websocketprobe.h"

std::unique_ptr<DeliveryProbe> createProbe(DistributorType type,
                                           const QJsonObject &effectiveConfig) {
    switch (type) {
    case DistributorType::Http:
        return std::make_unique<HttpProbe>(effectiveConfig);
    case DistributorType::WebSocket:
        return std::make_unique<WebSocketProbe>(effectiveConfig);
    case DistributorType::Mqtt:
        return std::make_unique<MqttProbe>(effectiveConfig);
    case DistributorType::Udp:
        return std::make_unique<UdpProbe>(effectiveConfig);
    case DistributorType::Sse:
        break;
    }
    return std::make_unique<SseProbe>(effectiveConfig);
}
