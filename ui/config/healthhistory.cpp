#include "healthhistory.h"

void HealthHistory::Ring::push(Sample sample) {
    if (int(m_items.size()) < Capacity) {
        m_items.push_back(std::move(sample));
        return;
    }
    m_items[m_start] = std::move(sample);
    m_start = (m_start + 1) % Capacity;
}

void HealthHistory::add(const SessionSnapshot &snapshot, qint64 atMs) {
    if (snapshot.id != m_sessionId) {
        clear();
        m_sessionId = snapshot.id;
    }
    m_latest = std::max(m_latest, atMs);
    for (const DistributorSnapshot &distributor : snapshot.distributors) {
        Sample sample{atMs, distributor.sentPerSecond, distributor.latencyP95Ms,
                      distributor.active ? distributor.state : QStringLiteral("stopped")};
        auto it = std::find_if(m_rings.begin(), m_rings.end(),
                               [&](const auto &entry) { return entry.first == distributor.type; });
        if (it == m_rings.end()) {
            m_rings.append({distributor.type, Ring()});
            it = std::prev(m_rings.end());
        }
        it->second.push(std::move(sample));
    }
    // A distributor that left the snapshots goes once its last sample is out of the window.
    m_rings.removeIf([this](const auto &entry) {
        return entry.second.size() == 0 || entry.second.newest().at < m_latest - WindowMs;
    });
}

void HealthHistory::clear() {
    m_sessionId.clear();
    m_rings.clear();
    m_latest = 0;
}

QStringList HealthHistory::types() const {
    QStringList result;
    for (const auto &entry : m_rings)
        result.append(entry.first);
    return result;
}

int HealthHistory::sampleCount(const QString &type) const {
    const Ring *found = ring(type);
    return found ? found->size() : 0;
}

QList<HealthHistory::Sample> HealthHistory::samples(const QString &type) const {
    QList<Sample> result;
    const Ring *found = ring(type);
    if (!found)
        return result;
    result.reserve(found->size());
    const qint64 from = m_latest - WindowMs;
    for (int i = 0; i < found->size(); ++i) {
        if (found->at(i).at >= from)
            result.append(found->at(i));
    }
    return result;
}

QList<HealthHistory::Band> HealthHistory::bands(const QString &type) const {
    QList<Band> result;
    for (const Sample &sample : samples(type)) {
        if (!result.isEmpty() && result.last().state == sample.state) {
            result.last().to = sample.at;
            continue;
        }
        if (!result.isEmpty())
            result.last().to = sample.at; // a state lasts until the next one is seen
        result.append(Band{sample.at, sample.at, sample.state});
    }
    return result;
}

const HealthHistory::Ring *HealthHistory::ring(const QString &type) const {
    for (const auto &entry : m_rings) {
        if (entry.first == type)
            return &entry.second;
    }
    return nullptr;
}
