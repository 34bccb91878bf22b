#pragma once

#include "ssedistributor.h"

#include <QJsonObject>

#include <memory>

// Configs, servers and events shared by the SSE distributor tests.
namespace SseTest {

// The effective config as a session would build it: schema defaults merged with `overrides`,
// listening on 127.0.0.1 and a port the OS picks.
QJsonObject config(const QJsonObject &overrides = {});
// A distributor that has been asked to start; check isHealthy() in the test.
std::unique_ptr<SseDistributor> start(const QJsonObject &overrides = {});
// One stamped gaze sample of session "study-001".
EnvelopePtr gazeEvent(quint64 seq, const QString &event = QStringLiteral("neon_gaze_data"));
QByteArray streamTarget(const SseDistributor &server, const QByteArray &query = {});

} // namespace SseTest
