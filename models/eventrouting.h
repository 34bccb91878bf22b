#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

// The event routing table: event name → distributor types, in the order the operator wrote.
// A row keeps its raw JSON value so that a wrong one (not an array) can be reported by name.
// The event "*" is the wildcard route used for events without their own row.
class EventRouting {
public:
    struct Route {
        QString event;
        QJsonValue targets;

        bool isList() const;
        // The distributor types named by the row (strings only), without duplicates.
        QStringList types() const;
        friend bool operator==(const Route &a, const Route &b) {
            return a.event == b.event && a.targets == b.targets;
        }
    };

    static inline const QString Wildcard = QStringLiteral("*");

    EventRouting() = default;
    EventRouting(std::initializer_list<std::pair<QString, QStringList>> routes);

    bool isEmpty() const { return m_routes.isEmpty(); }
    qsizetype size() const { return m_routes.size(); }
    const QList<Route> &routes() const { return m_routes; }
    bool contains(const QString &event) const;
    QStringList events() const;
    QStringList typesFor(const QString &event) const;

    // Replaces the row of an existing event in place, or appends it.
    void set(const QString &event, const QStringList &types);
    void setRaw(const QString &event, const QJsonValue &targets);
    bool remove(const QString &event);

    QJsonObject toJson() const;
    static EventRouting fromJson(const QJsonObject &object, const QStringList &order = {});

    friend bool operator==(const EventRouting &a, const EventRouting &b) {
        return a.m_routes == b.m_routes;
    }
    friend bool operator!=(const EventRouting &a, const EventRouting &b) { return !(a == b); }

private:
    QList<Route> m_routes;
};

// What happens to an event that has neither its own route nor a "*" route.
enum class UnroutedPolicy { Broadcast, Drop };
QString unroutedPolicyName(UnroutedPolicy policy);
