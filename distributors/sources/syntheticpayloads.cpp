#include "syntheticpayloads.h"

#include <cmath>

namespace SyntheticPayloads {

namespace {

double round(double value, double scale) {
    return std::round(value * scale) / scale;
}

QJsonObject eye(double diameter, double centerX, double centerY) {
    return QJsonObject{
        {QStringLiteral("diameter"), round(diameter, 1e4)},
        {QStringLiteral("center"), QJsonObject{{QStringLiteral("x"), round(centerX, 1e5)},
                                               {QStringLiteral("y"), round(centerY, 1e5)}}}};
}

void addPupils(QJsonObject &payload, const GazeSample &sample) {
    if (!sample.pupilsVisible)
        return;
    payload.insert(QStringLiteral("leftPupil"),
                   eye(sample.leftDiameter, sample.leftCenterX, sample.leftCenterY));
    payload.insert(QStringLiteral("rightPupil"),
                   eye(sample.rightDiameter, sample.rightCenterX, sample.rightCenterY));
}

} // namespace

QJsonObject gaze(const GazeSample &sample, qint64 timestamp) {
    QJsonObject payload{{QStringLiteral("x"), round(sample.x, 1e5)},
                        {QStringLiteral("y"), round(sample.y, 1e5)},
                        {QStringLiteral("confidence"), round(sample.confidence, 1e4)},
                        {QStringLiteral("timestamp"), timestamp},
                        {QStringLiteral("worn"), sample.worn}};
    addPupils(payload, sample);
    return payload;
}

QJsonObject pupil(const GazeSample &sample, qint64 timestamp) {
    QJsonObject payload{{QStringLiteral("confidence"), round(sample.confidence, 1e4)},
                        {QStringLiteral("timestamp"), timestamp}};
    addPupils(payload, sample);
    return payload;
}

void QualityWindow::add(double confidence) {
    ++m_samples;
    m_confidenceSum += confidence;
    if (confidence > 0.9)
        ++m_high;
    else if (confidence > 0.7)
        ++m_medium;
    else
        ++m_low;
}

QJsonObject QualityWindow::take(qint64 timestamp, double windowMs, double expectedSamples) {
    const double samples = qMax(1, m_samples);
    const QJsonObject metrics{
        {QStringLiteral("timestamp"), timestamp},
        {QStringLiteral("windowMs"), round(windowMs, 1e3)},
        {QStringLiteral("samples"), m_samples},
        {QStringLiteral("expectedSamples"), std::round(expectedSamples)},
        {QStringLiteral("dropped"), m_dropped},
        {QStringLiteral("meanConfidence"), round(m_confidenceSum / samples, 1e4)},
        {QStringLiteral("high"), round(m_high / samples, 1e4)},
        {QStringLiteral("medium"), round(m_medium / samples, 1e4)},
        {QStringLiteral("low"), round(m_low / samples, 1e4)}};
    reset();
    return metrics;
}

} // namespace SyntheticPayloads
