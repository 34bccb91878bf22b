#include "sessionlistmodel.h"

#include "changedrows.h"

#include <QLocale>
#include <QSet>

#include <cmath>

SessionListModel::SessionListModel(QObject *parent)
    : QAbstractTableModel(parent) {}

int SessionListModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SessionListModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SessionListModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid()
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const LiveStatus status = LiveStates::forSessionState(row.state);

    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case IdColumn:
            return row.id;
        case TemplateColumn:
            return row.templateName.isEmpty() ? tr("(none)") : row.templateName;
        case StateColumn:
            return LiveStates::displayText(row.state);
        case EventsPerSecondColumn:
            return QLocale().toString(row.eventsPerSecond, 'f', 1);
        case ErrorsColumn:
            return QLocale().toString(row.errors);
        case ColumnCount:
            break;
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == StateColumn)
            return m_icons.icon(status);
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == EventsPerSecondColumn || index.column() == ErrorsColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::ToolTipRole:
        return toolTip(row, index.column());
    case SessionIdRole:
        return row.id;
    case StatusRole:
        return int(status);
    default:
        break;
    }
    return {};
}

QVariant SessionListModel::toolTip(const Row &row, int column) const {
    switch (Column(column)) {
    case StateColumn:
        return tr("Session %1 is %2").arg(row.id, LiveStates::displayText(row.state));
    case EventsPerSecondColumn:
        return tr("%1 events entered this session in total; %2 were dropped by the unrouted "
                  "policy")
            .arg(QLocale().toString(row.eventsIn), QLocale().toString(row.unroutedDropped));
    case ErrorsColumn:
        return tr("Failed sends over all distributors of this session");
    default:
        return row.id;
    }
}

QVariant SessionListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (Column(section)) {
        case IdColumn:
            return tr("Session");
        case TemplateColumn:
            return tr("Template");
        case StateColumn:
            return tr("State");
        case EventsPerSecondColumn:
            return tr("Events/s");
        case ErrorsColumn:
            return tr("Errors");
        case ColumnCount:
            break;
        }
    } else if (role == Qt::ToolTipRole) {
        switch (Column(section)) {
        case IdColumn:
            return tr("The session id, unique in this engine");
        case TemplateColumn:
            return tr("The configuration template the session was built from");
        case StateColumn:
            return tr("Session state: active, degraded (a distributor failed to start), "
                      "closing or closed");
        case EventsPerSecondColumn:
            return tr("Events entering the session per second, averaged over the last "
                      "snapshot interval");
        case ErrorsColumn:
            return tr("Failed sends, summed over all distributors of the session");
        case ColumnCount:
            break;
        }
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

void SessionListModel::setSnapshot(const EngineSnapshot &snapshot) {
    QList<Row> incoming;
    incoming.reserve(snapshot.sessions.size());
    for (const SessionSnapshot &session : snapshot.sessions)
        incoming.append(rowFor(session));

    removeVanished(incoming);

    QList<int> changed;
    for (int i = 0; i < incoming.size(); ++i) {
        const int existing = rowOf(incoming.at(i).id);
        if (existing < 0) {
            beginInsertRows({}, i, i);
            m_rows.insert(i, incoming.at(i));
            endInsertRows();
            continue;
        }
        // The engine lists sessions in creation order, so this only happens if that changes.
        if (existing != i) {
            beginMoveRows({}, existing, existing, {}, i);
            m_rows.move(existing, i);
            endMoveRows();
        }
        if (m_rows.at(i) != incoming.at(i)) {
            m_rows[i] = incoming.at(i);
            changed.append(i);
        }
    }

    for (const auto &[first, last] : ChangedRows::ranges(changed, rowCount()))
        emit dataChanged(index(first, 0), index(last, ColumnCount - 1));
}

void SessionListModel::removeVanished(const QList<Row> &incoming) {
    QSet<QString> present;
    for (const Row &row : incoming)
        present.insert(row.id);
    // From the bottom up, one removal per contiguous block of vanished sessions.
    for (int i = int(m_rows.size()) - 1; i >= 0;) {
        if (present.contains(m_rows.at(i).id)) {
            --i;
            continue;
        }
        const int last = i;
        while (i >= 0 && !present.contains(m_rows.at(i).id))
            --i;
        beginRemoveRows({}, i + 1, last);
        m_rows.remove(i + 1, last - i);
        endRemoveRows();
    }
}

SessionListModel::Row SessionListModel::rowFor(const SessionSnapshot &session) {
    Row row;
    row.id = session.id;
    row.templateName = session.templateName;
    row.state = session.state;
    row.eventsPerSecond = std::round(session.eventsPerSecond * 10) / 10;
    row.eventsIn = session.eventsIn;
    row.unroutedDropped = session.unroutedDropped;
    row.errors = session.errors;
    return row;
}

QString SessionListModel::sessionId(int row) const {
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : QString();
}

int SessionListModel::rowOf(const QString &sessionId) const {
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == sessionId)
            return i;
    }
    return -1;
}
