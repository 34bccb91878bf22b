// Session::status(): the getSessionStatus shape of SPEC §2.3 with the [REC] additions.
#include "session.h"

#include "clock.h"

#include <QJsonArray>

QJsonObject Session::status() const {
    const qint64 now = Clock::epochMs();
    QJsonArray activeDistributors;
    QJsonArray configuredDistributors;
    QJsonArray registered;
    for (const DistributorSlot *slot : m_slots) {
        configuredDistributors.append(slot->typeName());
        if (slot->isActive()) {
            activeDistributors.append(slot->typeName());
            registered.append(slot->registeredName());
        }
    }

    QJsonArray eventRoutes;
    QJsonArray routeObjects;
    for (const EventRouting::Route &route : m_router.routing().routes()) {
        const QJsonArray types = QJsonArray::fromStringList(route.types());
        eventRoutes.append(QJsonArray{route.event, types});
        routeObjects.append(QJsonObject{{QStringLiteral("event"), route.event},
                                        {QStringLiteral("distributors"), types}});
    }

    quint64 successes = 0;
    quint64 failures = 0;
    QJsonArray distributors;
    const SessionSnapshot current = snapshot();
    for (const DistributorSnapshot &distributor : current.distributors) {
        successes += distributor.sent;
        failures += distributor.failed;
        distributors.append(toJson(distributor));
    }
    const double successRate = successes + failures == 0
                                   ? 100.0
                                   : 100.0 * double(successes) / double(successes + failures);

    return {
        {QStringLiteral("sessionId"), m_id},
        {QStringLiteral("status"), sessionStateName(m_state)},
        {QStringLiteral("template"), templateName()},
        {QStringLiteral("createdAt"), double(m_createdAt)},
        {QStringLiteral("uptime"), double(now - m_createdAt)},
        {QStringLiteral("activeDistributors"), activeDistributors},
        {QStringLiteral("configuredDistributors"), configuredDistributors},
        {QStringLiteral("eventRoutes"), eventRoutes},
        {QStringLiteral("unroutedPolicy"), unroutedPolicyName(m_router.policy())},
        {QStringLiteral("health"), healthJson()},
        {QStringLiteral("stats"),
         QJsonObject{{QStringLiteral("distributors"),
                      QJsonObject{{QStringLiteral("total"), registered.size()},
                                  {QStringLiteral("registered"), registered}}},
                     {QStringLiteral("eventRoutes"),
                      QJsonObject{{QStringLiteral("total"), routeObjects.size()},
                                  {QStringLiteral("routes"), routeObjects}}},
                     {QStringLiteral("performance"),
                      QJsonObject{{QStringLiteral("totalMessages"), double(successes)},
                                  {QStringLiteral("totalErrors"), double(failures)},
                                  {QStringLiteral("successRate"), successRate},
                                  {QStringLiteral("uptime"), double(now - m_createdAt)}}}}},
        {QStringLiteral("events"),
         QJsonObject{{QStringLiteral("received"), double(m_seq)},
                     {QStringLiteral("lastSeq"), double(m_seq)},
                     {QStringLiteral("unroutedDropped"), double(m_unroutedDropped)}}},
        {QStringLiteral("distributors"), distributors},
    };
}
