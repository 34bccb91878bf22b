#pragma once

#include "distributortype.h"

#include <QJsonObject>
#include <QList>
#include <QWidget>

class ConfigField;
class FailoverField;
class QLabel;

// A form for every key of one distributor type, built from ConfigSchema: the type's own keys,
// then delivery and failover. Only keys the operator filled in make up config(); empty fields
// show what applies instead (the base config's value, else the default). Keys the schema does
// not know are kept as loaded and listed under the form.
class DistributorForm final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DistributorForm)

public:
    enum class Scope {
        Primary,
        FailoverAlternative, // no failover keys of its own
    };

    explicit DistributorForm(DistributorType type, Scope scope = Scope::Primary,
                             QWidget *parent = nullptr);

    DistributorType type() const { return m_type; }
    void setConfig(const QJsonObject &config);
    QJsonObject config() const;
    // Values that apply to keys left empty (a template's, or the primary config's).
    void setBaseConfig(const QJsonObject &base);

    ConfigField *field(const QString &key) const;

signals:
    void edited();

private:
    void fieldEdited();

    DistributorType m_type;
    QList<ConfigField *> m_fields;
    FailoverField *m_failover = nullptr;
    QJsonObject m_unknown;
    QLabel *m_unknownNote;
};
