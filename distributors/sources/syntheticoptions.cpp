#include "syntheticoptions.h"

#include "optionreader.h"

#include <QRandomGenerator>

#include <cmath>

namespace {

const QStringList KnownKeys = {QStringLiteral("mode"),
                               QStringLiteral("parityProfile"),
                               QStringLiteral("seed"),
                               QStringLiteral("gazeRate"),
                               QStringLiteral("pupilRate"),
                               QStringLiteral("imuRate"),
                               QStringLiteral("deviceStatusRate"),
                               QStringLiteral("qualityRate"),
                               QStringLiteral("dropProbability"),
                               QStringLiteral("jitterMs"),
                               QStringLiteral("events")};

const QStringList EventKeys = {QStringLiteral("gaze"),         QStringLiteral("pupil"),
                               QStringLiteral("blink"),        QStringLiteral("fixation"),
                               QStringLiteral("saccade"),      QStringLiteral("imu"),
                               QStringLiteral("deviceStatus"), QStringLiteral("quality")};

void readEventNames(OptionReader &reader, SyntheticOptions::EventNames &names) {
    const std::optional<QJsonObject> json = reader.object("events");
    if (!json)
        return;
    OptionReader nested(*json, QStringLiteral("events."));
    nested.rejectUnknown(EventKeys);
    const auto read = [&nested](const char *key, QString &target) {
        if (const auto name = nested.nonEmptyString(key))
            target = *name;
    };
    read("gaze", names.gaze);
    read("pupil", names.pupil);
    read("blink", names.blink);
    read("fixation", names.fixation);
    read("saccade", names.saccade);
    read("imu", names.imu);
    read("deviceStatus", names.deviceStatus);
    read("quality", names.quality);
    reader.merge(nested);
}

// Pupil samples ride on every n-th gaze sample; a rate that is not gazeRate / n cannot.
void readPupilRate(OptionReader &reader, SyntheticOptions &options) {
    const std::optional<double> rate = reader.number("pupilRate", 0.001, 2000);
    if (!rate)
        return;
    const double ratio = options.gazeRate / *rate;
    const double decimation = std::round(ratio);
    if (decimation < 1 || std::abs(ratio - decimation) > 1e-6 * ratio) {
        reader.fail("pupilRate",
                    QStringLiteral("expected gazeRate (%1) divided by a whole number (%1, %2, "
                                   "%3, ...)")
                        .arg(options.gazeRate)
                        .arg(options.gazeRate / 2)
                        .arg(options.gazeRate / 4));
        return;
    }
    options.pupilDecimation = int(decimation);
}

} // namespace

Result<SyntheticOptions> SyntheticOptions::fromJson(const QJsonObject &json) {
    SyntheticOptions options;
    OptionReader reader(json);
    reader.rejectUnknown(KnownKeys);

    if (const auto mode =
            reader.choice("mode", {QStringLiteral("realistic"), QStringLiteral("parity")}))
        options.mode = *mode == QLatin1String("parity") ? Mode::Parity : Mode::Realistic;
    if (const auto profile =
            reader.choice("parityProfile", {QStringLiteral("device"), QStringLiteral("sampleApp")}))
        options.parityProfile = *profile == QLatin1String("sampleApp") ? ParityProfile::SampleApp
                                                                       : ParityProfile::Device;

    if (const auto seed = reader.integer("seed", 0, MaxSeed))
        options.seed = *seed;
    else if (!reader.has("seed"))
        options.seed = qint64(QRandomGenerator::global()->generate64() & quint64(MaxSeed));

    if (const auto rate = reader.number("gazeRate", 1, 2000))
        options.gazeRate = *rate;
    readPupilRate(reader, options);
    if (const auto rate = reader.number("imuRate", 0, 1000))
        options.imuRate = *rate;
    if (const auto rate = reader.number("deviceStatusRate", 0, 10))
        options.deviceStatusRate = *rate;
    if (const auto rate = reader.number("qualityRate", 0, 100))
        options.qualityRate = *rate;
    if (const auto probability = reader.number("dropProbability", 0, 1))
        options.dropProbability = *probability;
    if (const auto jitter = reader.number("jitterMs", 0, 1000))
        options.jitterMs = *jitter;
    readEventNames(reader, options.events);

    if (!reader.ok())
        return Result<SyntheticOptions>::failure(reader.errorText());
    return Result<SyntheticOptions>::success(options);
}

QJsonObject SyntheticOptions::toJson() const {
    const QJsonObject names{{QStringLiteral("gaze"), events.gaze},
                            {QStringLiteral("pupil"), events.pupil},
                            {QStringLiteral("blink"), events.blink},
                            {QStringLiteral("fixation"), events.fixation},
                            {QStringLiteral("saccade"), events.saccade},
                            {QStringLiteral("imu"), events.imu},
                            {QStringLiteral("deviceStatus"), events.deviceStatus},
                            {QStringLiteral("quality"), events.quality}};
    return QJsonObject{{QStringLiteral("mode"), modeName(mode)},
                       {QStringLiteral("parityProfile"), parityProfileName(parityProfile)},
                       {QStringLiteral("seed"), seed},
                       {QStringLiteral("gazeRate"), gazeRate},
                       {QStringLiteral("pupilRate"), pupilRate()},
                       {QStringLiteral("imuRate"), imuRate},
                       {QStringLiteral("deviceStatusRate"), deviceStatusRate},
                       {QStringLiteral("qualityRate"), qualityRate},
                       {QStringLiteral("dropProbability"), dropProbability},
                       {QStringLiteral("jitterMs"), jitterMs},
                       {QStringLiteral("events"), names}};
}

QString SyntheticOptions::modeName(Mode mode) {
    return mode == Mode::Parity ? QStringLiteral("parity") : QStringLiteral("realistic");
}

QString SyntheticOptions::parityProfileName(ParityProfile profile) {
    return profile == ParityProfile::SampleApp ? QStringLiteral("sampleApp")
                                               : QStringLiteral("device");
}
