#pragma once

#include "gazemodel.h"

#include <QJsonObject>

// The payload shapes of the synthetic streams (SPEC §8.2), in one place so they stay identical
// in both modes.
namespace SyntheticPayloads {

// Neon gaze: x, y, confidence, timestamp, worn, leftPupil{diameter, center}, rightPupil{…};
// during a blink the pupils are missing.
QJsonObject gaze(const GazeSample &sample, qint64 timestamp);
// `neon_pupil_data`: the pupils of a gaze sample, with its confidence and timestamp.
QJsonObject pupil(const GazeSample &sample, qint64 timestamp);

// Tracking quality over one window of gaze samples, with the confidence bands of §8.2
// (> 0.9 high, > 0.7 medium, otherwise low).
class QualityWindow final {
public:
    void add(double confidence);
    void addDropped() { ++m_dropped; }
    // The metrics since the last report; starts a new window.
    QJsonObject take(qint64 timestamp, double windowMs, double expectedSamples);
    void reset() { *this = QualityWindow(); }

private:
    int m_samples = 0;
    int m_high = 0;
    int m_medium = 0;
    int m_low = 0;
    int m_dropped = 0;
    double m_confidenceSum = 0;
};

} // namespace SyntheticPayloads
