#pragma once

#include "enginesnapshot.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

// What the health dashboard draws: per distributor of one session, events/s, p95 latency and
// state over the last five minutes. Each distributor keeps a ring buffer of fixed capacity (five
// minutes at the engine's fastest snapshot rate), so memory stays bounded however long a
// session runs and however fast snapshots arrive.
class HealthHistory final {
public:
    static constexpr qint64 WindowMs = 5 * 60 * 1000;
    static constexpr qint64 MinIntervalMs = 100; // snapshots arrive at most at 10 Hz
    static constexpr int Capacity = int(WindowMs / MinIntervalMs);

    struct Sample {
        qint64 at = 0; // epoch ms
        double eventsPerSecond = 0;
        double p95Ms = 0;
        QString state;
    };
    // A stretch of time a distributor spent in one state.
    struct Band {
        qint64 from = 0;
        qint64 to = 0;
        QString state;
    };

    // Records `snapshot`, taken at `atMs`. A snapshot of another session starts over.
    void add(const SessionSnapshot &snapshot, qint64 atMs);
    void clear();

    const QString &sessionId() const { return m_sessionId; }
    // Distributor types in the order they first appeared.
    QStringList types() const;
    int sampleCount(const QString &type) const;
    qint64 latest() const { return m_latest; }
    // The samples of the last window, oldest first.
    QList<Sample> samples(const QString &type) const;
    QList<Band> bands(const QString &type) const;

private:
    class Ring {
    public:
        void push(Sample sample);
        int size() const { return int(m_items.size()); }
        const Sample &at(int i) const { return m_items[(m_start + i) % m_items.size()]; }
        const Sample &newest() const { return at(size() - 1); }

    private:
        std::vector<Sample> m_items;
        int m_start = 0;
    };

    const Ring *ring(const QString &type) const;

    QString m_sessionId;
    QList<std::pair<QString, Ring>> m_rings;
    qint64 m_latest = 0;
};
