#pragma once

#include "result.h"

#include <QJsonObject>
#include <QString>

// Where and how a session records its envelopes: a directory of JSONL files that rotate by size.
struct RecordingOptions {
    static constexpr qint64 DefaultMaxBytes = qint64(64) * 1024 * 1024;
    static constexpr qint64 MinMaxBytes = 1024;
    static constexpr qint64 MaxMaxBytes = qint64(1) << 40;

    QString directory;
    qint64 maxBytes = DefaultMaxBytes; // a file is closed before it would grow past this
    int keepFiles = 10;                // older files of the same recording are deleted
    int flushIntervalMs = 500;         // buffered lines reach the disk at least this often

    // `directory` is required; errors name the field and the rule, several joined by "; ".
    static Result<RecordingOptions> fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
};
