#include "distributorform.h"

#include "configfield.h"
#include "configschema.h"
#include "failoverfield.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSet>
#include <QVBoxLayout>

namespace {

// Keys every distributor type has (delivery, queueing, failover), grouped apart from the
// type's own; computed from the schema so a new common key needs no change here.
QSet<QString> commonKeys() {
    QSet<QString> common;
    bool first = true;
    for (const DistributorType type : DistributorTypes::all()) {
        QSet<QString> keys;
        for (const KeySpec &spec : ConfigSchema::keys(type))
            keys.insert(spec.key);
        common = first ? keys : common.intersect(keys);
        first = false;
    }
    return common;
}

bool isFailoverKey(const QString &key) {
    return key == QLatin1String("failover") || key == QLatin1String("failoverAfterMs")
           || key == QLatin1String("failback");
}

} // namespace

DistributorForm::DistributorForm(DistributorType type, Scope scope, QWidget *parent)
    : QWidget(parent)
    , m_type(type)
    , m_unknownNote(new QLabel(this)) {
    setObjectName(DistributorTypes::name(type));
    auto *own = new QGroupBox(tr("%1 settings").arg(DistributorTypes::label(type)), this);
    auto *delivery = new QGroupBox(tr("Delivery and failover"), this);
    auto *ownLayout = new QFormLayout(own);
    auto *deliveryLayout = new QFormLayout(delivery);
    for (QFormLayout *layout : {ownLayout, deliveryLayout})
        layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    static const QSet<QString> common = commonKeys();
    for (const KeySpec &spec : ConfigSchema::keys(type)) {
        if (scope == Scope::FailoverAlternative && isFailoverKey(spec.key))
            continue;
        const bool isCommon = common.contains(spec.key);
        ConfigField *field = ConfigField::create(spec, type, isCommon ? delivery : own);
        m_fields.append(field);
        if (auto *failover = qobject_cast<FailoverField *>(field))
            m_failover = failover;
        connect(field, &ConfigField::edited, this, &DistributorForm::fieldEdited);

        auto *label = new QLabel(spec.key, this);
        label->setToolTip(field->toolTip());
        label->setBuddy(field);
        QWidget *row = field;
        if (spec.advisory) {
            // Kept so old configs load, but the operator must not expect anything of it.
            row = new QWidget(this);
            auto *rowLayout = new QHBoxLayout(row);
            rowLayout->setContentsMargins(0, 0, 0, 0);
            field->setParent(row);
            rowLayout->addWidget(field, 1);
            auto *note = new QLabel(tr("has no effect"), row);
            note->setObjectName(QStringLiteral("advisoryNote"));
            note->setToolTip(field->toolTip());
            rowLayout->addWidget(note);
        }
        (isCommon ? deliveryLayout : ownLayout)->addRow(label, row);
    }

    m_unknownNote->setWordWrap(true);
    m_unknownNote->hide();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(own);
    layout->addWidget(delivery);
    layout->addWidget(m_unknownNote);
    layout->addStretch();
    setBaseConfig({});
}

void DistributorForm::setConfig(const QJsonObject &config) {
    m_unknown = config;
    for (ConfigField *field : std::as_const(m_fields)) {
        field->setValue(config.value(field->spec().key));
        m_unknown.remove(field->spec().key);
    }
    m_unknownNote->setVisible(!m_unknown.isEmpty());
    m_unknownNote->setText(tr("Kept as written, not known to this form: %1")
                               .arg(m_unknown.keys().join(QStringLiteral(", "))));
    if (m_failover)
        m_failover->setPrimary(this->config());
}

QJsonObject DistributorForm::config() const {
    QJsonObject config = m_unknown;
    for (const ConfigField *field : m_fields) {
        const QJsonValue value = field->value();
        if (!value.isUndefined())
            config.insert(field->spec().key, value);
    }
    return config;
}

void DistributorForm::setBaseConfig(const QJsonObject &base) {
    for (ConfigField *field : std::as_const(m_fields))
        field->setFallback(base.value(field->spec().key));
}

ConfigField *DistributorForm::field(const QString &key) const {
    for (ConfigField *field : m_fields) {
        if (field->spec().key == key)
            return field;
    }
    return nullptr;
}

void DistributorForm::fieldEdited() {
    if (m_failover)
        m_failover->setPrimary(config());
    emit edited();
}
