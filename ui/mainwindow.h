#pragma once

#include "distributortablemodel.h"
#include "enginesnapshot.h"
#include "eventlogmodel.h"
#include "routingtablemodel.h"
#include "sessionlistmodel.h"

#include <QMainWindow>

class ConfigManager;
class DistributorEditor;
class DistributorsPanel;
class EnvironmentPanel;
class EventLogDock;
class HealthChartWidget;
class QAction;
class QLabel;
class QMenu;
class QStackedWidget;
class QTabWidget;
class RoutingPanel;
class SessionsPanel;
class TemplateStore;
class TemplatesPanel;

// The control panel's window: it lays out the panels, owns their item models, offers the
// session-level actions, and keeps its layout between runs. It knows nothing of the engine;
// app/ControlPanel connects the two.
class MainWindow final : public QMainWindow {
    Q_OBJECT

public:
    MainWindow(ConfigManager &configManager, TemplateStore &templates, QWidget *parent = nullptr);
    ~MainWindow() override;

    SessionListModel *sessionModel() { return &m_sessionModel; }
    DistributorTableModel *distributorModel() { return &m_distributorModel; }
    RoutingTableModel *routingModel() { return &m_routingModel; }
    EventLogModel *eventLog() { return &m_eventLog; }

    SessionsPanel *sessionsPanel() const { return m_sessionsPanel; }
    DistributorsPanel *distributorsPanel() const { return m_distributorsPanel; }
    RoutingPanel *routingPanel() const { return m_routingPanel; }
    HealthChartWidget *healthChart() const { return m_healthChart; }
    DistributorEditor *distributorEditor() const { return m_editor; }
    TemplatesPanel *templatesPanel() const { return m_templatesPanel; }
    EnvironmentPanel *environmentPanel() const { return m_environmentPanel; }
    EventLogDock *eventLogDock() const { return m_eventLogDock; }

    QString currentSession() const { return m_currentSession; }
    // Opens the editor on one distributor's configuration.
    void showEditor(const QString &type, const QJsonObject &configured);
    void setRecentFiles(const QStringList &paths);
    void showStatus(const QString &message);

public slots:
    void applySnapshot(const EngineSnapshot &snapshot);

signals:
    void newSessionRequested();
    void openRequested();
    void exportRequested(const QString &sessionId);
    void closeSessionRequested(const QString &sessionId);
    void recentFileRequested(const QString &path);
    void syntheticToggled(const QString &sessionId, bool on);
    void recordingToggled(const QString &sessionId, bool on);
    void replayRequested(const QString &sessionId);
    void demoRequested();
    void closing();
    // A distributor row was double-clicked: its configuration should open in the editor.
    void distributorEditRequested(const QString &type);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createPanels(ConfigManager &configManager, TemplateStore &templates);
    void createActions();
    void createMenus();
    void onCurrentSessionChanged(const QString &sessionId);
    void updateSessionActions(const SessionSnapshot *session);
    void restoreLayout();
    void saveLayout() const;

    SessionListModel m_sessionModel;
    DistributorTableModel m_distributorModel;
    RoutingTableModel m_routingModel;
    EventLogModel m_eventLog;

    SessionsPanel *m_sessionsPanel = nullptr;
    DistributorsPanel *m_distributorsPanel = nullptr;
    RoutingPanel *m_routingPanel = nullptr;
    HealthChartWidget *m_healthChart = nullptr;
    DistributorEditor *m_editor = nullptr;
    TemplatesPanel *m_templatesPanel = nullptr;
    EnvironmentPanel *m_environmentPanel = nullptr;
    EventLogDock *m_eventLogDock = nullptr;
    QTabWidget *m_tabs = nullptr;
    QStackedWidget *m_editorStack = nullptr; // a hint until a distributor is chosen
    QLabel *m_sessionSummary = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_viewMenu = nullptr;

    QAction *m_newAction = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_closeSessionAction = nullptr;
    QAction *m_syntheticAction = nullptr;
    QAction *m_recordAction = nullptr;
    QAction *m_replayAction = nullptr;
    QAction *m_demoAction = nullptr;
    QAction *m_quitAction = nullptr;

    QString m_currentSession;
};
