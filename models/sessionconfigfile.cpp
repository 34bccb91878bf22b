#include "sessionconfigfile.h"

#include "configschema.h"
#include "distributortype.h"
#include "environment.h"
#include "jsonutil.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>
#include <QSaveFile>

#include <cmath>

namespace SessionConfigFile {

namespace {

const QString FormatKey = QStringLiteral("format");
const QString VersionKey = QStringLiteral("version");

SessionConfigLoad invalid(const QStringList &errors) {
    SessionConfigLoad load;
    load.status = SessionConfigLoad::Status::Invalid;
    load.errors = errors;
    return load;
}

bool isStringArray(const QJsonValue &value) {
    if (!value.isArray())
        return false;
    const QJsonArray array = value.toArray();
    return std::all_of(array.begin(), array.end(),
                       [](const QJsonValue &v) { return v.isString(); });
}

QStringList checkDistributors(const QJsonValue &value) {
    if (!value.isObject())
        return {QStringLiteral("distributors: expected an object of distributor configs")};
    QStringList errors;
    const QJsonObject distributors = value.toObject();
    for (auto it = distributors.begin(); it != distributors.end(); ++it) {
        const QString path = QStringLiteral("distributors.") + it.key();
        if (!it.value().isObject()) {
            errors.append(path + QStringLiteral(": expected an object"));
            continue;
        }
        const auto type = DistributorTypes::fromName(it.key());
        if (!type)
            continue; // the validator reports "Unknown distributor type"
        const QJsonObject config = it.value().toObject();
        errors.append(ConfigSchema::checkTypes(*type, config, path + QLatin1Char('.'),
                                               KeySpec::Check::KindOnly));
        const QJsonArray alternatives = config.value(QStringLiteral("failover")).toArray();
        for (qsizetype i = 0; i < alternatives.size(); ++i) {
            errors.append(ConfigSchema::checkTypes(*type, alternatives.at(i).toObject(),
                                                   path + QStringLiteral(".failover[%1].").arg(i),
                                                   KeySpec::Check::KindOnly));
        }
    }
    return errors;
}

// Type errors with key paths, before any rule of the validator runs.
QStringList checkTypes(const QJsonObject &root) {
    QStringList errors;
    const QJsonValue sessionId = root.value(QStringLiteral("sessionId"));
    if (!sessionId.isUndefined() && !sessionId.isNull() && !sessionId.isString())
        errors.append(QStringLiteral("sessionId: expected a string"));
    const QJsonValue templateName = root.value(QStringLiteral("template"));
    if (!templateName.isUndefined() && !templateName.isNull() && !templateName.isString())
        errors.append(QStringLiteral("template: expected a template name or null"));
    const QJsonValue enabled = root.value(QStringLiteral("enabledDistributors"));
    if (!enabled.isUndefined() && !enabled.isNull() && !isStringArray(enabled))
        errors.append(
            QStringLiteral("enabledDistributors: expected an array of distributor types"));
    const QJsonValue distributors = root.value(QStringLiteral("distributors"));
    if (!distributors.isUndefined())
        errors.append(checkDistributors(distributors));
    const QJsonValue routing = root.value(QStringLiteral("eventRouting"));
    if (!routing.isUndefined() && !routing.isObject())
        errors.append(QStringLiteral("eventRouting: expected an object of event names"));
    errors.append(ConfigSchema::checkSessionTypes(root, QString(), KeySpec::Check::KindOnly));
    return errors;
}

QStringList prefixed(const QString &source, const QStringList &messages) {
    QStringList out;
    for (const QString &message : messages)
        out.append(source + QStringLiteral(": ") + message);
    return out;
}

bool isSecretKey(const QString &key) {
    static const QRegularExpression pattern(
        QStringLiteral("password|passwd|secret|token|authorization|api[-_]?key|cookie"),
        QRegularExpression::CaseInsensitiveOption);
    return pattern.match(key).hasMatch();
}

// "${TOKEN}" or "Bearer ${TOKEN}": a reference with at most an auth scheme around it.
bool isReferenceOnly(const QString &text) {
    if (!Environment::containsReference(text))
        return false;
    static const QRegularExpression reference(QStringLiteral(R"(\$\{[^}]*\})"));
    QString literal = text;
    literal.remove(reference);
    static const QRegularExpression scheme(QStringLiteral(R"(^\s*(Bearer|Basic|Token)?\s*$)"),
                                           QRegularExpression::CaseInsensitiveOption);
    return scheme.match(literal).hasMatch();
}

QStringList keyOrder(const QStringList &path, const QJsonObject &object,
                     const SessionConfig &config) {
    if (path.isEmpty()) {
        QStringList order{FormatKey,
                          VersionKey,
                          QStringLiteral("sessionId"),
                          QStringLiteral("basedOnTemplate"),
                          QStringLiteral("template"),
                          QStringLiteral("enabledDistributors"),
                          QStringLiteral("distributors"),
                          QStringLiteral("eventRouting")};
        for (const KeySpec &spec : ConfigSchema::sessionKeys())
            order.append(spec.key);
        return orderedKeys(object, order);
    }
    if (path == QStringList{QStringLiteral("distributors")})
        return orderedKeys(object, config.distributors.types());
    if (path == QStringList{QStringLiteral("eventRouting")})
        return orderedKeys(object, config.eventRouting.events());
    if (path.size() == 2 && path.first() == QLatin1String("distributors")) {
        QStringList order;
        if (const auto type = DistributorTypes::fromName(path.at(1))) {
            for (const KeySpec &spec : ConfigSchema::keys(*type))
                order.append(spec.key);
        }
        return orderedKeys(object, order);
    }
    return object.keys();
}

} // namespace

SessionConfigLoad load(const QString &path) {
    QFile file(path);
    const QFileInfo info(path);
    if (!info.exists() || !info.isFile() || !file.open(QIODevice::ReadOnly)) {
        SessionConfigLoad load;
        load.status = SessionConfigLoad::Status::Unreadable;
        load.errors.append(
            QStringLiteral("%1: cannot read: %2")
                .arg(path, info.exists() ? file.errorString() : QStringLiteral("no such file")));
        return load;
    }
    if (file.size() > MaxFileSize)
        return invalid({QStringLiteral("%1: file is too large (%2 bytes; the limit is %3 MiB)")
                            .arg(path)
                            .arg(file.size())
                            .arg(MaxFileSize / (1024 * 1024))});
    return parse(file.readAll(), path);
}

SessionConfigLoad parse(const QByteArray &text, const QString &source) {
    if (text.size() > MaxFileSize)
        return invalid({QStringLiteral("%1: too large (%2 bytes; the limit is %3 MiB)")
                            .arg(source)
                            .arg(text.size())
                            .arg(MaxFileSize / (1024 * 1024))});
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const auto [line, column] = JsonUtil::lineAndColumn(text, parseError.offset);
        return invalid({QStringLiteral("%1:%2:%3: not valid JSON: %4")
                            .arg(source)
                            .arg(line)
                            .arg(column)
                            .arg(parseError.errorString())});
    }
    if (!document.isObject())
        return invalid({source + QStringLiteral(": expected a JSON object at the top level")});

    QJsonObject root = document.object();
    if (root.contains(FormatKey)) {
        const QJsonValue format = root.value(FormatKey);
        if (format.toString() != FormatName)
            return invalid(
                {QStringLiteral("%1: format: unknown format %2 (expected \"%3\")")
                     .arg(source, QString::fromUtf8(JsonUtil::compact(format)), FormatName)});
        const QJsonValue version = root.value(VersionKey);
        const double number = version.toDouble(-1);
        if (!version.isDouble() || number < 1 || number != std::floor(number))
            return invalid({source + QStringLiteral(": version: expected an integer 1 or higher")});
        if (number > FormatVersion)
            return invalid({QStringLiteral("%1: version: file version %2 is newer than this "
                                           "LabRelay reads (%3); open it with a newer LabRelay")
                                .arg(source)
                                .arg(qint64(number))
                                .arg(FormatVersion)});
        root.remove(FormatKey);
        root.remove(VersionKey);
    }

    const QStringList typeErrors = checkTypes(root);
    if (!typeErrors.isEmpty())
        return invalid(prefixed(source, typeErrors));

    SessionConfigLoad load;
    load.status = SessionConfigLoad::Status::Loaded;
    load.config = SessionConfig::fromJson(
        root, JsonUtil::keysInDocumentOrder(text, {QStringLiteral("distributors")}),
        JsonUtil::keysInDocumentOrder(text, {QStringLiteral("eventRouting")}));
    return load;
}

QJsonObject withoutSecrets(const QJsonObject &object, const QString &path, QStringList *omitted) {
    QJsonObject result;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString keyPath = path.isEmpty() ? it.key() : path + QLatin1Char('.') + it.key();
        const QJsonValue value = it.value();
        if (value.isString() && isSecretKey(it.key()) && !isReferenceOnly(value.toString())) {
            if (omitted)
                omitted->append(keyPath);
            continue;
        }
        if (value.isObject()) {
            result.insert(it.key(), withoutSecrets(value.toObject(), keyPath, omitted));
        } else if (value.isArray()) {
            QJsonArray array;
            const QJsonArray items = value.toArray();
            for (qsizetype i = 0; i < items.size(); ++i) {
                const QJsonValue item = items.at(i);
                array.append(item.isObject() ? QJsonValue(withoutSecrets(
                                 item.toObject(), keyPath + QStringLiteral("[%1]").arg(i), omitted))
                                             : item);
            }
            result.insert(it.key(), array);
        } else {
            result.insert(it.key(), value);
        }
    }
    return result;
}

QByteArray serialize(const SessionConfig &config, Secrets secrets, QStringList *omitted) {
    QJsonObject root = config.toJson();
    if (secrets == Secrets::Omit)
        root = withoutSecrets(root, QString(), omitted);
    root.insert(FormatKey, FormatName);
    root.insert(VersionKey, FormatVersion);
    return JsonUtil::writeIndented(root,
                                   [&config](const QStringList &path, const QJsonObject &object) {
                                       return keyOrder(path, object, config);
                                   });
}

bool save(const QString &path, const SessionConfig &config, Secrets secrets, QString *error,
          QStringList *omitted) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QStringLiteral("%1: cannot write: %2").arg(path, file.errorString());
        return false;
    }
    file.write(serialize(config, secrets, omitted));
    if (!file.commit()) {
        if (error)
            *error = QStringLiteral("%1: cannot write: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace SessionConfigFile
