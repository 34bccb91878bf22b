#pragma once

#include "enginesnapshot.h"
#include "livestatus.h"

#include <QAbstractTableModel>
#include <QList>

// The sessions the engine runs, one row each, fed by EngineSnapshot values (at most 10 Hz).
// Rows are inserted and removed as sessions appear and disappear; otherwise only the rows whose
// shown values changed are reported, so an unchanged snapshot costs the views nothing.
class SessionListModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionListModel)

public:
    enum Column {
        IdColumn,
        TemplateColumn,
        StateColumn,
        EventsPerSecondColumn,
        ErrorsColumn,
        ColumnCount
    };
    enum Role {
        SessionIdRole = Qt::UserRole + 1,
        StatusRole, // LiveStatus as int
    };

    explicit SessionListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setSnapshot(const EngineSnapshot &snapshot);

    QString sessionId(int row) const;
    int rowOf(const QString &sessionId) const;

private:
    // What a row shows, rounded as shown: a change below the display precision is no change.
    struct Row {
        QString id;
        QString templateName;
        QString state;
        double eventsPerSecond = 0;
        quint64 eventsIn = 0;
        quint64 unroutedDropped = 0;
        quint64 errors = 0;

        friend bool operator==(const Row &a, const Row &b) {
            return a.id == b.id && a.templateName == b.templateName && a.state == b.state
                   && a.eventsPerSecond == b.eventsPerSecond && a.eventsIn == b.eventsIn
                   && a.unroutedDropped == b.unroutedDropped && a.errors == b.errors;
        }
        friend bool operator!=(const Row &a, const Row &b) { return !(a == b); }
    };

    static Row rowFor(const SessionSnapshot &session);
    void removeVanished(const QList<Row> &incoming);
    QVariant toolTip(const Row &row, int column) const;

    QList<Row> m_rows;
    LiveStatusIcons m_icons;
};
