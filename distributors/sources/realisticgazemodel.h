#pragma once

#include "gazemodel.h"
#include "syntheticrandom.h"

// Eye movements with the statistics of SPEC §8.3 item 2 (approximate, for demos and load tests):
// fixations (100–600 ms, mostly 200–400, jitter σ 0.003) alternate with saccades (20–80 ms,
// amplitude 0.05–0.4, a smooth velocity profile); blinks 15–20 per minute lasting 100–400 ms
// (confidence 0, no pupils) run independently; the pupils (2–8 mm) drift slowly around a 3–4 mm
// baseline and dilate by 0.1–0.5 mm now and then, as on a task. Phases follow source time, not
// sample counts, so the statistics hold at any gaze rate.
class RealisticGazeModel final : public GazeModel {
public:
    static constexpr double FixationJitter = 0.003;
    static constexpr double MinFixationMs = 100;
    static constexpr double MaxFixationMs = 600;
    static constexpr double MinBlinkMs = 100;
    static constexpr double MaxBlinkMs = 400;
    static constexpr double MinDiameter = 2;
    static constexpr double MaxDiameter = 8;

    explicit RealisticGazeModel(qint64 seed);

    GazeSample sample(const SampleTime &time, QList<EyeEvent> &events) override;
    void resync(const SampleTime &time) override;

private:
    enum class Phase { Fixation, Saccade };

    void advancePhases(const SampleTime &time, QList<EyeEvent> &events);
    void startFixation(double startMs, double x, double y);
    void startSaccade(double startMs);
    void advanceBlinks(const SampleTime &time, QList<EyeEvent> &events);
    void scheduleBlinkAfter(double ms);
    double pupilDiameter(double elapsedMs);
    qint64 epochOf(double elapsedMs) const { return m_epochOffset + qint64(elapsedMs); }

    SyntheticRandom m_random;
    qint64 m_epochOffset = 0; // timestamp − elapsed, learnt from the samples

    Phase m_phase = Phase::Fixation;
    double m_phaseStartMs = 0;
    double m_phaseEndMs = 0;
    qint64 m_firstIndex = -1; // the phase's first and last gaze samples
    qint64 m_lastIndex = -1;
    double m_x = 0.5; // fixation centre, or saccade start
    double m_y = 0.5;
    double m_targetX = 0.5;
    double m_targetY = 0.5;

    double m_blinkStartMs = 0;
    double m_blinkEndMs = 0;

    double m_baseline = 3.5;
    double m_driftPhase = 0;
    double m_eyeOffset = 0; // right − left, constant for a run
    double m_dilationStartMs = 0;
    double m_dilationAmplitude = 0;
};
