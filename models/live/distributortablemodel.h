#pragma once

#include "enginesnapshot.h"
#include "livestatus.h"

#include <QAbstractTableModel>
#include <QList>
#include <QStringList>

// The five distributor types of one session, one row each in registry order: configured ones
// with their live state and counters, unconfigured ones greyed as "not configured".
//
// Clicking a checkbox does not change the model: setData asks for the change with a signal
// (enableRequested, disableRequested, probeToggled) and the box follows the engine when the next
// snapshot shows the result — the engine is the document, this model only reports it.
// Updates are batched by the engine's snapshot timer (at most 10 Hz, never per event); each
// snapshot reports only the rows whose shown values changed.
class DistributorTableModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DistributorTableModel)

public:
    enum Column {
        TypeColumn,
        EnabledColumn,
        StateColumn,
        TargetColumn,
        SentPerSecondColumn,
        QueuedColumn,
        DroppedColumn,
        FailedColumn,
        LatencyP95Column,
        ProbeColumn,
        ProbeReceivedColumn,
        ProbeLostColumn,
        ProbeP99Column,
        ColumnCount
    };
    enum Role {
        TypeRole = Qt::UserRole + 1,
        ConfiguredRole,
        ActiveRole,
        StatusRole, // LiveStatus as int
        FailoverAvailableRole,
    };

    explicit DistributorTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    QString sessionId() const { return m_sessionId; }
    // Shows another session; its configured types must be set again (they are per session).
    void setSession(const QString &sessionId);
    void setSnapshot(const EngineSnapshot &snapshot);
    // Types the session's config names, including those that have not started (yet).
    void setConfiguredTypes(const QStringList &types);

    QString type(int row) const;
    int rowOf(const QString &type) const;

signals:
    void sessionChanged(const QString &sessionId);
    void enableRequested(const QString &type);
    void disableRequested(const QString &type);
    void probeToggled(const QString &type, bool enabled);

private:
    // What a row shows, rounded as shown: a change below the display precision is no change.
    struct Row {
        QString type;
        bool configured = false;
        DistributorSnapshot d; // rates and latencies rounded to 0.1

        bool operator==(const Row &other) const;
        bool operator!=(const Row &other) const { return !(*this == other); }
    };

    Row rowFor(const QString &type) const;
    void refresh();
    QVariant display(const Row &row, int column) const;
    QVariant toolTip(const Row &row, int column) const;
    bool hasSession() const;

    QString m_sessionId;
    QStringList m_configuredTypes;
    EngineSnapshot m_snapshot;
    QList<Row> m_rows;
    LiveStatusIcons m_icons;
};
