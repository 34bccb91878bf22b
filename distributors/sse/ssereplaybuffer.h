#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <deque>

// The last frames broadcast by the SSE server, kept so that a client reconnecting with
// Last-Event-ID receives what it missed (SPEC §4.5 [REC]). Bounded by a frame count (the
// `replayBuffer` config key) and by MaxBytes, so large payloads cannot grow it without limit.
class SseReplayBuffer {
public:
    struct Frame {
        quint64 seq = 0;
        QString event;
        QByteArray bytes; // the complete frame as written to the streams
    };

    static constexpr qsizetype MaxBytes = 16 * 1024 * 1024;

    explicit SseReplayBuffer(int capacity = 1000);

    int capacity() const { return m_capacity; }
    int size() const { return int(m_frames.size()); }
    qsizetype byteSize() const { return m_bytes; }
    bool isEmpty() const { return m_frames.empty(); }
    // 0 when empty.
    quint64 oldestSeq() const;

    void append(quint64 seq, const QString &event, const QByteArray &frame);
    // The buffered frames with a sequence number above `lastSeq`, oldest first.
    QList<Frame> framesAfter(quint64 lastSeq) const;
    // Whether frames a client that saw `lastSeq` would need were already evicted.
    bool hasGapAfter(quint64 lastSeq) const { return lastSeq < m_lastEvictedSeq; }
    void clear();

private:
    void evictFirst();

    int m_capacity;
    std::deque<Frame> m_frames;
    qsizetype m_bytes = 0;
    quint64 m_lastEvictedSeq = 0; // highest seq ever evicted
};
