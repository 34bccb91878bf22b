#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

struct ValidationResult {
    bool valid = true;
    QStringList errors;
    QStringList warnings;

    void addError(const QString &message) {
        errors.append(message);
        valid = false;
    }
};

// validateSessionConfig's answer: the aggregated lists plus each distributor's own result.
struct SessionValidation {
    bool valid = true;
    QStringList errors;
    QStringList warnings;
    QList<std::pair<QString, ValidationResult>> distributorResults;

    ValidationResult resultFor(const QString &type) const {
        for (const auto &[name, result] : distributorResults) {
            if (name == type)
                return result;
        }
        return {};
    }
};
