#pragma once

#include <QList>
#include <QString>

#include <optional>

// The five distributor types of the fixed registry, in the registry's order.
enum class DistributorType { Http, WebSocket, Mqtt, Udp, Sse };

namespace DistributorTypes {

const QList<DistributorType> &all();
QString name(DistributorType type);
std::optional<DistributorType> fromName(const QString &name);
bool isKnown(const QString &name);
QStringList names();
// The human-facing label ("HTTP", "WebSocket", ...), used in validation messages and the UI.
QString label(DistributorType type);

} // namespace DistributorTypes
