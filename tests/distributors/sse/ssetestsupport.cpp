#include "ssetestsupport.h"

#include "configmanager.h"
#include "configschema.h"

namespace SseTest {

QJsonObject config(const QJsonObject &overrides) {
    QJsonObject local{{QStringLiteral("host"), QStringLiteral("127.0.0.1")},
                      {QStringLiteral("port"), 0}};
    for (auto it = overrides.begin(); it != overrides.end(); ++it)
        local.insert(it.key(), it.value());
    return ConfigManager::mergeOverride(ConfigSchema::defaults(DistributorType::Sse), local);
}

std::unique_ptr<SseDistributor> start(const QJsonObject &overrides) {
    auto server = std::make_unique<SseDistributor>(config(overrides));
    server->connectToTarget();
    return server;
}

EnvelopePtr gazeEvent(quint64 seq, const QString &event) {
    const QJsonObject data{{QStringLiteral("x"), 0.523},
                           {QStringLiteral("y"), 0.412},
                           {QStringLiteral("confidence"), 0.95}};
    return makeEnvelope(event, QStringLiteral("study-001"), seq, 1725880800000 + qint64(seq), data);
}

QByteArray streamTarget(const SseDistributor &server, const QByteArray &query) {
    const QByteArray endpoint =
        server.config().value(QStringLiteral("endpoint")).toString().toUtf8();
    return query.isEmpty() ? endpoint : endpoint + '?' + query;
}

} // namespace SseTest
