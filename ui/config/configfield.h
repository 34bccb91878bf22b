#pragma once

#include "configschema.h"

#include <QJsonValue>
#include <QWidget>

// The editor of one config key in a distributor form. An empty field means "absent": the key
// is not written and the fallback (the base config's value or the key's default) applies, which
// the field shows as its placeholder. Every field takes `${VAR}` references as written.
class ConfigField : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfigField)

public:
    // The field for `spec`; `type` is the distributor type, which nested forms need.
    static ConfigField *create(const KeySpec &spec, DistributorType type, QWidget *parent);

    const KeySpec &spec() const { return m_spec; }
    // Undefined when the operator left the field empty.
    virtual QJsonValue value() const = 0;
    virtual void setValue(const QJsonValue &value) = 0;
    // What applies while the field is empty; Undefined for the key's own default.
    virtual void setFallback(const QJsonValue &fallback) = 0;

    // Scalar JSON as a person types it ("8080", "true", "text"); compact JSON otherwise.
    static QString displayText(const QJsonValue &value);
    // The placeholder text for `fallback`, or for the key's default when it is Undefined.
    QString placeholderFor(const QJsonValue &fallback) const;

signals:
    void edited();

protected:
    ConfigField(const KeySpec &spec, QWidget *parent);

private:
    KeySpec m_spec;
};
