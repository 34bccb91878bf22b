#pragma once

#include <QJsonObject>

// The smallest merge patch that turns one distributor config into another: changed keys with
// their new value, nested objects as patches of their own, and null for removed keys. It is what
// a "merge" reconfiguration needs to arrive at exactly the config the operator sees in a form.
namespace ConfigPatch {

QJsonObject diff(const QJsonObject &before, const QJsonObject &after);

} // namespace ConfigPatch
