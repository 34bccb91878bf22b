#include "routingtablemodel.h"

#include "distributortype.h"
#include "routingcommands.h"

#include <QFont>
#include <QGuiApplication>
#include <QJsonArray>
#include <QPalette>
#include <QUndoStack>

namespace {

QStringList typesOf(const std::optional<QJsonValue> &targets) {
    return targets ? EventRouting::Route{QString(), *targets}.types() : QStringList();
}

QString typeLabel(const QString &type) {
    const auto known = DistributorTypes::fromName(type);
    return known ? DistributorTypes::label(*known) : type;
}

} // namespace

RoutingTableModel::RoutingTableModel(QUndoStack *undoStack, QObject *parent)
    : QAbstractTableModel(parent)
    , m_undoStack(undoStack ? undoStack : new QUndoStack(this))
    , m_configuredTypes(DistributorTypes::names())
    , m_activeTypes(DistributorTypes::names()) {}

int RoutingTableModel::rowCount(const QModelIndex &parent) const {
    // The "*" row is always there, routed or not, so the wildcard can be switched on by a click.
    return parent.isValid() ? 0 : int(namedRoutes().size()) + 1;
}

int RoutingTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QList<EventRouting::Route> RoutingTableModel::namedRoutes() const {
    QList<EventRouting::Route> routes;
    for (const EventRouting::Route &route : m_routing.routes()) {
        if (route.event != EventRouting::Wildcard)
            routes.append(route);
    }
    return routes;
}

QString RoutingTableModel::eventAt(int row) const {
    if (row == 0)
        return EventRouting::Wildcard;
    const QList<EventRouting::Route> routes = namedRoutes();
    return row > 0 && row <= routes.size() ? routes.at(row - 1).event : QString();
}

int RoutingTableModel::rowOf(const QString &event) const {
    if (event == EventRouting::Wildcard)
        return 0;
    const QList<EventRouting::Route> routes = namedRoutes();
    for (int i = 0; i < routes.size(); ++i) {
        if (routes.at(i).event == event)
            return i + 1;
    }
    return -1;
}

QString RoutingTableModel::typeForColumn(int column) {
    const QList<DistributorType> &types = DistributorTypes::all();
    return column > EventColumn && column <= types.size()
               ? DistributorTypes::name(types.at(column - 1))
               : QString();
}

int RoutingTableModel::columnForType(const QString &type) {
    const auto known = DistributorTypes::fromName(type);
    return known ? int(DistributorTypes::all().indexOf(*known)) + 1 : -1;
}

RoutingTableModel::CellState RoutingTableModel::cellState(const QString &type) const {
    if (!m_configuredTypes.contains(type))
        return CellState::NotConfigured;
    return m_activeTypes.contains(type) ? CellState::Active : CellState::Inactive;
}

QVariant RoutingTableModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid()
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QString event = eventAt(index.row());
    if (role == EventNameRole)
        return event;
    if (index.column() != EventColumn)
        return cellData(event, index.column(), role);

    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return event;
    case Qt::ToolTipRole:
        if (event == EventRouting::Wildcard)
            return tr("Events without a row of their own go where \"*\" routes them; when \"*\" "
                      "routes nowhere, the unrouted policy decides");
        return tr("Double-click or press F2 to rename");
    case Qt::FontRole:
        if (event == EventRouting::Wildcard) {
            QFont font;
            font.setBold(true);
            return font;
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant RoutingTableModel::cellData(const QString &event, int column, int role) const {
    const QString type = typeForColumn(column);
    const bool routed = m_routing.typesFor(event).contains(type);
    const CellState state = cellState(type);
    switch (role) {
    case Qt::CheckStateRole:
        return routed ? Qt::Checked : Qt::Unchecked;
    case CellStateRole:
        return int(state);
    case Qt::DisplayRole:
        // Said in words too, so the state does not hang on grey and italics alone.
        if (routed && state == CellState::Inactive)
            return tr("disabled");
        if (routed && state == CellState::NotConfigured)
            return tr("not configured");
        break;
    case Qt::FontRole:
        if (state != CellState::Active) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        break;
    case Qt::ForegroundRole:
        if (state != CellState::Active)
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        break;
    case Qt::ToolTipRole:
        if (state == CellState::Inactive)
            return tr("Routes to a configured but disabled distributor: events are counted as "
                      "dropped until it is enabled");
        if (state == CellState::NotConfigured)
            return tr("Routes to a distributor type this session has not configured: events "
                      "are reported as skipped");
        return routed ? tr("%1 events are sent to %2").arg(event, typeLabel(type))
                      : tr("Click to send %1 events to %2").arg(event, typeLabel(type));
    default:
        break;
    }
    return {};
}

Qt::ItemFlags RoutingTableModel::flags(const QModelIndex &index) const {
    if (!index.isValid()
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    Qt::ItemFlags result = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
    if (index.column() != EventColumn)
        result |= Qt::ItemIsUserCheckable;
    else if (index.row() != 0)
        result |= Qt::ItemIsEditable;
    return result;
}

bool RoutingTableModel::setData(const QModelIndex &index, const QVariant &value, int role) {
    if (!index.isValid()
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const QString event = eventAt(index.row());
    if (index.column() == EventColumn && role == Qt::EditRole) {
        const QString name = value.toString().trimmed();
        return name == event || renameEvent(event, name);
    }
    if (index.column() != EventColumn && role == Qt::CheckStateRole)
        return setRouted(event, typeForColumn(index.column()),
                         value.value<Qt::CheckState>() == Qt::Checked);
    return false;
}

QVariant RoutingTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section == EventColumn) {
        if (role == Qt::DisplayRole)
            return tr("Event");
        if (role == Qt::ToolTipRole)
            return tr("The event name; \"*\" stands for every event without a row of its own");
        return {};
    }
    const QString type = typeForColumn(section);
    if (role == Qt::DisplayRole)
        return typeLabel(type);
    if (role == Qt::ToolTipRole) {
        switch (cellState(type)) {
        case CellState::Active:
            return tr("Route events to the %1 distributor").arg(typeLabel(type));
        case CellState::Inactive:
            return tr("Route events to the %1 distributor (configured but disabled now)")
                .arg(typeLabel(type));
        case CellState::NotConfigured:
            return tr("Route events to the %1 distributor (not configured in this session)")
                .arg(typeLabel(type));
        }
    }
    return {};
}

void RoutingTableModel::setRouting(const EventRouting &routing, UnroutedPolicy policy) {
    beginResetModel();
    m_routing = routing;
    m_undoStack->clear();
    const bool policyChanged = policy != m_policy;
    m_policy = policy;
    endResetModel();
    if (policyChanged)
        emit unroutedPolicyChanged(m_policy);
}

void RoutingTableModel::setDistributorStates(const QStringList &configuredTypes,
                                             const QStringList &activeTypes) {
    QList<int> changedColumns;
    for (const QString &type : DistributorTypes::names()) {
        const bool configured = configuredTypes.contains(type);
        const bool active = activeTypes.contains(type);
        if (configured != m_configuredTypes.contains(type)
            || active != m_activeTypes.contains(type))
            changedColumns.append(columnForType(type));
    }
    m_configuredTypes = configuredTypes;
    m_activeTypes = activeTypes;
    for (const int column : changedColumns) {
        emit dataChanged(index(0, column), index(rowCount() - 1, column));
        emit headerDataChanged(Qt::Horizontal, column, column);
    }
}

QString RoutingTableModel::checkEventName(const QString &name, const QString &current) const {
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return tr("Event name: must not be empty");
    if (trimmed == EventRouting::Wildcard)
        return tr("Event name \"*\": reserved for the wildcard row");
    if (trimmed != current && m_routing.contains(trimmed))
        return tr("Event name \"%1\": another row already has this name").arg(trimmed);
    return {};
}

QString RoutingTableModel::unusedEventName() const {
    for (int i = 1;; ++i) {
        const QString name = QStringLiteral("event_%1").arg(i);
        if (!m_routing.contains(name))
            return name;
    }
}

bool RoutingTableModel::refuse(const QString &message) {
    emit editRefused(message);
    return false;
}

bool RoutingTableModel::addEvent(const QString &name) {
    const QString error = checkEventName(name);
    if (!error.isEmpty())
        return refuse(error);
    m_undoStack->push(new AddEventCommand(this, name.trimmed()));
    return true;
}

bool RoutingTableModel::renameEvent(const QString &from, const QString &to) {
    if (from == EventRouting::Wildcard)
        return refuse(tr("Event \"*\": the wildcard row cannot be renamed"));
    if (!m_routing.contains(from))
        return refuse(tr("Event \"%1\": no such row").arg(from));
    const QString error = checkEventName(to, from);
    if (!error.isEmpty())
        return refuse(error);
    if (to.trimmed() != from)
        m_undoStack->push(new RenameEventCommand(this, from, to.trimmed()));
    return true;
}

bool RoutingTableModel::removeEvent(const QString &name) {
    if (name == EventRouting::Wildcard)
        return refuse(tr("Event \"*\": the wildcard row cannot be removed; uncheck its cells "
                         "to route nothing through it"));
    if (!m_routing.contains(name))
        return refuse(tr("Event \"%1\": no such row").arg(name));
    m_undoStack->push(new RemoveEventCommand(this, name));
    return true;
}

bool RoutingTableModel::setRouted(const QString &event, const QString &type, bool routed) {
    if (columnForType(type) < 0)
        return refuse(tr("Distributor type \"%1\": not one of %2")
                          .arg(type, DistributorTypes::names().join(QStringLiteral(", "))));
    if (event != EventRouting::Wildcard && !m_routing.contains(event))
        return refuse(tr("Event \"%1\": no such row").arg(event));
    if (m_routing.typesFor(event).contains(type) != routed)
        m_undoStack->push(new SetRouteTargetsCommand(this, event, type, routed));
    return true;
}

void RoutingTableModel::setUnroutedPolicy(UnroutedPolicy policy) {
    if (policy != m_policy)
        m_undoStack->push(new SetUnroutedPolicyCommand(this, policy));
}

std::optional<QJsonValue> RoutingTableModel::rawTargets(const QString &event) const {
    for (const EventRouting::Route &route : m_routing.routes()) {
        if (route.event == event)
            return route.targets;
    }
    return std::nullopt;
}

int RoutingTableModel::routeIndex(const QString &event) const {
    const QList<EventRouting::Route> &routes = m_routing.routes();
    for (int i = 0; i < routes.size(); ++i) {
        if (routes.at(i).event == event)
            return i;
    }
    return -1;
}

void RoutingTableModel::applyTargets(const QString &event,
                                     const std::optional<QJsonValue> &targets) {
    const int row = rowOf(event);
    if (row < 0)
        return;
    const QStringList before = m_routing.typesFor(event);
    if (targets)
        m_routing.setRaw(event, *targets);
    else
        m_routing.remove(event); // only the "*" route is ever absent; its row stays
    const QStringList after = typesOf(targets);
    for (const QString &type : DistributorTypes::names()) {
        if (before.contains(type) != after.contains(type)) {
            const QModelIndex cell = index(row, columnForType(type));
            emit dataChanged(cell, cell);
        }
    }
}

void RoutingTableModel::insertRoute(int routeIndex, const EventRouting::Route &route) {
    QList<EventRouting::Route> routes = m_routing.routes();
    routeIndex = std::clamp(routeIndex, 0, int(routes.size()));
    int row = 1;
    for (int i = 0; i < routeIndex; ++i) {
        if (routes.at(i).event != EventRouting::Wildcard)
            ++row;
    }
    routes.insert(routeIndex, route);
    beginInsertRows({}, row, row);
    m_routing = EventRouting();
    for (const EventRouting::Route &r : std::as_const(routes))
        m_routing.setRaw(r.event, r.targets);
    endInsertRows();
}

void RoutingTableModel::takeRoute(const QString &event) {
    const int row = rowOf(event);
    if (row <= 0)
        return;
    beginRemoveRows({}, row, row);
    m_routing.remove(event);
    endRemoveRows();
}

void RoutingTableModel::applyRename(const QString &from, const QString &to) {
    const int row = rowOf(from);
    if (row <= 0)
        return;
    EventRouting renamed;
    for (const EventRouting::Route &route : m_routing.routes())
        renamed.setRaw(route.event == from ? to : route.event, route.targets);
    m_routing = renamed;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void RoutingTableModel::applyPolicy(UnroutedPolicy policy) {
    if (policy == m_policy)
        return;
    m_policy = policy;
    emit unroutedPolicyChanged(policy);
}
