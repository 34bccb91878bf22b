#include "distributorconfigmap.h"

DistributorConfigMap::DistributorConfigMap(
    std::initializer_list<std::pair<QString, QJsonObject>> entries) {
    for (const auto &[type, config] : entries)
        insert(type, config);
}

bool DistributorConfigMap::contains(const QString &type) const {
    return std::any_of(m_entries.begin(), m_entries.end(),
                       [&](const auto &entry) { return entry.first == type; });
}

QJsonObject DistributorConfigMap::value(const QString &type) const {
    for (const auto &[name, config] : m_entries) {
        if (name == type)
            return config;
    }
    return {};
}

QStringList DistributorConfigMap::types() const {
    QStringList names;
    names.reserve(m_entries.size());
    for (const auto &entry : m_entries)
        names.append(entry.first);
    return names;
}

void DistributorConfigMap::insert(const QString &type, const QJsonObject &config) {
    for (auto &entry : m_entries) {
        if (entry.first == type) {
            entry.second = config;
            return;
        }
    }
    m_entries.append({type, config});
}

bool DistributorConfigMap::remove(const QString &type) {
    const auto count = m_entries.removeIf([&](const auto &entry) { return entry.first == type; });
    return count > 0;
}

QJsonObject DistributorConfigMap::toJson() const {
    QJsonObject object;
    for (const auto &[type, config] : m_entries)
        object.insert(type, config);
    return object;
}

DistributorConfigMap DistributorConfigMap::fromJson(const QJsonObject &object,
                                                    const QStringList &order) {
    DistributorConfigMap map;
    for (const QString &type : orderedKeys(object, order))
        map.insert(type, object.value(type).toObject());
    return map;
}

QStringList orderedKeys(const QJsonObject &object, const QStringList &order) {
    QStringList keys;
    for (const QString &key : order) {
        if (object.contains(key) && !keys.contains(key))
            keys.append(key);
    }
    for (const QString &key : object.keys()) {
        if (!keys.contains(key))
            keys.append(key);
    }
    return keys;
}
