#include "probeendpoints.h"

#include "apierrors.h"
#include "distributortype.h"
#include "optionreader.h"
#include "session.h"
#include "sessionmanager.h"

ProbeEndpoints::ProbeEndpoints(SessionManager *manager)
    : m_manager(manager) {}

void ProbeEndpoints::install(ApiRouter &router) {
    router.add("PUT", QStringLiteral("/api/sessions/{id}/distributors/{type}/probe"),
               ApiRouter::Body::Json, [this](const ApiCall &call) { setProbe(call); });
    router.add("GET", QStringLiteral("/api/sessions/{id}/snapshot"), ApiRouter::Body::None,
               [this](const ApiCall &call) { snapshot(call); });
}

void ProbeEndpoints::setProbe(const ApiCall &call) const {
    const QString sessionId = call.param(QStringLiteral("id"));
    const QString type = call.param(QStringLiteral("type"));
    const Session *session = m_manager->getSession(sessionId);
    if (!session) {
        call.reply(ApiErrors::sessionNotFound(sessionId));
        return;
    }
    if (!DistributorTypes::isKnown(type)) {
        call.reply(ApiErrors::unknownType(type));
        return;
    }
    // A probe watches a configured distributor (enabled or not: it starts with the instance).
    if (!session->slot(type)) {
        call.reply(ApiReply::error(
            HttpStatus::NotFound,
            QStringLiteral("%1 is not configured in session %2").arg(type, sessionId)));
        return;
    }
    const std::optional<QJsonObject> body =
        call.objectBody(QStringLiteral("{\"enabled\": true or false}"), true);
    if (!body)
        return;
    // The rule of the one key that matters comes first, whatever else is wrong.
    QStringList errors;
    const QJsonValue enabled = body->value(QLatin1String("enabled"));
    if (!enabled.isBool())
        errors.append(QStringLiteral("enabled: expected true or false"));
    OptionReader reader(*body);
    reader.rejectUnknown({QStringLiteral("enabled")});
    errors.append(reader.errors());
    if (!errors.isEmpty()) {
        call.reply(ApiErrors::wrongShape(errors.first(), errors));
        return;
    }

    const Result<bool> changed = m_manager->setProbeEnabled(sessionId, type, enabled.toBool());
    if (!changed) {
        call.reply(ApiErrors::fromEngine(changed.error(), HttpStatus::NotFound));
        return;
    }
    const EngineSnapshot engine = m_manager->snapshot();
    const SessionSnapshot *snapshot = engine.session(sessionId);
    const DistributorSnapshot *distributor = snapshot ? snapshot->distributor(type) : nullptr;
    if (!distributor) {
        call.reply(ApiErrors::sessionNotFound(sessionId)); // closed or still starting
        return;
    }
    call.reply(ApiReply::json(HttpStatus::Ok,
                              QJsonObject{{QStringLiteral("sessionId"), sessionId},
                                          {QStringLiteral("type"), type},
                                          {QStringLiteral("probe"),
                                           toJson(*distributor).value(QLatin1String("probe"))}}));
}

void ProbeEndpoints::snapshot(const ApiCall &call) const {
    const QString sessionId = call.param(QStringLiteral("id"));
    // Fresh rather than the last periodic snapshot, so that automation reads the effect of the
    // request it sent just before. The rates are those since the previous snapshot of anyone.
    const EngineSnapshot engine = m_manager->snapshot();
    const SessionSnapshot *session = engine.session(sessionId);
    call.reply(session ? ApiReply::json(HttpStatus::Ok, toJson(*session))
                       : ApiErrors::sessionNotFound(sessionId));
}
