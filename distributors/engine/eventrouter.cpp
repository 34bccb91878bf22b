#include "eventrouter.h"

void EventRouter::setRouting(const EventRouting &routing, UnroutedPolicy policy) {
    m_routing = routing;
    m_policy = policy;
    m_table.clear();
    m_hasWildcard = false;
    m_wildcard.clear();
    for (const EventRouting::Route &route : routing.routes()) {
        if (route.event == EventRouting::Wildcard) {
            m_hasWildcard = true;
            m_wildcard = route.types();
        } else {
            m_table.insert(route.event, route.types());
        }
    }
}

EventRouter::Resolution EventRouter::resolve(const QString &event) const {
    const auto it = m_table.constFind(event);
    if (it != m_table.constEnd())
        return {Match::Route, &it.value()};
    if (m_hasWildcard)
        return {Match::Wildcard, &m_wildcard};
    return {m_policy == UnroutedPolicy::Drop ? Match::Drop : Match::Broadcast, nullptr};
}
