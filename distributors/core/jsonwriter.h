#pragma once

#include <QByteArray>
#include <QStringView>

// Appends JSON text without building a QJsonDocument: the hot path of every event uses it.
namespace JsonWriter {

void appendString(QByteArray &out, QStringView text);
void appendInteger(QByteArray &out, qint64 value);
void appendUnsigned(QByteArray &out, quint64 value);

} // namespace JsonWriter
