#pragma once

#include "headlesslog.h"
#include "headlessoptions.h"
#include "sessionconfig.h"
#include "signalwatcher.h"

#include <QList>
#include <QObject>

#include <memory>

class ControlApiServer;
class SessionManager;
class UdpIngest;

// `labrelay --headless`: checks every config file before anything starts, serves the control
// API (and UDP ingest when asked), creates the sessions, logs notable changes to stderr, and on
// SIGINT/SIGTERM closes every session (ports released) and exits 0. A second signal while
// closing exits at once with 130. The engine runs on the main thread: there is no window to
// keep responsive.
class HeadlessRunner final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HeadlessRunner)

public:
    enum Exit { Success = 0, Failure = 1, Interrupted = 130 };

    explicit HeadlessRunner(const HeadlessOptions &options, QObject *parent = nullptr);
    ~HeadlessRunner() override;

    // Runs until a signal (or a failure) ends the run; returns the process exit code.
    int run();

private:
    struct PlannedSession {
        QString file;
        QString sessionId;
        SessionConfig config;
    };

    bool validate();
    bool startServices();
    void createNext();
    void onSignal(int signalNumber);
    void shutDown(int exitCode);
    static QString sessionIdFor(const QString &file, const SessionConfig &config);

    HeadlessOptions m_options;
    HeadlessLog m_log;
    // Declared before the API and the ingest, which refer to it, so it is destroyed after them.
    std::unique_ptr<SessionManager> m_manager;
    std::unique_ptr<ControlApiServer> m_api;
    std::unique_ptr<UdpIngest> m_ingest;
    SignalWatcher m_signals;
    QList<PlannedSession> m_planned;
    qsizetype m_next = 0;
    bool m_closing = false;
    int m_exitCode = Success;
};
