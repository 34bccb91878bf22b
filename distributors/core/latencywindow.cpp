#include "latencywindow.h"

#include <algorithm>
#include <numeric>
#include <vector>

void LatencyWindow::add(qint64 microseconds) {
    m_values[m_next] = microseconds;
    m_next = (m_next + 1) % Capacity;
    m_count = std::min(m_count + 1, Capacity);
    m_last = microseconds;
}

LatencyWindow::Summary LatencyWindow::summary() const {
    Summary summary;
    summary.samples = m_count;
    summary.lastUs = m_last;
    if (m_count == 0)
        return summary;
    std::vector<qint64> sorted(m_values.begin(), m_values.begin() + m_count);
    std::sort(sorted.begin(), sorted.end());
    auto percentile = [&](double p) {
        const auto index = static_cast<size_t>(p * double(sorted.size() - 1) + 0.5);
        return sorted[std::min(index, sorted.size() - 1)];
    };
    summary.meanUs = std::accumulate(sorted.begin(), sorted.end(), qint64(0)) / m_count;
    summary.p50Us = percentile(0.50);
    summary.p95Us = percentile(0.95);
    summary.p99Us = percentile(0.99);
    summary.maxUs = sorted.back();
    return summary;
}

void LatencyWindow::clear() {
    m_next = 0;
    m_count = 0;
    m_last = 0;
}
