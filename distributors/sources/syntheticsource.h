#pragma once

#include "devicemodel.h"
#include "gazemodel.h"
#include "sampleschedule.h"
#include "syntheticoptions.h"
#include "syntheticpayloads.h"
#include "syntheticrandom.h"

#include <QElapsedTimer>
#include <QJsonValue>
#include <QMap>
#include <QObject>
#include <QTimer>

#include <functional>
#include <map>
#include <memory>

// A synthetic eye tracker (SPEC §8.3): gaze, pupil, blink, fixation, saccade, IMU, device-status
// and quality-metric events at their configured rates, handed to a callback (the engine routes
// them into a session). Source time is a monotonic clock mapped once to epoch milliseconds; sample
// n of a stream is due at exactly n / rate, so rates do not drift. generateUntil() emits whatever
// is due up to a source time and does not look at the wall clock, so tests drive it directly; the
// timer only calls it with the elapsed time.
class SyntheticSource final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyntheticSource)

public:
    using EmitFunction = std::function<void(const QString &event, const QJsonValue &data)>;

    static constexpr int TimerIntervalMs = 4;
    // After a stall the timer emits at most this much backlog; older samples are skipped.
    static constexpr qint64 MaxCatchUpMs = 250;

    struct Counters {
        QMap<QString, quint64> generated; // per event name, as handed to the callback
        quint64 dropped = 0;              // by loss injection
        quint64 skipped = 0;              // samples not generated after a stall
        QJsonObject toJson() const;
    };

    SyntheticSource(const SyntheticOptions &options, EmitFunction emitEvent,
                    QObject *parent = nullptr);
    ~SyntheticSource() override;

    const SyntheticOptions &options() const { return m_options; }
    const Counters &counters() const { return m_counters; }
    bool isRunning() const { return m_timer.isActive(); }

    // Epoch ms of source time 0. start() sets it from the wall clock; tests fix it for
    // reproducible timestamps.
    qint64 epochOriginMs() const { return m_epochOriginMs; }
    void setEpochOriginMs(qint64 epochMs) { m_epochOriginMs = epochMs; }
    // Source time up to which everything has been generated.
    qint64 elapsedMs() const { return m_generatedUntilMs; }

    // Runs on a precise timer until stop(); a second start() resumes where the source stopped.
    void start();
    void stop();

    // Emits, in due order, every event due before `elapsedMs` (source time since the start).
    void generateUntil(qint64 elapsedMs);
    // What the timer does: like generateUntil(), but a backlog longer than MaxCatchUpMs is
    // skipped and counted instead of emitted in one burst.
    void advanceTo(qint64 elapsedMs);

signals:
    void runningChanged(bool running);

private:
    // Also the order of events due at the same time: a quality window closes before the gaze
    // sample that opens the next one.
    enum Stream { DeviceStatus, Quality, Gaze, Imu, StreamCount };

    struct Pending {
        QString event;
        QJsonValue data;
    };

    void generateNext(Stream stream);
    void generateGaze();
    void emitEvent(const QString &event, const QJsonValue &data, double dueMs);
    void deliver(const QString &event, const QJsonValue &data);
    void releasePending(double elapsedMs);
    void skipBefore(double elapsedMs);
    qint64 timestampOf(double dueMs) const { return m_epochOriginMs + qint64(dueMs); }
    const QString &eventName(EyeEvent::Kind kind) const;
    void onTimeout();

    SyntheticOptions m_options;
    EmitFunction m_emit;
    std::unique_ptr<GazeModel> m_gaze;
    DeviceModel m_device;
    SyntheticRandom m_injection;
    SyntheticPayloads::QualityWindow m_quality;
    double m_qualityWindowStartMs = 0;
    SampleSchedule m_schedules[StreamCount];
    // Events held back by jitter injection, by the source time they are due to be emitted.
    std::multimap<double, Pending> m_pending;
    Counters m_counters;
    qint64 m_epochOriginMs = 0;
    qint64 m_generatedUntilMs = 0;
    qint64 m_resumedAtMs = 0; // source time when the clock was (re)started
    QElapsedTimer m_clock;
    QTimer m_timer; // a child, so it follows the source to the engine thread
};
