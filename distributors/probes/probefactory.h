#pragma once

#include "deliveryprobe.h"

#include <memory>

// The delivery probe for a distributor of `type`, set up from the distributor's effective config
// (defaults ⊕ session config, references expanded, and for servers the port actually listened
// on). Not started yet.
std::unique_ptr<DeliveryProbe> createProbe(DistributorType type,
                                           const QJsonObject &effectiveConfig);
