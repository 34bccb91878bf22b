#pragma once

#include "eventrouting.h"

#include <QAbstractTableModel>
#include <QJsonValue>
#include <QPointer>
#include <QStringList>
#include <QUndoStack>

#include <optional>

// The routing table being edited: one row per event name, the "*" row first, and one checkable
// column per distributor type. Every edit (a cell, an event added, renamed or removed, the
// unrouted policy) is a command on the undo stack; setData only pushes commands. The edited
// table goes to the engine when the operator applies it, so nothing here touches the engine.
class RoutingTableModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RoutingTableModel)

public:
    enum Column {
        EventColumn,
        HttpColumn,
        WebSocketColumn,
        MqttColumn,
        UdpColumn,
        SseColumn,
        ColumnCount
    };
    // How a type column's distributor stands in the session.
    enum class CellState { Active, Inactive, NotConfigured };
    enum Role {
        CellStateRole = Qt::UserRole + 1, // CellState as int, type columns only
        EventNameRole,
    };

    // Uses the given undo stack, or makes its own when none is given.
    explicit RoutingTableModel(QUndoStack *undoStack = nullptr, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    QUndoStack *undoStack() const { return m_undoStack; }
    const EventRouting &routing() const { return m_routing; }
    UnroutedPolicy unroutedPolicy() const { return m_policy; }

    // Loads the engine's current table. Not an edit: resets the model and clears the undo stack.
    void setRouting(const EventRouting &routing, UnroutedPolicy policy);
    void setDistributorStates(const QStringList &configuredTypes, const QStringList &activeTypes);
    CellState cellState(const QString &type) const;

    // Edits. Each pushes one undo command; a refused one returns false, emits editRefused with
    // the reason, and changes nothing.
    bool addEvent(const QString &name);
    bool renameEvent(const QString &from, const QString &to);
    bool removeEvent(const QString &name);
    bool setRouted(const QString &event, const QString &type, bool routed);
    void setUnroutedPolicy(UnroutedPolicy policy);

    // Why `name` cannot be a new event name (empty when it can). `current` is the row's own name.
    QString checkEventName(const QString &name, const QString &current = {}) const;
    // A free name such as "event_3", for a row added before the operator names it.
    QString unusedEventName() const;

    QString eventAt(int row) const;
    int rowOf(const QString &event) const;
    static QString typeForColumn(int column);
    static int columnForType(const QString &type);

signals:
    void editRefused(const QString &message);
    void unroutedPolicyChanged(UnroutedPolicy policy);

private:
    friend class SetRouteTargetsCommand;
    friend class AddEventCommand;
    friend class RemoveEventCommand;
    friend class RenameEventCommand;
    friend class SetUnroutedPolicyCommand;

    // The primitive changes the undo commands make; each reports itself to the views.
    std::optional<QJsonValue> rawTargets(const QString &event) const;
    void applyTargets(const QString &event, const std::optional<QJsonValue> &targets);
    int routeIndex(const QString &event) const;
    void insertRoute(int routeIndex, const EventRouting::Route &route);
    void takeRoute(const QString &event);
    void applyRename(const QString &from, const QString &to);
    void applyPolicy(UnroutedPolicy policy);

    QList<EventRouting::Route> namedRoutes() const;
    QVariant cellData(const QString &event, int column, int role) const;
    bool refuse(const QString &message);

    QPointer<QUndoStack> m_undoStack;
    EventRouting m_routing;
    UnroutedPolicy m_policy = UnroutedPolicy::Broadcast;
    QStringList m_configuredTypes;
    QStringList m_activeTypes;
};
