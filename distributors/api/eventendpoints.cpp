#include "eventendpoints.h"

#include "apierrors.h"
#include "eventbatch.h"
#include "routingbody.h"
#include "session.h"
#include "sessionmanager.h"

namespace {

const QByteArray NdjsonType = "application/x-ndjson";

} // namespace

EventEndpoints::EventEndpoints(SessionManager *manager)
    : m_manager(manager) {}

void EventEndpoints::install(ApiRouter &router) {
    const QString routing = QStringLiteral("/api/sessions/{id}/routing");
    router.add("PUT", routing, ApiRouter::Body::Json,
               [this](const ApiCall &call) { changeRouting(call, RoutingChange::Replace); });
    router.add("PATCH", routing, ApiRouter::Body::Json,
               [this](const ApiCall &call) { changeRouting(call, RoutingChange::Merge); });
    router.add("POST", QStringLiteral("/api/sessions/{id}/events"), ApiRouter::Body::JsonOrNdjson,
               [this](const ApiCall &call) { postEvents(call); });
}

void EventEndpoints::changeRouting(const ApiCall &call, RoutingChange change) const {
    const QString sessionId = call.param(QStringLiteral("id"));
    const Session *session = m_manager->getSession(sessionId);
    if (!session) {
        call.reply(ApiErrors::sessionNotFound(sessionId));
        return;
    }
    const std::optional<QJsonObject> object = call.objectBody(QStringLiteral("a routing table"));
    if (!object)
        return;
    RoutingBody body = RoutingBody::read(*object, call.request.body, sessionId);
    if (change == RoutingChange::Replace && body.ok() && !body.routing)
        body.errors.append(QStringLiteral("eventRouting: required, because PUT replaces the "
                                          "whole table (PATCH changes parts of it)"));
    if (!body.ok()) {
        call.reply(ApiErrors::wrongShape(body.errors.first(), body.errors));
        return;
    }

    const EventRouting routing = body.routing.value_or(EventRouting());
    Result<RoutingReport> report = Result<RoutingReport>::failure(QString());
    if (change == RoutingChange::Replace) {
        report = m_manager->updateEventRouting(sessionId, routing, body.policy);
    } else if (!body.policy) {
        report = m_manager->mergeEventRouting(sessionId, routing);
    } else {
        // mergeEventRouting keeps the policy; merge here so that both change in one step.
        EventRouting merged = session->router().routing();
        for (const EventRouting::Route &route : routing.routes())
            merged.setRaw(route.event, route.targets);
        report = m_manager->updateEventRouting(sessionId, merged, body.policy);
    }
    if (!report) {
        call.reply(ApiErrors::fromEngine(report.error(), HttpStatus::UnprocessableEntity));
        return;
    }
    QJsonObject answer = report->toJson();
    answer.insert(QStringLiteral("eventRouting"), session->router().routing().toJson());
    answer.insert(QStringLiteral("unroutedPolicy"), unroutedPolicyName(session->router().policy()));
    call.reply(ApiReply::json(HttpStatus::Ok, answer));
}

void EventEndpoints::postEvents(const ApiCall &call) const {
    const QString sessionId = call.param(QStringLiteral("id"));
    if (!m_manager->getSession(sessionId)) {
        call.reply(ApiErrors::sessionNotFound(sessionId));
        return;
    }
    const EventBatch batch = call.request.mediaType() == NdjsonType
                                 ? EventBatch::fromNdjson(call.request.body)
                                 : EventBatch::fromJson(call.request.body);
    if (batch.problem == EventBatch::Problem::Malformed) {
        call.reply(ApiReply::error(HttpStatus::BadRequest, batch.errors.first(), batch.errors));
        return;
    }
    if (!batch.ok()) {
        call.reply(ApiErrors::wrongShape(batch.errors.first(), batch.errors));
        return;
    }
    // Every event was checked above, so from here on all of them are routed.
    quint64 firstSeq = 0;
    quint64 lastSeq = 0;
    for (const IngestEvent &event : batch.events) {
        const Result<RouteOutcome> outcome =
            m_manager->routeEvent(sessionId, event.event, event.data, event.routeOptions());
        if (!outcome)
            continue; // not reached: the session cannot close while this loop runs
        if (firstSeq == 0)
            firstSeq = outcome->seq;
        lastSeq = outcome->seq;
    }
    call.reply(ApiReply::json(HttpStatus::Accepted,
                              QJsonObject{{QStringLiteral("accepted"), batch.events.size()},
                                          {QStringLiteral("firstSeq"), double(firstSeq)},
                                          {QStringLiteral("lastSeq"), double(lastSeq)}}));
}
