#include "runtimeinfo.h"

#include <QJsonArray>

QJsonObject RuntimeInfo::toJson() const {
    QJsonObject variablesJson;
    for (const Variable &variable : variables) {
        variablesJson.insert(
            variable.name,
            QJsonObject{{QStringLiteral("set"), variable.set},
                        {QStringLiteral("value"), variable.value},
                        {QStringLiteral("secret"), variable.secret},
                        {QStringLiteral("usedBy"), QJsonArray::fromStringList(variable.usedBy)},
                        {QStringLiteral("fallback"), variable.fallback}});
    }
    return {{QStringLiteral("platform"), platform},
            {QStringLiteral("environment"), environment},
            {QStringLiteral("environmentVariables"), variablesJson},
            {QStringLiteral("availableTemplates"), QJsonArray::fromStringList(availableTemplates)},
            {QStringLiteral("validatedConfigs"), validatedConfigs}};
}
