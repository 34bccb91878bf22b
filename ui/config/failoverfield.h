#pragma once

#include "configfield.h"

#include <QJsonObject>
#include <QList>

class DistributorForm;
class QListWidget;
class QPushButton;

// The failover alternatives of a distributor: an ordered list, and below it a form of the same
// type for the selected alternative that holds only the keys differing from the primary config
// (whose values the nested form shows as placeholders).
class FailoverField final : public ConfigField {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FailoverField)

public:
    FailoverField(const KeySpec &spec, DistributorType type, QWidget *parent);

    QJsonValue value() const override;
    void setValue(const QJsonValue &value) override;
    // The nested form's placeholders come from the primary config, not from this key.
    void setFallback(const QJsonValue &) override {}
    void setPrimary(const QJsonObject &primary);

    int alternativeCount() const { return int(m_alternatives.size()); }
    void addAlternative();
    void selectAlternative(int index);
    DistributorForm *alternativeForm() const { return m_form; }

private:
    void refreshList();
    void move(int delta);
    QString summary(int index) const;

    QList<QJsonObject> m_alternatives;
    QJsonObject m_primary;
    QListWidget *m_list;
    DistributorForm *m_form;
    QPushButton *m_remove;
    QPushButton *m_up;
    QPushButton *m_down;
};
