#include "retrypolicy.h"

#include <QRandomGenerator>

#include <algorithm>

RetryPolicy::RetryPolicy(int attempts, int delayMs, Backoff backoff)
    : m_attempts(std::max(1, attempts))
    , m_delayMs(std::max(0, delayMs))
    , m_backoff(backoff) {}

RetryPolicy RetryPolicy::fromConfig(const QJsonObject &config) {
    int attempts = config.value(QStringLiteral("retryAttempts")).toInt(3);
    if (config.value(QStringLiteral("retryCount")).isDouble())
        attempts = config.value(QStringLiteral("retryCount")).toInt() + 1;
    const int delay = config.value(QStringLiteral("retryDelay")).toInt(1000);
    const Backoff backoff =
        config.value(QStringLiteral("retryBackoff")).toString() == QLatin1String("exponential")
            ? Backoff::Exponential
            : Backoff::Linear;
    return RetryPolicy(attempts, delay, backoff);
}

int RetryPolicy::waitMs(int attemptsMade) const {
    const int attempt = std::max(1, attemptsMade);
    if (m_backoff == Backoff::Linear)
        return m_delayMs * attempt;
    const qint64 wait = qint64(m_delayMs) << std::min(attempt - 1, 20);
    return int(std::min<qint64>(wait, ExponentialCapMs));
}

ReconnectBackoff::ReconnectBackoff(int initialMs, int capMs)
    : m_initialMs(std::max(1, initialMs))
    , m_capMs(std::max(initialMs, capMs)) {}

int ReconnectBackoff::nextDelayMs() {
    const qint64 base = std::min<qint64>(qint64(m_initialMs) << std::min(m_attempt, 20), m_capMs);
    ++m_attempt;
    const double jitter = 0.8 + 0.4 * QRandomGenerator::global()->generateDouble();
    return int(double(base) * jitter);
}
