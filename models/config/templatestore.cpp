#include "templatestore.h"

#include "configmanager.h"
#include "configschema.h"
#include "jsonutil.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>

#include <cmath>

namespace {

const QString FormatKey = QStringLiteral("format");
const QString VersionKey = QStringLiteral("version");
const QString TemplatesKey = QStringLiteral("templates");
const QString DescriptionKey = QStringLiteral("description");
const QString DistributorsKey = QStringLiteral("distributors");

// Problems of one stored template, each as "<key path>: <problem>".
QStringList checkEntry(const QString &name, const QJsonValue &value) {
    const QString path = TemplatesKey + QLatin1Char('.') + name;
    if (!value.isObject())
        return {path + TemplateStore::tr(": expected an object with description and distributors")};
    QStringList errors;
    if (const QString nameProblem = TemplateStore::nameError(name, BuiltInTemplates::names());
        !nameProblem.isEmpty())
        errors.append(path + QStringLiteral(": ") + nameProblem);
    const QJsonObject entry = value.toObject();
    const QJsonValue description = entry.value(DescriptionKey);
    if (!description.isUndefined() && !description.isString())
        errors.append(path + QLatin1Char('.') + DescriptionKey
                      + TemplateStore::tr(": expected a string"));
    const QJsonValue distributors = entry.value(DistributorsKey);
    if (!distributors.isObject())
        return errors << path + QLatin1Char('.') + DistributorsKey
                             + TemplateStore::tr(": expected an object of distributor configs");
    const QJsonObject configs = distributors.toObject();
    for (auto it = configs.begin(); it != configs.end(); ++it) {
        const QString configPath =
            path + QLatin1Char('.') + DistributorsKey + QLatin1Char('.') + it.key();
        const auto type = DistributorTypes::fromName(it.key());
        if (!type)
            errors.append(configPath + TemplateStore::tr(": unknown distributor type"));
        else if (!it.value().isObject())
            errors.append(configPath + TemplateStore::tr(": expected an object"));
        else
            errors.append(ConfigSchema::checkTypes(*type, it.value().toObject(),
                                                   configPath + QLatin1Char('.'),
                                                   KeySpec::Check::KindOnly));
    }
    return errors;
}

QString unusedBackupPath(const QString &path) {
    const QString base = path + QStringLiteral(".unreadable-")
                         + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-hhmmss"));
    QString candidate = base;
    for (int i = 2; QFileInfo::exists(candidate); ++i)
        candidate = base + QLatin1Char('-') + QString::number(i);
    return candidate;
}

} // namespace

TemplateStore::TemplateStore(QString path)
    : m_path(std::move(path)) {}

QString TemplateStore::defaultPath() {
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation)
           + QStringLiteral("/templates.json");
}

QStringList TemplateStore::load() {
    m_templates.clear();
    m_keepCopy = false;
    QFile file(m_path);
    if (!file.exists())
        return {};
    // From here on, whatever cannot be taken in must survive the next write.
    m_keepCopy = true;
    if (!file.open(QIODevice::ReadOnly))
        return {m_path + tr(": cannot read: ") + file.errorString()};
    if (file.size() > MaxFileSize)
        return {m_path + tr(": file is too large (the limit is 8 MiB)")};
    const QByteArray text = file.readAll();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const auto [line, column] = JsonUtil::lineAndColumn(text, parseError.offset);
        return {QStringLiteral("%1:%2:%3: ").arg(m_path).arg(line).arg(column)
                + tr("not valid JSON: ") + parseError.errorString()};
    }
    const QJsonObject root = document.object();
    if (!document.isObject() || root.value(FormatKey).toString() != FormatName)
        return {
            m_path
            + tr(": not a LabRelay template file (expected \"format\": \"%1\")").arg(FormatName)};
    const double version = root.value(VersionKey).toDouble(-1);
    if (version < 1 || version != std::floor(version) || version > FormatVersion)
        return {m_path + tr(": version: expected %1").arg(FormatVersion)};
    if (!root.value(TemplatesKey).isObject())
        return {m_path + QStringLiteral(": ") + TemplatesKey + tr(": expected an object")};

    QStringList problems;
    const QJsonObject templates = root.value(TemplatesKey).toObject();
    for (const QString &name : JsonUtil::keysInDocumentOrder(text, {TemplatesKey})) {
        const QJsonValue value = templates.value(name);
        const QStringList errors = checkEntry(name, value);
        if (!errors.isEmpty()) {
            for (const QString &error : errors)
                problems.append(m_path + QStringLiteral(": ") + error);
            continue;
        }
        const QJsonObject entry = value.toObject();
        ConfigTemplate loaded;
        loaded.name = name;
        loaded.description = entry.value(DescriptionKey).toString();
        loaded.distributors = DistributorConfigMap::fromJson(
            entry.value(DistributorsKey).toObject(),
            JsonUtil::keysInDocumentOrder(text, {TemplatesKey, name, DistributorsKey}));
        m_templates.append(loaded);
    }
    m_keepCopy = !problems.isEmpty();
    return problems;
}

QStringList TemplateStore::names() const {
    QStringList result;
    for (const ConfigTemplate &stored : m_templates)
        result.append(stored.name);
    return result;
}

std::optional<ConfigTemplate> TemplateStore::find(const QString &name) const {
    for (const ConfigTemplate &stored : m_templates) {
        if (stored.name == name)
            return stored;
    }
    return std::nullopt;
}

bool TemplateStore::add(const QString &name, const QString &description,
                        const DistributorConfigMap &distributors, QString *error) {
    if (const QString problem = nameError(name, BuiltInTemplates::names() + names());
        !problem.isEmpty()) {
        if (error)
            *error = problem;
        return false;
    }
    QList<ConfigTemplate> changed = m_templates;
    changed.append(ConfigTemplate{name, description, distributors, false});
    if (!write(changed, error))
        return false;
    m_templates = changed;
    return true;
}

bool TemplateStore::update(const QString &name, const QString &description,
                           const DistributorConfigMap &distributors, QString *error) {
    QList<ConfigTemplate> changed = m_templates;
    for (ConfigTemplate &stored : changed) {
        if (stored.name != name)
            continue;
        stored.description = description;
        stored.distributors = distributors;
        if (!write(changed, error))
            return false;
        m_templates = changed;
        return true;
    }
    if (error)
        *error = tr("There is no custom template named \"%1\"").arg(name);
    return false;
}

bool TemplateStore::remove(const QString &name, QString *error) {
    QList<ConfigTemplate> changed = m_templates;
    const auto removed = changed.removeIf([&](const ConfigTemplate &t) { return t.name == name; });
    if (removed == 0) {
        if (error)
            *error = tr("There is no custom template named \"%1\"").arg(name);
        return false;
    }
    if (!write(changed, error))
        return false;
    m_templates = changed;
    return true;
}

QString TemplateStore::nameError(const QString &name, const QStringList &taken) {
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_-]+$"));
    if (name.isEmpty())
        return tr("Template name must not be empty");
    if (name.size() > MaxNameLength)
        return tr("Template name must be at most %1 characters").arg(MaxNameLength);
    if (!pattern.match(name).hasMatch())
        return tr("Template name \"%1\" may only contain letters A-Z and a-z, digits, '_' and '-'")
            .arg(name);
    if (taken.contains(name))
        return tr("A template named \"%1\" already exists").arg(name);
    return {};
}

void TemplateStore::registerInto(ConfigManager &manager) const {
    for (const ConfigTemplate &stored : m_templates)
        manager.registerTemplate(stored.name, stored.distributors, stored.description);
}

bool TemplateStore::write(const QList<ConfigTemplate> &templates, QString *error) {
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (m_keepCopy && QFileInfo::exists(m_path)) {
        const QString backup = unusedBackupPath(m_path);
        if (!QFile::copy(m_path, backup))
            return fail(m_path
                        + tr(": cannot keep a copy of the unreadable file before "
                             "replacing it; move it away and try again"));
        m_backupPath = backup;
        m_keepCopy = false;
    }
    if (!QDir().mkpath(QFileInfo(m_path).absolutePath()))
        return fail(m_path + tr(": cannot create the folder"));
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(m_path + tr(": cannot write: ") + file.errorString());
    file.write(serialize(templates));
    if (!file.commit())
        return fail(m_path + tr(": cannot write: ") + file.errorString());
    return true;
}

QByteArray TemplateStore::serialize(const QList<ConfigTemplate> &templates) const {
    QJsonObject entries;
    QStringList order;
    for (const ConfigTemplate &stored : templates) {
        order.append(stored.name);
        entries.insert(stored.name, QJsonObject{{DescriptionKey, stored.description},
                                                {DistributorsKey, stored.distributors.toJson()}});
    }
    const QJsonObject root{
        {FormatKey, FormatName}, {VersionKey, FormatVersion}, {TemplatesKey, entries}};
    const auto keyOrder = [&](const QStringList &path, const QJsonObject &object) {
        if (path.isEmpty())
            return orderedKeys(object, {FormatKey, VersionKey, TemplatesKey});
        if (path.size() == 1)
            return orderedKeys(object, order);
        if (path.size() == 2)
            return orderedKeys(object, {DescriptionKey, DistributorsKey});
        const auto stored =
            std::find_if(templates.begin(), templates.end(),
                         [&](const ConfigTemplate &t) { return t.name == path.at(1); });
        if (path.size() == 3 && stored != templates.end())
            return orderedKeys(object, stored->distributors.types());
        if (path.size() == 4) {
            QStringList keys;
            if (const auto type = DistributorTypes::fromName(path.at(3))) {
                for (const KeySpec &spec : ConfigSchema::keys(*type))
                    keys.append(spec.key);
            }
            return orderedKeys(object, keys);
        }
        return object.keys();
    };
    return JsonUtil::writeIndented(root, keyOrder);
}
