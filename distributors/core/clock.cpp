#include "clock.h"

#include <QDateTime>

#include <chrono>

namespace Clock {

qint64 monotonicNs() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

qint64 epochMs() {
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace Clock
