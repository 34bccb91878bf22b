#include "replaysource.h"

#include <cmath>

ReplaySource::ReplaySource(const QStringList &files, double speed, EmitFunction emitEvent,
                           QObject *parent)
    : QObject(parent)
    , m_reader(files)
    , m_speed(std::isfinite(speed) ? qMax(0.0, speed) : 0.0)
    , m_emit(std::move(emitEvent))
    , m_timer(this) {
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &ReplaySource::emitDue);
}

ReplaySource::~ReplaySource() = default;

qint64 ReplaySource::dueMs(qint64 firstTimestamp, qint64 timestamp, double speed) {
    if (!(speed > 0) || timestamp <= firstTimestamp)
        return 0;
    return qint64(std::floor(double(timestamp - firstTimestamp) / speed));
}

bool ReplaySource::start() {
    if (m_running)
        return true;
    if (!m_reader.open())
        return false;
    m_total = m_reader.countLines();
    m_next = m_reader.next();
    if (m_next)
        m_firstTimestamp = m_next->timestamp;
    m_running = true;
    m_clock.start();
    m_pausedMs = 0;
    // Even an empty recording finishes from the event loop, after the caller has connected.
    m_timer.start(0);
    return true;
}

void ReplaySource::stop() {
    m_running = false;
    m_timer.stop();
}

void ReplaySource::setPaused(bool paused) {
    if (!m_running || paused == m_paused)
        return;
    m_paused = paused;
    if (paused) {
        m_pausedAt = m_clock.elapsed();
        m_timer.stop();
    } else {
        m_pausedMs += m_clock.elapsed() - m_pausedAt;
        m_timer.start(0);
    }
}

ReplaySource::Progress ReplaySource::progress() const {
    return Progress{m_reader.linesRead() - (m_next ? 1 : 0), m_total};
}

void ReplaySource::emitDue() {
    const qint64 elapsed = now();
    int emitted = 0;
    while (m_running && !m_paused && m_next && emitted < MaxBatch
           && dueMs(m_firstTimestamp, m_next->timestamp, m_speed) <= elapsed) {
        const RecordedEvent event = std::move(*m_next);
        m_next = m_reader.next();
        ++emitted;
        m_emit(event); // may stop or pause the replay
    }
    if (emitted > 0) {
        const Progress p = progress();
        emit progressChanged(p.done, p.total);
    }
    if (!m_running || m_paused)
        return;
    if (!m_next) {
        finish();
        return;
    }
    scheduleNext();
}

void ReplaySource::scheduleNext() {
    const qint64 wait = dueMs(m_firstTimestamp, m_next->timestamp, m_speed) - now();
    m_timer.start(int(qBound(qint64(0), wait, qint64(60 * 60 * 1000))));
}

void ReplaySource::finish() {
    m_running = false;
    const Progress p = progress();
    if (p.done != p.total) // malformed lines at the end, or the files changed while replaying
        emit progressChanged(p.done, qMax(p.done, p.total));
    emit finished();
}
