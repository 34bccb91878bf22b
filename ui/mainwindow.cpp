#include "mainwindow.h"

#include "distributoreditor.h"
#include "distributorspanel.h"
#include "distributortype.h"
#include "environmentpanel.h"
#include "eventlogdock.h"
#include "healthchartwidget.h"
#include "livestatus.h"
#include "routingpanel.h"
#include "sessionspanel.h"
#include "templatespanel.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>

namespace {

// Typed preference keys, declared next to their only use.
const QString GeometryKey = QStringLiteral("window/geometry");
const QString StateKey = QStringLiteral("window/state");

QDockWidget *dock(const QString &title, const QString &objectName, QWidget *content,
                  QWidget *parent) {
    auto *widget = new QDockWidget(title, parent);
    widget->setObjectName(objectName); // saveState() needs a name
    widget->setWidget(content);
    return widget;
}

} // namespace

MainWindow::MainWindow(ConfigManager &configManager, TemplateStore &templates, QWidget *parent)
    : QMainWindow(parent) {
    setWindowTitle(tr("LabRelay"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/labrelay.svg")));
    createPanels(configManager, templates);
    createActions();
    createMenus();
    restoreLayout();
    updateSessionActions(nullptr);
}

MainWindow::~MainWindow() = default;

void MainWindow::createPanels(ConfigManager &configManager, TemplateStore &templates) {
    m_sessionsPanel = new SessionsPanel(&m_sessionModel, this);
    m_distributorsPanel = new DistributorsPanel(&m_distributorModel, this);
    m_routingPanel = new RoutingPanel(&m_routingModel, this);
    m_healthChart = new HealthChartWidget(this);
    m_editor = new DistributorEditor(configManager, this);
    m_templatesPanel = new TemplatesPanel(configManager, templates, this);
    m_environmentPanel = new EnvironmentPanel(configManager, this);

    auto *editorHint =
        new QLabel(tr("Double-click a distributor (or select it and press Ctrl+R) to edit its "
                      "configuration here. Apply changes it live."),
                   this);
    editorHint->setAlignment(Qt::AlignCenter);
    editorHint->setWordWrap(true);
    m_editorStack = new QStackedWidget(this);
    m_editorStack->addWidget(editorHint);
    m_editorStack->addWidget(m_editor);

    auto *distributors = new QSplitter(Qt::Vertical, this);
    distributors->addWidget(m_distributorsPanel);
    distributors->addWidget(m_editorStack);
    distributors->setStretchFactor(0, 3);
    distributors->setStretchFactor(1, 2);
    connect(m_distributorsPanel->view(), &QAbstractItemView::doubleClicked, this,
            [this](const QModelIndex &index) {
                emit distributorEditRequested(DistributorTypes::names().value(index.row()));
            });

    m_tabs = new QTabWidget(this);
    m_tabs->addTab(distributors, tr("&Distributors"));
    m_tabs->addTab(m_routingPanel, tr("&Routing"));
    m_tabs->addTab(m_healthChart, tr("Hea&lth"));
    setCentralWidget(m_tabs);

    addDockWidget(Qt::LeftDockWidgetArea,
                  dock(tr("Sessions"), QStringLiteral("sessionsDock"), m_sessionsPanel, this));
    m_eventLogDock = new EventLogDock(&m_eventLog, this);
    m_eventLogDock->setObjectName(QStringLiteral("eventLogDock"));
    addDockWidget(Qt::BottomDockWidgetArea, m_eventLogDock);
    QDockWidget *templatesDock =
        dock(tr("Templates"), QStringLiteral("templatesDock"), m_templatesPanel, this);
    QDockWidget *environmentDock =
        dock(tr("Environment"), QStringLiteral("environmentDock"), m_environmentPanel, this);
    // Occasional-use panels share the bottom with the event log, so the live tables get the
    // window's full width.
    addDockWidget(Qt::BottomDockWidgetArea, templatesDock);
    addDockWidget(Qt::BottomDockWidgetArea, environmentDock);
    tabifyDockWidget(m_eventLogDock, templatesDock);
    tabifyDockWidget(templatesDock, environmentDock);
    m_eventLogDock->raise();

    m_sessionSummary = new QLabel(this);
    statusBar()->addPermanentWidget(m_sessionSummary);

    connect(m_sessionsPanel, &SessionsPanel::currentSessionChanged, this,
            &MainWindow::onCurrentSessionChanged);
    connect(m_sessionsPanel, &SessionsPanel::createRequested, this,
            &MainWindow::newSessionRequested);
    connect(m_sessionsPanel, &SessionsPanel::openRequested, this, &MainWindow::openRequested);
    connect(m_sessionsPanel, &SessionsPanel::exportRequested, this, &MainWindow::exportRequested);
    connect(m_sessionsPanel, &SessionsPanel::closeRequested, this,
            &MainWindow::closeSessionRequested);
}

void MainWindow::createActions() {
    auto action = [this](const QString &text, QStyle::StandardPixmap icon, const QString &tip) {
        auto *created = new QAction(style()->standardIcon(icon), text, this);
        created->setToolTip(tip);
        created->setStatusTip(tip);
        return created;
    };
    m_newAction =
        action(tr("&New Session…"), QStyle::SP_FileIcon, tr("Create a session from a template"));
    connect(m_newAction, &QAction::triggered, this, &MainWindow::newSessionRequested);
    m_openAction = action(tr("&Open Session Config…"), QStyle::SP_DialogOpenButton,
                          tr("Create a session from a *.labrelay.json file"));
    connect(m_openAction, &QAction::triggered, this, &MainWindow::openRequested);
    m_exportAction = action(tr("&Export Session Config…"), QStyle::SP_DialogSaveButton,
                            tr("Save the selected session's configuration to a file"));
    connect(m_exportAction, &QAction::triggered, this,
            [this] { emit exportRequested(m_currentSession); });
    m_closeSessionAction = action(tr("&Close Session"), QStyle::SP_DialogCloseButton,
                                  tr("Close the selected session and release its ports"));
    connect(m_closeSessionAction, &QAction::triggered, this,
            [this] { emit closeSessionRequested(m_currentSession); });

    m_syntheticAction = action(tr("&Synthetic Source"), QStyle::SP_MediaPlay,
                               tr("Feed the selected session with synthetic eye-tracking data "
                                  "(F5)"));
    m_syntheticAction->setCheckable(true);
    m_syntheticAction->setShortcut(Qt::Key_F5);
    connect(m_syntheticAction, &QAction::triggered, this,
            [this](bool on) { emit syntheticToggled(m_currentSession, on); });
    m_recordAction = action(tr("&Record"), QStyle::SP_DialogSaveButton,
                            tr("Record every event of the selected session to JSONL files "
                               "(Ctrl+Shift+R)"));
    m_recordAction->setCheckable(true);
    m_recordAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    connect(m_recordAction, &QAction::triggered, this,
            [this](bool on) { emit recordingToggled(m_currentSession, on); });
    m_replayAction = action(tr("Re&play Recording…"), QStyle::SP_MediaSeekForward,
                            tr("Feed a recording into the selected session"));
    connect(m_replayAction, &QAction::triggered, this,
            [this] { emit replayRequested(m_currentSession); });
    m_demoAction = action(tr("Start &Demo"), QStyle::SP_ComputerIcon,
                          tr("Open the loopback demo session with live synthetic data"));
    connect(m_demoAction, &QAction::triggered, this, &MainWindow::demoRequested);
    m_quitAction = action(tr("&Quit"), QStyle::SP_DialogCloseButton,
                          tr("Close every session and quit (Ctrl+Q)"));
    m_quitAction->setShortcut(QKeySequence::Quit);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    QToolBar *toolbar = addToolBar(tr("Session"));
    toolbar->setObjectName(QStringLiteral("sessionToolbar"));
    toolbar->addActions({m_newAction, m_openAction, m_exportAction});
    toolbar->addSeparator();
    toolbar->addActions({m_syntheticAction, m_recordAction, m_replayAction});
    toolbar->addSeparator();
    toolbar->addAction(m_demoAction);
}

void MainWindow::createMenus() {
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addActions({m_newAction, m_openAction});
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addActions({m_exportAction, m_closeSessionAction});
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *session = menuBar()->addMenu(tr("&Session"));
    session->addActions({m_syntheticAction, m_recordAction, m_replayAction});
    session->addSeparator();
    session->addAction(m_demoAction);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    for (QDockWidget *dockWidget : findChildren<QDockWidget *>())
        m_viewMenu->addAction(dockWidget->toggleViewAction());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About LabRelay"), this, [this] {
        QMessageBox::about(this, tr("About LabRelay"),
                           tr("<b>LabRelay %1</b><p>Routes live study events to HTTP, "
                              "WebSocket, MQTT, UDP and SSE distributors.</p>")
                               .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::setRecentFiles(const QStringList &paths) {
    m_recentMenu->clear();
    for (const QString &path : paths) {
        QAction *entry = m_recentMenu->addAction(QFileInfo(path).fileName());
        entry->setToolTip(path);
        connect(entry, &QAction::triggered, this, [this, path] { emit recentFileRequested(path); });
    }
    m_recentMenu->setEnabled(!paths.isEmpty());
}

void MainWindow::showEditor(const QString &type, const QJsonObject &configured) {
    m_editor->load(type, configured);
    m_editorStack->setCurrentWidget(m_editor);
    m_tabs->setCurrentIndex(0);
    m_editor->setFocus();
}

void MainWindow::showStatus(const QString &message) {
    statusBar()->showMessage(message, 8000);
}

void MainWindow::applySnapshot(const EngineSnapshot &snapshot) {
    m_sessionModel.setSnapshot(snapshot);
    m_distributorModel.setSnapshot(snapshot);
    const SessionSnapshot *current = snapshot.session(m_currentSession);
    if (current)
        m_healthChart->addSnapshot(*current, snapshot.timestamp);
    updateSessionActions(current);
}

void MainWindow::onCurrentSessionChanged(const QString &sessionId) {
    if (sessionId == m_currentSession)
        return;
    m_currentSession = sessionId;
    m_distributorModel.setSession(sessionId);
    m_healthChart->clear();
    updateSessionActions(nullptr);
}

void MainWindow::updateSessionActions(const SessionSnapshot *session) {
    const bool selected = !m_currentSession.isEmpty();
    for (QAction *action :
         {m_exportAction, m_closeSessionAction, m_syntheticAction, m_recordAction, m_replayAction})
        action->setEnabled(selected);
    m_syntheticAction->setChecked(session && session->syntheticRunning);
    m_recordAction->setChecked(session && session->recording);
    if (!session) {
        m_sessionSummary->setText(selected ? m_currentSession : tr("No session selected"));
        return;
    }
    m_sessionSummary->setText(tr("%1 — %2 — %3 events/s — %4 failed")
                                  .arg(session->id, LiveStates::displayText(session->state))
                                  .arg(qRound64(session->eventsPerSecond))
                                  .arg(session->errors));
}

void MainWindow::closeEvent(QCloseEvent *event) {
    saveLayout();
    emit closing();
    event->accept();
}

void MainWindow::restoreLayout() {
    const QSettings settings;
    if (!restoreGeometry(settings.value(GeometryKey).toByteArray())) {
        // Wide enough for every distributor column; smaller screens get most of their width.
        const QRect available = screen()->availableGeometry();
        resize(std::min(1600, available.width() * 9 / 10),
               std::min(960, available.height() * 9 / 10));
        const QList<QDockWidget *> docks = findChildren<QDockWidget *>();
        for (QDockWidget *dockWidget : docks) {
            if (dockWidget->objectName() == QLatin1String("sessionsDock"))
                resizeDocks({dockWidget}, {280}, Qt::Horizontal);
            else
                resizeDocks({dockWidget}, {230}, Qt::Vertical);
        }
    }
    restoreState(settings.value(StateKey).toByteArray());
}

void MainWindow::saveLayout() const {
    QSettings settings;
    settings.setValue(GeometryKey, saveGeometry());
    settings.setValue(StateKey, saveState());
}
