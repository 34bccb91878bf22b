#include "eventrouting.h"

#include "distributorconfigmap.h"

#include <QJsonArray>

bool EventRouting::Route::isList() const {
    return targets.isArray();
}

QStringList EventRouting::Route::types() const {
    QStringList list;
    for (const QJsonValue &value : targets.toArray()) {
        if (value.isString() && !list.contains(value.toString()))
            list.append(value.toString());
    }
    return list;
}

EventRouting::EventRouting(std::initializer_list<std::pair<QString, QStringList>> routes) {
    for (const auto &[event, types] : routes)
        set(event, types);
}

bool EventRouting::contains(const QString &event) const {
    return std::any_of(m_routes.begin(), m_routes.end(),
                       [&](const Route &route) { return route.event == event; });
}

QStringList EventRouting::events() const {
    QStringList names;
    for (const Route &route : m_routes)
        names.append(route.event);
    return names;
}

QStringList EventRouting::typesFor(const QString &event) const {
    for (const Route &route : m_routes) {
        if (route.event == event)
            return route.types();
    }
    return {};
}

void EventRouting::set(const QString &event, const QStringList &types) {
    setRaw(event, QJsonArray::fromStringList(types));
}

void EventRouting::setRaw(const QString &event, const QJsonValue &targets) {
    for (Route &route : m_routes) {
        if (route.event == event) {
            route.targets = targets;
            return;
        }
    }
    m_routes.append({event, targets});
}

bool EventRouting::remove(const QString &event) {
    return m_routes.removeIf([&](const Route &route) { return route.event == event; }) > 0;
}

QJsonObject EventRouting::toJson() const {
    QJsonObject object;
    for (const Route &route : m_routes)
        object.insert(route.event, route.targets);
    return object;
}

EventRouting EventRouting::fromJson(const QJsonObject &object, const QStringList &order) {
    EventRouting routing;
    for (const QString &event : orderedKeys(object, order))
        routing.setRaw(event, object.value(event));
    return routing;
}

QString unroutedPolicyName(UnroutedPolicy policy) {
    return policy == UnroutedPolicy::Drop ? QStringLiteral("drop") : QStringLiteral("broadcast");
}
