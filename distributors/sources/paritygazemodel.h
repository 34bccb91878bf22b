#pragma once

#include "gazemodel.h"
#include "syntheticoptions.h"
#include "syntheticrandom.h"

// The original's mock formulas (SPEC §8.3 item 1), for consumers tested against it.
// Device profile (the Neon mock): per sample x += ±0.02 + U(−0.005, 0.005), y += ±0.01 + U(…);
// the drift direction reflects at the borders of [0, 1] and the position is clamped.
// Sample-app profile: x = 0.5 + 0.3·sin(t/1000), y = 0.5 + 0.3·cos(t/1000) and a fixation with
// probability 0.05 per sample. Both use the mock's pupil formulas, with t the source time since
// the start (the original used wall time, which would make seeded runs differ).
class ParityGazeModel final : public GazeModel {
public:
    static constexpr double DriftX = 0.02;
    static constexpr double DriftY = 0.01;
    static constexpr double Noise = 0.005;
    static constexpr double FixationProbability = 0.05;

    ParityGazeModel(SyntheticOptions::ParityProfile profile, qint64 seed);

    GazeSample sample(const SampleTime &time, QList<EyeEvent> &events) override;
    void resync(const SampleTime &) override {}

    // The mock's pupil diameters at source time `elapsedMs`.
    static double leftDiameter(double elapsedMs);
    static double rightDiameter(double elapsedMs);

private:
    void drift(double &position, double &direction, double step);

    SyntheticOptions::ParityProfile m_profile;
    SyntheticRandom m_random;
    double m_x = 0.5;
    double m_y = 0.5;
    double m_directionX = 1;
    double m_directionY = 1;
};
