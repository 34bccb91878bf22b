#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

// Reads the keys of a JSON options object with their rules and collects one message per broken
// rule, naming the field (`gazeRate: expected a number 1-2000`). Absent and null keys keep the
// caller's default, so an options object only needs the keys that differ.
class OptionReader final {
public:
    // `prefix` names a nested object in messages (`events.` gives `events.gaze: …`).
    explicit OptionReader(const QJsonObject &json, const QString &prefix = {});

    bool has(const char *key) const;
    std::optional<double> number(const char *key, double min, double max);
    std::optional<qint64> integer(const char *key, qint64 min, qint64 max);
    std::optional<QString> nonEmptyString(const char *key);
    // One of `allowed`; the message lists them.
    std::optional<QString> choice(const char *key, const QStringList &allowed);
    std::optional<QJsonObject> object(const char *key);

    // Every key that is not in `known` is an error naming it.
    void rejectUnknown(const QStringList &known);
    void fail(const char *key, const QString &rule);
    // Adds the errors of a reader for a nested object.
    void merge(const OptionReader &nested);

    bool ok() const { return m_errors.isEmpty(); }
    const QStringList &errors() const { return m_errors; }
    QString errorText() const { return m_errors.join(QStringLiteral("; ")); }

private:
    QJsonValue value(const char *key) const;
    QString field(const QString &key) const { return m_prefix + key; }

    QJsonObject m_json;
    QString m_prefix;
    QStringList m_errors;
};
