#include "enginesnapshot.h"

#include <QJsonArray>

QJsonObject toJson(const DistributorSnapshot &d) {
    QJsonObject json{
        {QStringLiteral("type"), d.type},
        {QStringLiteral("active"), d.active},
        {QStringLiteral("state"), d.state},
        {QStringLiteral("target"), d.target},
        {QStringLiteral("routed"), double(d.routed)},
        {QStringLiteral("sent"), double(d.sent)},
        {QStringLiteral("acknowledged"), double(d.acknowledged)},
        {QStringLiteral("failed"), double(d.failed)},
        {QStringLiteral("dropped"),
         QJsonObject{{QStringLiteral("queue-full"), double(d.droppedQueueFull)},
                     {QStringLiteral("disabled"), double(d.droppedDisabled)},
                     {QStringLiteral("no-clients"), double(d.droppedNoClients)},
                     {QStringLiteral("total"), double(d.dropped())}}},
        {QStringLiteral("retries"), double(d.retries)},
        {QStringLiteral("bytes"), double(d.bytes)},
        {QStringLiteral("queued"), d.queued},
        {QStringLiteral("sentPerSecond"), d.sentPerSecond},
        {QStringLiteral("latencyMs"), QJsonObject{{QStringLiteral("mean"), d.latencyMeanMs},
                                                  {QStringLiteral("p95"), d.latencyP95Ms},
                                                  {QStringLiteral("p99"), d.latencyP99Ms}}},
        {QStringLiteral("failoverIndex"), d.failoverIndex},
        {QStringLiteral("failoverAlternatives"), d.failoverAlternatives},
    };
    json.insert(QStringLiteral("probe"),
                QJsonObject{{QStringLiteral("enabled"), d.probe.enabled},
                            {QStringLiteral("connected"), d.probe.connected},
                            {QStringLiteral("note"), d.probe.note},
                            {QStringLiteral("received"), double(d.probe.received)},
                            {QStringLiteral("lost"), double(d.probe.lost)},
                            {QStringLiteral("duplicates"), double(d.probe.duplicates)},
                            {QStringLiteral("latencyP50Ms"), d.probe.latencyP50Ms},
                            {QStringLiteral("latencyP99Ms"), d.probe.latencyP99Ms},
                            {QStringLiteral("lastSeq"), double(d.probe.lastSeq)}});
    if (d.connectedClients >= 0)
        json.insert(QStringLiteral("connectedClients"), d.connectedClients);
    if (!d.lastError.isEmpty()) {
        json.insert(QStringLiteral("lastError"), d.lastError);
        json.insert(QStringLiteral("lastErrorAt"), double(d.lastErrorAt));
    }
    return json;
}

QJsonObject toJson(const SessionSnapshot &s) {
    QJsonArray distributors;
    for (const DistributorSnapshot &d : s.distributors)
        distributors.append(toJson(d));
    return {
        {QStringLiteral("sessionId"), s.id},
        {QStringLiteral("status"), s.state},
        {QStringLiteral("template"), s.templateName},
        {QStringLiteral("createdAt"), double(s.createdAt)},
        {QStringLiteral("eventsIn"), double(s.eventsIn)},
        {QStringLiteral("eventsPerSecond"), s.eventsPerSecond},
        {QStringLiteral("unroutedDropped"), double(s.unroutedDropped)},
        {QStringLiteral("errors"), double(s.errors)},
        {QStringLiteral("synthetic"), QJsonObject{{QStringLiteral("running"), s.syntheticRunning},
                                                  {QStringLiteral("mode"), s.syntheticMode}}},
        {QStringLiteral("recording"), QJsonObject{{QStringLiteral("active"), s.recording},
                                                  {QStringLiteral("path"), s.recordingPath}}},
        {QStringLiteral("distributors"), distributors}};
}
