#include "distributorendpoints.h"

#include "apierrors.h"
#include "distributortype.h"
#include "session.h"
#include "sessionmanager.h"

#include <QJsonArray>

namespace {

QJsonObject outcome(const QString &sessionId, const QString &type, const QString &action,
                    const QStringList &warnings) {
    return {{QStringLiteral("sessionId"), sessionId},
            {QStringLiteral("type"), type},
            {QStringLiteral("action"), action},
            {QStringLiteral("warnings"), QJsonArray::fromStringList(warnings)}};
}

} // namespace

DistributorEndpoints::DistributorEndpoints(SessionManager *manager, QObject *context)
    : m_manager(manager)
    , m_context(context) {}

void DistributorEndpoints::install(ApiRouter &router) {
    const QString path = QStringLiteral("/api/sessions/{id}/distributors/{type}");
    router.add("PUT", path, ApiRouter::Body::Json, [this](const ApiCall &call) { put(call); });
    router.add("DELETE", path, ApiRouter::Body::None,
               [this](const ApiCall &call) { remove(call); });
}

bool DistributorEndpoints::checkTarget(const ApiCall &call) const {
    const QString sessionId = call.param(QStringLiteral("id"));
    if (!m_manager->getSession(sessionId)) {
        call.reply(ApiErrors::sessionNotFound(sessionId));
        return false;
    }
    const QString type = call.param(QStringLiteral("type"));
    if (!DistributorTypes::isKnown(type)) {
        call.reply(ApiErrors::unknownType(type));
        return false;
    }
    return true;
}

void DistributorEndpoints::put(const ApiCall &call) const {
    if (!checkTarget(call))
        return;
    const QString sessionId = call.param(QStringLiteral("id"));
    const QString type = call.param(QStringLiteral("type"));
    bool replace = false;
    if (call.request.query.hasQueryItem(QStringLiteral("replace"))) {
        const QString value = call.request.query.queryItemValue(QStringLiteral("replace"));
        if (value != QLatin1String("true") && value != QLatin1String("false")) {
            const QString message =
                QStringLiteral("replace: expected true or false, got \"%1\"").arg(value);
            call.reply(ApiReply::error(HttpStatus::BadRequest, message, {message}));
            return;
        }
        replace = value == QLatin1String("true");
    }
    const std::optional<QJsonObject> config =
        call.objectBody(QStringLiteral("the %1 distributor configuration").arg(type), true);
    if (!config)
        return;

    const std::shared_ptr<ApiResponder> responder = call.responder;
    const bool active = m_manager->getSession(sessionId)->activeTypes().contains(type);
    if (active) {
        // Replace applies to a running distributor only; enabling always starts from the
        // session's configured settings for the type, merged with the body.
        const auto mode = replace ? SessionManager::ReconfigureMode::Replace
                                  : SessionManager::ReconfigureMode::Merge;
        m_manager->reconfigureDistributor(sessionId, type, *config, mode)
            .then(m_context, [responder, sessionId, type](const Result<bool> &result) {
                responder->send(
                    result ? ApiReply::json(
                        HttpStatus::Ok,
                        outcome(sessionId, type, QStringLiteral("reconfigured"), result.warnings()))
                           : ApiErrors::fromEngine(result.error(), HttpStatus::BadGateway));
            });
        return;
    }
    m_manager->enableDistributor(sessionId, type, *config)
        .then(m_context, [responder, sessionId, type](const Result<EnableResult> &result) {
            if (!result) {
                responder->send(ApiErrors::fromEngine(result.error(), HttpStatus::BadGateway));
                return;
            }
            const QString action =
                result->alreadyActive ? QStringLiteral("unchanged") : QStringLiteral("enabled");
            responder->send(ApiReply::json(HttpStatus::Ok,
                                           outcome(sessionId, type, action, result.warnings())));
        });
}

void DistributorEndpoints::remove(const ApiCall &call) const {
    if (!checkTarget(call))
        return;
    const QString sessionId = call.param(QStringLiteral("id"));
    const QString type = call.param(QStringLiteral("type"));
    if (!m_manager->getSession(sessionId)->activeTypes().contains(type)) {
        call.reply(ApiReply::error(
            HttpStatus::NotFound,
            QStringLiteral("%1 distributor is not active in session %2").arg(type, sessionId)));
        return;
    }
    const std::shared_ptr<ApiResponder> responder = call.responder;
    m_manager->disableDistributor(sessionId, type)
        .then(m_context, [responder, sessionId, type](const Result<bool> &result) {
            if (!result || !result.value()) {
                responder->send(ApiReply::error(
                    HttpStatus::NotFound, result ? result.warnings().value(0) : result.error()));
                return;
            }
            responder->send(
                ApiReply::json(HttpStatus::Ok, outcome(sessionId, type, QStringLiteral("disabled"),
                                                       result.warnings())));
        });
}
