#include "eventlogfiltermodel.h"

#include "eventlogmodel.h"

EventLogFilterModel::EventLogFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent) {}

void EventLogFilterModel::setSessionFilter(const QString &session) {
    if (session == m_session)
        return;
    m_session = session;
    invalidateFilter();
}

void EventLogFilterModel::setMinimumSeverity(LogEntry::Severity severity) {
    if (severity == m_minimumSeverity)
        return;
    m_minimumSeverity = severity;
    invalidateFilter();
}

bool EventLogFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const {
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (index.data(EventLogModel::SeverityRole).toInt() < int(m_minimumSeverity))
        return false;
    return m_session.isEmpty() || index.data(EventLogModel::SessionRole).toString() == m_session;
}
