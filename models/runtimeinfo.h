#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// getRuntimeInfo's answer (SPEC §1.5 [REC]): which environment variables the templates read,
// whether each is set, and its value unless it is a secret.
struct RuntimeInfo {
    struct Variable {
        QString name;
        bool set = false;
        bool secret = false;
        QStringList usedBy;
        QString value; // "[SET]" / "[NOT SET]" for secrets, the value otherwise
        QString fallback;
    };

    QString platform;
    QString environment;
    QList<Variable> variables;
    QStringList availableTemplates;
    int validatedConfigs = 0;

    const Variable *find(const QString &name) const {
        for (const Variable &variable : variables) {
            if (variable.name == name)
                return &variable;
        }
        return nullptr;
    }

    QJsonObject toJson() const;
};
