#pragma once

#include "result.h"

#include <QJsonObject>
#include <QString>

// What the synthetic eye-tracking source generates (SPEC §8.3): the model, the seed, the stream
// rates, the event names and the optional loss/jitter injection. A value type read from the API's
// `POST /api/sessions/{id}/synthetic` body; toJson() reports the effective values back, including
// a seed that was chosen at random.
struct SyntheticOptions {
    enum class Mode { Realistic, Parity };
    // Parity mode has two originals: the Neon mock device (5 ms drift) and the 20 Hz sample app.
    enum class ParityProfile { Device, SampleApp };

    struct EventNames {
        QString gaze = QStringLiteral("neon_gaze_data");
        QString pupil = QStringLiteral("neon_pupil_data");
        QString blink = QStringLiteral("neon_blink");
        QString fixation = QStringLiteral("neon_fixation");
        QString saccade = QStringLiteral("neon_saccade");
        QString imu = QStringLiteral("neon_imu_data");
        QString deviceStatus = QStringLiteral("neon_device_status");
        QString quality = QStringLiteral("neon_quality_metrics");
    };

    static constexpr double DefaultGazeRate = 200;
    static constexpr double ImuRateWhenOn = 110;
    static constexpr qint64 MaxSeed = (qint64(1) << 53) - 1; // exact as a JSON number

    Mode mode = Mode::Realistic;
    ParityProfile parityProfile = ParityProfile::Device;
    qint64 seed = 0;
    double gazeRate = DefaultGazeRate;
    // Pupil samples go with every n-th gaze sample, so they always share the gaze sample's state.
    int pupilDecimation = 1;
    double imuRate = 0; // 0 = off
    double deviceStatusRate = 0.2;
    double qualityRate = 1;
    double dropProbability = 0;
    double jitterMs = 0;
    EventNames events;

    double pupilRate() const { return gazeRate / pupilDecimation; }

    // Validates `json` (every key optional). An absent seed is drawn at random. Errors name the
    // field and the rule (`gazeRate: expected a number 1-2000`), several joined by "; ".
    static Result<SyntheticOptions> fromJson(const QJsonObject &json);
    QJsonObject toJson() const;

    static QString modeName(Mode mode);
    static QString parityProfileName(ParityProfile profile);
};
