#include "sessionendpoints.h"

#include "apierrors.h"
#include "jsontext.h"
#include "sessionconfigfile.h"
#include "sessionmanager.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QUrl>

namespace {

QJsonObject templateJson(const ConfigTemplate &found, bool withConfigs) {
    QJsonObject json{
        {QStringLiteral("name"), found.name},
        {QStringLiteral("description"), found.description},
        {QStringLiteral("builtIn"), found.builtIn},
        {QStringLiteral("types"), QJsonArray::fromStringList(found.distributors.types())}};
    // Templates hold `${VAR}` references; a literal secret (a custom template) stays out.
    if (withConfigs)
        json.insert(QStringLiteral("distributors"),
                    SessionConfigFile::withoutSecrets(found.distributors.toJson(),
                                                      QStringLiteral("distributors"), nullptr));
    return json;
}

// A file name a browser will not misread: the id with anything unusual replaced.
QByteArray attachmentName(const QString &sessionId) {
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9._-]"));
    QString name = sessionId;
    name.replace(unsafe, QStringLiteral("_"));
    return name.toUtf8() + SessionConfigFile::Suffix.toUtf8();
}

} // namespace

SessionEndpoints::SessionEndpoints(SessionManager *manager, QObject *context)
    : m_manager(manager)
    , m_context(context) {}

void SessionEndpoints::install(ApiRouter &router) {
    using Body = ApiRouter::Body;
    router.add("GET", QStringLiteral("/api/runtime"), Body::None,
               [this](const ApiCall &call) { runtime(call); });
    router.add("GET", QStringLiteral("/api/templates"), Body::None,
               [this](const ApiCall &call) { templates(call); });
    router.add("GET", QStringLiteral("/api/templates/{name}"), Body::None,
               [this](const ApiCall &call) { templateByName(call); });
    router.add("GET", QStringLiteral("/api/sessions"), Body::None,
               [this](const ApiCall &call) { list(call); });
    router.add("POST", QStringLiteral("/api/sessions"), Body::Json,
               [this](const ApiCall &call) { create(call); });
    router.add("GET", QStringLiteral("/api/sessions/{id}"), Body::None,
               [this](const ApiCall &call) { status(call); });
    router.add("DELETE", QStringLiteral("/api/sessions/{id}"), Body::None,
               [this](const ApiCall &call) { close(call); });
    router.add("GET", QStringLiteral("/api/sessions/{id}/export"), Body::None,
               [this](const ApiCall &call) { exportConfig(call); });
}

void SessionEndpoints::runtime(const ApiCall &call) const {
    call.reply(
        ApiReply::json(HttpStatus::Ok, m_manager->configManager().getRuntimeInfo().toJson()));
}

void SessionEndpoints::templates(const ApiCall &call) const {
    const ConfigManager &configs = m_manager->configManager();
    QJsonArray list;
    for (const QString &name : configs.listTemplates()) {
        if (const auto found = configs.getTemplate(name))
            list.append(templateJson(*found, false));
    }
    call.reply(ApiReply::json(HttpStatus::Ok, QJsonObject{{QStringLiteral("templates"), list}}));
}

void SessionEndpoints::templateByName(const ApiCall &call) const {
    const QString name = call.param(QStringLiteral("name"));
    const auto found = m_manager->configManager().getTemplate(name);
    if (!found) {
        call.reply(
            ApiReply::error(HttpStatus::NotFound,
                            QStringLiteral("Configuration template not found: %1").arg(name)));
        return;
    }
    call.reply(ApiReply::json(HttpStatus::Ok, templateJson(*found, true)));
}

void SessionEndpoints::list(const ApiCall &call) const {
    call.reply(ApiReply::json(
        HttpStatus::Ok, QJsonObject{{QStringLiteral("sessions"), m_manager->listSessions()}}));
}

void SessionEndpoints::create(const ApiCall &call) const {
    const std::optional<QJsonObject> body = call.objectBody(QStringLiteral("the session options"));
    if (!body)
        return;
    const QJsonValue id = body->value(QStringLiteral("sessionId"));
    if (!id.isString() || id.toString().isEmpty()) {
        call.reply(ApiErrors::wrongShape(QStringLiteral("sessionId: expected a non-empty string")));
        return;
    }
    // The same reader as session config files, so a body fails with the same key-path messages.
    const SessionConfigLoad load =
        SessionConfigFile::parse(call.request.body, QStringLiteral("request body"));
    if (!load.ok()) {
        call.reply(ApiErrors::wrongShape(load.errors.value(0), load.errors));
        return;
    }
    const QString sessionId = id.toString();
    QPointer<SessionManager> manager = m_manager;
    const std::shared_ptr<ApiResponder> responder = call.responder;
    m_manager->createSession(sessionId, load.config)
        .then(m_context, [manager, responder, sessionId](const Result<CreateSessionResult> &r) {
            if (!r) {
                responder->send(ApiErrors::fromEngine(r.error(), HttpStatus::BadRequest));
                return;
            }
            QJsonObject answer = r->toJson();
            if (manager) {
                const Result<QJsonObject> status = manager->getSessionStatus(sessionId);
                if (status) {
                    QJsonObject merged = status.value();
                    merged.insert(QStringLiteral("startReport"),
                                  answer.value(QStringLiteral("startReport")));
                    merged.insert(QStringLiteral("warnings"),
                                  answer.value(QStringLiteral("warnings")));
                    answer = merged;
                }
            }
            ApiReply reply = ApiReply::json(HttpStatus::Created, answer);
            reply.withHeader("Location",
                             QByteArray("/api/sessions/" + QUrl::toPercentEncoding(sessionId)));
            responder->send(reply);
        });
}

void SessionEndpoints::status(const ApiCall &call) const {
    const Result<QJsonObject> status =
        m_manager->getSessionStatus(call.param(QStringLiteral("id")));
    call.reply(status ? ApiReply::json(HttpStatus::Ok, status.value())
                      : ApiErrors::fromEngine(status.error(), HttpStatus::NotFound));
}

void SessionEndpoints::close(const ApiCall &call) const {
    const QString sessionId = call.param(QStringLiteral("id"));
    if (!m_manager->getSession(sessionId)) {
        call.reply(ApiErrors::sessionNotFound(sessionId));
        return;
    }
    const std::shared_ptr<ApiResponder> responder = call.responder;
    m_manager->closeSession(sessionId).then(m_context, [responder, sessionId](bool closed) {
        responder->send(closed ? ApiReply::json(
                            HttpStatus::Ok, QJsonObject{{QStringLiteral("sessionId"), sessionId},
                                                        {QStringLiteral("closed"), true}})
                               : ApiErrors::sessionNotFound(sessionId));
    });
}

void SessionEndpoints::exportConfig(const ApiCall &call) const {
    const QString sessionId = call.param(QStringLiteral("id"));
    const Result<SessionConfig> config = m_manager->exportSessionConfig(sessionId);
    if (!config) {
        call.reply(ApiErrors::fromEngine(config.error(), HttpStatus::NotFound));
        return;
    }
    QStringList omitted;
    ApiReply reply;
    reply.body =
        SessionConfigFile::serialize(config.value(), SessionConfigFile::Secrets::Omit, &omitted);
    reply.withHeader("Content-Disposition",
                     QByteArray("attachment; filename=\"" + attachmentName(sessionId) + '"'));
    // Says which keys were left out, so a client knows the file needs them supplied again.
    if (!omitted.isEmpty())
        reply.withHeader("X-LabRelay-Omitted-Secrets", omitted.join(QStringLiteral(", ")).toUtf8());
    call.reply(reply);
}
