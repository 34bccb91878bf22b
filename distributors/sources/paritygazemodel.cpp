#include "paritygazemodel.h"

#include <cmath>

ParityGazeModel::ParityGazeModel(SyntheticOptions::ParityProfile profile, qint64 seed)
    : m_profile(profile)
    , m_random(seed, SyntheticRandom::Gaze) {}

double ParityGazeModel::leftDiameter(double elapsedMs) {
    return 3.2 + 0.5 * std::sin(elapsedMs / 5000.0);
}

double ParityGazeModel::rightDiameter(double elapsedMs) {
    return 3.1 + 0.5 * std::sin(elapsedMs / 5000.0);
}

void ParityGazeModel::drift(double &position, double &direction, double step) {
    position += direction * step + m_random.uniform(-Noise, Noise);
    if (position < 0 || position > 1) {
        direction = -direction;
        position = qBound(0.0, position, 1.0);
    }
}

GazeSample ParityGazeModel::sample(const SampleTime &time, QList<EyeEvent> &events) {
    GazeSample sample;
    if (m_profile == SyntheticOptions::ParityProfile::Device) {
        drift(m_x, m_directionX, DriftX);
        drift(m_y, m_directionY, DriftY);
        sample.confidence = m_random.uniform(0.8, 1.0);
    } else {
        m_x = 0.5 + 0.3 * std::sin(time.elapsedMs / 1000.0);
        m_y = 0.5 + 0.3 * std::cos(time.elapsedMs / 1000.0);
        sample.confidence = m_random.uniform(0.85, 1.0);
        if (m_random.chance(FixationProbability)) {
            const double duration = 200 + m_random.unit() * 300;
            events.append({EyeEvent::Kind::Fixation,
                           QJsonObject{{QStringLiteral("x"), m_x},
                                       {QStringLiteral("y"), m_y},
                                       {QStringLiteral("duration"), std::round(duration)},
                                       {QStringLiteral("timestamp"), time.timestamp}}});
        }
    }
    sample.x = m_x;
    sample.y = m_y;
    sample.leftDiameter = leftDiameter(time.elapsedMs);
    sample.rightDiameter = rightDiameter(time.elapsedMs);
    sample.leftCenterX = m_x - 0.01;
    sample.leftCenterY = m_y;
    sample.rightCenterX = m_x + 0.01;
    sample.rightCenterY = m_y;
    return sample;
}
