#include "syntheticsource.h"

#include "clock.h"
#include "paritygazemodel.h"
#include "realisticgazemodel.h"

#include <limits>

namespace {

std::unique_ptr<GazeModel> makeGazeModel(const SyntheticOptions &options) {
    if (options.mode == SyntheticOptions::Mode::Parity)
        return std::make_unique<ParityGazeModel>(options.parityProfile, options.seed);
    return std::make_unique<RealisticGazeModel>(options.seed);
}

} // namespace

QJsonObject SyntheticSource::Counters::toJson() const {
    QJsonObject perEvent;
    for (auto it = generated.begin(); it != generated.end(); ++it)
        perEvent.insert(it.key(), qint64(it.value()));
    return QJsonObject{{QStringLiteral("generated"), perEvent},
                       {QStringLiteral("dropped"), qint64(dropped)},
                       {QStringLiteral("skipped"), qint64(skipped)}};
}

SyntheticSource::SyntheticSource(const SyntheticOptions &options, EmitFunction emitEvent,
                                 QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_emit(std::move(emitEvent))
    , m_gaze(makeGazeModel(options))
    , m_device(options.seed)
    , m_injection(options.seed, SyntheticRandom::Injection)
    , m_epochOriginMs(Clock::epochMs())
    , m_timer(this) {
    m_schedules[Gaze] = SampleSchedule(options.gazeRate, 0);
    m_schedules[Imu] = SampleSchedule(options.imuRate, 0);
    // Device status at once, so a consumer knows the headset before the first 5 s pass; quality
    // needs a full window first.
    m_schedules[DeviceStatus] = SampleSchedule(options.deviceStatusRate, 0);
    m_schedules[Quality] = SampleSchedule(options.qualityRate, 1);

    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(TimerIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &SyntheticSource::onTimeout);
}

SyntheticSource::~SyntheticSource() = default;

void SyntheticSource::start() {
    if (isRunning())
        return;
    // Map source time to the wall clock now; after a stop the timestamps jump by the pause.
    m_epochOriginMs = Clock::epochMs() - m_generatedUntilMs;
    m_resumedAtMs = m_generatedUntilMs;
    m_clock.start();
    m_timer.start();
    emit runningChanged(true);
}

void SyntheticSource::stop() {
    if (!isRunning())
        return;
    m_timer.stop();
    emit runningChanged(false);
}

void SyntheticSource::onTimeout() {
    advanceTo(m_resumedAtMs + m_clock.elapsed());
}

void SyntheticSource::advanceTo(qint64 elapsedMs) {
    skipBefore(double(elapsedMs - MaxCatchUpMs));
    generateUntil(elapsedMs);
}

void SyntheticSource::skipBefore(double elapsedMs) {
    bool gazeSkipped = false;
    for (int stream = 0; stream < StreamCount; ++stream) {
        SampleSchedule &schedule = m_schedules[stream];
        if (!(schedule.nextDueMs() < elapsedMs))
            continue;
        const qint64 first = schedule.firstIndexAtOrAfter(elapsedMs);
        m_counters.skipped += quint64(first - schedule.next);
        schedule.next = first;
        gazeSkipped = gazeSkipped || stream == Gaze;
    }
    if (!gazeSkipped)
        return;
    const SampleSchedule &gaze = m_schedules[Gaze];
    const double due = gaze.dueMs(gaze.next);
    m_gaze->resync(SampleTime{gaze.next, due, timestampOf(due)});
    m_quality.reset();
    m_qualityWindowStartMs = elapsedMs;
}

void SyntheticSource::generateUntil(qint64 elapsedMs) {
    // Jitter can move an event earlier than its due time, so generate that far ahead and hold
    // the events until they are due.
    const double horizon = double(elapsedMs) + m_options.jitterMs;
    for (;;) {
        int next = -1;
        double nextDue = std::numeric_limits<double>::infinity();
        for (int stream = 0; stream < StreamCount; ++stream) {
            const double due = m_schedules[stream].nextDueMs();
            if (due < nextDue) {
                next = stream;
                nextDue = due;
            }
        }
        if (next < 0 || !(nextDue < horizon))
            break;
        generateNext(Stream(next));
    }
    m_generatedUntilMs = qMax(m_generatedUntilMs, elapsedMs);
    releasePending(double(elapsedMs));
}

void SyntheticSource::generateNext(Stream stream) {
    if (stream == Gaze) {
        generateGaze();
        return;
    }
    SampleSchedule &schedule = m_schedules[stream];
    const double due = schedule.dueMs(schedule.next++);
    const qint64 timestamp = timestampOf(due);
    if (stream == Imu) {
        emitEvent(m_options.events.imu, m_device.imu(due, timestamp), due);
    } else if (stream == DeviceStatus) {
        emitEvent(m_options.events.deviceStatus, m_device.status(due, m_epochOriginMs), due);
    } else {
        const double windowMs = due - m_qualityWindowStartMs;
        m_qualityWindowStartMs = due;
        emitEvent(m_options.events.quality,
                  m_quality.take(timestamp, windowMs, windowMs * m_options.gazeRate / 1000.0), due);
    }
}

void SyntheticSource::generateGaze() {
    SampleSchedule &schedule = m_schedules[Gaze];
    const qint64 index = schedule.next++;
    const double due = schedule.dueMs(index);
    const SampleTime time{index, due, timestampOf(due)};
    QList<EyeEvent> events;
    const GazeSample sample = m_gaze->sample(time, events);
    // The eye events ended before this sample, so they go first.
    for (const EyeEvent &event : std::as_const(events))
        emitEvent(eventName(event.kind), event.data, due);
    emitEvent(m_options.events.gaze, SyntheticPayloads::gaze(sample, time.timestamp), due);
    if (index % m_options.pupilDecimation == 0)
        emitEvent(m_options.events.pupil, SyntheticPayloads::pupil(sample, time.timestamp), due);
}

const QString &SyntheticSource::eventName(EyeEvent::Kind kind) const {
    switch (kind) {
    case EyeEvent::Kind::Blink:
        return m_options.events.blink;
    case EyeEvent::Kind::Fixation:
        return m_options.events.fixation;
    case EyeEvent::Kind::Saccade:
        break;
    }
    return m_options.events.saccade;
}

void SyntheticSource::emitEvent(const QString &event, const QJsonValue &data, double dueMs) {
    const bool isGaze = event == m_options.events.gaze;
    if (m_injection.chance(m_options.dropProbability)) {
        ++m_counters.dropped;
        if (isGaze)
            m_quality.addDropped();
        return;
    }
    if (isGaze)
        m_quality.add(data.toObject().value(QLatin1String("confidence")).toDouble());
    if (m_options.jitterMs <= 0) {
        deliver(event, data);
        return;
    }
    const double at = dueMs + m_injection.uniform(-m_options.jitterMs, m_options.jitterMs);
    m_pending.emplace(at, Pending{event, data});
}

void SyntheticSource::releasePending(double elapsedMs) {
    while (!m_pending.empty() && m_pending.begin()->first < elapsedMs) {
        const Pending pending = std::move(m_pending.begin()->second);
        m_pending.erase(m_pending.begin());
        deliver(pending.event, pending.data);
    }
}

void SyntheticSource::deliver(const QString &event, const QJsonValue &data) {
    ++m_counters.generated[event];
    m_emit(event, data);
}
