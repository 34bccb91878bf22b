#pragma once

#include "configmanager.h"
#include "controlapioptions.h"
#include "enginehost.h"
#include "templatestore.h"

#include <QJsonObject>
#include <QMap>
#include <QObject>

#include <memory>

class EngineLogBridge;
class MainWindow;
class SessionFiles;

// The window wired to the engine (the composition root of the GUI): the engine runs on its
// worker thread behind EngineHost; the window's requests become queued engine calls, and the
// engine's answers, signals and snapshots come back to the window — never one per event.
class ControlPanel final : public QObject {
    Q_OBJECT

public:
    struct Options {
        bool demo = false;            // --demo: open the demo session now
        bool demoOnFirstStart = true; // the very first start opens the demo too
        bool api = true;              // serve the control API (so `labrelay replay` can feed us)
        ControlApiOptions apiOptions;
        QString templatesPath; // empty: the platform's app-config location
    };

    explicit ControlPanel(const Options &options, QObject *parent = nullptr);
    // Closes every session (ports released) before it returns.
    ~ControlPanel() override;

    MainWindow *window() const { return m_window.get(); }
    EngineHost &engine() { return *m_engine; }
    SessionFiles *files() const { return m_files; }
    // The current session's distributor configs as configured (for the editor).
    QJsonObject configured(const QString &type) const { return m_configured.value(type); }

    // Shows the window, starts the API and, when asked, the demo.
    void start();

signals:
    // The current session's details (configured types, routing) were reloaded.
    void sessionDetailsLoaded(const QString &sessionId);
    void apiListening(quint16 port);

private:
    void wireSessions();
    void wireDistributors();
    void wireRouting();
    void wireConfiguration();
    void wireInputs();
    void startApi();
    void startDemo();
    void createFromDialog();
    void refreshSession(const QString &sessionId, bool reloadRouting);
    void pushTemplates();
    void report(const QString &sessionId, const QString &type, const QString &error);

    Options m_options;
    ConfigManager m_config; // the window's copy, for validation while editing
    TemplateStore m_templates;
    std::unique_ptr<EngineHost> m_engine;
    std::unique_ptr<MainWindow> m_window;
    SessionFiles *m_files = nullptr;
    EngineLogBridge *m_logBridge = nullptr;
    QMap<QString, QJsonObject> m_configured;
    QStringList m_pushedTemplates;
};
