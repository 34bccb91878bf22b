#include "realisticgazemodel.h"

#include <cmath>

namespace {

constexpr double MinAmplitude = 0.05;
constexpr double MaxAmplitude = 0.4;
constexpr double Margin = 0.05; // saccade targets stay this far inside the scene
// About 17.5 blinks a minute: a blink every 3.43 s on average, including its own duration.
constexpr double MinBlinkGapMs = 1800;
constexpr double MaxBlinkGapMs = 4500;
constexpr double DilationPeakMs = 900; // task-evoked response peaks after about a second
constexpr double DilationLengthMs = 5 * DilationPeakMs;

double round(double value, double scale) {
    return std::round(value * scale) / scale;
}

} // namespace

RealisticGazeModel::RealisticGazeModel(qint64 seed)
    : m_random(seed, SyntheticRandom::Gaze) {
    m_baseline = m_random.uniform(3.0, 4.0);
    m_driftPhase = m_random.uniform(0, 2 * M_PI);
    m_eyeOffset = m_random.uniform(-0.2, 0.2);
    m_dilationStartMs = m_random.uniform(2000, 8000);
    m_dilationAmplitude = m_random.uniform(0.1, 0.5);
    startFixation(0, m_random.uniform(0.3, 0.7), m_random.uniform(0.3, 0.7));
    scheduleBlinkAfter(500 - MinBlinkGapMs); // the first blink comes 0.5–3.2 s in
}

void RealisticGazeModel::startFixation(double startMs, double x, double y) {
    m_phase = Phase::Fixation;
    m_x = x;
    m_y = y;
    // Log-normal around 280 ms, so most fixations last 200–400 ms.
    const double duration =
        qBound(MinFixationMs, 280.0 * std::exp(m_random.gaussian(0.3)), MaxFixationMs);
    m_phaseStartMs = startMs;
    m_phaseEndMs = startMs + duration;
    m_firstIndex = m_lastIndex = -1;
}

void RealisticGazeModel::startSaccade(double startMs) {
    m_phase = Phase::Saccade;
    double amplitude = 0;
    double angle = 0;
    for (int attempt = 0; attempt < 20; ++attempt) {
        amplitude = m_random.uniform(MinAmplitude, MaxAmplitude);
        angle = m_random.uniform(0, 2 * M_PI);
        m_targetX = m_x + amplitude * std::cos(angle);
        m_targetY = m_y + amplitude * std::sin(angle);
        if (m_targetX >= Margin && m_targetX <= 1 - Margin && m_targetY >= Margin
            && m_targetY <= 1 - Margin)
            break;
        // Clamped, in case no try lands inside (near a corner): the last one then heads inwards.
        m_targetX = qBound(Margin, m_targetX, 1 - Margin);
        m_targetY = qBound(Margin, m_targetY, 1 - Margin);
    }
    const double distance = std::hypot(m_targetX - m_x, m_targetY - m_y);
    // Main sequence: larger saccades take longer (20 ms at the smallest, 80 ms at 0.4).
    const double duration = qBound(20.0, 20.0 + 170.0 * (distance - MinAmplitude), 80.0);
    m_phaseStartMs = startMs;
    m_phaseEndMs = startMs + duration;
    m_firstIndex = m_lastIndex = -1;
}

void RealisticGazeModel::advancePhases(const SampleTime &time, QList<EyeEvent> &events) {
    while (time.elapsedMs >= m_phaseEndMs) {
        const double duration = m_phaseEndMs - m_phaseStartMs;
        if (m_phase == Phase::Fixation) {
            events.append({EyeEvent::Kind::Fixation,
                           QJsonObject{{QStringLiteral("x"), round(m_x, 1e5)},
                                       {QStringLiteral("y"), round(m_y, 1e5)},
                                       {QStringLiteral("duration"), round(duration, 10)},
                                       {QStringLiteral("timestamp"), epochOf(m_phaseStartMs)}}});
            startSaccade(m_phaseEndMs);
        } else {
            const double distance = std::hypot(m_targetX - m_x, m_targetY - m_y);
            // A saccade shorter than the sample period may hold no sample: report the one that
            // saw it end.
            const qint64 first = m_firstIndex >= 0 ? m_firstIndex : time.index;
            const qint64 last = m_lastIndex >= 0 ? m_lastIndex : time.index;
            // Peak of the raised-cosine profile, in normalised units per second.
            const double peakVelocity = distance * M_PI / 2 / (duration / 1000.0);
            events.append(
                {EyeEvent::Kind::Saccade,
                 QJsonObject{{QStringLiteral("startIndex"), first},
                             {QStringLiteral("endIndex"), last},
                             {QStringLiteral("duration"), round(duration, 10)},
                             {QStringLiteral("distance"), round(distance, 1e5)},
                             {QStringLiteral("peakVelocity"), round(peakVelocity, 1e3)}}});
            startFixation(m_phaseEndMs, m_targetX, m_targetY);
        }
    }
    if (m_firstIndex < 0)
        m_firstIndex = time.index;
    m_lastIndex = time.index;
}

void RealisticGazeModel::scheduleBlinkAfter(double ms) {
    m_blinkStartMs = ms + m_random.uniform(MinBlinkGapMs, MaxBlinkGapMs);
    // Most blinks are short; a few last up to 400 ms.
    const double shape = m_random.unit();
    m_blinkEndMs = m_blinkStartMs + MinBlinkMs + (MaxBlinkMs - MinBlinkMs) * shape * shape;
}

void RealisticGazeModel::advanceBlinks(const SampleTime &time, QList<EyeEvent> &events) {
    while (time.elapsedMs >= m_blinkEndMs) {
        events.append(
            {EyeEvent::Kind::Blink,
             QJsonObject{{QStringLiteral("eventType"), QStringLiteral("blink")},
                         {QStringLiteral("timestamp"), epochOf(m_blinkStartMs)},
                         {QStringLiteral("duration"), round(m_blinkEndMs - m_blinkStartMs, 10)}}});
        scheduleBlinkAfter(m_blinkEndMs);
    }
}

double RealisticGazeModel::pupilDiameter(double elapsedMs) {
    double diameter = m_baseline + 0.25 * std::sin(2 * M_PI * elapsedMs / 45000.0 + m_driftPhase)
                      + 0.1 * std::sin(2 * M_PI * elapsedMs / 13000.0 + 2 * m_driftPhase);
    while (elapsedMs >= m_dilationStartMs + DilationLengthMs) {
        m_dilationStartMs += DilationLengthMs + m_random.uniform(2000, 10000);
        m_dilationAmplitude = m_random.uniform(0.1, 0.5);
    }
    if (elapsedMs >= m_dilationStartMs) {
        const double r = (elapsedMs - m_dilationStartMs) / DilationPeakMs;
        diameter += m_dilationAmplitude * r * std::exp(1 - r);
    }
    return diameter;
}

GazeSample RealisticGazeModel::sample(const SampleTime &time, QList<EyeEvent> &events) {
    m_epochOffset = time.timestamp - qint64(time.elapsedMs);
    advancePhases(time, events);
    advanceBlinks(time, events);

    GazeSample sample;
    if (m_phase == Phase::Fixation) {
        sample.x = m_x + m_random.gaussian(FixationJitter);
        sample.y = m_y + m_random.gaussian(FixationJitter);
        sample.confidence = m_random.uniform(0.85, 0.99);
    } else {
        const double f = (time.elapsedMs - m_phaseStartMs) / (m_phaseEndMs - m_phaseStartMs);
        const double progress = (1 - std::cos(M_PI * f)) / 2;
        sample.x = m_x + (m_targetX - m_x) * progress;
        sample.y = m_y + (m_targetY - m_y) * progress;
        sample.confidence = m_random.uniform(0.6, 0.9);
    }
    sample.x = qBound(0.0, sample.x, 1.0);
    sample.y = qBound(0.0, sample.y, 1.0);

    const double left = pupilDiameter(time.elapsedMs);
    sample.leftDiameter = qBound(MinDiameter, left + m_random.gaussian(0.01), MaxDiameter);
    sample.rightDiameter =
        qBound(MinDiameter, left + m_eyeOffset + m_random.gaussian(0.01), MaxDiameter);
    sample.leftCenterX = sample.x - 0.01;
    sample.leftCenterY = sample.y;
    sample.rightCenterX = sample.x + 0.01;
    sample.rightCenterY = sample.y;

    if (time.elapsedMs >= m_blinkStartMs) {
        sample.confidence = 0;
        sample.pupilsVisible = false;
    }
    return sample;
}

void RealisticGazeModel::resync(const SampleTime &time) {
    m_epochOffset = time.timestamp - qint64(time.elapsedMs);
    const double x = m_phase == Phase::Fixation ? m_x : m_targetX;
    const double y = m_phase == Phase::Fixation ? m_y : m_targetY;
    startFixation(time.elapsedMs, x, y);
    if (m_blinkEndMs <= time.elapsedMs)
        scheduleBlinkAfter(time.elapsedMs - MinBlinkGapMs);
}
