#pragma once

#include <QHash>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <optional>

// The environment variables LabRelay reads: a snapshot of the process environment, taken at
// construction and again on reload(), plus values the operator set in this run (never saved).
// Also expands `${NAME}` and `${NAME:-default}` references in config strings.
class Environment {
public:
    Environment();
    // An environment with exactly these variables and no process environment (for tests).
    static Environment fromValues(const QHash<QString, QString> &values);

    void reload();
    std::optional<QString> value(const QString &name) const;
    bool isSet(const QString &name) const { return value(name).has_value(); }
    void set(const QString &name, const QString &value);
    void unset(const QString &name);

    struct Expansion {
        QString text;
        bool absent = false;    // the whole string was a reference to an unset variable
        QStringList unsetNames; // referenced variables without a value or default
    };
    Expansion expand(const QString &text) const;

    // Expands every string in `value`. A string that is exactly one reference to an unset
    // variable is removed (treated as absent); `integerKeys` and `booleanKeys` name keys whose
    // expanded text is converted to a number or a boolean. Unset names are appended to `unset`.
    QJsonObject expandObject(const QJsonObject &object, const QSet<QString> &integerKeys,
                             const QSet<QString> &booleanKeys, QStringList *unset) const;

    static bool isPureReference(const QString &text);
    static bool containsReference(const QString &text);
    // Variable names referenced anywhere in `value`.
    static QStringList referencedNames(const QJsonValue &value);

private:
    QProcessEnvironment m_process;
    QHash<QString, QString> m_overrides;
    QSet<QString> m_unset;
    bool m_useProcess = true;
};
