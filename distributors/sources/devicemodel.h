#pragma once

#include "syntheticrandom.h"

#include <QJsonObject>

// The headset itself: battery, temperature and calibration for `neon_device_status`, and head
// motion for `neon_imu_data`. The battery drains about 1 % every 3 minutes; the temperature stays
// near 25 ± 2 °C; the head turns slowly, so the IMU shows small rotations over gravity.
class DeviceModel final {
public:
    explicit DeviceModel(qint64 seed);

    // `calibratedAt`: when the (simulated) calibration was made, epoch ms.
    QJsonObject status(double elapsedMs, qint64 calibratedAt);
    QJsonObject imu(double elapsedMs, qint64 timestamp);

private:
    SyntheticRandom m_random;
    double m_startBattery = 100;
    double m_temperaturePhase = 0;
    double m_headPhase = 0;
};
