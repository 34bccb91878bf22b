// ConfigManager: items 1-11 of SPEC §9 plus templates, merging, environment and runtime info.
#include "configmanager.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

namespace {

QJsonObject json(const char *text) {
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

SessionConfig options(const char *text) {
    return SessionConfig::fromJson(json(text));
}

} // namespace

class TestConfigManager : public QObject {
    Q_OBJECT

private slots:
    void listsTemplatesInSpecOrder();
    void emptyOptionsGiveLocalTesting();
    void seedValidationExample();
    void clientIdSuffixIsIdempotentAndLeavesTemplateAlone();
    void overrideMergesPerKey();
    void mergeRules();
    void unknownTemplate();
    void explicitNoTemplateUsesOnlyCallerDistributors();
    void routingWarningsAndErrors();
    void enabledButNotConfiguredWarns();
    void updateDistributorConfigReplaceAndMerge();
    void templatesAreDeepCopies();
    void customTemplatesComeAfterBuiltIns();
    void templatesReadEnvironmentAtCallTime();
    void environmentProblemsAreValidationErrors();
    void referenceOverrideKeepsTemplateValueWhenUnset();
    void expandSessionConfigConvertsTypes();
    void sessionOptionsAreTypeChecked();
    void runtimeInfoCataloguesVariables();
    void validatedConfigCache();
};

void TestConfigManager::listsTemplatesInSpecOrder() {
    const ConfigManager manager(Environment::fromValues({}));
    QCOMPARE(manager.listTemplates(),
             (QStringList{QStringLiteral("local_testing"), QStringLiteral("production"),
                          QStringLiteral("research_lab"), QStringLiteral("high_frequency"),
                          QStringLiteral("mobile_remote")}));
}

void TestConfigManager::emptyOptionsGiveLocalTesting() {
    ConfigManager manager(Environment::fromValues({}));
    SessionConfig input;
    input.sessionId = QStringLiteral("study-1");
    const Result<SessionConfig> result = manager.createSessionConfig(input);
    QVERIFY2(result.ok(), qPrintable(result.error()));
    QCOMPARE(result.warnings(), QStringList());
    QCOMPARE(result->sessionId, QStringLiteral("study-1"));
    QCOMPARE(result->distributors.types(),
             (QStringList{QStringLiteral("http"), QStringLiteral("websocket")}));
    const QJsonObject http =
        json(R"({"baseUrl":"http://localhost:3001","timeout":5000,"retryCount":1})");
    const QJsonObject webSocket = json(R"({"port":8080,"host":"localhost","compression":false})");
    QCOMPARE(result->distributors.value(QStringLiteral("http")), http);
    QCOMPARE(result->distributors.value(QStringLiteral("websocket")), webSocket);
}

void TestConfigManager::seedValidationExample() {
    ConfigManager manager(Environment::fromValues({}));
    const Result<SessionConfig> result = manager.createSessionConfig(options(
        R"({"distributors":{"http":{"baseUrl":"invalid-url"},"websocket":{"port":99999},"mqtt":{}}})"));
    QVERIFY(!result.ok());
    QCOMPARE(result.error(),
             QStringLiteral("Invalid session configuration: http: HTTP baseUrl must start with "
                            "http:// or https://; websocket: WebSocket distributor requires valid "
                            "port (1-65535); mqtt: MQTT distributor requires broker URL"));
    QCOMPARE(result.warnings(),
             QStringList{QStringLiteral("mqtt: MQTT clientId not specified, will use default")});
}

void TestConfigManager::clientIdSuffixIsIdempotentAndLeavesTemplateAlone() {
    ConfigManager manager(Environment::fromValues({}));
    const auto before = manager.getTemplate(QStringLiteral("research_lab"));
    auto clientIdFor = [&](const char *id) {
        SessionConfig input;
        input.templateName = QStringLiteral("research_lab");
        input.sessionId = QString::fromLatin1(id);
        const Result<SessionConfig> result = manager.createSessionConfig(input);
        return result->distributors.value(QStringLiteral("mqtt"))
            .value(QStringLiteral("clientId"))
            .toString();
    };
    QCOMPARE(clientIdFor("s1"), QStringLiteral("research-lab-s1"));
    QCOMPARE(clientIdFor("s1"), QStringLiteral("research-lab-s1"));
    QCOMPARE(clientIdFor("s2"), QStringLiteral("research-lab-s2"));
    QCOMPARE(manager.getTemplate(QStringLiteral("research_lab"))->distributors,
             before->distributors);

    // Feeding a result back in does not append the suffix twice.
    SessionConfig input;
    input.templateName = QStringLiteral("research_lab");
    input.sessionId = QStringLiteral("s1");
    const Result<SessionConfig> once = manager.createSessionConfig(input);
    const Result<SessionConfig> twice = manager.createSessionConfig(once.value());
    QCOMPARE(twice->distributors.value(QStringLiteral("mqtt")).value(QStringLiteral("clientId")),
             QJsonValue(QStringLiteral("research-lab-s1")));
}

void TestConfigManager::overrideMergesPerKey() {
    ConfigManager manager(Environment::fromValues({}));
    const Result<SessionConfig> result = manager.createSessionConfig(options(
        R"({"template":"research_lab","distributors":{"mqtt":{"broker":"mqtt://x:1883"},)"
        R"("http":{"baseUrl":"http://db.local:3000"},"udp":{"port":9000,"targets":["127.0.0.1:9000"]}}})"));
    QVERIFY2(result.ok(), qPrintable(result.error()));
    const QJsonObject mqtt = result->distributors.value(QStringLiteral("mqtt"));
    QCOMPARE(mqtt.value(QStringLiteral("broker")).toString(), QStringLiteral("mqtt://x:1883"));
    QCOMPARE(mqtt.value(QStringLiteral("clientId")).toString(), QStringLiteral("research-lab"));
    QCOMPARE(
        mqtt.value(QStringLiteral("topics")).toObject().value(QStringLiteral("sensors")).toString(),
        QStringLiteral("lab/default/sensors"));
    const QJsonObject http = result->distributors.value(QStringLiteral("http"));
    QCOMPARE(http.value(QStringLiteral("timeout")).toInt(), 10000);
    QVERIFY(http.value(QStringLiteral("endpoints"))
                .toObject()
                .contains(QStringLiteral("participants")));
    // Template types first in template order, then the caller's own types.
    QCOMPARE(result->distributors.types(),
             (QStringList{QStringLiteral("http"), QStringLiteral("websocket"),
                          QStringLiteral("mqtt"), QStringLiteral("sse"), QStringLiteral("udp")}));
}

void TestConfigManager::mergeRules() {
    const QJsonObject base = json(R"({"a":1,"nested":{"x":1,"y":2},"list":[1,2,3],"gone":true})");
    const QJsonObject override = json(R"({"nested":{"y":5},"list":[9],"gone":null,"new":"n"})");
    const QJsonObject expected = json(R"({"a":1,"nested":{"x":1,"y":5},"list":[9],"new":"n"})");
    QCOMPARE(ConfigManager::mergeOverride(base, override), expected);
}

void TestConfigManager::unknownTemplate() {
    ConfigManager manager(Environment::fromValues({}));
    const Result<SessionConfig> result =
        manager.createSessionConfig(options(R"({"template":"nope"})"));
    QVERIFY(!result.ok());
    QCOMPARE(result.error(), QStringLiteral("Configuration template not found: nope"));
    QCOMPARE(manager.buildConfigFromTemplate(QStringLiteral("nope"), {}).error(),
             QStringLiteral("Configuration template not found: nope"));
}

void TestConfigManager::explicitNoTemplateUsesOnlyCallerDistributors() {
    ConfigManager manager(Environment::fromValues({}));
    for (const char *text :
         {R"({"template":null,"distributors":{"udp":{"port":9,"targets":["127.0.0.1:9"]}}})",
          R"({"template":"","distributors":{"udp":{"port":9,"targets":["127.0.0.1:9"]}}})"}) {
        const Result<SessionConfig> result = manager.createSessionConfig(options(text));
        QVERIFY2(result.ok(), qPrintable(result.error()));
        QCOMPARE(result->distributors.types(), QStringList{QStringLiteral("udp")});
    }
}

void TestConfigManager::routingWarningsAndErrors() {
    ConfigManager manager(Environment::fromValues({}));
    const Result<SessionConfig> warned =
        manager.createSessionConfig(options(R"({"eventRouting":{"e":["http","udp"]}})"));
    QVERIFY(warned.ok());
    QCOMPARE(warned.warnings(),
             QStringList{QStringLiteral("Event e routes to unconfigured distributors: udp")});

    const Result<SessionConfig> failed =
        manager.createSessionConfig(options(R"({"eventRouting":{"e":"http"}})"));
    QVERIFY(!failed.ok());
    QCOMPARE(failed.error(),
             QStringLiteral("Invalid session configuration: Event routing for e must be an array"));
}

void TestConfigManager::enabledButNotConfiguredWarns() {
    ConfigManager manager(Environment::fromValues({}));
    const Result<SessionConfig> result =
        manager.createSessionConfig(options(R"({"enabledDistributors":["udp"]})"));
    QVERIFY(result.ok());
    QCOMPARE(result.warnings(),
             QStringList{QStringLiteral("Enabled distributors not configured: udp")});
}

void TestConfigManager::updateDistributorConfigReplaceAndMerge() {
    ConfigManager manager(Environment::fromValues({}));
    const Result<SessionConfig> base = manager.createSessionConfig({});
    QCOMPARE(
        manager.updateDistributorConfig(base.value(), QStringLiteral("udp"), {}).error(),
        QStringLiteral("Invalid udp configuration: UDP distributor requires valid port (1-65535)"));
    const QJsonObject twoErrors = json(R"({"port":0,"maxConnections":0})");
    QCOMPARE(manager.updateDistributorConfig(base.value(), QStringLiteral("websocket"), twoErrors)
                 .error(),
             QStringLiteral("Invalid websocket configuration: WebSocket distributor requires valid "
                            "port (1-65535); WebSocket maxConnections must be positive"));

    const Result<SessionConfig> replaced = manager.updateDistributorConfig(
        base.value(), QStringLiteral("websocket"), json(R"({"port":9001})"));
    QVERIFY(replaced.ok());
    QCOMPARE(replaced->distributors.value(QStringLiteral("websocket")),
             (QJsonObject{{QStringLiteral("port"), 9001}}));

    const Result<SessionConfig> merged =
        manager.updateDistributorConfig(base.value(), QStringLiteral("websocket"),
                                        json(R"({"port":9001})"), ConfigManager::UpdateMode::Merge);
    QVERIFY(merged.ok());
    const QJsonObject expected = json(R"({"port":9001,"host":"localhost","compression":false})");
    QCOMPARE(merged->distributors.value(QStringLiteral("websocket")), expected);
    // The input config is a value: unchanged.
    QCOMPARE(
        base->distributors.value(QStringLiteral("websocket")).value(QStringLiteral("port")).toInt(),
        8080);
}

void TestConfigManager::templatesAreDeepCopies() {
    ConfigManager manager(Environment::fromValues({}));
    auto copy = manager.getTemplate(QStringLiteral("research_lab"));
    QJsonObject mqtt = copy->distributors.value(QStringLiteral("mqtt"));
    mqtt.insert(QStringLiteral("clientId"), QStringLiteral("mutated"));
    copy->distributors.insert(QStringLiteral("mqtt"), mqtt);
    copy->distributors.remove(QStringLiteral("http"));
    const auto fresh = manager.getTemplate(QStringLiteral("research_lab"));
    QCOMPARE(fresh->distributors.value(QStringLiteral("mqtt"))
                 .value(QStringLiteral("clientId"))
                 .toString(),
             QStringLiteral("research-lab"));
    QVERIFY(fresh->distributors.contains(QStringLiteral("http")));

    // Two managers do not share templates.
    ConfigManager other(Environment::fromValues({}));
    manager.registerTemplate(QStringLiteral("research_lab"), {{QStringLiteral("udp"), {}}});
    QVERIFY(other.getTemplate(QStringLiteral("research_lab"))
                ->distributors.contains(QStringLiteral("http")));
}

void TestConfigManager::customTemplatesComeAfterBuiltIns() {
    ConfigManager manager(Environment::fromValues({}));
    manager.registerTemplate(
        QStringLiteral("my_lab_setup"),
        {{QStringLiteral("http"),
          json(R"({"baseUrl":"${LAB_DATABASE_URL:-http://lab-db.local:3000}"})")}},
        QStringLiteral("Our lab"));
    manager.registerTemplate(QStringLiteral("another"), {});
    QCOMPARE(manager.listTemplates().mid(5),
             (QStringList{QStringLiteral("my_lab_setup"), QStringLiteral("another")}));
    QVERIFY(!manager.isBuiltInTemplate(QStringLiteral("my_lab_setup")));
    QCOMPARE(manager.getTemplate(QStringLiteral("my_lab_setup"))->description,
             QStringLiteral("Our lab"));
    QVERIFY(manager.unregisterTemplate(QStringLiteral("another")));
    QVERIFY(!manager.unregisterTemplate(QStringLiteral("local_testing")));
    QCOMPARE(manager.listTemplates().size(), 6);
}

void TestConfigManager::templatesReadEnvironmentAtCallTime() {
    ConfigManager manager(Environment::fromValues({}));
    auto production = [&] {
        return manager.getTemplate(QStringLiteral("production"))->distributors;
    };
    QCOMPARE(production().value(QStringLiteral("http")).value(QStringLiteral("baseUrl")).toString(),
             QStringLiteral("https://api.research-platform.com"));
    // An unset token sends no empty "Bearer " header.
    QVERIFY(!production()
                 .value(QStringLiteral("http"))
                 .value(QStringLiteral("headers"))
                 .toObject()
                 .contains(QStringLiteral("Authorization")));
    QVERIFY(!production().value(QStringLiteral("mqtt")).contains(QStringLiteral("username")));

    manager.setVariable(QStringLiteral("HTTP_ENDPOINT"), QStringLiteral("http://localhost:3001"));
    manager.setVariable(QStringLiteral("API_TOKEN"), QStringLiteral("t0k"));
    manager.setVariable(QStringLiteral("WS_PORT"), QStringLiteral("9001"));
    manager.setVariable(QStringLiteral("MQTT_USERNAME"), QStringLiteral("lab"));
    QCOMPARE(production().value(QStringLiteral("http")).value(QStringLiteral("baseUrl")).toString(),
             QStringLiteral("http://localhost:3001"));
    QCOMPARE(production()
                 .value(QStringLiteral("http"))
                 .value(QStringLiteral("headers"))
                 .toObject()
                 .value(QStringLiteral("Authorization"))
                 .toString(),
             QStringLiteral("Bearer t0k"));
    QCOMPARE(production().value(QStringLiteral("websocket")).value(QStringLiteral("port")).toInt(),
             9001);
    QCOMPARE(
        production().value(QStringLiteral("mqtt")).value(QStringLiteral("username")).toString(),
        QStringLiteral("lab"));

    manager.setVariable(QStringLiteral("LAB_ID"), QStringLiteral("eyelab"));
    const auto lab = manager.getTemplate(QStringLiteral("research_lab"))->distributors;
    QCOMPARE(lab.value(QStringLiteral("mqtt")).value(QStringLiteral("clientId")).toString(),
             QStringLiteral("eyelab"));
    QCOMPARE(lab.value(QStringLiteral("mqtt"))
                 .value(QStringLiteral("topics"))
                 .toObject()
                 .value(QStringLiteral("prefix"))
                 .toString(),
             QStringLiteral("lab/eyelab"));

    manager.setVariable(QStringLiteral("UDP_TARGETS"),
                        QStringLiteral(" 127.0.0.1:9000 , 127.0.0.2:9001"));
    const auto hf = manager.getTemplate(QStringLiteral("high_frequency"))->distributors;
    const QJsonArray targets =
        QJsonDocument::fromJson(
            R"([{"host":"127.0.0.1","port":9000},{"host":"127.0.0.2","port":9001}])")
            .array();
    QCOMPARE(hf.value(QStringLiteral("udp")).value(QStringLiteral("targets")).toArray(), targets);
}

void TestConfigManager::environmentProblemsAreValidationErrors() {
    ConfigManager manager(
        Environment::fromValues({{QStringLiteral("UDP_TARGETS"), QStringLiteral("a:1,lab-pc")},
                                 {QStringLiteral("WS_PORT"), QStringLiteral("abc")}}));
    const Result<SessionConfig> result =
        manager.createSessionConfig(options(R"({"template":"high_frequency"})"));
    QVERIFY(!result.ok());
    QCOMPARE(
        result.error(),
        QStringLiteral("Invalid session configuration: udp: UDP_TARGETS entry \"lab-pc\" is not "
                       "host:port; websocket: WS_PORT \"abc\" is not a port number"));
    // Overriding the key makes the environment value irrelevant.
    const Result<SessionConfig> overridden = manager.createSessionConfig(options(
        R"({"template":"high_frequency","distributors":{"udp":{"targets":["127.0.0.1:9"]},"websocket":{"port":8081}}})"));
    QVERIFY2(overridden.ok(), qPrintable(overridden.error()));
}

void TestConfigManager::referenceOverrideKeepsTemplateValueWhenUnset() {
    ConfigManager manager(Environment::fromValues({}));
    const Result<SessionConfig> result = manager.createSessionConfig(options(
        R"({"template":"production","distributors":{"http":{"baseUrl":"${PRODUCTION_API_URL}"},"mqtt":{"clientId":"c"}}})"));
    QVERIFY2(result.ok(), qPrintable(result.error()));
    // The reference is kept (for export) with the template's value as its default.
    QCOMPARE(result->distributors.value(QStringLiteral("http"))
                 .value(QStringLiteral("baseUrl"))
                 .toString(),
             QStringLiteral("${PRODUCTION_API_URL:-https://api.research-platform.com}"));

    manager.setVariable(QStringLiteral("PRODUCTION_API_URL"),
                        QStringLiteral("https://api.lab.example"));
    const SessionConfig running = manager.expandSessionConfig(result.value());
    QCOMPARE(running.distributors.value(QStringLiteral("http"))
                 .value(QStringLiteral("baseUrl"))
                 .toString(),
             QStringLiteral("https://api.lab.example"));

    // Without a template value, an unset reference is absent and says so.
    const Result<SessionConfig> missing = manager.createSessionConfig(
        options(R"({"template":null,"distributors":{"http":{"baseUrl":"${NOT_SET_ANYWHERE}"}}})"));
    QCOMPARE(
        missing.error(),
        QStringLiteral("Invalid session configuration: http: HTTP distributor requires baseUrl"));
    QVERIFY(missing.warnings().contains(
        QStringLiteral("http: environment variable NOT_SET_ANYWHERE is not set")));
}

void TestConfigManager::expandSessionConfigConvertsTypes() {
    ConfigManager manager(
        Environment::fromValues({{QStringLiteral("PORT"), QStringLiteral("9100")},
                                 {QStringLiteral("ZIP"), QStringLiteral("false")}}));
    SessionConfig config;
    config.distributors.insert(
        QStringLiteral("udp"),
        json(
            R"({"port":"${PORT}","compress":"${ZIP}","host":"lab-${NOPE:-pc}","targets":[{"host":"127.0.0.1","port":"${PORT}"}]})"));
    QStringList warnings;
    const SessionConfig expanded = manager.expandSessionConfig(config, &warnings);
    const QJsonObject expected = json(
        R"({"port":9100,"compress":false,"host":"lab-pc","targets":[{"host":"127.0.0.1","port":9100}]})");
    QCOMPARE(expanded.distributors.value(QStringLiteral("udp")), expected);
    QVERIFY(warnings.isEmpty());
    QVERIFY(manager.validateSessionConfig(config).valid);
}

void TestConfigManager::sessionOptionsAreTypeChecked() {
    ConfigManager manager(Environment::fromValues({}));
    const Result<SessionConfig> result = manager.createSessionConfig(
        options(R"({"retryAttempts":0,"unroutedPolicy":"ignore","sessionId":"bad id/1"})"));
    QVERIFY(!result.ok());
    QCOMPARE(result.error(),
             QStringLiteral("Invalid session configuration: sessionId must be 1-64 characters: "
                            "letters, digits, '.', '_' or '-'; retryAttempts: expected an integer "
                            "1-10; unroutedPolicy: expected one of broadcast, drop"));
}

void TestConfigManager::runtimeInfoCataloguesVariables() {
    ConfigManager manager(
        Environment::fromValues({{QStringLiteral("API_TOKEN"), QStringLiteral("secret-value")},
                                 {QStringLiteral("WS_PORT"), QStringLiteral("9001")},
                                 {QStringLiteral("NODE_ENV"), QStringLiteral("production")}}));
    manager.registerTemplate(
        QStringLiteral("mine"),
        {{QStringLiteral("http"), json(R"({"baseUrl":"${MY_URL:-http://x}"})")}});
    const RuntimeInfo info = manager.getRuntimeInfo();
    QCOMPARE(info.environment, QStringLiteral("production"));
    QVERIFY(!info.platform.isEmpty());
    QCOMPARE(info.availableTemplates.size(), 6);

    const RuntimeInfo::Variable *token = info.find(QStringLiteral("API_TOKEN"));
    QVERIFY(token);
    QVERIFY(token->set && token->secret);
    QCOMPARE(token->value, QStringLiteral("[SET]"));
    QCOMPARE(token->usedBy, QStringList{QStringLiteral("production")});

    const RuntimeInfo::Variable *port = info.find(QStringLiteral("WS_PORT"));
    QCOMPARE(port->value, QStringLiteral("9001"));
    QCOMPARE(port->usedBy,
             (QStringList{QStringLiteral("production"), QStringLiteral("high_frequency"),
                          QStringLiteral("mobile_remote")}));

    const RuntimeInfo::Variable *password = info.find(QStringLiteral("MQTT_PASSWORD"));
    QVERIFY(!password->set);
    QCOMPARE(password->value, QStringLiteral("[NOT SET]"));

    const RuntimeInfo::Variable *custom = info.find(QStringLiteral("MY_URL"));
    QVERIFY(custom);
    QCOMPARE(custom->usedBy, QStringList{QStringLiteral("mine")});

    QVERIFY(!QJsonDocument(info.toJson()).toJson().contains("secret-value"));
}

void TestConfigManager::validatedConfigCache() {
    ConfigManager manager(Environment::fromValues({}));
    SessionConfig input;
    input.sessionId = QStringLiteral("s1");
    QVERIFY(manager.createSessionConfig(input).ok());
    QVERIFY(manager.createSessionConfig({}).ok());
    QCOMPARE(manager.getValidatedConfigs(), (QStringList{QStringLiteral("local_testing_default"),
                                                         QStringLiteral("local_testing_s1")}));
    QCOMPARE(manager.getRuntimeInfo().validatedConfigs, 2);
    manager.clearConfigCache();
    QVERIFY(manager.getValidatedConfigs().isEmpty());
}

QTEST_GUILESS_MAIN(TestConfigManager)
#include "tst_configmanager.moc"
