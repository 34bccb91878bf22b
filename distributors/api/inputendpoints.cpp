#include "inputendpoints.h"

#include "apierrors.h"
#include "optionreader.h"
#include "recordingoptions.h"
#include "recordingreader.h"
#include "sessionmanager.h"

#include <QJsonArray>

#include <cmath>

namespace {

// The body of POST /api/sessions/{id}/replay, checked before the engine sees it.
struct ReplayRequest {
    QStringList files;
    double speed = 1;
    QStringList errors;
};

ReplayRequest readReplayRequest(const QJsonObject &body) {
    ReplayRequest request;
    OptionReader reader(body);
    reader.rejectUnknown({QStringLiteral("files"), QStringLiteral("speed")});
    const QJsonValue files = body.value(QLatin1String("files"));
    if (!files.isArray() || files.toArray().isEmpty()) {
        reader.fail("files", QStringLiteral("expected a non-empty array of recording file paths"));
    } else {
        const QJsonArray list = files.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QString path = list.at(i).toString();
            if (!list.at(i).isString() || path.trimmed().isEmpty()) {
                const QByteArray key = "files[" + QByteArray::number(i) + ']';
                reader.fail(key.constData(), QStringLiteral("expected a non-empty string"));
                continue;
            }
            request.files.append(path);
        }
    }
    if (reader.has("speed")) {
        const QJsonValue speed = body.value(QLatin1String("speed"));
        // The same rule and words as the engine's check.
        if (!speed.isDouble() || !std::isfinite(speed.toDouble()) || speed.toDouble() < 0)
            reader.fail("speed", QStringLiteral("expected 0 (as fast as possible) or more"));
        else
            request.speed = speed.toDouble();
    }
    request.errors = reader.errors();
    return request;
}

} // namespace

InputEndpoints::InputEndpoints(SessionManager *manager)
    : m_manager(manager) {}

void InputEndpoints::install(ApiRouter &router) {
    using Body = ApiRouter::Body;
    const QString synthetic = QStringLiteral("/api/sessions/{id}/synthetic");
    router.add("POST", synthetic, Body::Json,
               [this](const ApiCall &call) { startSynthetic(call); });
    router.add("DELETE", synthetic, Body::None, [this](const ApiCall &call) {
        stop(call, &SessionManager::stopSynthetic, QStringLiteral("running"));
    });
    const QString recording = QStringLiteral("/api/sessions/{id}/recording");
    router.add("POST", recording, Body::Json,
               [this](const ApiCall &call) { startRecording(call); });
    router.add("DELETE", recording, Body::None, [this](const ApiCall &call) {
        stop(call, &SessionManager::stopRecording, QStringLiteral("recording"));
    });
    const QString replay = QStringLiteral("/api/sessions/{id}/replay");
    router.add("POST", replay, Body::Json, [this](const ApiCall &call) { startReplay(call); });
    router.add("DELETE", replay, Body::None, [this](const ApiCall &call) {
        stop(call, &SessionManager::stopReplay, QStringLiteral("replaying"));
    });
}

bool InputEndpoints::checkSession(const ApiCall &call) const {
    const QString sessionId = call.param(QStringLiteral("id"));
    if (m_manager->getSession(sessionId))
        return true;
    call.reply(ApiErrors::sessionNotFound(sessionId));
    return false;
}

void InputEndpoints::startSynthetic(const ApiCall &call) const {
    if (!checkSession(call))
        return;
    const std::optional<QJsonObject> options =
        call.objectBody(QStringLiteral("the synthetic source options"), true);
    if (!options)
        return;
    const QString sessionId = call.param(QStringLiteral("id"));
    // The engine validates before it touches a running source, so refused options leave it
    // running as it was; accepted ones restart it.
    const Result<QJsonObject> effective = m_manager->startSynthetic(sessionId, *options);
    if (!effective) {
        call.reply(ApiErrors::optionErrors(effective.error()));
        return;
    }
    call.reply(ApiReply::json(HttpStatus::Ok,
                              QJsonObject{{QStringLiteral("sessionId"), sessionId},
                                          {QStringLiteral("running"), true},
                                          {QStringLiteral("options"), effective.value()}}));
}

void InputEndpoints::startRecording(const ApiCall &call) const {
    if (!checkSession(call))
        return;
    const std::optional<QJsonObject> body =
        call.objectBody(QStringLiteral("the recording options"), true);
    if (!body)
        return;
    const QString sessionId = call.param(QStringLiteral("id"));
    // A directory that cannot be created or a file that cannot be opened is answered 422 like
    // bad options, with the recorder's message: the client fixes it by sending another
    // directory, as it would for any other wrong field. 409 would suggest that repeating the
    // same request could succeed once the session changes state, and 500 that the server is at
    // fault.
    const Result<QString> file = m_manager->startRecording(sessionId, *body);
    if (!file) {
        call.reply(ApiErrors::optionErrors(file.error()));
        return;
    }
    // The engine accepted these options a moment ago, so reading them again cannot fail.
    const Result<RecordingOptions> options = RecordingOptions::fromJson(*body);
    call.reply(ApiReply::json(
        HttpStatus::Ok,
        QJsonObject{{QStringLiteral("sessionId"), sessionId},
                    {QStringLiteral("recording"), true},
                    {QStringLiteral("file"), file.value()},
                    {QStringLiteral("options"), options ? options->toJson() : QJsonObject()}}));
}

void InputEndpoints::startReplay(const ApiCall &call) const {
    if (!checkSession(call))
        return;
    const std::optional<QJsonObject> body =
        call.objectBody(QStringLiteral("the replay request"), true);
    if (!body)
        return;
    const ReplayRequest request = readReplayRequest(*body);
    if (!request.errors.isEmpty()) {
        call.reply(ApiErrors::wrongShape(request.errors.first(), request.errors));
        return;
    }
    // Checked here although the engine checks again: the engine stops a running replay before
    // it opens the new files, and a refused request must leave that replay running. Relative
    // paths are relative to the engine's working directory.
    RecordingReader reader(request.files);
    if (!reader.open()) {
        call.reply(ApiErrors::wrongShape(QStringLiteral("files: ") + reader.errorString()));
        return;
    }
    const QString sessionId = call.param(QStringLiteral("id"));
    const Result<bool> started = m_manager->startReplay(sessionId, request.files, request.speed);
    if (!started) {
        call.reply(ApiErrors::optionErrors(started.error()));
        return;
    }
    // 202: the events follow on the session's timing; SessionManager::replayFinished marks the
    // end, and the session's counters show the progress.
    call.reply(ApiReply::json(
        HttpStatus::Accepted,
        QJsonObject{{QStringLiteral("sessionId"), sessionId},
                    {QStringLiteral("replaying"), true},
                    {QStringLiteral("files"), QJsonArray::fromStringList(request.files)},
                    {QStringLiteral("speed"), request.speed}}));
}

void InputEndpoints::stop(const ApiCall &call, Stop stopper, const QString &runningKey) const {
    const QString sessionId = call.param(QStringLiteral("id"));
    const Result<bool> stopped = (m_manager.data()->*stopper)(sessionId);
    if (!stopped) {
        call.reply(ApiErrors::fromEngine(stopped.error(), HttpStatus::NotFound));
        return;
    }
    call.reply(
        ApiReply::json(HttpStatus::Ok, QJsonObject{{QStringLiteral("sessionId"), sessionId},
                                                   {runningKey, false},
                                                   {QStringLiteral("stopped"), stopped.value()}}));
}
