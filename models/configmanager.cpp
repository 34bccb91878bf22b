#include "configmanager.h"

#include "configschema.h"
#include "distributortype.h"
#include "distributorvalidator.h"
#include "jsonutil.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSysInfo>

namespace {

const QString MqttType = QStringLiteral("mqtt");
const QString ClientIdKey = QStringLiteral("clientId");
const QString FailoverKey = QStringLiteral("failover");

QString scalarText(const QJsonValue &value) {
    if (value.isString())
        return value.toString();
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isDouble())
        return QString::fromUtf8(JsonUtil::compact(value));
    return {};
}

bool isSecretName(const QString &name) {
    static const QRegularExpression pattern(QStringLiteral("TOKEN|PASSWORD|USERNAME|SECRET|KEY"),
                                            QRegularExpression::CaseInsensitiveOption);
    return pattern.match(name).hasMatch();
}

QJsonObject withSuffix(QJsonObject config, const QString &sessionId) {
    const QString clientId = config.value(ClientIdKey).toString();
    if (!clientId.isEmpty())
        config.insert(ClientIdKey, ConfigManager::suffixedClientId(clientId, sessionId));
    if (config.value(FailoverKey).isArray()) {
        QJsonArray alternatives;
        for (const QJsonValue &alternative : config.value(FailoverKey).toArray())
            alternatives.append(withSuffix(alternative.toObject(), sessionId));
        config.insert(FailoverKey, alternatives);
    }
    return config;
}

QSet<QString> keysOfKind(DistributorType type, KeySpec::Kind kind) {
    QSet<QString> keys;
    for (const KeySpec &spec : ConfigSchema::keys(type)) {
        if (spec.kind == kind)
            keys.insert(spec.key);
    }
    if (kind == KeySpec::Kind::Integer)
        keys.insert(QStringLiteral("port")); // also inside UDP targets
    return keys;
}

} // namespace

ConfigManager::ConfigManager(Environment environment)
    : m_environment(std::move(environment)) {}

void ConfigManager::setVariable(const QString &name, const QString &value) {
    m_environment.set(name, value);
}

void ConfigManager::unsetVariable(const QString &name) {
    m_environment.unset(name);
}

void ConfigManager::reloadEnvironment() {
    m_environment.reload();
}

void ConfigManager::registerTemplate(const QString &name, const DistributorConfigMap &distributors,
                                     const QString &description) {
    if (!m_custom.contains(name) && !BuiltInTemplates::names().contains(name))
        m_customOrder.append(name);
    m_custom.insert(name, ConfigTemplate{name, description, distributors, false});
}

bool ConfigManager::unregisterTemplate(const QString &name) {
    if (!m_custom.remove(name))
        return false;
    m_customOrder.removeAll(name);
    return true;
}

std::optional<ConfigTemplate> ConfigManager::getTemplate(const QString &name) const {
    if (const auto it = m_custom.constFind(name); it != m_custom.constEnd())
        return *it;
    for (const ConfigTemplate &builtIn : BuiltInTemplates::build(m_environment)) {
        if (builtIn.name == name)
            return builtIn;
    }
    return std::nullopt;
}

QStringList ConfigManager::listTemplates() const {
    return BuiltInTemplates::names() + m_customOrder;
}

bool ConfigManager::isBuiltInTemplate(const QString &name) const {
    return BuiltInTemplates::names().contains(name) && !m_custom.contains(name);
}

Result<SessionConfig>
ConfigManager::buildConfigFromTemplate(const QString &name,
                                       const DistributorConfigMap &overrides) const {
    const auto found = getTemplate(name);
    if (!found)
        return Result<SessionConfig>::failure(
            QStringLiteral("Configuration template not found: %1").arg(name));
    SessionConfig config;
    config.templateName = QString(); // already applied
    config.options.insert(QStringLiteral("basedOnTemplate"), name);
    config.distributors = found->distributors;
    for (const auto &[type, override] : overrides.entries()) {
        config.distributors.insert(type, config.distributors.contains(type) ? mergeOverride(
                                             config.distributors.value(type), override)
                                                                            : override);
    }
    return Result<SessionConfig>::success(config);
}

Result<SessionConfig> ConfigManager::createSessionConfig(const SessionConfig &options) {
    const QString templateName = options.templateName.value_or(SessionConfig::DefaultTemplate);
    SessionConfig config = options;
    QList<TemplateProblem> problems;
    if (!templateName.isEmpty()) {
        const Result<SessionConfig> built =
            buildConfigFromTemplate(templateName, options.distributors);
        if (!built)
            return built;
        config.distributors = built->distributors;
        config.options.insert(QStringLiteral("basedOnTemplate"), templateName);
        if (isBuiltInTemplate(templateName)) {
            for (const TemplateProblem &problem :
                 BuiltInTemplates::problems(templateName, m_environment)) {
                if (!options.distributors.value(problem.type).contains(problem.key))
                    problems.append(problem);
            }
        }
    }
    // Applied to the result only, never to a template, and only once (SPEC §1.3 step 3).
    config.templateName = QString();
    if (!config.sessionId.isEmpty() && config.distributors.contains(MqttType))
        config.distributors.insert(
            MqttType, withSuffix(config.distributors.value(MqttType), config.sessionId));

    const SessionValidation validation = validate(config, problems);
    if (!validation.valid)
        return Result<SessionConfig>::failure(QStringLiteral("Invalid session configuration: ")
                                                  + validation.errors.join(QStringLiteral("; ")),
                                              validation.warnings);

    const QString cacheKey =
        (templateName.isEmpty() ? QStringLiteral("custom") : templateName) + QLatin1Char('_')
        + (config.sessionId.isEmpty() ? QStringLiteral("default") : config.sessionId);
    m_validated.insert(cacheKey, config);
    return Result<SessionConfig>::success(config, validation.warnings);
}

Result<SessionConfig> ConfigManager::updateDistributorConfig(const SessionConfig &config,
                                                             const QString &type,
                                                             const QJsonObject &newConfig,
                                                             UpdateMode mode) const {
    const QJsonObject effective = mode == UpdateMode::Merge
                                      ? mergeOverride(config.distributors.value(type), newConfig)
                                      : newConfig;
    const ValidationResult result = validateDistributorConfig(type, effective);
    if (!result.valid)
        return Result<SessionConfig>::failure(
            QStringLiteral("Invalid %1 configuration: %2")
                .arg(type, result.errors.join(QStringLiteral("; "))),
            result.warnings);
    SessionConfig updated = config;
    updated.distributors.insert(type, effective);
    return Result<SessionConfig>::success(updated, result.warnings);
}

ValidationResult ConfigManager::validateDistributorConfig(const QString &type,
                                                          const QJsonObject &config) const {
    QStringList unset;
    ValidationResult result =
        DistributorValidator::validate(type, expandDistributorConfig(type, config, &unset));
    for (const QString &name : std::as_const(unset))
        result.warnings.append(QStringLiteral("environment variable %1 is not set").arg(name));
    return result;
}

SessionValidation ConfigManager::validateSessionConfig(const SessionConfig &config) const {
    return validate(config, {});
}

SessionValidation ConfigManager::validate(const SessionConfig &config,
                                          const QList<TemplateProblem> &problems) const {
    SessionValidation validation;
    for (const auto &[type, distributorConfig] : config.distributors.entries()) {
        ValidationResult result = validateDistributorConfig(type, distributorConfig);
        QStringList errors;
        for (const TemplateProblem &problem : problems) {
            if (problem.type == type)
                errors.append(problem.message);
        }
        // A problem with an environment value explains the error it causes; keep just one.
        if (!errors.isEmpty()) {
            result.errors = errors;
            result.valid = false;
        }
        if (!result.valid)
            validation.errors.append(type + QStringLiteral(": ")
                                     + result.errors.join(QStringLiteral(", ")));
        for (const QString &warning : std::as_const(result.warnings))
            validation.warnings.append(type + QStringLiteral(": ") + warning);
        validation.distributorResults.append({type, result});
    }

    for (const EventRouting::Route &route : config.eventRouting.routes()) {
        if (!route.isList()) {
            validation.errors.append(
                QStringLiteral("Event routing for %1 must be an array").arg(route.event));
            continue;
        }
        const QJsonArray entries = route.targets.toArray();
        if (!std::all_of(entries.begin(), entries.end(),
                         [](const QJsonValue &v) { return v.isString(); })) {
            validation.errors.append(
                QStringLiteral("Event routing for %1 must list distributor types as strings")
                    .arg(route.event));
            continue;
        }
        QStringList unconfigured;
        for (const QString &type : route.types()) {
            if (!config.distributors.contains(type))
                unconfigured.append(type);
        }
        if (!unconfigured.isEmpty())
            validation.warnings.append(
                QStringLiteral("Event %1 routes to unconfigured distributors: %2")
                    .arg(route.event, unconfigured.join(QStringLiteral(", "))));
    }

    if (config.enabledDistributors) {
        QStringList unconfigured;
        for (const QString &type : *config.enabledDistributors) {
            if (!config.distributors.contains(type))
                unconfigured.append(type);
        }
        if (!unconfigured.isEmpty())
            validation.warnings.append(QStringLiteral("Enabled distributors not configured: %1")
                                           .arg(unconfigured.join(QStringLiteral(", "))));
    }

    static const QRegularExpression idPattern(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
    if (!config.sessionId.isEmpty() && !idPattern.match(config.sessionId).hasMatch())
        validation.errors.append(
            QStringLiteral("sessionId must be 1-64 characters: letters, digits, '.', '_' or '-'"));
    validation.errors.append(
        ConfigSchema::checkSessionTypes(config.options, QString(), KeySpec::Check::KindAndRange));

    validation.valid = validation.errors.isEmpty();
    return validation;
}

RuntimeInfo ConfigManager::getRuntimeInfo() const {
    RuntimeInfo info;
    info.platform = QSysInfo::prettyProductName();
    info.environment =
        m_environment.value(QStringLiteral("NODE_ENV")).value_or(QStringLiteral("development"));
    info.availableTemplates = listTemplates();
    info.validatedConfigs = int(m_validated.size());

    auto addVariable = [&](const QString &name, const QStringList &usedBy,
                           const QString &fallback) {
        for (RuntimeInfo::Variable &existing : info.variables) {
            if (existing.name == name) {
                for (const QString &user : usedBy) {
                    if (!existing.usedBy.contains(user))
                        existing.usedBy.append(user);
                }
                return;
            }
        }
        RuntimeInfo::Variable variable;
        variable.name = name;
        variable.usedBy = usedBy;
        variable.fallback = fallback;
        variable.secret = isSecretName(name);
        const auto value = m_environment.value(name);
        variable.set = value.has_value() && !value->isEmpty();
        if (variable.secret || !variable.set)
            variable.value = variable.set ? QStringLiteral("[SET]") : QStringLiteral("[NOT SET]");
        else
            variable.value = *value;
        info.variables.append(variable);
    };

    for (const EnvironmentVariableSpec &spec : BuiltInTemplates::variables()) {
        QStringList usedBy;
        for (const QString &user : spec.usedBy) {
            if (isBuiltInTemplate(user))
                usedBy.append(user);
        }
        addVariable(spec.name, usedBy, spec.fallback);
    }
    for (const QString &name : m_customOrder) {
        const QJsonObject distributors = m_custom.value(name).distributors.toJson();
        for (const QString &variable : Environment::referencedNames(distributors))
            addVariable(variable, {name}, QString());
    }
    return info;
}

QJsonObject ConfigManager::expandDistributorConfig(const QString &type, const QJsonObject &config,
                                                   QStringList *unset) const {
    const auto known = DistributorTypes::fromName(type);
    if (!known)
        return m_environment.expandObject(config, {}, {}, unset);
    return m_environment.expandObject(config, keysOfKind(*known, KeySpec::Kind::Integer),
                                      keysOfKind(*known, KeySpec::Kind::Boolean), unset);
}

SessionConfig ConfigManager::expandSessionConfig(const SessionConfig &config,
                                                 QStringList *warnings) const {
    SessionConfig expanded = config;
    for (const auto &[type, distributorConfig] : config.distributors.entries()) {
        QStringList unset;
        expanded.distributors.insert(type,
                                     expandDistributorConfig(type, distributorConfig, &unset));
        if (warnings) {
            for (const QString &name : std::as_const(unset))
                warnings->append(
                    QStringLiteral("%1: environment variable %2 is not set").arg(type, name));
        }
    }
    return expanded;
}

QJsonObject ConfigManager::mergeOverride(const QJsonObject &base, const QJsonObject &override) {
    QJsonObject merged = base;
    for (auto it = override.begin(); it != override.end(); ++it) {
        const QJsonValue value = it.value();
        const QJsonValue current = merged.value(it.key());
        if (value.isNull()) {
            merged.remove(it.key());
        } else if (value.isObject() && current.isObject()) {
            merged.insert(it.key(), mergeOverride(current.toObject(), value.toObject()));
        } else if (ConfigSchema::isPureReference(value)
                   && !value.toString().contains(QLatin1String(":-"))
                   && !scalarText(current).isEmpty()
                   && !scalarText(current).contains(QLatin1Char('}'))) {
            QString reference = value.toString();
            reference.chop(1);
            merged.insert(it.key(), QString(reference + QStringLiteral(":-") + scalarText(current)
                                            + QLatin1Char('}')));
        } else {
            merged.insert(it.key(), value);
        }
    }
    return merged;
}

QString ConfigManager::suffixedClientId(const QString &clientId, const QString &sessionId) {
    if (sessionId.isEmpty() || clientId.endsWith(QLatin1Char('-') + sessionId))
        return clientId;
    return clientId + QLatin1Char('-') + sessionId;
}
