#include "recordingoptions.h"

#include "optionreader.h"

Result<RecordingOptions> RecordingOptions::fromJson(const QJsonObject &json) {
    RecordingOptions options;
    OptionReader reader(json);
    reader.rejectUnknown({QStringLiteral("directory"), QStringLiteral("maxBytes"),
                          QStringLiteral("keepFiles"), QStringLiteral("flushIntervalMs")});
    if (const auto directory = reader.nonEmptyString("directory"))
        options.directory = *directory;
    else if (!reader.has("directory"))
        reader.fail("directory", QStringLiteral("required (the folder for the recording files)"));
    if (const auto maxBytes = reader.integer("maxBytes", MinMaxBytes, MaxMaxBytes))
        options.maxBytes = *maxBytes;
    if (const auto keepFiles = reader.integer("keepFiles", 1, 1000))
        options.keepFiles = int(*keepFiles);
    if (const auto interval = reader.integer("flushIntervalMs", 10, 1000))
        options.flushIntervalMs = int(*interval);
    if (!reader.ok())
        return Result<RecordingOptions>::failure(reader.errorText());
    return Result<RecordingOptions>::success(options);
}

QJsonObject RecordingOptions::toJson() const {
    return QJsonObject{{QStringLiteral("directory"), directory},
                       {QStringLiteral("maxBytes"), maxBytes},
                       {QStringLiteral("keepFiles"), keepFiles},
                       {QStringLiteral("flushIntervalMs"), flushIntervalMs}};
}
