#pragma once

#include <QtGlobal>

// Time sources of the engine: a monotonic clock for latencies and timeouts, and wall-clock epoch
// milliseconds for timestamps on the wire.
namespace Clock {

qint64 monotonicNs();
qint64 epochMs();

} // namespace Clock
