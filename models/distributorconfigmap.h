#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

// Distributor configs by type name, in a stable order: template types first, then the types
// only the caller supplied. The order is what error messages and the UI follow. Each config is
// a JSON object of the keys the operator wrote (absent keys stay absent, unknown keys are kept).
class DistributorConfigMap {
public:
    DistributorConfigMap() = default;
    DistributorConfigMap(std::initializer_list<std::pair<QString, QJsonObject>> entries);

    bool isEmpty() const { return m_entries.isEmpty(); }
    qsizetype size() const { return m_entries.size(); }
    bool contains(const QString &type) const;
    QJsonObject value(const QString &type) const;
    QStringList types() const;

    // Replaces the config of an existing type in place, or appends a new type.
    void insert(const QString &type, const QJsonObject &config);
    bool remove(const QString &type);

    const QList<std::pair<QString, QJsonObject>> &entries() const { return m_entries; }

    QJsonObject toJson() const;
    // `order` lists the keys of `object` in document order; missing keys follow alphabetically.
    static DistributorConfigMap fromJson(const QJsonObject &object, const QStringList &order = {});

    friend bool operator==(const DistributorConfigMap &a, const DistributorConfigMap &b) {
        return a.m_entries == b.m_entries;
    }
    friend bool operator!=(const DistributorConfigMap &a, const DistributorConfigMap &b) {
        return !(a == b);
    }

private:
    QList<std::pair<QString, QJsonObject>> m_entries;
};

// The keys of `object` with the ones in `order` first, in that order, then the rest sorted.
QStringList orderedKeys(const QJsonObject &object, const QStringList &order);
