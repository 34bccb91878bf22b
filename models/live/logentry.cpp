#include "logentry.h"

#include <QCoreApplication>

LogEntry LogEntry::now(Severity severity, const QString &session, const QString &distributorType,
                       const QString &message) {
    return {QDateTime::currentDateTime(), session, distributorType, severity, message};
}

QString LogEntry::severityText(Severity severity) {
    switch (severity) {
    case Severity::Info:
        return QCoreApplication::translate("LogEntry", "Info");
    case Severity::Warning:
        return QCoreApplication::translate("LogEntry", "Warning");
    case Severity::Error:
        return QCoreApplication::translate("LogEntry", "Error");
    }
    return {};
}
