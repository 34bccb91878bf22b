#pragma once

#include "distributortype.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

// One configuration key a distributor (or a session) understands: its JSON kind, its default as
// SPEC §4 gives it, its allowed range, and a one-line help text. The same table drives the type
// checks of config files, the defaults of the running distributors and the editor forms.
struct KeySpec {
    enum class Kind {
        String,  // free text
        Url,     // a URL (schemes checked by the validator)
        Integer, // whole number in [minimum, maximum]
        Boolean,
        Choice,     // one of `choices`
        StringMap,  // object whose values are strings (headers, endpoints, topics)
        StringList, // array of strings
        Targets,    // array of {host, port} objects or "host:port" strings
        ConfigList, // array of partial distributor configs (failover alternatives)
    };

    QString key;
    Kind kind = Kind::String;
    QJsonValue defaultValue; // Undefined when the key has no default
    qint64 minimum = 0;
    qint64 maximum = 0;
    QStringList choices;
    bool secret = false;   // omitted from exports unless asked, masked in the UI
    bool advisory = false; // accepted for compatibility but has no effect
    const char *help = ""; // untranslated; translate with context "ConfigSchema"

    // "an integer 1-65535", "a boolean", "one of envelope, legacy", ...
    QString expectation() const;
    enum class Check { KindOnly, KindAndRange };
    // True when `value` has this key's kind (and range). `${VAR}` references are always
    // accepted, because they are checked after expansion.
    bool accepts(const QJsonValue &value, Check check = Check::KindAndRange) const;
};

namespace ConfigSchema {

// Longest string accepted in any config value; longer ones are rejected, not truncated.
constexpr int MaxStringLength = 8192;

const QList<KeySpec> &keys(DistributorType type);
const KeySpec *find(DistributorType type, const QString &key);
// Every key that has a default, as the config a distributor runs with when given nothing.
QJsonObject defaults(DistributorType type);

// Session-level keys (enableHealthCheck, retryAttempts, unroutedPolicy, ...).
const QList<KeySpec> &sessionKeys();
const KeySpec *findSessionKey(const QString &key);

// Errors for the known keys of `config`, each as "<prefix><key>: expected ...". KindOnly is the
// check of a file's JSON types; ranges are then the validator's, in the specification's words.
// Keys in `skip` are left to the validator's own messages.
QStringList checkTypes(DistributorType type, const QJsonObject &config, const QString &prefix,
                       KeySpec::Check check, const QSet<QString> &skip = {});
QStringList checkSessionTypes(const QJsonObject &options, const QString &prefix,
                              KeySpec::Check check);

// True when the whole string is one `${NAME}` or `${NAME:-default}` reference.
bool isPureReference(const QJsonValue &value);

} // namespace ConfigSchema
