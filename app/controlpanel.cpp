#include "controlpanel.h"

#include "controlapiserver.h"
#include "distributoreditor.h"
#include "distributorspanel.h"
#include "enginelogbridge.h"
#include "environmentpanel.h"
#include "mainwindow.h"
#include "newsessiondialog.h"
#include "routingpanel.h"
#include "sessionfiles.h"
#include "sessionspanel.h"
#include "templatespanel.h"

#include <QDir>
#include <QFileDialog>
#include <QInputDialog>
#include <QSettings>
#include <QStandardPaths>

namespace {

const QString DemoShownKey = QStringLiteral("general/demoShown");

RoutingApplyReport toApplyReport(const Result<RoutingReport> &result) {
    RoutingApplyReport report;
    if (!result) {
        report.error = result.error();
        return report;
    }
    for (const RoutingReport::Entry &entry : result->accepted)
        report.accepted.append({entry.event, entry.distributor, entry.reason});
    for (const RoutingReport::Entry &entry : result->skipped)
        report.skipped.append({entry.event, entry.distributor, entry.reason});
    return report;
}

} // namespace

ControlPanel::ControlPanel(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_templates(options.templatesPath.isEmpty() ? TemplateStore::defaultPath()
                                                  : options.templatesPath)
    , m_engine(std::make_unique<EngineHost>()) {
    const QStringList problems = m_templates.load();
    m_templates.registerInto(m_config);
    m_window = std::make_unique<MainWindow>(m_config, m_templates);
    m_window->templatesPanel()->showProblems(problems);
    m_files = new SessionFiles(*m_engine, *m_window, this);
    m_logBridge = new EngineLogBridge(m_engine->manager(), m_window->eventLog(), this);
    pushTemplates();
    wireSessions();
    wireDistributors();
    wireRouting();
    wireConfiguration();
    wireInputs();
}

ControlPanel::~ControlPanel() {
    m_engine->shutdown();
}

void ControlPanel::start() {
    m_window->show();
    if (m_options.api)
        startApi();
    QSettings settings;
    if (m_options.demo || (m_options.demoOnFirstStart && !settings.value(DemoShownKey).toBool())) {
        settings.setValue(DemoShownKey, true);
        startDemo();
    }
}

void ControlPanel::report(const QString &sessionId, const QString &type, const QString &error) {
    m_window->eventLog()->append(LogEntry::Severity::Error, sessionId, type, error);
    m_window->showStatus(error);
}

void ControlPanel::wireSessions() {
    SessionManager *manager = m_engine->manager();
    connect(manager, &SessionManager::snapshotReady, m_window.get(), &MainWindow::applySnapshot);
    connect(m_window.get(), &MainWindow::newSessionRequested, this,
            &ControlPanel::createFromDialog);
    connect(m_window.get(), &MainWindow::closeSessionRequested, this, [this](const QString &id) {
        if (id.isEmpty())
            return;
        m_engine->invoke([id](SessionManager &m) { return m.closeSession(id); });
    });
    connect(m_window->sessionsPanel(), &SessionsPanel::currentSessionChanged, this,
            [this](const QString &id) { refreshSession(id, true); });
    // Details of the current session follow the engine; the routing table only reloads when the
    // routing itself changed, so an operator's unapplied edits survive other changes.
    connect(manager, &SessionManager::routingChanged, this, [this](const QString &id) {
        if (id == m_window->currentSession())
            refreshSession(id, true);
    });
    connect(manager, &SessionManager::distributorStateChanged, this, [this](const QString &id) {
        if (id == m_window->currentSession())
            refreshSession(id, false);
    });
    connect(manager, &SessionManager::sessionCreated, this, [this](const QString &id) {
        if (m_window->currentSession().isEmpty())
            m_window->sessionsPanel()->setCurrentSession(id);
    });
    connect(m_window.get(), &MainWindow::closing, this, [this] { m_engine->shutdown(); });
}

void ControlPanel::createFromDialog() {
    NewSessionDialog dialog(m_config, m_window.get());
    QStringList taken;
    for (int row = 0; row < m_window->sessionModel()->rowCount(); ++row)
        taken.append(m_window->sessionModel()->sessionId(row));
    dialog.setTakenIds(taken);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString id = dialog.sessionId();
    const SessionConfig config = dialog.sessionConfig();
    m_engine->invoke([id, config](SessionManager &m) { return m.createSession(id, config); })
        .then(this, [this, id](const Result<CreateSessionResult> &result) {
            if (!result) {
                report(id, QString(), result.error());
                return;
            }
            for (const StartReportEntry &entry : result->startReport) {
                if (!entry.ok && !entry.pending)
                    report(id, entry.type, entry.error);
            }
            m_window->sessionsPanel()->setCurrentSession(id);
        });
}

void ControlPanel::refreshSession(const QString &sessionId, bool reloadRouting) {
    if (sessionId.isEmpty()) {
        m_configured.clear();
        m_window->distributorModel()->setConfiguredTypes({});
        m_window->routingModel()->setRouting({}, UnroutedPolicy::Broadcast);
        return;
    }
    m_engine->invoke([sessionId](SessionManager &m) { return m.exportSessionConfig(sessionId); })
        .then(this, [this, sessionId, reloadRouting](const Result<SessionConfig> &config) {
            if (!config || sessionId != m_window->currentSession())
                return;
            m_configured.clear();
            for (const auto &[type, configured] : config->distributors.entries())
                m_configured.insert(type, configured);
            const QStringList configuredTypes = config->distributors.types();
            const QStringList activeTypes = config->enabledDistributors.value_or(QStringList());
            m_window->distributorModel()->setConfiguredTypes(configuredTypes);
            if (reloadRouting)
                m_window->routingModel()->setRouting(config->eventRouting,
                                                     config->unroutedPolicy());
            m_window->routingModel()->setDistributorStates(configuredTypes, activeTypes);
            emit sessionDetailsLoaded(sessionId);
        });
}

void ControlPanel::wireDistributors() {
    DistributorsPanel *panel = m_window->distributorsPanel();
    auto current = [this] {
        return m_window->currentSession();
    };
    connect(panel, &DistributorsPanel::enableRequested, this, [this, current](const QString &type) {
        const QString id = current();
        m_engine->invoke([id, type](SessionManager &m) { return m.enableDistributor(id, type); })
            .then(this, [this, id, type](const Result<EnableResult> &result) {
                if (!result)
                    report(id, type, result.error());
            });
    });
    connect(
        panel, &DistributorsPanel::disableRequested, this, [this, current](const QString &type) {
            const QString id = current();
            m_engine
                ->invoke([id, type](SessionManager &m) { return m.disableDistributor(id, type); })
                .then(this, [this, id, type](const Result<bool> &result) {
                    if (!result)
                        report(id, type, result.error());
                });
        });
    connect(panel, &DistributorsPanel::probeToggled, this,
            [this, current](const QString &type, bool enabled) {
                const QString id = current();
                m_engine
                    ->invoke([id, type, enabled](SessionManager &m) {
                        return m.setProbeEnabled(id, type, enabled);
                    })
                    .then(this, [this, id, type](const Result<bool> &result) {
                        if (!result)
                            report(id, type, result.error());
                    });
            });
    connect(
        panel, &DistributorsPanel::failoverRequested, this, [this, current](const QString &type) {
            const QString id = current();
            m_engine->invoke([id, type](SessionManager &m) { return m.switchToFailover(id, type); })
                .then(this, [this, id, type](const Result<bool> &result) {
                    if (!result)
                        report(id, type, result.error());
                });
        });
    const auto edit = [this](const QString &type) {
        m_window->showEditor(type, m_configured.value(type));
    };
    connect(panel, &DistributorsPanel::reconfigureRequested, this, edit);
    connect(m_window.get(), &MainWindow::distributorEditRequested, this, edit);
    DistributorEditor *editor = m_window->distributorEditor();
    connect(editor, &DistributorEditor::applyRequested, this,
            [this, current, editor](const QString &type, const QJsonObject &patch) {
                const QString id = current();
                m_engine
                    ->invoke([id, type, patch](SessionManager &m) {
                        return m.reconfigureDistributor(id, type, patch,
                                                        SessionManager::ReconfigureMode::Merge);
                    })
                    .then(this, [this, id, type, editor](const Result<bool> &result) {
                        editor->applyFinished(result ? QString() : result.error());
                        if (!result)
                            report(id, type, result.error());
                        refreshSession(id, false);
                    });
            });
}

void ControlPanel::wireRouting() {
    connect(m_window->routingPanel(), &RoutingPanel::applyRequested, this,
            [this](const EventRouting &routing, UnroutedPolicy policy) {
                const QString id = m_window->currentSession();
                m_engine
                    ->invoke([id, routing, policy](SessionManager &m) {
                        return m.updateEventRouting(id, routing, policy);
                    })
                    .then(this, [this](const Result<RoutingReport> &result) {
                        m_window->routingPanel()->showApplyReport(toApplyReport(result));
                    });
            });
}

void ControlPanel::wireConfiguration() {
    connect(m_window->templatesPanel(), &TemplatesPanel::templatesChanged, this,
            &ControlPanel::pushTemplates);
    EnvironmentPanel *environment = m_window->environmentPanel();
    connect(environment, &EnvironmentPanel::variableSet, this,
            [this](const QString &name, const QString &value) {
                m_engine->invoke([name, value](SessionManager &m) {
                    m.configManager().setVariable(name, value);
                });
            });
    connect(environment, &EnvironmentPanel::variableUnset, this, [this](const QString &name) {
        m_engine->invoke([name](SessionManager &m) { m.configManager().unsetVariable(name); });
    });
    connect(environment, &EnvironmentPanel::environmentReloaded, this, [this] {
        m_engine->invoke([](SessionManager &m) { m.configManager().reloadEnvironment(); });
    });
}

void ControlPanel::pushTemplates() {
    QList<ConfigTemplate> templates;
    for (const QString &name : m_templates.names()) {
        if (const auto found = m_templates.find(name))
            templates.append(*found);
    }
    const QStringList previous = m_pushedTemplates;
    m_pushedTemplates = m_templates.names();
    m_engine->invoke([templates, previous](SessionManager &m) {
        for (const QString &name : previous)
            m.configManager().unregisterTemplate(name);
        for (const ConfigTemplate &custom : templates)
            m.configManager().registerTemplate(custom.name, custom.distributors,
                                               custom.description);
    });
}

void ControlPanel::wireInputs() {
    connect(m_window.get(), &MainWindow::syntheticToggled, this,
            [this](const QString &id, bool on) {
                m_engine
                    ->invoke([id, on](SessionManager &m) {
                        return on ? m.startSynthetic(id, {}).error() : m.stopSynthetic(id).error();
                    })
                    .then(this, [this, id](const QString &error) {
                        if (!error.isEmpty())
                            report(id, QString(), error);
                    });
            });
    connect(m_window.get(), &MainWindow::recordingToggled, this,
            [this](const QString &id, bool on) {
                const QString directory =
                    QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                    + QStringLiteral("/recordings");
                m_engine
                    ->invoke([id, on, directory](SessionManager &m) {
                        if (!on)
                            return m.stopRecording(id).error();
                        const Result<QString> file =
                            m.startRecording(id, {{QStringLiteral("directory"), directory}});
                        return file ? QString() : file.error();
                    })
                    .then(this, [this, id, on, directory](const QString &error) {
                        if (!error.isEmpty())
                            report(id, QString(), error);
                        else if (on)
                            m_window->showStatus(
                                tr("Recording into %1").arg(QDir::toNativeSeparators(directory)));
                    });
            });
    connect(m_window.get(), &MainWindow::replayRequested, this, [this](const QString &id) {
        const QStringList files = QFileDialog::getOpenFileNames(
            m_window.get(), tr("Replay Recording"),
            QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                + QStringLiteral("/recordings"),
            tr("LabRelay recordings (*.jsonl)"));
        if (files.isEmpty())
            return;
        bool ok = false;
        const double speed = QInputDialog::getDouble(
            m_window.get(), tr("Replay Speed"),
            tr("Speed (1 = as recorded, 2 = twice as fast, 0 = as fast as possible):"), 1.0, 0.0,
            1000.0, 1, &ok);
        if (!ok)
            return;
        m_engine
            ->invoke([id, files, speed](SessionManager &m) {
                return m.startReplay(id, files, speed).error();
            })
            .then(this, [this, id](const QString &error) {
                if (!error.isEmpty())
                    report(id, QString(), error);
            });
    });
    connect(m_window.get(), &MainWindow::demoRequested, this, &ControlPanel::startDemo);
}

void ControlPanel::startDemo() {
    m_engine->invoke([](SessionManager &m) { return m.startDemo(); })
        .then(this, [this](const Result<CreateSessionResult> &result) {
            if (!result) {
                report(QStringLiteral("demo"), QString(), result.error());
                return;
            }
            m_window->sessionsPanel()->setCurrentSession(result->sessionId);
        });
}

void ControlPanel::startApi() {
    const ControlApiOptions options = m_options.apiOptions;
    m_engine
        ->invoke([options](SessionManager &m) -> std::pair<QString, quint16> {
            auto *server = new ControlApiServer(&m, options, &m);
            const QString error = server->listen();
            if (!error.isEmpty()) {
                delete server;
                return {error, 0};
            }
            return {server->listenAddressText(), server->serverPort()};
        })
        .then(this, [this](const std::pair<QString, quint16> &outcome) {
            if (outcome.second == 0) {
                m_window->eventLog()->append(
                    LogEntry::Severity::Warning, QString(), QString(),
                    tr("Control API not available: %1").arg(outcome.first));
                return;
            }
            m_window->eventLog()->append(LogEntry::Severity::Info, QString(), QString(),
                                         tr("Control API listening on %1").arg(outcome.first));
            emit apiListening(outcome.second);
        });
}
