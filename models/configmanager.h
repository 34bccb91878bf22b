#pragma once

#include "builtintemplates.h"
#include "environment.h"
#include "result.h"
#include "runtimeinfo.h"
#include "sessionconfig.h"
#include "validationresult.h"

#include <QMap>
#include <QStringList>

#include <optional>

// Templates, merging, validation and environment handling for session configs (SPEC §1).
// A value-owning object with no signals: the GUI and the engine each keep their own instance.
class ConfigManager {
public:
    enum class UpdateMode { Replace, Merge };

    explicit ConfigManager(Environment environment = Environment());

    const Environment &environment() const { return m_environment; }
    // Variables the operator sets for this run (never written to files).
    void setVariable(const QString &name, const QString &value);
    void unsetVariable(const QString &name);
    // Reads the process environment again; built-in templates follow it from the next call on.
    void reloadEnvironment();

    // Adds or replaces a template; a built-in name is replaced for this manager only.
    void registerTemplate(const QString &name, const DistributorConfigMap &distributors,
                          const QString &description = {});
    // Removes a custom template (a replaced built-in comes back). False for unknown names.
    bool unregisterTemplate(const QString &name);
    std::optional<ConfigTemplate> getTemplate(const QString &name) const;
    QStringList listTemplates() const;
    bool isBuiltInTemplate(const QString &name) const;

    Result<SessionConfig> buildConfigFromTemplate(const QString &name,
                                                  const DistributorConfigMap &overrides) const;
    Result<SessionConfig> createSessionConfig(const SessionConfig &options);
    Result<SessionConfig> updateDistributorConfig(const SessionConfig &config, const QString &type,
                                                  const QJsonObject &newConfig,
                                                  UpdateMode mode = UpdateMode::Replace) const;

    // Both validate the config as it will run, i.e. after `${VAR}` expansion.
    ValidationResult validateDistributorConfig(const QString &type,
                                               const QJsonObject &config) const;
    SessionValidation validateSessionConfig(const SessionConfig &config) const;

    RuntimeInfo getRuntimeInfo() const;
    QStringList getValidatedConfigs() const { return m_validated.keys(); }
    void clearConfigCache() { m_validated.clear(); }

    // A distributor config as it runs: references expanded, integer and boolean keys converted.
    // Names of referenced variables that are unset are appended to `unset`.
    QJsonObject expandDistributorConfig(const QString &type, const QJsonObject &config,
                                        QStringList *unset = nullptr) const;
    SessionConfig expandSessionConfig(const SessionConfig &config,
                                      QStringList *warnings = nullptr) const;

    // Template ⊕ override for one distributor: per-key deep merge where the override wins.
    // An override that is only a reference to a variable keeps the template value as its
    // default (`${X}` over 8080 becomes `${X:-8080}`), so an unset variable means "absent".
    static QJsonObject mergeOverride(const QJsonObject &base, const QJsonObject &override);
    // The idempotent clientId suffix of SPEC §1.3 step 3.
    static QString suffixedClientId(const QString &clientId, const QString &sessionId);

private:
    SessionValidation validate(const SessionConfig &config,
                               const QList<TemplateProblem> &problems) const;

    Environment m_environment;
    QStringList m_customOrder;
    QMap<QString, ConfigTemplate> m_custom;
    QMap<QString, SessionConfig> m_validated;
};
