#pragma once

#include <QtGlobal>

#include <limits>

// The due times of one periodic stream: sample n is due at n / rate seconds after the start,
// computed from n rather than accumulated, so a long run does not drift.
struct SampleSchedule {
    double rate = 0; // Hz; 0 = off
    qint64 next = 0; // index of the next sample

    SampleSchedule() = default;
    SampleSchedule(double hz, qint64 first)
        : rate(hz)
        , next(first) {}

    bool enabled() const { return rate > 0; }
    double dueMs(qint64 index) const { return double(index) * 1000.0 / rate; }
    double nextDueMs() const {
        return enabled() ? dueMs(next) : std::numeric_limits<double>::infinity();
    }
    // The index of the first sample due at or after `elapsedMs`.
    qint64 firstIndexAtOrAfter(double elapsedMs) const {
        qint64 index = qint64(elapsedMs * rate / 1000.0);
        while (index > 0 && dueMs(index - 1) >= elapsedMs)
            --index;
        while (dueMs(index) < elapsedMs)
            ++index;
        return index;
    }
};
