#include "eventlogmodel.h"

#include "distributortype.h"

#include <QLocale>

#include <algorithm>

EventLogModel::EventLogModel(int capacity, QObject *parent)
    : QAbstractTableModel(parent)
    , m_capacity(std::max(1, capacity)) {
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(FlushIntervalMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &EventLogModel::flush);
}

int EventLogModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_entries.size());
}

int EventLogModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventLogModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid()
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LogEntry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case TimeColumn:
            return QLocale().toString(entry.time.time(), QStringLiteral("HH:mm:ss.zzz"));
        case SeverityColumn:
            return LogEntry::severityText(entry.severity);
        case SessionColumn:
            return entry.session;
        case DistributorColumn: {
            const auto type = DistributorTypes::fromName(entry.distributorType);
            return type ? DistributorTypes::label(*type) : entry.distributorType;
        }
        case MessageColumn:
            return entry.message;
        case ColumnCount:
            break;
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == SeverityColumn) {
            switch (entry.severity) {
            case LogEntry::Severity::Info:
                return m_icons.icon(LiveStatus::Healthy);
            case LogEntry::Severity::Warning:
                return m_icons.icon(LiveStatus::Warning);
            case LogEntry::Severity::Error:
                return m_icons.icon(LiveStatus::Failed);
            }
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == TimeColumn)
            return QLocale().toString(entry.time, QLocale::LongFormat);
        return entry.message;
    case SeverityRole:
        return int(entry.severity);
    case SessionRole:
        return entry.session;
    default:
        break;
    }
    return {};
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    static const struct {
        const char *title;
        const char *toolTip;
    } headers[ColumnCount] = {
        {QT_TR_NOOP("Time"), QT_TR_NOOP("When it happened (local time)")},
        {QT_TR_NOOP("Severity"), QT_TR_NOOP("Info, warning or error")},
        {QT_TR_NOOP("Session"), QT_TR_NOOP("The session concerned; empty for the whole engine")},
        {QT_TR_NOOP("Distributor"),
         QT_TR_NOOP("The distributor type concerned; empty when none in particular")},
        {QT_TR_NOOP("Message"), QT_TR_NOOP("What happened")},
    };
    if (role == Qt::DisplayRole)
        return tr(headers[section].title);
    if (role == Qt::ToolTipRole)
        return tr(headers[section].toolTip);
    return QAbstractTableModel::headerData(section, orientation, role);
}

void EventLogModel::append(const LogEntry &entry) {
    m_pending.append(entry);
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void EventLogModel::append(LogEntry::Severity severity, const QString &session,
                           const QString &distributorType, const QString &message) {
    append(LogEntry::now(severity, session, distributorType, message));
}

void EventLogModel::flush() {
    m_flushTimer.stop();
    if (m_pending.isEmpty())
        return;
    // A burst larger than the whole buffer only keeps its newest entries.
    if (m_pending.size() > m_capacity)
        m_pending.remove(0, m_pending.size() - m_capacity);

    const int overflow = int(m_entries.size() + m_pending.size()) - m_capacity;
    if (overflow > 0) {
        beginRemoveRows({}, 0, overflow - 1);
        m_entries.remove(0, overflow);
        endRemoveRows();
    }

    for (const LogEntry &entry : std::as_const(m_pending)) {
        if (!entry.session.isEmpty() && !m_sessions.contains(entry.session)) {
            m_sessions.append(entry.session);
            emit sessionAdded(entry.session);
        }
    }

    const int first = int(m_entries.size());
    beginInsertRows({}, first, first + int(m_pending.size()) - 1);
    m_entries.append(m_pending);
    endInsertRows();
    m_pending.clear();
}

void EventLogModel::clear() {
    m_flushTimer.stop();
    m_pending.clear();
    m_sessions.clear();
    if (!m_entries.isEmpty()) {
        beginResetModel();
        m_entries.clear();
        endResetModel();
    }
    emit cleared();
}
