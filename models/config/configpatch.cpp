#include "configpatch.h"

#include <QJsonValue>

namespace ConfigPatch {

QJsonObject diff(const QJsonObject &before, const QJsonObject &after) {
    QJsonObject patch;
    for (auto it = after.begin(); it != after.end(); ++it) {
        const QJsonValue old = before.value(it.key());
        if (old == it.value())
            continue;
        // A nested object merges key by key, so only its own changes are sent.
        if (old.isObject() && it.value().isObject())
            patch.insert(it.key(), diff(old.toObject(), it.value().toObject()));
        else
            patch.insert(it.key(), it.value());
    }
    for (auto it = before.begin(); it != before.end(); ++it) {
        if (!after.contains(it.key()))
            patch.insert(it.key(), QJsonValue(QJsonValue::Null));
    }
    return patch;
}

} // namespace ConfigPatch
