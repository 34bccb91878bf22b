#pragma once

#include "recordingreader.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <functional>
#include <optional>

// Feeds the events of a recording to a callback with their original relative timing scaled by
// `speed` (1 = real time, 2 = twice as fast, 0 = as fast as possible). Events go out in recording
// order in batches of at most MaxBatch per timer turn, so the event loop stays responsive even at
// speed 0. The recording is read as it is replayed, never held in memory as a whole.
class ReplaySource final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReplaySource)

public:
    using EmitFunction = std::function<void(const RecordedEvent &event)>;

    static constexpr int MaxBatch = 500;

    struct Progress {
        qint64 done = 0;  // lines replayed, or skipped as blank or malformed
        qint64 total = 0; // lines in the recording
    };

    ReplaySource(const QStringList &files, double speed, EmitFunction emitEvent,
                 QObject *parent = nullptr);
    ~ReplaySource() override;

    // When an event recorded at `timestamp` is due, in ms after the replay started, given the
    // first event's timestamp. Never negative; 0 for every event at speed 0.
    static qint64 dueMs(qint64 firstTimestamp, qint64 timestamp, double speed);

    // Opens the recording and starts; false with errorString() when a file cannot be read.
    bool start();
    // Stops without emitting finished().
    void stop();
    // Holds the replay (a consumer that cannot keep up); resuming shifts the remaining schedule
    // by the pause, so the events keep their relative timing.
    void setPaused(bool paused);

    bool isRunning() const { return m_running; }
    bool isPaused() const { return m_paused; }
    double speed() const { return m_speed; }
    Progress progress() const;
    QString errorString() const { return m_reader.errorString(); }
    const RecordingReader &reader() const { return m_reader; }

signals:
    void progressChanged(qint64 done, qint64 total);
    // The end of the recording was reached (also for an empty one).
    void finished();

private:
    qint64 now() const { return m_clock.elapsed() - m_pausedMs; }
    void emitDue();
    void scheduleNext();
    void finish();

    RecordingReader m_reader;
    double m_speed;
    EmitFunction m_emit;
    std::optional<RecordedEvent> m_next;
    qint64 m_firstTimestamp = 0;
    qint64 m_total = 0;
    bool m_running = false;
    bool m_paused = false;
    qint64 m_pausedAt = 0;
    qint64 m_pausedMs = 0;
    QElapsedTimer m_clock;
    QTimer m_timer;
};
