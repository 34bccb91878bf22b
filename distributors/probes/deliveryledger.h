#pragma once

#include "latencywindow.h"

#include <QtGlobal>

#include <deque>

// The bookkeeping behind a delivery probe: which seqs were routed to the probed distributor,
// which of them the probe's client received, and how long each took. Time is passed in
// (monotonic nanoseconds) so that the rules can be tested without waiting.
//
// Seqs are expected in increasing order (a session numbers its events), so the window is a
// deque sorted by seq: expecting appends, receiving is a binary search, and the grace check
// walks forward from where it stopped last time. Memory is bounded twice over: at most
// `capacity` entries, and resolved entries are forgotten once older than the retention time.
class DeliveryLedger final {
public:
    static constexpr qsizetype DefaultCapacity = 100000;
    static constexpr qint64 DefaultGraceNs = 2'000'000'000;
    static constexpr qint64 DefaultRetentionNs = 10'000'000'000;

    enum class Receipt {
        Counted,    // first arrival of an expected seq
        Late,       // first arrival after the seq had been counted lost; the loss is undone
        Duplicate,  // the seq had already arrived
        Unexpected, // never expected, or expected so long ago that it left the window
    };

    explicit DeliveryLedger(qsizetype capacity = DefaultCapacity);

    // How long an expected seq may take before it counts as lost.
    void setGracePeriodNs(qint64 ns);
    qint64 gracePeriodNs() const { return m_graceNs; }
    // How long resolved seqs are remembered, to recognise late arrivals and duplicates. Never
    // shorter than the grace period.
    void setRetentionNs(qint64 ns);
    qint64 retentionNs() const { return qMax(m_retentionNs, m_graceNs); }
    qsizetype capacity() const { return m_capacity; }

    // A seq was routed to the probed distributor when the event entered the session at
    // `enteredNs`. A seq not above the last one expected is ignored: it cannot be told apart.
    void expect(quint64 seq, qint64 enteredNs);
    Receipt receive(quint64 seq, qint64 nowNs);
    // Counts every expected seq older than the grace period and not received as lost, and
    // forgets resolved seqs older than the retention time.
    void expire(qint64 nowNs);
    void clear();

    quint64 received() const { return m_received; }
    quint64 lost() const { return m_lost; }
    quint64 duplicates() const { return m_duplicates; }
    quint64 unexpected() const { return m_unexpected; }
    quint64 lastSeq() const { return m_lastSeq; }
    // Seqs currently remembered (the memory bound).
    qsizetype tracked() const { return qsizetype(m_entries.size()); }
    LatencyWindow::Summary latency() const { return m_latency.summary(); }

private:
    enum class State : quint8 { Pending, Received, Lost };
    struct Entry {
        quint64 seq;
        qint64 enteredNs;
        State state;
    };

    void evictFront();

    qsizetype m_capacity;
    qint64 m_graceNs = DefaultGraceNs;
    qint64 m_retentionNs = DefaultRetentionNs;
    std::deque<Entry> m_entries;
    // Entries before this index have passed the grace check (received or lost).
    size_t m_checked = 0;

    quint64 m_received = 0;
    quint64 m_lost = 0;
    quint64 m_duplicates = 0;
    quint64 m_unexpected = 0;
    quint64 m_lastSeq = 0;
    LatencyWindow m_latency;
};
