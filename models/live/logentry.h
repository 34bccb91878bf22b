#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

// One line of the event log: a state change, an error or a warning that an operator should see.
struct LogEntry {
    enum class Severity { Info, Warning, Error };

    QDateTime time;
    QString session;         // empty for the engine as a whole
    QString distributorType; // empty when no single distributor is concerned
    Severity severity = Severity::Info;
    QString message;

    static LogEntry now(Severity severity, const QString &session, const QString &distributorType,
                        const QString &message);
    // Translated, for people.
    static QString severityText(Severity severity);
};

Q_DECLARE_METATYPE(LogEntry)
