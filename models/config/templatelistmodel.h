#pragma once

#include "builtintemplates.h"

#include <QAbstractTableModel>
#include <QList>

class ConfigManager;

// Every template a ConfigManager knows, built-in and custom, one row each, in the manager's
// order. Read-only: templates change through TemplateStore and the manager, then setTemplates()
// announces only what differs, so views keep their selection.
class TemplateListModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TemplateListModel)

public:
    enum Column { NameColumn, DescriptionColumn, KindColumn, DistributorsColumn, ColumnCount };
    enum Role {
        NameRole = Qt::UserRole + 1, // the template name, whatever the column
        BuiltInRole,                 // bool
        DistributorTypesRole,        // QStringList
    };

    explicit TemplateListModel(QObject *parent = nullptr);

    // The templates of `manager` as this model shows them.
    static QList<ConfigTemplate> templatesOf(const ConfigManager &manager);
    // The description in the user's language: built-in descriptions are translated, a custom
    // template's description is the operator's own text.
    static QString displayedDescription(const ConfigTemplate &t);

    void setTemplates(const QList<ConfigTemplate> &templates);
    const ConfigTemplate *templateAt(int row) const;
    int rowOf(const QString &name) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<ConfigTemplate> m_templates;
};
