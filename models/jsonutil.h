#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

#include <functional>

namespace JsonUtil {

// Recursive merge used for template overrides: the override wins per key, nested objects merge,
// arrays and scalars replace, and an explicit null removes the key (back to "absent").
QJsonObject deepMerge(const QJsonObject &base, const QJsonObject &override);

// QJsonObject sorts its keys; session files and error messages need the order a person wrote.
// Returns the keys of the object found at `path` (a list of object keys from the root) in
// document order, or an empty list when there is no such object. `json` must be valid JSON.
QStringList keysInDocumentOrder(const QByteArray &json, const QStringList &path);

// The text of the value of `key` in the top-level object of `json` (valid JSON), exactly as
// written, or a null QByteArray when there is no such member. Lets ingest pass data through
// without parsing and serialising it again.
QByteArray memberText(const QByteArray &json, const QString &key);

// Chooses the key order of the object at `path` when writing; the default is alphabetical.
using KeyOrder = std::function<QStringList(const QStringList &path, const QJsonObject &object)>;

// Indented JSON text (4 spaces) with object keys in the order `order` gives.
QByteArray writeIndented(const QJsonValue &value, const KeyOrder &order = {});

// Compact single-line JSON of any value (QJsonDocument only takes objects and arrays).
QByteArray compact(const QJsonValue &value);

// Line and column (both from 1) of a byte offset, as QJsonParseError reports offsets.
std::pair<int, int> lineAndColumn(const QByteArray &text, int offset);

// A short description of a JSON value's kind for error messages ("a string", "a number", ...).
QString kindName(const QJsonValue &value);

} // namespace JsonUtil
