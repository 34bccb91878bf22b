#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>

#include <optional>

// JSON text → value for request bodies and ingest lines. QJsonDocument only parses objects and
// arrays; a bare scalar ("42") is well-formed JSON of the wrong shape, not malformed input, and
// the API answers those differently (422 vs 400).
namespace JsonText {

struct SyntaxError {
    int line = 0;   // from 1
    int column = 0; // from 1
    QString reason;
};

std::optional<QJsonValue> parse(const QByteArray &text, SyntaxError *error);

// "<where>:<line>:<column>: not valid JSON: <reason>"
QString describe(const QString &where, const SyntaxError &error);

} // namespace JsonText
