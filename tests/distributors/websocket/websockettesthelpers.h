#pragma once

#include "configmanager.h"
#include "configschema.h"
#include "envelope.h"
#include "websocketdistributor.h"

#include <QSignalSpy>
#include <QUrl>

#include <memory>

// Shared set-up of the WebSocket distributor tests.
namespace WebSocketTest {

// The effective config the factory would pass: the schema defaults merged with `overrides`,
// listening on 127.0.0.1 port 0 unless the overrides say otherwise.
inline QJsonObject config(const QJsonObject &overrides = {}) {
    QJsonObject local{{QStringLiteral("host"), QStringLiteral("127.0.0.1")},
                      {QStringLiteral("port"), 0},
                      {QStringLiteral("heartbeatInterval"), 0}};
    for (auto it = overrides.begin(); it != overrides.end(); ++it)
        local.insert(it.key(), it.value());
    return ConfigManager::mergeOverride(ConfigSchema::defaults(DistributorType::WebSocket), local);
}

// Creates and starts a distributor; the started() outcome is in `ok`.
inline std::unique_ptr<WebSocketDistributor> start(const QJsonObject &overrides, bool *ok) {
    auto distributor = std::make_unique<WebSocketDistributor>(config(overrides));
    QSignalSpy started(distributor.get(), &Distributor::started);
    distributor->connectToTarget();
    *ok = (!started.isEmpty() || started.wait(5000)) && started.first().first().toBool();
    return distributor;
}

inline QUrl url(const WebSocketDistributor &distributor, const QString &query = {},
                const QString &scheme = QStringLiteral("ws")) {
    QUrl url;
    url.setScheme(scheme);
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(distributor.serverPort());
    url.setPath(QStringLiteral("/"));
    if (!query.isEmpty())
        url.setQuery(query);
    return url;
}

inline EnvelopePtr envelope(const QString &event, quint64 seq,
                            const QJsonValue &data = QJsonValue(QJsonValue::Undefined)) {
    return makeEnvelope(event, QStringLiteral("study-001"), seq, 1725880800000 + qint64(seq),
                        data.isUndefined() ? QJsonValue(QJsonObject{{QStringLiteral("x"), 0.5}})
                                           : data);
}

} // namespace WebSocketTest
