#include "devicemodel.h"

#include <cmath>

namespace {

constexpr double MsPerPercent = 180000;
constexpr double DegToRad = M_PI / 180;

double round(double value, double scale) {
    return std::round(value * scale) / scale;
}

QJsonObject vector(double x, double y, double z) {
    return QJsonObject{{QStringLiteral("x"), round(x, 1e4)},
                       {QStringLiteral("y"), round(y, 1e4)},
                       {QStringLiteral("z"), round(z, 1e4)}};
}

} // namespace

DeviceModel::DeviceModel(qint64 seed)
    : m_random(seed, SyntheticRandom::Device) {
    m_startBattery = m_random.uniform(70, 100);
    m_temperaturePhase = m_random.uniform(0, 2 * M_PI);
    m_headPhase = m_random.uniform(0, 2 * M_PI);
}

QJsonObject DeviceModel::status(double elapsedMs, qint64 calibratedAt) {
    const double battery = qMax(5.0, std::floor(m_startBattery - elapsedMs / MsPerPercent));
    const double temperature = 25
                               + 1.5 * std::sin(2 * M_PI * elapsedMs / 600000 + m_temperaturePhase)
                               + m_random.gaussian(0.1);
    return QJsonObject{{QStringLiteral("battery"), battery},
                       {QStringLiteral("charging"), false},
                       {QStringLiteral("temperature"), round(qBound(23.0, temperature, 27.0), 10)},
                       {QStringLiteral("calibration"),
                        QJsonObject{{QStringLiteral("status"), QStringLiteral("valid")},
                                    {QStringLiteral("timestamp"), calibratedAt}}}};
}

QJsonObject DeviceModel::imu(double elapsedMs, qint64 timestamp) {
    // Slow head turns (yaw ±10°, pitch ±5°) and their rates.
    const double t = elapsedMs / 1000;
    const double yaw = 10 * std::sin(2 * M_PI * t / 8 + m_headPhase);
    const double pitch = 5 * std::sin(2 * M_PI * t / 11 + m_headPhase);
    const double yawRate = 10 * 2 * M_PI / 8 * std::cos(2 * M_PI * t / 8 + m_headPhase);
    const double pitchRate = 5 * 2 * M_PI / 11 * std::cos(2 * M_PI * t / 11 + m_headPhase);

    const double cy = std::cos(yaw * DegToRad / 2);
    const double sy = std::sin(yaw * DegToRad / 2);
    const double cp = std::cos(pitch * DegToRad / 2);
    const double sp = std::sin(pitch * DegToRad / 2);
    const QJsonObject quaternion{{QStringLiteral("w"), round(cy * cp, 1e5)},
                                 {QStringLiteral("x"), round(cy * sp, 1e5)},
                                 {QStringLiteral("y"), round(-sy * sp, 1e5)},
                                 {QStringLiteral("z"), round(sy * cp, 1e5)}};
    // Gyroscope in °/s, accelerometer in g (gravity seen through the pitch).
    const double noise = 0.02;
    return QJsonObject{
        {QStringLiteral("quaternion"), quaternion},
        {QStringLiteral("gyroscope"),
         vector(pitchRate + m_random.gaussian(0.3), m_random.gaussian(0.3),
                yawRate + m_random.gaussian(0.3))},
        {QStringLiteral("accelerometer"),
         vector(m_random.gaussian(noise), std::sin(pitch * DegToRad) + m_random.gaussian(noise),
                std::cos(pitch * DegToRad) + m_random.gaussian(noise))},
        {QStringLiteral("timestamp"), timestamp}};
}
