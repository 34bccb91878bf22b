#pragma once

#include "envelope.h"

#include <QJsonObject>

// One event on its way through a distributor: the shared envelope, this channel's send options,
// and the delivery bookkeeping.
struct OutboxItem {
    EnvelopePtr envelope;
    QJsonObject options;
    quint64 id = 0;        // unique within the distributor
    int attempts = 0;      // attempts made so far
    qint64 enqueuedNs = 0; // monotonic, start of the latency measurement
};
