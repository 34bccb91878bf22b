#pragma once

#include "eventrouting.h"

#include <QHash>
#include <QStringList>

// Resolves an event name to the distributor types it goes to (SPEC decision 5): its own route,
// else the "*" route, else the unrouted policy. A hash lookup per event.
class EventRouter {
public:
    enum class Match { Route, Wildcard, Broadcast, Drop };

    struct Resolution {
        Match match = Match::Broadcast;
        const QStringList *types = nullptr; // for Route and Wildcard
    };

    void setRouting(const EventRouting &routing, UnroutedPolicy policy);
    const EventRouting &routing() const { return m_routing; }
    UnroutedPolicy policy() const { return m_policy; }

    Resolution resolve(const QString &event) const;

private:
    EventRouting m_routing;
    UnroutedPolicy m_policy = UnroutedPolicy::Broadcast;
    QHash<QString, QStringList> m_table;
    QStringList m_wildcard;
    bool m_hasWildcard = false;
};
