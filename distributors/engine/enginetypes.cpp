#include "enginetypes.h"

QString sessionStateName(SessionState state) {
    switch (state) {
    case SessionState::Initializing:
        return QStringLiteral("initializing");
    case SessionState::Active:
        return QStringLiteral("active");
    case SessionState::Degraded:
        return QStringLiteral("degraded");
    case SessionState::Closing:
        return QStringLiteral("closing");
    case SessionState::Closed:
        return QStringLiteral("closed");
    }
    return {};
}

QJsonObject CreateSessionResult::toJson() const {
    QJsonArray report;
    for (const StartReportEntry &entry : startReport) {
        QJsonObject line{{QStringLiteral("type"), entry.type},
                         {QStringLiteral("ok"), entry.ok},
                         {QStringLiteral("pending"), entry.pending}};
        if (!entry.error.isEmpty())
            line.insert(QStringLiteral("error"), entry.error);
        report.append(line);
    }
    return {{QStringLiteral("sessionId"), sessionId},
            {QStringLiteral("status"), sessionStateName(state)},
            {QStringLiteral("startReport"), report},
            {QStringLiteral("warnings"), QJsonArray::fromStringList(warnings)}};
}

QJsonObject RoutingReport::toJson() const {
    auto entries = [](const QList<Entry> &list, bool withReason) {
        QJsonArray array;
        for (const Entry &entry : list) {
            QJsonObject object{{QStringLiteral("event"), entry.event},
                               {QStringLiteral("distributor"), entry.distributor}};
            if (withReason)
                object.insert(QStringLiteral("reason"), entry.reason);
            array.append(object);
        }
        return array;
    };
    return {{QStringLiteral("accepted"), entries(accepted, false)},
            {QStringLiteral("skipped"), entries(skipped, true)}};
}
