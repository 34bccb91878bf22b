#include "templatelistmodel.h"

#include "configmanager.h"
#include "rowchanges.h"

#include <QCoreApplication>
#include <QSet>

namespace {

bool sameRow(const ConfigTemplate &a, const ConfigTemplate &b) {
    return a.name == b.name && a.description == b.description && a.builtIn == b.builtIn
           && a.distributors == b.distributors;
}

QStringList names(const QList<ConfigTemplate> &templates) {
    QStringList result;
    for (const ConfigTemplate &t : templates)
        result.append(t.name);
    return result;
}

} // namespace

TemplateListModel::TemplateListModel(QObject *parent)
    : QAbstractTableModel(parent) {}

QList<ConfigTemplate> TemplateListModel::templatesOf(const ConfigManager &manager) {
    QList<ConfigTemplate> result;
    for (const QString &name : manager.listTemplates()) {
        if (auto found = manager.getTemplate(name)) {
            found->builtIn = manager.isBuiltInTemplate(name);
            result.append(*found);
        }
    }
    return result;
}

void TemplateListModel::setTemplates(const QList<ConfigTemplate> &templates) {
    const QStringList newNames = names(templates);
    const QSet<QString> wanted(newNames.begin(), newNames.end());

    // Rows that went away, from the bottom so the row numbers above stay right.
    for (int row = int(m_templates.size()) - 1; row >= 0; --row) {
        if (wanted.contains(m_templates.at(row).name))
            continue;
        beginRemoveRows({}, row, row);
        m_templates.removeAt(row);
        endRemoveRows();
    }

    // Templates only move by being removed and added again, so what is left keeps the new
    // order's relative order; if it does not, start over rather than announce moves.
    const QStringList kept = names(m_templates);
    QStringList expected;
    for (const QString &name : newNames) {
        if (kept.contains(name))
            expected.append(name);
    }
    if (kept != expected) {
        beginResetModel();
        m_templates = templates;
        endResetModel();
        return;
    }

    QList<int> changedRows;
    int row = 0;
    for (const ConfigTemplate &wantedTemplate : templates) {
        if (row < m_templates.size() && m_templates.at(row).name == wantedTemplate.name) {
            if (!sameRow(m_templates.at(row), wantedTemplate)) {
                m_templates[row] = wantedTemplate;
                changedRows.append(row);
            }
        } else {
            beginInsertRows({}, row, row);
            m_templates.insert(row, wantedTemplate);
            endInsertRows();
        }
        ++row;
    }
    RowChanges::announce(this, changedRows);
}

const ConfigTemplate *TemplateListModel::templateAt(int row) const {
    return row >= 0 && row < m_templates.size() ? &m_templates.at(row) : nullptr;
}

int TemplateListModel::rowOf(const QString &name) const {
    for (int row = 0; row < m_templates.size(); ++row) {
        if (m_templates.at(row).name == name)
            return row;
    }
    return -1;
}

int TemplateListModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_templates.size());
}

int TemplateListModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString TemplateListModel::displayedDescription(const ConfigTemplate &t) {
    // The built-in descriptions are marked with QT_TRANSLATE_NOOP in builtintemplates.cpp.
    return t.builtIn ? QCoreApplication::translate("BuiltInTemplates", qPrintable(t.description))
                     : t.description;
}

QVariant TemplateListModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ConfigTemplate &t = m_templates.at(index.row());
    switch (role) {
    case NameRole:
        return t.name;
    case BuiltInRole:
        return t.builtIn;
    case DistributorTypesRole:
        return t.distributors.types();
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case NameColumn:
            return t.name;
        case DescriptionColumn:
            return displayedDescription(t);
        case KindColumn:
            return t.builtIn ? tr("Built-in") : tr("Custom");
        case DistributorsColumn:
            return t.distributors.types().join(QStringLiteral(", "));
        default:
            break;
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant TemplateListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case DescriptionColumn:
        return tr("Description");
    case KindColumn:
        return tr("Kind");
    case DistributorsColumn:
        return tr("Distributors");
    default:
        break;
    }
    return {};
}
