#pragma once

#include "logentry.h"

#include <QSortFilterProxyModel>

// The event log as the dock shows it: one session or all, and a minimum severity.
class EventLogFilterModel final : public QSortFilterProxyModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventLogFilterModel)

public:
    explicit EventLogFilterModel(QObject *parent = nullptr);

    QString sessionFilter() const { return m_session; }
    // Empty shows every session, and entries about the engine as a whole.
    void setSessionFilter(const QString &session);
    LogEntry::Severity minimumSeverity() const { return m_minimumSeverity; }
    void setMinimumSeverity(LogEntry::Severity severity);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_session;
    LogEntry::Severity m_minimumSeverity = LogEntry::Severity::Info;
};
