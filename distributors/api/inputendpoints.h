#pragma once

#include "apirouter.h"
#include "result.h"

#include <QPointer>

class SessionManager;

// What feeds a session besides the events endpoint: the synthetic eye-tracking source, the
// recording of every routed envelope to JSONL files, and the replay of such a recording.
// Each is started with POST and stopped with DELETE on its own path; a start that is refused
// (bad options, a file that cannot be read) leaves the session as it was.
class InputEndpoints final {
    Q_DISABLE_COPY_MOVE(InputEndpoints)

public:
    explicit InputEndpoints(SessionManager *manager);

    void install(ApiRouter &router);

private:
    using Stop = Result<bool> (SessionManager::*)(const QString &sessionId);

    void startSynthetic(const ApiCall &call) const;
    void startRecording(const ApiCall &call) const;
    void startReplay(const ApiCall &call) const;
    // The three DELETEs: {"<runningKey>": false, "stopped": <whether it was running>}.
    void stop(const ApiCall &call, Stop stopper, const QString &runningKey) const;
    // Answers 404 and returns false when the session of the path is unknown.
    bool checkSession(const ApiCall &call) const;

    QPointer<SessionManager> m_manager;
};
