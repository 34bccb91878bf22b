#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QStringView>

// Appends JSON text without building a QJsonDocument: the hot path of every event uses it.
namespace JsonWriter {

void appendString(QByteArray &out, QStringView text);
void appendInteger(QByteArray &out, qint64 value);
void appendUnsigned(QByteArray &out, quint64 value);
// Compact JSON of any value, as QJsonDocument would write it (keys in QJsonObject's order,
// shortest round-trip numbers, NaN and infinities as null) — several times faster.
void appendValue(QByteArray &out, const QJsonValue &value);
void appendDouble(QByteArray &out, double value);

} // namespace JsonWriter
