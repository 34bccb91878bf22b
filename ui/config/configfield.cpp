#include "configfield.h"

#include "collectionfields.h"
#include "failoverfield.h"
#include "jsonutil.h"
#include "scalarfields.h"

#include <QCoreApplication>

ConfigField::ConfigField(const KeySpec &spec, QWidget *parent)
    : QWidget(parent)
    , m_spec(spec) {
    setObjectName(spec.key);
    setToolTip(QCoreApplication::translate("ConfigSchema", spec.help));
}

ConfigField *ConfigField::create(const KeySpec &spec, DistributorType type, QWidget *parent) {
    switch (spec.kind) {
    case KeySpec::Kind::String:
    case KeySpec::Kind::Url:
        return new TextField(spec, parent);
    case KeySpec::Kind::Integer:
        return new IntegerField(spec, parent);
    case KeySpec::Kind::Boolean:
    case KeySpec::Kind::Choice:
        return new ChoiceField(spec, parent);
    case KeySpec::Kind::StringMap:
        return new StringMapField(spec, parent);
    case KeySpec::Kind::StringList:
    case KeySpec::Kind::Targets:
        return new StringListField(spec, parent);
    case KeySpec::Kind::ConfigList:
        return new FailoverField(spec, type, parent);
    }
    return new TextField(spec, parent);
}

QString ConfigField::displayText(const QJsonValue &value) {
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        const double number = value.toDouble();
        if (number == double(qint64(number)))
            return QString::number(qint64(number));
        return QString::number(number);
    }
    case QJsonValue::Undefined:
    case QJsonValue::Null:
        return {};
    case QJsonValue::Object:
    case QJsonValue::Array:
        break;
    }
    return QString::fromUtf8(JsonUtil::compact(value));
}

QString ConfigField::placeholderFor(const QJsonValue &fallback) const {
    const QJsonValue shown = fallback.isUndefined() ? m_spec.defaultValue : fallback;
    if (shown.isUndefined())
        return tr("not set");
    if (m_spec.secret)
        return tr("(set in the base configuration)");
    if (fallback.isUndefined())
        return tr("default: %1").arg(displayText(shown));
    return tr("inherited: %1").arg(displayText(shown));
}
