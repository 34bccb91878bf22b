#pragma once

#include "eventrouting.h"

#include <QJsonValue>
#include <QPointer>
#include <QUndoCommand>

#include <optional>

class RoutingTableModel;

// The undo commands of the routing editor. Each remembers exactly what it replaced, so undo
// restores the table as it was (row order, raw targets and all). They hold the model by QPointer
// because an undo stack handed in from outside may outlive it.

// Routes one event to one distributor type, or stops doing so. Repeated toggles of the same cell
// merge into one command, which vanishes when the cell is back where it started.
class SetRouteTargetsCommand final : public QUndoCommand {
public:
    SetRouteTargetsCommand(RoutingTableModel *model, const QString &event, const QString &type,
                           bool routed, QUndoCommand *parent = nullptr);

    void undo() override;
    void redo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    QPointer<RoutingTableModel> m_model;
    QString m_event;
    QString m_type;
    std::optional<QJsonValue> m_before; // nullopt: the event had no route (only for "*")
    std::optional<QJsonValue> m_after;
};

class AddEventCommand final : public QUndoCommand {
public:
    AddEventCommand(RoutingTableModel *model, const QString &event, QUndoCommand *parent = nullptr);

    void undo() override;
    void redo() override;

private:
    QPointer<RoutingTableModel> m_model;
    QString m_event;
};

class RemoveEventCommand final : public QUndoCommand {
public:
    RemoveEventCommand(RoutingTableModel *model, const QString &event,
                       QUndoCommand *parent = nullptr);

    void undo() override;
    void redo() override;

private:
    QPointer<RoutingTableModel> m_model;
    EventRouting::Route m_route;
    int m_index = -1; // position in the routing table, for putting it back in place
};

class RenameEventCommand final : public QUndoCommand {
public:
    RenameEventCommand(RoutingTableModel *model, const QString &from, const QString &to,
                       QUndoCommand *parent = nullptr);

    void undo() override;
    void redo() override;

private:
    QPointer<RoutingTableModel> m_model;
    QString m_from;
    QString m_to;
};

// Changing the policy back and forth merges, like toggling a cell.
class SetUnroutedPolicyCommand final : public QUndoCommand {
public:
    SetUnroutedPolicyCommand(RoutingTableModel *model, UnroutedPolicy policy,
                             QUndoCommand *parent = nullptr);

    void undo() override;
    void redo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    QPointer<RoutingTableModel> m_model;
    UnroutedPolicy m_before;
    UnroutedPolicy m_after;
};
