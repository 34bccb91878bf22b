// The window wired to the engine, offscreen: what an operator's clicks do to real sessions.
#include "controlpanel.h"
#include "distributorspanel.h"
#include "distributortablemodel.h"
#include "distributortype.h"
#include "mainwindow.h"
#include "routingpanel.h"
#include "sessionfiles.h"
#include "sessionspanel.h"
#include "testpeers.h"
#include "testsupport.h"
#include "viewclick.h"

#include <QAction>
#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

namespace {

template<typename T>
T await(QFuture<T> future) {
    QElapsedTimer timer;
    timer.start();
    while (!future.isFinished() && timer.elapsed() < 15000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    return future.isFinished() && !future.isCanceled() ? future.result() : T();
}

QAction *actionNamed(QWidget *widget, const QString &text) {
    for (QAction *action : widget->findChildren<QAction *>()) {
        if (action->text().remove(QLatin1Char('&')) == text)
            return action;
    }
    return nullptr;
}

} // namespace

class TestControlPanel : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void enabledCheckboxSwitchesTheDistributorInTheEngine();
    void routingCellAndApplyReachTheNewDistributor();
    void undoRestoresARoutingEdit();
    void exportLeavesOutTheMqttPassword();
    void closingTheWindowReleasesPorts();

private:
    void createSession(const QString &id);
    void select(const QString &id);

    QTemporaryDir m_dir;
    std::unique_ptr<ControlPanel> m_panel;
    std::unique_ptr<UdpReceiver> m_udp;
    quint16 m_wsPort = 0;
};

void TestControlPanel::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestControlPanel::init() {
    ControlPanel::Options options;
    options.demoOnFirstStart = false;
    options.api = false;
    options.templatesPath = m_dir.filePath(QStringLiteral("templates.json"));
    m_panel = std::make_unique<ControlPanel>(options);
    m_panel->start();
    m_udp = std::make_unique<UdpReceiver>();
    m_wsPort = TestSupport::freeTcpPort();
}

void TestControlPanel::cleanup() {
    m_panel.reset();
    m_udp.reset();
}

void TestControlPanel::createSession(const QString &id) {
    const SessionConfig config = SessionConfig::fromJson(QJsonObject{
        {QStringLiteral("template"), QJsonValue::Null},
        {QStringLiteral("distributors"),
         QJsonObject{{QStringLiteral("udp"),
                      QJsonObject{{QStringLiteral("port"), 9999},
                                  {QStringLiteral("targets"), QJsonArray{m_udp->target()}}}},
                     {QStringLiteral("websocket"),
                      QJsonObject{{QStringLiteral("port"), m_wsPort},
                                  {QStringLiteral("host"), QStringLiteral("127.0.0.1")}}},
                     {QStringLiteral("mqtt"),
                      QJsonObject{{QStringLiteral("broker"), QStringLiteral("mqtt://127.0.0.1:1")},
                                  {QStringLiteral("clientId"), QStringLiteral("gui")},
                                  {QStringLiteral("username"), QStringLiteral("lab")},
                                  {QStringLiteral("password"), QStringLiteral("hunter2")}}}}},
        {QStringLiteral("enabledDistributors"),
         QJsonArray{QStringLiteral("udp"), QStringLiteral("websocket")}},
        {QStringLiteral("eventRouting"),
         QJsonObject{{QStringLiteral("gaze"), QJsonArray{QStringLiteral("udp")}}}},
        {QStringLiteral("unroutedPolicy"), QStringLiteral("drop")}});
    const Result<CreateSessionResult> created = await(m_panel->engine().invoke(
        [id, config](SessionManager &manager) { return manager.createSession(id, config); }));
    QVERIFY2(created.ok(), qPrintable(created.error()));
}

void TestControlPanel::select(const QString &id) {
    QSignalSpy loaded(m_panel.get(), &ControlPanel::sessionDetailsLoaded);
    m_panel->window()->sessionsPanel()->setCurrentSession(id);
    QTRY_COMPARE(m_panel->window()->currentSession(), id);
    QTRY_VERIFY(!loaded.isEmpty());
    // The first snapshot of the session reaches the table.
    const QModelIndex state = m_panel->window()->distributorModel()->index(
        int(DistributorTypes::names().indexOf(QStringLiteral("websocket"))),
        DistributorTableModel::StateColumn);
    QTRY_VERIFY(state.data().toString().contains(QStringLiteral("connected")));
}

void TestControlPanel::enabledCheckboxSwitchesTheDistributorInTheEngine() {
    createSession(QStringLiteral("gui"));
    select(QStringLiteral("gui"));
    QTableView *view = m_panel->window()->distributorsPanel()->view();
    const QModelIndex enabled = m_panel->window()->distributorModel()->index(
        int(DistributorTypes::names().indexOf(QStringLiteral("websocket"))),
        DistributorTableModel::EnabledColumn);
    QCOMPARE(enabled.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);

    ViewClick::clickCheckBox(view, enabled);
    // The engine disabled it: the next snapshot unticks the box, and the port is free.
    QTRY_COMPARE(enabled.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
    QTcpServer rebind;
    QVERIFY2(rebind.listen(QHostAddress::LocalHost, m_wsPort), "the WebSocket port is still taken");
    rebind.close();

    ViewClick::clickCheckBox(view, enabled);
    QTRY_COMPARE(enabled.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
    WebSocketReceiver client(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(m_wsPort)));
    QTRY_VERIFY(client.isConnected());
}

void TestControlPanel::routingCellAndApplyReachTheNewDistributor() {
    createSession(QStringLiteral("gui"));
    select(QStringLiteral("gui"));
    WebSocketReceiver client(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(m_wsPort)));
    QTRY_VERIFY(client.isConnected());

    RoutingTableModel *routing = m_panel->window()->routingModel();
    QTRY_VERIFY(routing->rowOf(QStringLiteral("gaze")) >= 0);
    RoutingPanel *panel = m_panel->window()->routingPanel();
    panel->window()->activateWindow();
    const QModelIndex cell =
        routing->index(routing->rowOf(QStringLiteral("gaze")), RoutingTableModel::WebSocketColumn);
    QCOMPARE(cell.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
    ViewClick::clickCheckBox(panel->view(), cell);
    QCOMPARE(cell.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
    QAction *apply = actionNamed(panel, QStringLiteral("Apply"));
    QVERIFY(apply);
    apply->trigger();

    // Once applied, a gaze event reaches the WebSocket client too.
    const QString id = QStringLiteral("gui");
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            await(m_panel->engine().invoke([id](SessionManager &manager) {
                return manager.routeEvent(id, QStringLiteral("gaze"), 1).ok();
            }));
            return client.count(QStringLiteral("gaze")) > 0;
        }(),
        10000);
    QVERIFY(m_udp->count(QStringLiteral("gaze")) > 0);
}

void TestControlPanel::undoRestoresARoutingEdit() {
    createSession(QStringLiteral("gui"));
    select(QStringLiteral("gui"));
    RoutingTableModel *routing = m_panel->window()->routingModel();
    QTRY_VERIFY(routing->rowOf(QStringLiteral("gaze")) >= 0);
    RoutingPanel *panel = m_panel->window()->routingPanel();
    const QModelIndex cell =
        routing->index(routing->rowOf(QStringLiteral("gaze")), RoutingTableModel::UdpColumn);
    ViewClick::clickCheckBox(panel->view(), cell);
    QCOMPARE(cell.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
    QVERIFY(routing->undoStack()->canUndo());
    routing->undoStack()->undo();
    QCOMPARE(cell.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
    actionNamed(panel, QStringLiteral("Apply"))->trigger();

    const QString id = QStringLiteral("gui");
    QTRY_COMPARE(await(m_panel->engine().invoke([id](SessionManager &manager) {
                     return manager.exportSessionConfig(id)->eventRouting.typesFor(
                         QStringLiteral("gaze"));
                 })),
                 QStringList{QStringLiteral("udp")});
}

void TestControlPanel::exportLeavesOutTheMqttPassword() {
    createSession(QStringLiteral("gui"));
    const QString path = m_dir.filePath(QStringLiteral("gui.labrelay.json"));
    const Result<QStringList> exported =
        await(m_panel->files()->exportTo(QStringLiteral("gui"), path, false));
    QVERIFY2(exported.ok(), qPrintable(exported.error()));
    QCOMPARE(exported.value(), QStringList{QStringLiteral("distributors.mqtt.password")});
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(!text.contains("hunter2"));
    QVERIFY(text.contains("\"username\": \"lab\""));
    QVERIFY(m_panel->files()->recentFiles().contains(path));

    // The exported file opens as a new session (in another window, as an operator would).
    m_panel.reset();
    m_udp = std::make_unique<UdpReceiver>();
    init();
    const Result<CreateSessionResult> reopened = await(m_panel->files()->open(path));
    QVERIFY2(reopened.ok(), qPrintable(reopened.error()));
    QCOMPARE(reopened->sessionId, QStringLiteral("gui"));
}

void TestControlPanel::closingTheWindowReleasesPorts() {
    createSession(QStringLiteral("gui"));
    QTcpServer taken;
    QVERIFY(!taken.listen(QHostAddress::LocalHost, m_wsPort));
    m_panel->window()->close();
    QTcpServer free;
    QVERIFY2(free.listen(QHostAddress::LocalHost, m_wsPort),
             "closing the window left the port taken");
}

QTEST_MAIN(TestControlPanel)
#include "tst_controlpanel.moc"
