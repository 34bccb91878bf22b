#pragma once

#include <QtGlobal>

#include <array>

// The last N latencies in microseconds, in a fixed ring: adding is O(1) and allocation-free on
// the hot path; percentiles are computed only when a snapshot is taken (at most a few per second).
class LatencyWindow {
public:
    static constexpr int Capacity = 2048;

    struct Summary {
        qint64 lastUs = 0;
        qint64 meanUs = 0;
        qint64 p50Us = 0;
        qint64 p95Us = 0;
        qint64 p99Us = 0;
        qint64 maxUs = 0;
        int samples = 0;
    };

    void add(qint64 microseconds);
    Summary summary() const;
    void clear();

private:
    std::array<qint64, Capacity> m_values{};
    int m_next = 0;
    int m_count = 0;
    qint64 m_last = 0;
};
