#pragma once

#include "latencywindow.h"

#include <QJsonObject>
#include <QMetaType>
#include <QString>

#include <array>

// Why an event handed to a distributor was not sent. Every drop has one of these.
enum class DropReason {
    QueueFull, // the outbox overflowed (its policy chose this event)
    Disabled,  // the distributor was stopped before the event could leave
    NoClients, // a server distributor had no client that wanted the event
    Count
};
QString dropReasonName(DropReason reason);

// A snapshot of one distributor's counters. The invariant, at every snapshot:
//   enqueued == sent + failed + dropped + handedOver + queued + inFlight + retryWaiting
struct DistributorStats {
    quint64 enqueued = 0;
    quint64 sent = 0;         // completed successfully (written, or acknowledged where acked)
    quint64 acknowledged = 0; // the part of `sent` the peer acknowledged (MQTT QoS 1/2, HTTP 2xx)
    quint64 failed = 0;       // gave up after the last attempt
    std::array<quint64, int(DropReason::Count)> dropped{};
    quint64 handedOver = 0;    // passed to a replacement instance (failover, reconfigure)
    quint64 retries = 0;       // attempts after the first
    quint64 bytes = 0;         // payload bytes on the wire (all clients / targets)
    int queued = 0;            // waiting in the outbox
    int inFlight = 0;          // handed to the transport, outcome pending
    int retryWaiting = 0;      // failed once, waiting for the next attempt
    int connectedClients = -1; // servers only; -1 for clients
    LatencyWindow::Summary latency;
    QString lastError;
    qint64 lastErrorAt = 0;  // epoch ms, 0 = never
    qint64 lastActivity = 0; // epoch ms of the last successful send, 0 = never

    quint64 droppedTotal() const;
    quint64 droppedBy(DropReason reason) const { return dropped[int(reason)]; }
    quint64 pending() const { return quint64(queued) + quint64(inFlight) + quint64(retryWaiting); }
    bool isBalanced() const {
        return enqueued == sent + failed + droppedTotal() + handedOver + pending();
    }
    QJsonObject toJson() const;
};

Q_DECLARE_METATYPE(DistributorStats)
