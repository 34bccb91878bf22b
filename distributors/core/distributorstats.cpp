#include "distributorstats.h"

#include <numeric>

QString dropReasonName(DropReason reason) {
    switch (reason) {
    case DropReason::QueueFull:
        return QStringLiteral("queue-full");
    case DropReason::Disabled:
        return QStringLiteral("disabled");
    case DropReason::NoClients:
        return QStringLiteral("no-clients");
    case DropReason::Count:
        break;
    }
    return {};
}

quint64 DistributorStats::droppedTotal() const {
    return std::accumulate(dropped.begin(), dropped.end(), quint64(0));
}

QJsonObject DistributorStats::toJson() const {
    QJsonObject droppedJson;
    for (int i = 0; i < int(DropReason::Count); ++i)
        droppedJson.insert(dropReasonName(DropReason(i)), double(dropped[i]));
    QJsonObject json{
        {QStringLiteral("enqueued"), double(enqueued)},
        {QStringLiteral("messagesSent"), double(sent)},
        {QStringLiteral("acknowledged"), double(acknowledged)},
        {QStringLiteral("messagesFailed"), double(failed)},
        {QStringLiteral("dropped"), droppedJson},
        {QStringLiteral("droppedTotal"), double(droppedTotal())},
        {QStringLiteral("handedOver"), double(handedOver)},
        {QStringLiteral("retries"), double(retries)},
        {QStringLiteral("bytesSent"), double(bytes)},
        {QStringLiteral("queued"), queued},
        {QStringLiteral("inFlight"), inFlight},
        {QStringLiteral("retryWaiting"), retryWaiting},
        {QStringLiteral("latencyMs"), QJsonObject{{QStringLiteral("last"), latency.lastUs / 1000.0},
                                                  {QStringLiteral("mean"), latency.meanUs / 1000.0},
                                                  {QStringLiteral("p50"), latency.p50Us / 1000.0},
                                                  {QStringLiteral("p95"), latency.p95Us / 1000.0},
                                                  {QStringLiteral("p99"), latency.p99Us / 1000.0},
                                                  {QStringLiteral("samples"), latency.samples}}},
        {QStringLiteral("lastError"), lastError.isEmpty() ? QJsonValue() : QJsonValue(lastError)},
        {QStringLiteral("lastErrorAt"),
         lastErrorAt ? QJsonValue(double(lastErrorAt)) : QJsonValue()},
        {QStringLiteral("lastActivity"),
         lastActivity ? QJsonValue(double(lastActivity)) : QJsonValue()},
    };
    if (connectedClients >= 0)
        json.insert(QStringLiteral("connectedClients"), connectedClients);
    return json;
}
