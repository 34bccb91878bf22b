#pragma once

#include "livestatus.h"
#include "logentry.h"

#include <QAbstractTableModel>
#include <QList>
#include <QStringList>
#include <QTimer>

// The log of what an operator must see (state changes, errors, warnings), bounded like a ring
// buffer: past the capacity the oldest entries go. Entries may arrive in bursts (a flapping
// broker), so appends are collected and reach the views at most every FlushIntervalMs as one
// insertion (and one removal of what fell off the front).
class EventLogModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventLogModel)

public:
    enum Column {
        TimeColumn,
        SeverityColumn,
        SessionColumn,
        DistributorColumn,
        MessageColumn,
        ColumnCount
    };
    enum Role {
        SeverityRole = Qt::UserRole + 1, // LogEntry::Severity as int
        SessionRole,
    };

    static constexpr int DefaultCapacity = 5000;
    static constexpr int FlushIntervalMs = 100;

    explicit EventLogModel(int capacity = DefaultCapacity, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    int capacity() const { return m_capacity; }
    const LogEntry &entry(int row) const { return m_entries.at(row); }
    // Sessions that have appeared in the log, in order of first appearance (kept until clear()).
    QStringList sessions() const { return m_sessions; }

    void append(const LogEntry &entry);
    void append(LogEntry::Severity severity, const QString &session, const QString &distributorType,
                const QString &message);
    // Shows the collected entries now instead of at the next tick.
    void flush();
    void clear();

signals:
    void sessionAdded(const QString &session);
    void cleared();

private:
    int m_capacity;
    QList<LogEntry> m_entries;
    QList<LogEntry> m_pending;
    QStringList m_sessions;
    QTimer m_flushTimer;
    LiveStatusIcons m_icons;
};
