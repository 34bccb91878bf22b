#include "ssereplaybuffer.h"

#include <algorithm>

SseReplayBuffer::SseReplayBuffer(int capacity)
    : m_capacity(std::max(0, capacity)) {}

quint64 SseReplayBuffer::oldestSeq() const {
    return m_frames.empty() ? 0 : m_frames.front().seq;
}

void SseReplayBuffer::append(quint64 seq, const QString &event, const QByteArray &frame) {
    if (m_capacity == 0 || seq == 0)
        return;
    m_frames.push_back(Frame{seq, event, frame});
    m_bytes += frame.size();
    while (int(m_frames.size()) > m_capacity || (m_bytes > MaxBytes && m_frames.size() > 1))
        evictFirst();
}

QList<SseReplayBuffer::Frame> SseReplayBuffer::framesAfter(quint64 lastSeq) const {
    // Sequence numbers normally rise along the buffer, but a scan (not a binary search) stays
    // correct even if a caller feeds them out of order; it runs once per reconnect.
    QList<Frame> frames;
    for (const Frame &frame : m_frames) {
        if (frame.seq > lastSeq)
            frames.append(frame);
    }
    return frames;
}

void SseReplayBuffer::clear() {
    m_frames.clear();
    m_bytes = 0;
    m_lastEvictedSeq = 0;
}

void SseReplayBuffer::evictFirst() {
    m_lastEvictedSeq = std::max(m_lastEvictedSeq, m_frames.front().seq);
    m_bytes -= m_frames.front().bytes.size();
    m_frames.pop_front();
}
