#include "environment.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace {

// ${NAME} or ${NAME:-default}; `$${` writes a literal `${`.
const QRegularExpression &referencePattern() {
    static const QRegularExpression pattern(
        QStringLiteral(R"(\$\$\{|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\})"));
    return pattern;
}

} // namespace

Environment::Environment()
    : m_process(QProcessEnvironment::systemEnvironment()) {}

Environment Environment::fromValues(const QHash<QString, QString> &values) {
    Environment environment;
    environment.m_useProcess = false;
    environment.m_process = QProcessEnvironment();
    environment.m_overrides = values;
    return environment;
}

void Environment::reload() {
    if (m_useProcess)
        m_process = QProcessEnvironment::systemEnvironment();
}

std::optional<QString> Environment::value(const QString &name) const {
    if (m_unset.contains(name))
        return std::nullopt;
    const auto it = m_overrides.constFind(name);
    if (it != m_overrides.constEnd())
        return *it;
    if (m_useProcess && m_process.contains(name))
        return m_process.value(name);
    return std::nullopt;
}

void Environment::set(const QString &name, const QString &value) {
    m_unset.remove(name);
    m_overrides.insert(name, value);
}

void Environment::unset(const QString &name) {
    m_overrides.remove(name);
    m_unset.insert(name);
}

Environment::Expansion Environment::expand(const QString &text) const {
    Expansion result;
    if (!text.contains(QLatin1Char('$'))) {
        result.text = text;
        return result;
    }
    qsizetype last = 0;
    auto it = referencePattern().globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        result.text += QStringView(text).mid(last, match.capturedStart() - last);
        last = match.capturedEnd();
        if (match.captured(0) == QLatin1String("$${")) {
            result.text += QLatin1String("${");
            continue;
        }
        const QString name = match.captured(1);
        if (const auto found = value(name); found && !found->isEmpty()) {
            result.text += *found;
        } else if (match.capturedStart(2) >= 0) {
            result.text += match.captured(2);
        } else {
            result.unsetNames.append(name);
            if (isPureReference(text))
                result.absent = true;
        }
    }
    result.text += QStringView(text).mid(last);
    return result;
}

QJsonObject Environment::expandObject(const QJsonObject &object, const QSet<QString> &integerKeys,
                                      const QSet<QString> &booleanKeys, QStringList *unset) const {
    const std::function<QJsonValue(const QJsonValue &, const QString &, bool *)> expandValue =
        [&](const QJsonValue &value, const QString &key, bool *remove) -> QJsonValue {
        if (value.isString()) {
            const Expansion expansion = expand(value.toString());
            if (unset)
                unset->append(expansion.unsetNames);
            if (expansion.absent) {
                *remove = true;
                return {};
            }
            if (isPureReference(value.toString())) {
                bool ok = false;
                if (integerKeys.contains(key)) {
                    const qlonglong number = expansion.text.trimmed().toLongLong(&ok);
                    if (ok)
                        return double(number);
                } else if (booleanKeys.contains(key)) {
                    const QString flag = expansion.text.trimmed().toLower();
                    if (flag == QLatin1String("true") || flag == QLatin1String("false"))
                        return flag == QLatin1String("true");
                }
            }
            return expansion.text;
        }
        if (value.isObject()) {
            QJsonObject out;
            const QJsonObject in = value.toObject();
            for (auto it = in.begin(); it != in.end(); ++it) {
                bool drop = false;
                const QJsonValue expanded = expandValue(it.value(), it.key(), &drop);
                if (!drop)
                    out.insert(it.key(), expanded);
            }
            return out;
        }
        if (value.isArray()) {
            QJsonArray out;
            for (const QJsonValue &item : value.toArray()) {
                bool drop = false;
                const QJsonValue expanded = expandValue(item, key, &drop);
                if (!drop)
                    out.append(expanded);
            }
            return out;
        }
        return value;
    };
    bool ignored = false;
    return expandValue(object, QString(), &ignored).toObject();
}

bool Environment::isPureReference(const QString &text) {
    const QRegularExpressionMatch match = referencePattern().match(text);
    return match.hasMatch() && match.capturedStart() == 0 && match.capturedLength() == text.size()
           && match.captured(0) != QLatin1String("$${");
}

bool Environment::containsReference(const QString &text) {
    auto it = referencePattern().globalMatch(text);
    while (it.hasNext()) {
        if (it.next().captured(0) != QLatin1String("$${"))
            return true;
    }
    return false;
}

QStringList Environment::referencedNames(const QJsonValue &value) {
    QStringList names;
    if (value.isString()) {
        auto it = referencePattern().globalMatch(value.toString());
        while (it.hasNext()) {
            const QString name = it.next().captured(1);
            if (!name.isEmpty() && !names.contains(name))
                names.append(name);
        }
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            for (const QString &name : referencedNames(it.value())) {
                if (!names.contains(name))
                    names.append(name);
            }
        }
    } else if (value.isArray()) {
        for (const QJsonValue &item : value.toArray()) {
            for (const QString &name : referencedNames(item)) {
                if (!names.contains(name))
                    names.append(name);
            }
        }
    }
    return names;
}
