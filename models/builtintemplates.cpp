#include "builtintemplates.h"

#include "environment.h"

#include <QJsonArray>
#include <QJsonObject>

namespace {

struct Resolved {
    QList<ConfigTemplate> templates;
    QList<std::pair<QString, TemplateProblem>> problems; // template name → problem
};

QString envOr(const Environment &env, const char *name, const char *fallback) {
    const auto value = env.value(QString::fromLatin1(name));
    return value && !value->isEmpty() ? *value : QString::fromLatin1(fallback);
}

// The integer value of a port variable, or `fallback` when unset. A value that is not a port
// is reported as a problem of `type` in every template listed.
int portFromEnv(const Environment &env, const char *name, int fallback, const QString &type,
                const QStringList &templates, Resolved &resolved) {
    const auto value = env.value(QString::fromLatin1(name));
    if (!value || value->trimmed().isEmpty())
        return fallback;
    bool ok = false;
    const int port = value->trimmed().toInt(&ok);
    if (ok && port >= 1 && port <= 65535)
        return port;
    for (const QString &name_ : templates) {
        resolved.problems.append({name_,
                                  {type, QStringLiteral("port"),
                                   QStringLiteral("%1 \"%2\" is not a port number")
                                       .arg(QString::fromLatin1(name), *value)}});
    }
    return fallback;
}

QJsonArray udpTargetsFromEnv(const Environment &env, Resolved &resolved) {
    const auto value = env.value(QStringLiteral("UDP_TARGETS"));
    if (!value || value->trimmed().isEmpty())
        return {QJsonObject{{QStringLiteral("host"), QStringLiteral("127.0.0.1")},
                            {QStringLiteral("port"), 9999}}};
    QJsonArray targets;
    for (const QString &raw : value->split(QLatin1Char(','))) {
        const QString entry = raw.trimmed();
        const qsizetype colon = entry.lastIndexOf(QLatin1Char(':'));
        bool ok = false;
        const int port = colon > 0 ? entry.mid(colon + 1).toInt(&ok) : 0;
        if (!ok || port < 1 || port > 65535 || entry.left(colon).trimmed().isEmpty()) {
            resolved.problems.append(
                {QStringLiteral("high_frequency"),
                 {QStringLiteral("udp"), QStringLiteral("targets"),
                  QStringLiteral("UDP_TARGETS entry \"%1\" is not host:port").arg(entry)}});
            continue;
        }
        targets.append(QJsonObject{{QStringLiteral("host"), entry.left(colon).trimmed()},
                                   {QStringLiteral("port"), port}});
    }
    return targets;
}

Resolved resolve(const Environment &env) {
    Resolved r;
    const QString ws = QStringLiteral("websocket");
    const int wsPort = portFromEnv(env, "WS_PORT", 8080, ws,
                                   {QStringLiteral("production"), QStringLiteral("high_frequency"),
                                    QStringLiteral("mobile_remote")},
                                   r);

    // local_testing
    r.templates.append(
        {QStringLiteral("local_testing"),
         QStringLiteral(QT_TRANSLATE_NOOP(
             "BuiltInTemplates", "Development and testing: HTTP and WebSocket on this machine")),
         DistributorConfigMap{
             {QStringLiteral("http"),
              QJsonObject{{QStringLiteral("baseUrl"), QStringLiteral("http://localhost:3001")},
                          {QStringLiteral("timeout"), 5000},
                          {QStringLiteral("retryCount"), 1}}},
             {ws, QJsonObject{{QStringLiteral("port"), 8080},
                              {QStringLiteral("host"), QStringLiteral("localhost")},
                              {QStringLiteral("compression"), false}}},
         },
         true});

    // production
    QJsonObject productionHeaders{
        {QStringLiteral("Content-Type"), QStringLiteral("application/json")}};
    if (const auto token = env.value(QStringLiteral("API_TOKEN")); token && !token->isEmpty())
        productionHeaders.insert(QStringLiteral("Authorization"),
                                 QString(QStringLiteral("Bearer ") + *token));
    QJsonObject productionMqtt{
        {QStringLiteral("broker"),
         envOr(env, "MQTT_BROKER", "mqtts://broker.research-platform.com:8883")},
        {QStringLiteral("qos"), 1},
        {QStringLiteral("retain"), true}};
    if (const auto user = env.value(QStringLiteral("MQTT_USERNAME")); user && !user->isEmpty())
        productionMqtt.insert(QStringLiteral("username"), *user);
    if (const auto pass = env.value(QStringLiteral("MQTT_PASSWORD")); pass && !pass->isEmpty())
        productionMqtt.insert(QStringLiteral("password"), *pass);
    r.templates.append(
        {QStringLiteral("production"),
         QStringLiteral(QT_TRANSLATE_NOOP(
             "BuiltInTemplates", "Production deployment: HTTP, WebSocket and MQTT over TLS")),
         DistributorConfigMap{
             {QStringLiteral("http"),
              QJsonObject{{QStringLiteral("baseUrl"),
                           envOr(env, "HTTP_ENDPOINT", "https://api.research-platform.com")},
                          {QStringLiteral("timeout"), 15000},
                          {QStringLiteral("retryCount"), 5},
                          {QStringLiteral("headers"), productionHeaders}}},
             {ws, QJsonObject{{QStringLiteral("port"), wsPort},
                              {QStringLiteral("host"), QStringLiteral("0.0.0.0")},
                              {QStringLiteral("compression"), true},
                              {QStringLiteral("maxConnections"), 1000}}},
             {QStringLiteral("mqtt"), productionMqtt},
         },
         true});

    // research_lab
    const QString labId = envOr(env, "LAB_ID", "default");
    const QString labPrefix = QStringLiteral("lab/") + labId;
    r.templates.append(
        {QStringLiteral("research_lab"),
         QStringLiteral(QT_TRANSLATE_NOOP(
             "BuiltInTemplates",
             "Lab environment: HTTP, WebSocket, MQTT and SSE for research studies")),
         DistributorConfigMap{
             {QStringLiteral("http"),
              QJsonObject{
                  {QStringLiteral("baseUrl"),
                   envOr(env, "LAB_DATABASE_URL", "http://lab-server.local:3000")},
                  {QStringLiteral("timeout"), 10000},
                  {QStringLiteral("endpoints"),
                   QJsonObject{
                       {QStringLiteral("participants"), QStringLiteral("/api/participants")},
                       {QStringLiteral("sessions"), QStringLiteral("/api/sessions")},
                       {QStringLiteral("events"), QStringLiteral("/api/events")}}}}},
             {ws, QJsonObject{{QStringLiteral("port"), 8080},
                              {QStringLiteral("host"), QStringLiteral("0.0.0.0")},
                              {QStringLiteral("compression"), true},
                              {QStringLiteral("maxConnections"), 50}}},
             {QStringLiteral("mqtt"),
              QJsonObject{{QStringLiteral("broker"),
                           envOr(env, "LAB_MQTT_BROKER", "mqtt://lab-iot.local:1883")},
                          {QStringLiteral("clientId"), envOr(env, "LAB_ID", "research-lab")},
                          {QStringLiteral("topics"),
                           QJsonObject{{QStringLiteral("prefix"), labPrefix},
                                       {QStringLiteral("sensors"),
                                        QString(labPrefix + QStringLiteral("/sensors"))},
                                       {QStringLiteral("participants"),
                                        QString(labPrefix + QStringLiteral("/participants"))}}}}},
             {QStringLiteral("sse"),
              QJsonObject{{QStringLiteral("port"), 3002},
                          {QStringLiteral("endpoint"), QStringLiteral("/lab/events")},
                          {QStringLiteral("maxConnections"), 20}}},
         },
         true});

    // high_frequency
    const int udpPort = portFromEnv(env, "UDP_PORT", 9999, QStringLiteral("udp"),
                                    {QStringLiteral("high_frequency")}, r);
    r.templates.append({QStringLiteral("high_frequency"),
                        QStringLiteral(QT_TRANSLATE_NOOP(
                            "BuiltInTemplates",
                            "High-rate data: UDP datagrams and WebSocket for real-time analytics")),
                        DistributorConfigMap{
                            {QStringLiteral("udp"),
                             QJsonObject{{QStringLiteral("port"), udpPort},
                                         {QStringLiteral("host"), QStringLiteral("0.0.0.0")},
                                         {QStringLiteral("maxPayload"), 2048},
                                         {QStringLiteral("targets"), udpTargetsFromEnv(env, r)}}},
                            {ws, QJsonObject{{QStringLiteral("port"), wsPort},
                                             {QStringLiteral("compression"), true},
                                             {QStringLiteral("maxConnections"), 100}}},
                        },
                        true});

    // mobile_remote
    r.templates.append(
        {QStringLiteral("mobile_remote"),
         QStringLiteral(QT_TRANSLATE_NOOP(
             "BuiltInTemplates", "Remote studies on mobile networks: HTTP and a frugal WebSocket")),
         DistributorConfigMap{
             {QStringLiteral("http"),
              QJsonObject{
                  {QStringLiteral("baseUrl"),
                   envOr(env, "MOBILE_API_URL", "https://mobile-api.research-platform.com")},
                  {QStringLiteral("timeout"), 8000},
                  {QStringLiteral("compression"), true},
                  {QStringLiteral("headers"),
                   QJsonObject{
                       {QStringLiteral("User-Agent"), QStringLiteral("LabRelay-Mobile/1.0")}}}}},
             {ws, QJsonObject{{QStringLiteral("port"), wsPort},
                              {QStringLiteral("compression"), true},
                              {QStringLiteral("maxPayload"), 524288},
                              {QStringLiteral("heartbeatInterval"), 60000}}},
         },
         true});
    return r;
}

} // namespace

namespace BuiltInTemplates {

QStringList names() {
    return {QStringLiteral("local_testing"), QStringLiteral("production"),
            QStringLiteral("research_lab"), QStringLiteral("high_frequency"),
            QStringLiteral("mobile_remote")};
}

QList<ConfigTemplate> build(const Environment &environment) {
    return resolve(environment).templates;
}

QList<TemplateProblem> problems(const QString &name, const Environment &environment) {
    QList<TemplateProblem> list;
    for (const auto &[templateName, problem] : resolve(environment).problems) {
        if (templateName == name)
            list.append(problem);
    }
    return list;
}

const QList<EnvironmentVariableSpec> &variables() {
    static const QList<EnvironmentVariableSpec> catalogue{
        {QStringLiteral("HTTP_ENDPOINT"),
         {QStringLiteral("production")},
         QStringLiteral("https://api.research-platform.com")},
        {QStringLiteral("API_TOKEN"),
         {QStringLiteral("production")},
         QStringLiteral("no Authorization header")},
        {QStringLiteral("WS_PORT"),
         {QStringLiteral("production"), QStringLiteral("high_frequency"),
          QStringLiteral("mobile_remote")},
         QStringLiteral("8080")},
        {QStringLiteral("MQTT_BROKER"),
         {QStringLiteral("production")},
         QStringLiteral("mqtts://broker.research-platform.com:8883")},
        {QStringLiteral("MQTT_USERNAME"), {QStringLiteral("production")}, QStringLiteral("absent")},
        {QStringLiteral("MQTT_PASSWORD"), {QStringLiteral("production")}, QStringLiteral("absent")},
        {QStringLiteral("LAB_DATABASE_URL"),
         {QStringLiteral("research_lab")},
         QStringLiteral("http://lab-server.local:3000")},
        {QStringLiteral("LAB_MQTT_BROKER"),
         {QStringLiteral("research_lab")},
         QStringLiteral("mqtt://lab-iot.local:1883")},
        {QStringLiteral("LAB_ID"),
         {QStringLiteral("research_lab")},
         QStringLiteral("clientId research-lab, topics lab/default")},
        {QStringLiteral("UDP_PORT"), {QStringLiteral("high_frequency")}, QStringLiteral("9999")},
        {QStringLiteral("UDP_TARGETS"),
         {QStringLiteral("high_frequency")},
         QStringLiteral("127.0.0.1:9999")},
        {QStringLiteral("MOBILE_API_URL"),
         {QStringLiteral("mobile_remote")},
         QStringLiteral("https://mobile-api.research-platform.com")},
        {QStringLiteral("NODE_ENV"), {}, QStringLiteral("development")},
    };
    return catalogue;
}

} // namespace BuiltInTemplates
