#pragma once

#include <QJsonObject>
#include <QtGlobal>

// How often and how soon a failed send is tried again (SPEC §3.4 [REC]). The default is the
// original's: 3 attempts in all, waiting retryDelay × attempt (1000 ms, then 2000 ms).
class RetryPolicy {
public:
    enum class Backoff { Linear, Exponential };

    RetryPolicy() = default;
    RetryPolicy(int attempts, int delayMs, Backoff backoff);
    // From a distributor's effective config: retryAttempts / retryDelay / retryBackoff, and for
    // HTTP `retryCount` (retries after the first attempt) when it is set.
    static RetryPolicy fromConfig(const QJsonObject &config);

    int attempts() const { return m_attempts; }
    int delayMs() const { return m_delayMs; }
    Backoff backoff() const { return m_backoff; }
    bool mayRetry(int attemptsMade) const { return attemptsMade < m_attempts; }
    // The wait after the `attemptsMade`-th failed attempt (1-based).
    int waitMs(int attemptsMade) const;

    static constexpr int ExponentialCapMs = 10000;

private:
    int m_attempts = 3;
    int m_delayMs = 1000;
    Backoff m_backoff = Backoff::Linear;
};

// Reconnect timing for a lost connection: 1 s doubling to a 30 s cap, with ±20 % jitter so that
// many distributors do not reconnect in lockstep (SPEC §3.6 [REC]).
class ReconnectBackoff {
public:
    explicit ReconnectBackoff(int initialMs = 1000, int capMs = 30000);

    int nextDelayMs();
    void reset() { m_attempt = 0; }
    int attempt() const { return m_attempt; }

private:
    int m_initialMs;
    int m_capMs;
    int m_attempt = 0;
};
