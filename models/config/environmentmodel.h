#pragma once

#include "runtimeinfo.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

// The environment variables LabRelay reads (getRuntimeInfo's catalogue), one row each: whether
// the variable is set, which templates use it, and its value, masked for secrets. Variables the
// operator set for this run only are marked, and listed even when no template reads them.
class EnvironmentModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EnvironmentModel)

public:
    enum Column { NameColumn, StateColumn, UsedByColumn, ValueColumn, ColumnCount };
    enum Role {
        NameRole = Qt::UserRole + 1,
        IsSetRole,       // bool
        SecretRole,      // bool
        RunOverrideRole, // bool: set or unset by the operator for this run
    };

    static inline const QString Masked = QStringLiteral("[SET]");

    explicit EnvironmentModel(QObject *parent = nullptr);

    static inline const QString MaskedUnset = QStringLiteral("[NOT SET]");

    // `runOverrides` maps the variables the operator set (true) or unset (false) in this run.
    void setRuntimeInfo(const RuntimeInfo &info, const QHash<QString, bool> &runOverrides = {});
    QString nameAt(int row) const;
    int rowOf(const QString &name) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row {
        RuntimeInfo::Variable variable;
        bool runOverride = false;
        bool catalogued = true;

        friend bool operator==(const Row &a, const Row &b) {
            return a.variable.name == b.variable.name && a.variable.set == b.variable.set
                   && a.variable.secret == b.variable.secret
                   && a.variable.usedBy == b.variable.usedBy && a.variable.value == b.variable.value
                   && a.variable.fallback == b.variable.fallback && a.runOverride == b.runOverride
                   && a.catalogued == b.catalogued;
        }
    };

    QVariant display(const Row &row, int column) const;

    QList<Row> m_rows;
};
