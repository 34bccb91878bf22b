#include "distributorfactory.h"

#include "httpdistributor.h"
#include "mqttdistributor.h"
#include "ssedistributor.h"
#include "udpdistributor.h"
#include "websocketdistributor.h"

namespace DistributorFactory {

std::unique_ptr<Distributor> create(DistributorType type, const QJsonObject &effectiveConfig) {
    switch (type) {
    case DistributorType::Http:
        return std::make_unique<HttpDistributor>(effectiveConfig);
    case DistributorType::WebSocket:
        return std::make_unique<WebSocketDistributor>(effectiveConfig);
    case DistributorType::Mqtt:
        return std::make_unique<MqttDistributor>(effectiveConfig);
    case DistributorType::Udp:
        return std::make_unique<UdpDistributor>(effectiveConfig);
    case DistributorType::Sse:
        break;
    }
    return std::make_unique<SseDistributor>(effectiveConfig);
}

} // namespace DistributorFactory
