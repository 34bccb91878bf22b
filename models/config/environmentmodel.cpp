#include "environmentmodel.h"

#include "rowchanges.h"

EnvironmentModel::EnvironmentModel(QObject *parent)
    : QAbstractTableModel(parent) {}

void EnvironmentModel::setRuntimeInfo(const RuntimeInfo &info,
                                      const QHash<QString, bool> &runOverrides) {
    QList<Row> rows;
    for (const RuntimeInfo::Variable &variable : info.variables)
        rows.append(Row{variable, runOverrides.contains(variable.name), true});
    // A variable no template reads has no catalogue entry; its value is never shown because
    // nothing tells whether it is a secret.
    QStringList extra = runOverrides.keys();
    extra.sort();
    for (const QString &name : std::as_const(extra)) {
        if (info.find(name))
            continue;
        RuntimeInfo::Variable variable;
        variable.name = name;
        variable.set = runOverrides.value(name);
        variable.secret = true;
        variable.value = variable.set ? Masked : MaskedUnset;
        rows.append(Row{variable, true, false});
    }

    // The catalogue is fixed and the extra rows are few, so a row count change is rare: reset
    // then; otherwise announce only the rows that differ.
    bool sameNames = rows.size() == m_rows.size();
    for (qsizetype i = 0; sameNames && i < rows.size(); ++i)
        sameNames = rows.at(i).variable.name == m_rows.at(i).variable.name;
    if (!sameNames) {
        beginResetModel();
        m_rows = rows;
        endResetModel();
        return;
    }
    QList<int> changed;
    for (int i = 0; i < rows.size(); ++i) {
        if (!(rows.at(i) == m_rows.at(i))) {
            m_rows[i] = rows.at(i);
            changed.append(i);
        }
    }
    RowChanges::announce(this, changed);
}

QString EnvironmentModel::nameAt(int row) const {
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).variable.name : QString();
}

int EnvironmentModel::rowOf(const QString &name) const {
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).variable.name == name)
            return row;
    }
    return -1;
}

int EnvironmentModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EnvironmentModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EnvironmentModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case NameRole:
        return row.variable.name;
    case IsSetRole:
        return row.variable.set;
    case SecretRole:
        return row.variable.secret;
    case RunOverrideRole:
        return row.runOverride;
    case Qt::DisplayRole:
        return display(row, index.column());
    case Qt::ToolTipRole:
        if (index.column() == ValueColumn && !row.variable.fallback.isEmpty())
            return tr("When unset: %1").arg(row.variable.fallback);
        if (!row.catalogued)
            return tr("Set for this run; no template reads it");
        return display(row, index.column());
    default:
        break;
    }
    return {};
}

QVariant EnvironmentModel::display(const Row &row, int column) const {
    switch (column) {
    case NameColumn:
        return row.variable.name;
    case StateColumn:
        if (row.runOverride)
            return row.variable.set ? tr("set for this run") : tr("unset for this run");
        return row.variable.set ? tr("set") : tr("not set");
    case UsedByColumn:
        return row.variable.usedBy.join(QStringLiteral(", "));
    case ValueColumn:
        return row.variable.value;
    default:
        break;
    }
    return {};
}

QVariant EnvironmentModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Variable");
    case StateColumn:
        return tr("State");
    case UsedByColumn:
        return tr("Used by");
    case ValueColumn:
        return tr("Value");
    default:
        break;
    }
    return {};
}
