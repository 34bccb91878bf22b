#pragma once

#include "eventrouting.h"

#include <QByteArray>
#include <QJsonObject>
#include <QStringList>

#include <optional>

// The body of PUT/PATCH /api/sessions/{id}/routing, checked before the engine sees it: either a
// bare routing object {"event": ["types"]} or {"eventRouting": {...}, "unroutedPolicy": "drop"}.
struct RoutingBody {
    std::optional<EventRouting> routing; // absent when only the policy is given
    std::optional<UnroutedPolicy> policy;
    QStringList errors; // each names the field and the rule

    bool ok() const { return errors.isEmpty(); }

    // `text` is the raw body (for the document order of events); `sessionId` lets routes name
    // registered names ("mqtt_<sessionId>") as the engine accepts them.
    static RoutingBody read(const QJsonObject &object, const QByteArray &text,
                            const QString &sessionId);
};
