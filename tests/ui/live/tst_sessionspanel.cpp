#include "livetesthelpers.h"
#include "sessionlistmodel.h"
#include "sessionspanel.h"

#include <QAction>
#include <QMenu>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace LiveTest;

class TestSessionsPanel final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void firstSessionBecomesCurrent();
    void currentFollowsVanishingSession();
    void actionsNeedASession();
    void actionsEmitRequestsForCurrentSession();
    void keyboardShortcuts();
    void contextMenuSelectsRowUnderMouse();
    void everyColumnHeaderHasToolTip();

private:
    void feed(const QStringList &ids);

    SessionListModel *m_model = nullptr;
    SessionsPanel *m_panel = nullptr;
};

void TestSessionsPanel::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
}

void TestSessionsPanel::init() {
    m_model = new SessionListModel;
    m_panel = new SessionsPanel(m_model);
    m_panel->resize(600, 300);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel));
}

void TestSessionsPanel::cleanup() {
    delete m_panel;
    delete m_model;
}

void TestSessionsPanel::feed(const QStringList &ids) {
    QList<SessionSnapshot> sessions;
    for (const QString &id : ids)
        sessions.append(session(id));
    m_model->setSnapshot(engine(sessions));
}

void TestSessionsPanel::firstSessionBecomesCurrent() {
    QSignalSpy current(m_panel, &SessionsPanel::currentSessionChanged);
    QCOMPARE(m_panel->currentSessionId(), QString());
    feed({QStringLiteral("a"), QStringLiteral("b")});
    QCOMPARE(m_panel->currentSessionId(), QStringLiteral("a"));
    QCOMPARE(current.count(), 1);
    QCOMPARE(current.at(0).at(0).toString(), QStringLiteral("a"));

    m_panel->setCurrentSession(QStringLiteral("b"));
    QCOMPARE(current.count(), 2);
    QCOMPARE(m_panel->view()->currentIndex().row(), 1);

    feed({QStringLiteral("a"), QStringLiteral("b")}); // unchanged: no signal
    QCOMPARE(current.count(), 2);
}

void TestSessionsPanel::currentFollowsVanishingSession() {
    feed({QStringLiteral("a"), QStringLiteral("b")});
    m_panel->setCurrentSession(QStringLiteral("b"));
    QSignalSpy current(m_panel, &SessionsPanel::currentSessionChanged);

    feed({QStringLiteral("a")});
    QVERIFY(current.count() >= 1);
    QCOMPARE(current.last().at(0).toString(), m_panel->currentSessionId());
    QVERIFY(m_panel->currentSessionId() != QStringLiteral("b"));

    feed({});
    QCOMPARE(m_panel->currentSessionId(), QString());
    QCOMPARE(current.last().at(0).toString(), QString());
}

void TestSessionsPanel::actionsNeedASession() {
    QVERIFY(m_panel->createAction()->isEnabled());
    QVERIFY(m_panel->openAction()->isEnabled());
    QVERIFY(!m_panel->exportAction()->isEnabled());
    QVERIFY(!m_panel->closeAction()->isEnabled());
    feed({QStringLiteral("a")});
    QVERIFY(m_panel->exportAction()->isEnabled());
    QVERIFY(m_panel->closeAction()->isEnabled());
    feed({});
    QVERIFY(!m_panel->closeAction()->isEnabled());
}

void TestSessionsPanel::actionsEmitRequestsForCurrentSession() {
    feed({QStringLiteral("a"), QStringLiteral("b")});
    m_panel->setCurrentSession(QStringLiteral("b"));
    QSignalSpy create(m_panel, &SessionsPanel::createRequested);
    QSignalSpy open(m_panel, &SessionsPanel::openRequested);
    QSignalSpy exportSpy(m_panel, &SessionsPanel::exportRequested);
    QSignalSpy close(m_panel, &SessionsPanel::closeRequested);

    m_panel->createAction()->trigger();
    m_panel->openAction()->trigger();
    m_panel->exportAction()->trigger();
    m_panel->closeAction()->trigger();
    QCOMPARE(create.count(), 1);
    QCOMPARE(open.count(), 1);
    QCOMPARE(exportSpy.at(0).at(0).toString(), QStringLiteral("b"));
    QCOMPARE(close.at(0).at(0).toString(), QStringLiteral("b"));
    // Nothing is closed by the panel itself: the row stays until the engine says otherwise.
    QCOMPARE(m_model->rowCount(), 2);
}

void TestSessionsPanel::keyboardShortcuts() {
    feed({QStringLiteral("a")});
    m_panel->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_panel));
    m_panel->view()->setFocus();

    QSignalSpy create(m_panel, &SessionsPanel::createRequested);
    QSignalSpy close(m_panel, &SessionsPanel::closeRequested);
    QTest::keyClick(m_panel->view(), Qt::Key_N, Qt::ControlModifier);
    QTest::keyClick(m_panel->view(), Qt::Key_W, Qt::ControlModifier);
    QCOMPARE(create.count(), 1);
    QCOMPARE(close.count(), 1);
    for (QAction *action : {m_panel->createAction(), m_panel->openAction(), m_panel->exportAction(),
                            m_panel->closeAction()})
        QVERIFY2(!action->shortcut().isEmpty(), qPrintable(action->text()));
}

void TestSessionsPanel::contextMenuSelectsRowUnderMouse() {
    feed({QStringLiteral("a"), QStringLiteral("b")});
    QCOMPARE(m_panel->currentSessionId(), QStringLiteral("a"));
    const QRect cell = m_panel->view()->visualRect(m_model->index(1, 0));
    emit m_panel->view()->customContextMenuRequested(cell.center());
    QCOMPARE(m_panel->currentSessionId(), QStringLiteral("b"));
    QMenu *menu = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((menu = m_panel->findChild<QMenu *>()) && menu->isVisible(), 2000);
    QVERIFY(menu->actions().contains(m_panel->closeAction()));
    menu->close();
}

void TestSessionsPanel::everyColumnHeaderHasToolTip() {
    const QAbstractItemModel *model = m_panel->view()->model();
    for (int column = 0; column < model->columnCount(); ++column)
        QVERIFY(!model->headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty());
}

QTEST_MAIN(TestSessionsPanel)
#include "tst_sessionspanel.moc"
