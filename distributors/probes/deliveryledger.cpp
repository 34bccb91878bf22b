#include "deliveryledger.h"

#include <algorithm>

DeliveryLedger::DeliveryLedger(qsizetype capacity)
    : m_capacity(qMax<qsizetype>(1, capacity)) {}

void DeliveryLedger::setGracePeriodNs(qint64 ns) {
    m_graceNs = qMax<qint64>(0, ns);
}

void DeliveryLedger::setRetentionNs(qint64 ns) {
    m_retentionNs = qMax<qint64>(0, ns);
}

void DeliveryLedger::expect(quint64 seq, qint64 enteredNs) {
    if (!m_entries.empty() && seq <= m_entries.back().seq)
        return;
    while (qsizetype(m_entries.size()) >= m_capacity)
        evictFront();
    m_entries.push_back({seq, enteredNs, State::Pending});
}

DeliveryLedger::Receipt DeliveryLedger::receive(quint64 seq, qint64 nowNs) {
    const auto it = std::lower_bound(m_entries.begin(), m_entries.end(), seq,
                                     [](const Entry &entry, quint64 s) { return entry.seq < s; });
    if (it == m_entries.end() || it->seq != seq) {
        ++m_unexpected;
        return Receipt::Unexpected;
    }
    if (it->state == State::Received) {
        ++m_duplicates;
        return Receipt::Duplicate;
    }
    const bool late = it->state == State::Lost;
    if (late)
        --m_lost;
    it->state = State::Received;
    ++m_received;
    m_lastSeq = qMax(m_lastSeq, seq);
    m_latency.add(qMax<qint64>(0, nowNs - it->enteredNs) / 1000);
    return late ? Receipt::Late : Receipt::Counted;
}

void DeliveryLedger::expire(qint64 nowNs) {
    while (m_checked < m_entries.size() && nowNs - m_entries[m_checked].enteredNs >= m_graceNs) {
        Entry &entry = m_entries[m_checked];
        if (entry.state == State::Pending) {
            entry.state = State::Lost;
            ++m_lost;
        }
        ++m_checked;
    }
    const qint64 retention = retentionNs();
    while (m_checked > 0 && nowNs - m_entries.front().enteredNs >= retention)
        evictFront();
}

void DeliveryLedger::clear() {
    DeliveryLedger empty(m_capacity);
    empty.m_graceNs = m_graceNs;
    empty.m_retentionNs = m_retentionNs;
    *this = std::move(empty);
}

void DeliveryLedger::evictFront() {
    // A seq pushed out while still pending (only at rates beyond capacity per grace period)
    // can no longer arrive in time: it counts as lost.
    if (m_entries.front().state == State::Pending)
        ++m_lost;
    m_entries.pop_front();
    if (m_checked > 0)
        --m_checked;
}
