#pragma once

#include "distributor.h"

#include <memory>

// Creates the distributor of a type from its effective config (defaults ⊕ operator config,
// references expanded).
namespace DistributorFactory {

std::unique_ptr<Distributor> create(DistributorType type, const QJsonObject &effectiveConfig);

} // namespace DistributorFactory
