#include "routingcommands.h"

#include "routingtablemodel.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace {

enum CommandId { SetRouteTargetsId = 1, SetUnroutedPolicyId };

// The row's raw list with `type` added or removed; other entries (unknown types, registered
// names) stay as the operator or the file wrote them.
QJsonValue withType(const std::optional<QJsonValue> &before, const QString &type, bool routed) {
    QJsonArray list = before && before->isArray() ? before->toArray() : QJsonArray();
    for (qsizetype i = list.size() - 1; i >= 0; --i) {
        if (list.at(i).toString() == type)
            list.removeAt(i);
    }
    if (routed)
        list.append(type);
    return list;
}

} // namespace

SetRouteTargetsCommand::SetRouteTargetsCommand(RoutingTableModel *model, const QString &event,
                                               const QString &type, bool routed,
                                               QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_model(model)
    , m_event(event)
    , m_type(type)
    , m_before(model->rawTargets(event))
    , m_after(withType(m_before, type, routed)) {
    setText(routed
                ? QCoreApplication::translate("RoutingCommands", "Route %1 to %2").arg(event, type)
                : QCoreApplication::translate("RoutingCommands", "Stop routing %1 to %2")
                      .arg(event, type));
}

void SetRouteTargetsCommand::undo() {
    if (m_model)
        m_model->applyTargets(m_event, m_before);
}

void SetRouteTargetsCommand::redo() {
    if (m_model)
        m_model->applyTargets(m_event, m_after);
}

int SetRouteTargetsCommand::id() const {
    return SetRouteTargetsId;
}

bool SetRouteTargetsCommand::mergeWith(const QUndoCommand *other) {
    const auto *next = static_cast<const SetRouteTargetsCommand *>(other);
    if (next->m_model != m_model || next->m_event != m_event || next->m_type != m_type)
        return false;
    m_after = next->m_after;
    setText(next->text());
    setObsolete(m_after == m_before);
    return true;
}

AddEventCommand::AddEventCommand(RoutingTableModel *model, const QString &event,
                                 QUndoCommand *parent)
    : QUndoCommand(QCoreApplication::translate("RoutingCommands", "Add event %1").arg(event),
                   parent)
    , m_model(model)
    , m_event(event) {}

void AddEventCommand::undo() {
    if (m_model)
        m_model->takeRoute(m_event);
}

void AddEventCommand::redo() {
    if (m_model)
        m_model->insertRoute(int(m_model->routing().size()), {m_event, QJsonArray()});
}

RemoveEventCommand::RemoveEventCommand(RoutingTableModel *model, const QString &event,
                                       QUndoCommand *parent)
    : QUndoCommand(QCoreApplication::translate("RoutingCommands", "Remove event %1").arg(event),
                   parent)
    , m_model(model)
    , m_route{event, model->rawTargets(event).value_or(QJsonArray())}
    , m_index(model->routeIndex(event)) {}

void RemoveEventCommand::undo() {
    if (m_model)
        m_model->insertRoute(m_index, m_route);
}

void RemoveEventCommand::redo() {
    if (m_model)
        m_model->takeRoute(m_route.event);
}

RenameEventCommand::RenameEventCommand(RoutingTableModel *model, const QString &from,
                                       const QString &to, QUndoCommand *parent)
    : QUndoCommand(
        QCoreApplication::translate("RoutingCommands", "Rename event %1 to %2").arg(from, to),
        parent)
    , m_model(model)
    , m_from(from)
    , m_to(to) {}

void RenameEventCommand::undo() {
    if (m_model)
        m_model->applyRename(m_to, m_from);
}

void RenameEventCommand::redo() {
    if (m_model)
        m_model->applyRename(m_from, m_to);
}

SetUnroutedPolicyCommand::SetUnroutedPolicyCommand(RoutingTableModel *model, UnroutedPolicy policy,
                                                   QUndoCommand *parent)
    : QUndoCommand(QCoreApplication::translate("RoutingCommands", "Set unrouted policy to %1")
                       .arg(unroutedPolicyName(policy)),
                   parent)
    , m_model(model)
    , m_before(model->unroutedPolicy())
    , m_after(policy) {}

void SetUnroutedPolicyCommand::undo() {
    if (m_model)
        m_model->applyPolicy(m_before);
}

void SetUnroutedPolicyCommand::redo() {
    if (m_model)
        m_model->applyPolicy(m_after);
}

int SetUnroutedPolicyCommand::id() const {
    return SetUnroutedPolicyId;
}

bool SetUnroutedPolicyCommand::mergeWith(const QUndoCommand *other) {
    const auto *next = static_cast<const SetUnroutedPolicyCommand *>(other);
    if (next->m_model != m_model)
        return false;
    m_after = next->m_after;
    setText(next->text());
    setObsolete(m_after == m_before);
    return true;
}
