#pragma once

#include "distributorconfigmap.h"

#include <QList>
#include <QString>
#include <QStringList>

class Environment;

// A named starting point for a session: distributor configs plus a one-line description.
struct ConfigTemplate {
    QString name;
    QString description;
    DistributorConfigMap distributors;
    bool builtIn = false;
};

// A value a built-in template read from the environment and could not use, reported as a
// validation error of the session that uses the template (unless the session overrides the key).
struct TemplateProblem {
    QString type;
    QString key;
    QString message;
};

// An environment variable a template reads, for getRuntimeInfo's catalogue (SPEC §1.5).
struct EnvironmentVariableSpec {
    QString name;
    QStringList usedBy;
    QString fallback; // what applies when the variable is unset
};

namespace BuiltInTemplates {

// Names in the specification's order.
QStringList names();
// The five templates of SPEC §1.2 with the environment's current values.
QList<ConfigTemplate> build(const Environment &environment);
// Problems with the environment values that `name` uses.
QList<TemplateProblem> problems(const QString &name, const Environment &environment);
const QList<EnvironmentVariableSpec> &variables();

} // namespace BuiltInTemplates
