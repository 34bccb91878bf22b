#include "headlessrunner.h"

#include "controlapiserver.h"
#include "sessionconfigfile.h"
#include "sessionmanager.h"
#include "udpingest.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>
#include <QTimer>

#include <csignal>

HeadlessRunner::HeadlessRunner(const HeadlessOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_manager(std::make_unique<SessionManager>())
    , m_signals({SIGINT, SIGTERM}) {
    connect(&m_signals, &SignalWatcher::signalReceived, this, &HeadlessRunner::onSignal);
    m_log.watch(m_manager.get());
}

HeadlessRunner::~HeadlessRunner() = default;

QString HeadlessRunner::sessionIdFor(const QString &file, const SessionConfig &config) {
    if (!config.sessionId.isEmpty())
        return config.sessionId;
    const QString name = QFileInfo(file).fileName();
    if (name.endsWith(SessionConfigFile::Suffix))
        return name.chopped(SessionConfigFile::Suffix.size());
    return QFileInfo(file).completeBaseName();
}

int HeadlessRunner::run() {
    if (!m_signals.isValid()) {
        m_log.line(QStringLiteral("cannot watch SIGINT/SIGTERM; refusing to start without a "
                                  "clean way to stop"));
        return Failure;
    }
    if (!validate() || !startServices())
        return Failure;
    // Created from inside the event loop, so that a failure can end the loop it runs in.
    QTimer::singleShot(0, this, &HeadlessRunner::createNext);
    return QCoreApplication::exec();
}

bool HeadlessRunner::validate() {
    bool valid = true;
    QHash<QString, QString> fileById;
    for (const QString &file : std::as_const(m_options.configFiles)) {
        const SessionConfigLoad load = SessionConfigFile::load(file);
        if (!load.ok()) {
            for (const QString &error : load.errors)
                m_log.line(error);
            valid = false;
            continue;
        }
        SessionConfig config = load.config;
        config.sessionId = sessionIdFor(file, config);
        const Result<SessionConfig> checked =
            m_manager->configManager().createSessionConfig(config);
        if (!checked) {
            m_log.line(QStringLiteral("%1: %2").arg(file, checked.error()));
            valid = false;
            continue;
        }
        if (fileById.contains(config.sessionId)) {
            m_log.line(QStringLiteral("%1: session id %2 is already used by %3")
                           .arg(file, config.sessionId, fileById.value(config.sessionId)));
            valid = false;
            continue;
        }
        fileById.insert(config.sessionId, file);
        m_planned.append({file, config.sessionId, config});
    }
    return valid;
}

bool HeadlessRunner::startServices() {
    m_api = std::make_unique<ControlApiServer>(m_manager.get(), m_options.api);
    m_log.watch(m_api.get());
    if (const QString error = m_api->listen(); !error.isEmpty()) {
        m_log.line(error);
        return false;
    }
    m_log.line(QStringLiteral("API listening on http://%1").arg(m_api->listenAddressText()));
    if (m_options.ingestUdpPort) {
        m_ingest = std::make_unique<UdpIngest>(m_manager.get());
        m_log.watch(m_ingest.get());
        const QString error = m_ingest->bind(m_options.api.bindAddress, *m_options.ingestUdpPort);
        if (!error.isEmpty()) {
            m_log.line(error);
            return false;
        }
        m_api->setUdpIngest(m_ingest.get());
        m_log.line(QStringLiteral("UDP ingest listening on %1:%2")
                       .arg(m_options.api.bindAddress.toString())
                       .arg(m_ingest->localPort()));
    }
    return true;
}

void HeadlessRunner::createNext() {
    if (m_closing)
        return;
    if (m_next >= m_planned.size()) {
        m_log.line(QStringLiteral("ready: %1 session(s) running").arg(m_planned.size()));
        return;
    }
    const PlannedSession plan = m_planned.at(m_next++);
    m_manager->createSession(plan.sessionId, plan.config)
        .then(this, [this, plan](const Result<CreateSessionResult> &result) {
            if (!result) {
                m_log.line(QStringLiteral("%1: %2").arg(plan.file, result.error()));
                shutDown(Failure);
                return;
            }
            for (const StartReportEntry &entry : result->startReport) {
                if (entry.pending)
                    m_log.sessionLine(plan.sessionId,
                                      QStringLiteral("%1 still connecting").arg(entry.type));
                else if (!entry.ok)
                    m_log.sessionLine(
                        plan.sessionId,
                        QStringLiteral("%1 did not start: %2").arg(entry.type, entry.error));
            }
            createNext();
        });
}

void HeadlessRunner::onSignal(int signalNumber) {
    const QString name =
        signalNumber == SIGINT ? QStringLiteral("SIGINT") : QStringLiteral("SIGTERM");
    if (m_closing) {
        m_log.line(QStringLiteral("%1 while closing: exiting at once").arg(name));
        QCoreApplication::exit(Interrupted);
        return;
    }
    m_log.line(QStringLiteral("%1 received").arg(name));
    shutDown(Success);
}

void HeadlessRunner::shutDown(int exitCode) {
    if (m_closing)
        return;
    m_closing = true;
    m_exitCode = exitCode;
    m_log.line(QStringLiteral("closing %1 session(s)").arg(m_manager->sessionIds().size()));
    // No new requests or datagrams while the sessions drain.
    m_api->close();
    if (m_ingest)
        m_ingest->close();
    m_manager->cleanup().then(this, [this](bool) {
        m_log.line(QStringLiteral("all sessions closed; exiting with %1").arg(m_exitCode));
        QCoreApplication::exit(m_exitCode);
    });
}
