#include "configschema.h"

#include "environment.h"
#include "jsonutil.h"

#include <QJsonArray>
#include <QtGlobal>

#include <cmath>
#include <limits>

namespace {

using Kind = KeySpec::Kind;

KeySpec integer(const char *key, QJsonValue def, qint64 min, qint64 max, const char *help) {
    KeySpec spec;
    spec.key = QString::fromLatin1(key);
    spec.kind = Kind::Integer;
    spec.defaultValue = def;
    spec.minimum = min;
    spec.maximum = max;
    spec.help = help;
    return spec;
}

KeySpec make(const char *key, Kind kind, QJsonValue def, const char *help) {
    KeySpec spec;
    spec.key = QString::fromLatin1(key);
    spec.kind = kind;
    spec.defaultValue = def;
    spec.help = help;
    return spec;
}

KeySpec choice(const char *key, QStringList choices, const char *help) {
    KeySpec spec;
    spec.key = QString::fromLatin1(key);
    spec.kind = Kind::Choice;
    spec.defaultValue = choices.first();
    spec.choices = choices;
    spec.help = help;
    return spec;
}

KeySpec secret(KeySpec spec) {
    spec.secret = true;
    return spec;
}

KeySpec advisory(KeySpec spec) {
    spec.advisory = true;
    return spec;
}

QJsonObject strings(std::initializer_list<std::pair<const char *, const char *>> pairs) {
    QJsonObject object;
    for (const auto &[key, value] : pairs)
        object.insert(QString::fromLatin1(key), QString::fromLatin1(value));
    return object;
}

// Keys every distributor type understands: delivery, queueing and failover.
QList<KeySpec> commonKeys(const QStringList &payloadFormats) {
    return {
        make("name", Kind::String, QJsonValue::Undefined,
             QT_TRANSLATE_NOOP("ConfigSchema", "Name shown in health reports")),
        make("enabled", Kind::Boolean, true,
             QT_TRANSLATE_NOOP("ConfigSchema", "false keeps the distributor configured but off")),
        choice("payloadFormat", payloadFormats,
               QT_TRANSLATE_NOOP("ConfigSchema",
                                 "envelope adds sessionId and seq; legacy reproduces the original "
                                 "wire format")),
        integer("queueSize", 1000, 1, 1000000,
                QT_TRANSLATE_NOOP("ConfigSchema", "Events held while the target is slow or away")),
        choice("overflowPolicy", {QStringLiteral("drop-oldest"), QStringLiteral("drop-newest")},
               QT_TRANSLATE_NOOP("ConfigSchema", "Which event is dropped when the queue is full")),
        integer("retryAttempts", QJsonValue::Undefined, 1, 10,
                QT_TRANSLATE_NOOP("ConfigSchema",
                                  "Attempts per event including the first; default: the "
                                  "session's retryAttempts")),
        integer("retryDelay", QJsonValue::Undefined, 0, 600000,
                QT_TRANSLATE_NOOP("ConfigSchema",
                                  "Milliseconds before the first retry; default: the session's "
                                  "retryDelay")),
        choice("retryBackoff", {QStringLiteral("linear"), QStringLiteral("exponential")},
               QT_TRANSLATE_NOOP("ConfigSchema",
                                 "linear waits delay × attempt; exponential doubles up to 10 s")),
        make("failover", Kind::ConfigList, QJsonValue::Undefined,
             QT_TRANSLATE_NOOP("ConfigSchema",
                               "Alternative configs, tried in order while this one is unhealthy")),
        integer("failoverAfterMs", 10000, 1000, 3600000,
                QT_TRANSLATE_NOOP("ConfigSchema",
                                  "How long the distributor may stay unhealthy before failover")),
        make("failback", Kind::Boolean, true,
             QT_TRANSLATE_NOOP("ConfigSchema",
                               "Return to the primary configuration once it answers again")),
    };
}

QList<KeySpec> withCommon(QList<KeySpec> specific, const QStringList &payloadFormats) {
    specific.append(commonKeys(payloadFormats));
    return specific;
}

const QStringList envelopeOrLegacy{QStringLiteral("envelope"), QStringLiteral("legacy")};

QList<KeySpec> httpKeys() {
    return withCommon(
        {
            make("baseUrl", Kind::Url, QStringLiteral("http://localhost:3000"),
                 QT_TRANSLATE_NOOP("ConfigSchema", "Prefix of every request URL (http or https)")),
            integer("timeout", 10000, 1, 600000,
                    QT_TRANSLATE_NOOP("ConfigSchema", "Per-request timeout in milliseconds")),
            make("headers", Kind::StringMap,
                 QJsonObject{
                     {QStringLiteral("Content-Type"), QStringLiteral("application/json")},
                     {QStringLiteral("User-Agent"), QStringLiteral("LabRelay/" LABRELAY_VERSION)}},
                 QT_TRANSLATE_NOOP("ConfigSchema", "Headers sent with every request")),
            make("endpoints", Kind::StringMap,
                 strings(
                     {{"webhook", "/webhook"}, {"events", "/events"}, {"health", "/api/health"}}),
                 QT_TRANSLATE_NOOP("ConfigSchema",
                                   "Paths by event name; events/<event> otherwise; health is "
                                   "probed on connect")),
            integer("retryCount", QJsonValue::Undefined, 0, 10,
                    QT_TRANSLATE_NOOP("ConfigSchema", "Retries after the first attempt")),
            make("skipHealthCheck", Kind::Boolean, false,
                 QT_TRANSLATE_NOOP("ConfigSchema", "Mark connected even if every probe fails")),
            advisory(make("compression", Kind::Boolean, false,
                          QT_TRANSLATE_NOOP("ConfigSchema",
                                            "Accepted for compatibility; requests are not "
                                            "compressed"))),
            integer("maxInFlight", 8, 1, 256,
                    QT_TRANSLATE_NOOP("ConfigSchema", "Requests on the wire at once")),
            make("caFile", Kind::String, QJsonValue::Undefined,
                 QT_TRANSLATE_NOOP("ConfigSchema",
                                   "PEM CA file trusted for https://; the system CAs otherwise")),
        },
        envelopeOrLegacy);
}

QList<KeySpec> webSocketKeys() {
    return withCommon(
        {
            integer("port", 8080, 1, 65535,
                    QT_TRANSLATE_NOOP("ConfigSchema", "Port the WebSocket server listens on")),
            make("host", Kind::String, QStringLiteral("localhost"),
                 QT_TRANSLATE_NOOP("ConfigSchema",
                                   "Listen address; 0.0.0.0 accepts other machines")),
            integer(
                "maxConnections", 1000, 1, 100000,
                QT_TRANSLATE_NOOP("ConfigSchema", "Clients beyond this are closed with code 1013")),
            integer("heartbeatInterval", 30000, 0, 3600000,
                    QT_TRANSLATE_NOOP("ConfigSchema", "Heartbeat period in ms; 0 disables")),
            advisory(make("compression", Kind::Boolean, true,
                          QT_TRANSLATE_NOOP("ConfigSchema",
                                            "Not supported by Qt WebSockets; has no effect"))),
            integer("maxPayload", 1048576, 1, 268435456,
                    QT_TRANSLATE_NOOP("ConfigSchema", "Largest inbound message in bytes")),
            choice("subscriptionMode", {QStringLiteral("legacy"), QStringLiteral("strict")},
                   QT_TRANSLATE_NOOP("ConfigSchema",
                                     "strict: subscribed clients get only their events")),
            secret(make("accessToken", Kind::String, QJsonValue::Undefined,
                        QT_TRANSLATE_NOOP("ConfigSchema",
                                          "Clients must send ?token= or Authorization: Bearer"))),
            make("tlsCertificateFile", Kind::String, QJsonValue::Undefined,
                 QT_TRANSLATE_NOOP("ConfigSchema",
                                   "PEM certificate; with tlsKeyFile serves wss://")),
            make("tlsKeyFile", Kind::String, QJsonValue::Undefined,
                 QT_TRANSLATE_NOOP("ConfigSchema", "PEM private key for wss://")),
        },
        envelopeOrLegacy);
}

QList<KeySpec> mqttKeys() {
    return withCommon(
        {
            make("broker", Kind::Url, QJsonValue::Undefined,
                 QT_TRANSLATE_NOOP("ConfigSchema", "mqtt://host:1883 or mqtts://host:8883")),
            make("clientId", Kind::String, QJsonValue::Undefined,
                 QT_TRANSLATE_NOOP("ConfigSchema",
                                   "Client id; the session id is appended; default labrelay-<ms>")),
            make("username", Kind::String, QJsonValue::Undefined,
                 QT_TRANSLATE_NOOP("ConfigSchema", "User name for the broker")),
            secret(make("password", Kind::String, QJsonValue::Undefined,
                        QT_TRANSLATE_NOOP("ConfigSchema", "Password for the broker"))),
            integer("qos", 1, 0, 2,
                    QT_TRANSLATE_NOOP("ConfigSchema",
                                      "0 at most once, 1 at least once, 2 exactly once")),
            make("retain", Kind::Boolean, false,
                 QT_TRANSLATE_NOOP("ConfigSchema", "Broker keeps the last message per topic")),
            make("topics", Kind::StringMap, strings({{"prefix", "labrelay"}}),
                 QT_TRANSLATE_NOOP("ConfigSchema",
                                   "Topic per event name; <prefix>/<event> otherwise")),
            make("topicAliases", Kind::StringMap, QJsonValue::Undefined,
                 QT_TRANSLATE_NOOP("ConfigSchema", "Event name to topic key, e.g. gaze")),
            integer("keepAlive", 60, 5, 65535,
                    QT_TRANSLATE_NOOP("ConfigSchema", "Keep-alive interval in seconds")),
            make("cleanSession", Kind::Boolean, true,
                 QT_TRANSLATE_NOOP("ConfigSchema", "Start without state kept by the broker")),
            choice("protocolVersion", {QStringLiteral("3.1.1"), QStringLiteral("5")},
                   QT_TRANSLATE_NOOP("ConfigSchema", "MQTT protocol version")),
            integer("connectTimeout", 30000, 1000, 600000,
                    QT_TRANSLATE_NOOP("ConfigSchema", "Milliseconds to wait for CONNACK")),
            integer("ackTimeout", 5000, 100, 600000,
                    QT_TRANSLATE_NOOP("ConfigSchema",
                                      "Milliseconds to wait for PUBACK/PUBCOMP at QoS 1/2")),
            make("caFile", Kind::String, QJsonValue::Undefined,
                 QT_TRANSLATE_NOOP("ConfigSchema",
                                   "PEM CA file for mqtts://; the system CAs otherwise")),
            make("statusMessages", Kind::Boolean, true,
                 QT_TRANSLATE_NOOP("ConfigSchema",
                                   "Retained <prefix>/status online/offline with a last will")),
            integer("maxInFlight", 100, 1, 65535,
                    QT_TRANSLATE_NOOP("ConfigSchema", "QoS 1/2 messages awaiting acknowledgement")),
        },
        {QStringLiteral("envelope"), QStringLiteral("legacy"), QStringLiteral("raw")});
}

QList<KeySpec> udpKeys() {
    return withCommon(
        {
            integer("port", 9999, 1, 65535,
                    QT_TRANSLATE_NOOP("ConfigSchema", "Default target port")),
            make("host", Kind::String, QStringLiteral("127.0.0.1"),
                 QT_TRANSLATE_NOOP("ConfigSchema", "Default target host")),
            integer("bindPort", 0, 0, 65535,
                    QT_TRANSLATE_NOOP("ConfigSchema", "Local port to send from; 0 picks one")),
            integer("maxPayload", 1024, 1, 16777216,
                    QT_TRANSLATE_NOOP("ConfigSchema",
                                      "Largest uncompressed envelope in bytes (at most 65507)")),
            make("compress", Kind::Boolean, true,
                 QT_TRANSLATE_NOOP("ConfigSchema",
                                   "gzip every datagram; receivers must gunzip (1F 8B)")),
            make("targets", Kind::Targets,
                 QJsonArray{QJsonObject{{QStringLiteral("host"), QStringLiteral("127.0.0.1")},
                                        {QStringLiteral("port"), 9999}}},
                 QT_TRANSLATE_NOOP("ConfigSchema", "Destinations, host:port")),
        },
        envelopeOrLegacy);
}

QList<KeySpec> sseKeys() {
    return withCommon(
        {
            make("endpoint", Kind::String, QStringLiteral("/events/stream"),
                 QT_TRANSLATE_NOOP("ConfigSchema", "Path of the event stream")),
            integer("port", 3001, 1, 65535,
                    QT_TRANSLATE_NOOP("ConfigSchema", "Port the SSE server listens on")),
            make("host", Kind::String, QStringLiteral("localhost"),
                 QT_TRANSLATE_NOOP("ConfigSchema",
                                   "Listen address; 0.0.0.0 accepts other machines")),
            integer(
                "heartbeatInterval", 30000, 0, 3600000,
                QT_TRANSLATE_NOOP("ConfigSchema", "Heartbeat comment period in ms; 0 disables")),
            advisory(make("compression", Kind::Boolean, true,
                          QT_TRANSLATE_NOOP("ConfigSchema",
                                            "Accepted for compatibility; streams are not "
                                            "compressed"))),
            integer("maxConnections", 500, 1, 100000,
                    QT_TRANSLATE_NOOP("ConfigSchema", "Streams beyond this get 503")),
            make("corsOrigins", Kind::StringList, QJsonArray{QStringLiteral("*")},
                 QT_TRANSLATE_NOOP("ConfigSchema",
                                   "Allowed browser origins; a listed Origin is reflected")),
            integer("replayBuffer", 1000, 0, 100000,
                    QT_TRANSLATE_NOOP("ConfigSchema", "Events kept for Last-Event-ID resume")),
        },
        envelopeOrLegacy);
}

const QList<KeySpec> &keysTable(DistributorType type) {
    static const QList<KeySpec> http = httpKeys();
    static const QList<KeySpec> webSocket = webSocketKeys();
    static const QList<KeySpec> mqtt = mqttKeys();
    static const QList<KeySpec> udp = udpKeys();
    static const QList<KeySpec> sse = sseKeys();
    switch (type) {
    case DistributorType::Http:
        return http;
    case DistributorType::WebSocket:
        return webSocket;
    case DistributorType::Mqtt:
        return mqtt;
    case DistributorType::Udp:
        return udp;
    case DistributorType::Sse:
        break;
    }
    return sse;
}

// Integers are JSON numbers without a fraction that a double holds exactly (|n| <= 2^53).
bool isInteger(const QJsonValue &value, qint64 min, qint64 max) {
    constexpr double exactLimit = 9007199254740992.0;
    if (!value.isDouble())
        return false;
    const double d = value.toDouble();
    return std::isfinite(d) && d == std::floor(d) && std::fabs(d) <= exactLimit && d >= double(min)
           && d <= double(max);
}

bool isShortString(const QJsonValue &value) {
    return value.isString() && value.toString().size() <= ConfigSchema::MaxStringLength;
}

bool isTarget(const QJsonValue &value) {
    if (isShortString(value))
        return true; // "host:port" is checked by the validator, which names the entry
    if (!value.isObject())
        return false;
    const QJsonObject target = value.toObject();
    const QJsonValue host = target.value(QStringLiteral("host"));
    const QJsonValue port = target.value(QStringLiteral("port"));
    return (host.isUndefined() || isShortString(host) || ConfigSchema::isPureReference(host))
           && (port.isUndefined() || isInteger(port, 1, 65535)
               || ConfigSchema::isPureReference(port));
}

} // namespace

QString KeySpec::expectation() const {
    switch (kind) {
    case Kind::String:
        return QStringLiteral("a string of at most %1 characters")
            .arg(ConfigSchema::MaxStringLength);
    case Kind::Url:
        return QStringLiteral("a URL string");
    case Kind::Integer:
        return QStringLiteral("an integer %1-%2").arg(minimum).arg(maximum);
    case Kind::Boolean:
        return QStringLiteral("true or false");
    case Kind::Choice:
        return QStringLiteral("one of %1").arg(choices.join(QStringLiteral(", ")));
    case Kind::StringMap:
        return QStringLiteral("an object whose values are strings");
    case Kind::StringList:
        return QStringLiteral("an array of strings");
    case Kind::Targets:
        return QStringLiteral("an array of {\"host\", \"port\"} objects or \"host:port\" strings");
    case Kind::ConfigList:
        return QStringLiteral("an array of configuration objects");
    }
    return {};
}

bool KeySpec::accepts(const QJsonValue &value, Check check) const {
    if (ConfigSchema::isPureReference(value))
        return true;
    const bool range = check == Check::KindAndRange;
    switch (kind) {
    case Kind::String:
    case Kind::Url:
        return isShortString(value);
    case Kind::Integer:
        return range ? isInteger(value, minimum, maximum)
                     : isInteger(value, std::numeric_limits<qint64>::min(),
                                 std::numeric_limits<qint64>::max());
    case Kind::Boolean:
        return value.isBool();
    case Kind::Choice:
        return value.isString() && (!range || choices.contains(value.toString()));
    case Kind::StringMap: {
        if (!value.isObject())
            return false;
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!isShortString(it.value()))
                return false;
        }
        return true;
    }
    case Kind::StringList: {
        if (!value.isArray())
            return false;
        const QJsonArray array = value.toArray();
        return std::all_of(array.begin(), array.end(),
                           [](const QJsonValue &v) { return isShortString(v); });
    }
    case Kind::Targets: {
        if (!value.isArray())
            return false;
        const QJsonArray array = value.toArray();
        return std::all_of(array.begin(), array.end(),
                           [](const QJsonValue &v) { return isTarget(v); });
    }
    case Kind::ConfigList: {
        if (!value.isArray())
            return false;
        const QJsonArray array = value.toArray();
        return std::all_of(array.begin(), array.end(),
                           [](const QJsonValue &v) { return v.isObject(); });
    }
    }
    return false;
}

namespace ConfigSchema {

const QList<KeySpec> &keys(DistributorType type) {
    return keysTable(type);
}

const KeySpec *find(DistributorType type, const QString &key) {
    for (const KeySpec &spec : keys(type)) {
        if (spec.key == key)
            return &spec;
    }
    return nullptr;
}

QJsonObject defaults(DistributorType type) {
    QJsonObject object;
    for (const KeySpec &spec : keys(type)) {
        if (!spec.defaultValue.isUndefined())
            object.insert(spec.key, spec.defaultValue);
    }
    return object;
}

const QList<KeySpec> &sessionKeys() {
    static const QList<KeySpec> table{
        make("enableHealthCheck", Kind::Boolean, true,
             QT_TRANSLATE_NOOP("ConfigSchema", "Probe every distributor periodically")),
        integer("healthCheckInterval", 30000, 1000, 3600000,
                QT_TRANSLATE_NOOP("ConfigSchema", "Milliseconds between health probes")),
        integer("retryAttempts", 3, 1, 10,
                QT_TRANSLATE_NOOP("ConfigSchema", "Attempts per event including the first")),
        integer("retryDelay", 1000, 0, 600000,
                QT_TRANSLATE_NOOP("ConfigSchema", "Milliseconds before the first retry")),
        choice("retryBackoff", {QStringLiteral("linear"), QStringLiteral("exponential")},
               QT_TRANSLATE_NOOP("ConfigSchema",
                                 "linear waits delay × attempt; exponential doubles up to 10 s")),
        choice("unroutedPolicy", {QStringLiteral("broadcast"), QStringLiteral("drop")},
               QT_TRANSLATE_NOOP("ConfigSchema",
                                 "What happens to an event without a route and no \"*\" route")),
    };
    return table;
}

const KeySpec *findSessionKey(const QString &key) {
    for (const KeySpec &spec : sessionKeys()) {
        if (spec.key == key)
            return &spec;
    }
    return nullptr;
}

QStringList checkTypes(DistributorType type, const QJsonObject &config, const QString &prefix,
                       KeySpec::Check check, const QSet<QString> &skip) {
    QStringList errors;
    for (const KeySpec &spec : keys(type)) {
        if (skip.contains(spec.key) || !config.contains(spec.key))
            continue;
        const QJsonValue value = config.value(spec.key);
        if (value.isNull())
            continue; // null means "absent"
        if (!spec.accepts(value, check))
            errors.append(prefix + spec.key + QStringLiteral(": expected ") + spec.expectation());
    }
    return errors;
}

QStringList checkSessionTypes(const QJsonObject &options, const QString &prefix,
                              KeySpec::Check check) {
    QStringList errors;
    for (const KeySpec &spec : sessionKeys()) {
        const QJsonValue value = options.value(spec.key);
        if (value.isUndefined() || value.isNull())
            continue;
        if (!spec.accepts(value, check))
            errors.append(prefix + spec.key + QStringLiteral(": expected ") + spec.expectation());
    }
    return errors;
}

bool isPureReference(const QJsonValue &value) {
    return value.isString() && Environment::isPureReference(value.toString());
}

} // namespace ConfigSchema
