#include "optionreader.h"

#include <QJsonValue>

#include <cmath>

namespace {

QString range(double min, double max) {
    return QString::number(min) + QLatin1Char('-') + QString::number(max);
}

} // namespace

OptionReader::OptionReader(const QJsonObject &json, const QString &prefix)
    : m_json(json)
    , m_prefix(prefix) {}

QJsonValue OptionReader::value(const char *key) const {
    return m_json.value(QLatin1String(key));
}

bool OptionReader::has(const char *key) const {
    const QJsonValue v = value(key);
    return !v.isUndefined() && !v.isNull();
}

std::optional<double> OptionReader::number(const char *key, double min, double max) {
    if (!has(key))
        return std::nullopt;
    const QJsonValue v = value(key);
    const double number = v.toDouble();
    if (!v.isDouble() || !std::isfinite(number) || number < min || number > max) {
        fail(key, QStringLiteral("expected a number ") + range(min, max));
        return std::nullopt;
    }
    return number;
}

std::optional<qint64> OptionReader::integer(const char *key, qint64 min, qint64 max) {
    if (!has(key))
        return std::nullopt;
    const QJsonValue v = value(key);
    const double number = v.toDouble();
    if (!v.isDouble() || !std::isfinite(number) || std::floor(number) != number
        || number < double(min) || number > double(max)) {
        fail(key, QStringLiteral("expected an integer ") + QString::number(min) + QLatin1Char('-')
                      + QString::number(max));
        return std::nullopt;
    }
    return qint64(number);
}

std::optional<QString> OptionReader::nonEmptyString(const char *key) {
    if (!has(key))
        return std::nullopt;
    const QString text = value(key).toString();
    if (!value(key).isString() || text.trimmed().isEmpty()) {
        fail(key, QStringLiteral("expected a non-empty string"));
        return std::nullopt;
    }
    return text;
}

std::optional<QString> OptionReader::choice(const char *key, const QStringList &allowed) {
    if (!has(key))
        return std::nullopt;
    const QString text = value(key).toString();
    if (!value(key).isString() || !allowed.contains(text)) {
        QStringList quoted;
        for (const QString &name : allowed)
            quoted.append(QLatin1Char('"') + name + QLatin1Char('"'));
        fail(key, QStringLiteral("expected one of ") + quoted.join(QStringLiteral(", ")));
        return std::nullopt;
    }
    return text;
}

std::optional<QJsonObject> OptionReader::object(const char *key) {
    if (!has(key))
        return std::nullopt;
    if (!value(key).isObject()) {
        fail(key, QStringLiteral("expected an object"));
        return std::nullopt;
    }
    return value(key).toObject();
}

void OptionReader::rejectUnknown(const QStringList &known) {
    for (auto it = m_json.begin(); it != m_json.end(); ++it) {
        if (!known.contains(it.key()))
            m_errors.append(field(it.key()) + QStringLiteral(": unknown key (known keys: ")
                            + known.join(QStringLiteral(", ")) + QLatin1Char(')'));
    }
}

void OptionReader::fail(const char *key, const QString &rule) {
    m_errors.append(field(QLatin1String(key)) + QStringLiteral(": ") + rule);
}

void OptionReader::merge(const OptionReader &nested) {
    m_errors.append(nested.m_errors);
}
