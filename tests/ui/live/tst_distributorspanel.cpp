#include "distributorspanel.h"
#include "distributortablemodel.h"
#include "livetesthelpers.h"
#include "viewclick.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QMenu>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace LiveTest;
using Model = DistributorTableModel;

class TestDistributorsPanel final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void clickOnEnabledCheckboxRequestsAndWaitsForEngine_data();
    void clickOnEnabledCheckboxRequestsAndWaitsForEngine();
    void clickOnUnconfiguredRowDoesNothing();
    void clickOnProbeCheckboxRequestsProbe();
    void actionsFollowCurrentRow();
    void contextMenuActsOnRowUnderMouse();
    void keyboardShortcuts();
    void titleNamesSession();
    void everyColumnHeaderHasToolTip();

private:
    void select(const QString &type);
    EngineSnapshot snapshot(bool httpActive) const;

    Model *m_model = nullptr;
    DistributorsPanel *m_panel = nullptr;
};

namespace {

QMenu *visibleMenu(QWidget *parent) {
    const QList<QMenu *> menus = parent->findChildren<QMenu *>();
    for (QMenu *menu : menus) {
        if (menu->isVisible())
            return menu;
    }
    return nullptr;
}

} // namespace

void TestDistributorsPanel::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
}

EngineSnapshot TestDistributorsPanel::snapshot(bool httpActive) const {
    SessionSnapshot s = session(QStringLiteral("s1"));
    DistributorSnapshot http = distributor(QStringLiteral("http"), httpActive);
    http.failoverAlternatives = 1;
    s.distributors = {http, distributor(QStringLiteral("mqtt"), false)};
    return engine({s});
}

void TestDistributorsPanel::init() {
    m_model = new Model;
    m_model->setSession(QStringLiteral("s1"));
    m_model->setSnapshot(snapshot(true));
    m_panel = new DistributorsPanel(m_model);
    m_panel->resize(1200, 400);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel));
}

void TestDistributorsPanel::cleanup() {
    delete m_panel;
    delete m_model;
}

void TestDistributorsPanel::select(const QString &type) {
    m_panel->view()->setCurrentIndex(m_model->index(m_model->rowOf(type), Model::TypeColumn));
}

void TestDistributorsPanel::clickOnEnabledCheckboxRequestsAndWaitsForEngine_data() {
    QTest::addColumn<QString>("type");
    QTest::addColumn<bool>("activeBefore");

    QTest::newRow("running http: disable") << QStringLiteral("http") << true;
    QTest::newRow("stopped mqtt: enable") << QStringLiteral("mqtt") << false;
}

void TestDistributorsPanel::clickOnEnabledCheckboxRequestsAndWaitsForEngine() {
    QFETCH(QString, type);
    QFETCH(bool, activeBefore);

    QSignalSpy enable(m_panel, &DistributorsPanel::enableRequested);
    QSignalSpy disable(m_panel, &DistributorsPanel::disableRequested);
    const QModelIndex box = m_model->index(m_model->rowOf(type), Model::EnabledColumn);
    const Qt::CheckState before = activeBefore ? Qt::Checked : Qt::Unchecked;
    QCOMPARE(box.data(Qt::CheckStateRole).value<Qt::CheckState>(), before);

    ViewClick::clickCheckBox(m_panel->view(), box);

    QSignalSpy &expected = activeBefore ? disable : enable;
    QTRY_COMPARE_WITH_TIMEOUT(expected.count(), 1, 2000);
    QCOMPARE(expected.at(0).at(0).toString(), type);
    QCOMPARE((activeBefore ? enable : disable).count(), 0);
    // The box still shows the engine's state: the click was a request, not a change.
    QCOMPARE(box.data(Qt::CheckStateRole).value<Qt::CheckState>(), before);

    // The engine did it; the next snapshot says so and the box follows.
    EngineSnapshot next = snapshot(true);
    for (DistributorSnapshot &d : next.sessions[0].distributors) {
        if (d.type == type)
            d = distributor(type, !activeBefore);
    }
    m_model->setSnapshot(next);
    QCOMPARE(box.data(Qt::CheckStateRole).value<Qt::CheckState>(),
             activeBefore ? Qt::Unchecked : Qt::Checked);
}

void TestDistributorsPanel::clickOnUnconfiguredRowDoesNothing() {
    QSignalSpy enable(m_panel, &DistributorsPanel::enableRequested);
    const QModelIndex box =
        m_model->index(m_model->rowOf(QStringLiteral("udp")), Model::EnabledColumn);
    ViewClick::clickCheckBox(m_panel->view(), box);
    // A click on the probe box of a configured row proves clicks are processed by now.
    QSignalSpy probe(m_panel, &DistributorsPanel::probeToggled);
    ViewClick::clickCheckBox(m_panel->view(), m_model->index(m_model->rowOf(QStringLiteral("http")),
                                                             Model::ProbeColumn));
    QTRY_COMPARE_WITH_TIMEOUT(probe.count(), 1, 2000);
    QCOMPARE(enable.count(), 0);
}

void TestDistributorsPanel::clickOnProbeCheckboxRequestsProbe() {
    QSignalSpy probe(m_panel, &DistributorsPanel::probeToggled);
    const QModelIndex box =
        m_model->index(m_model->rowOf(QStringLiteral("mqtt")), Model::ProbeColumn);
    ViewClick::clickCheckBox(m_panel->view(), box);
    QTRY_COMPARE_WITH_TIMEOUT(probe.count(), 1, 2000);
    QCOMPARE(probe.at(0).at(0).toString(), QStringLiteral("mqtt"));
    QCOMPARE(probe.at(0).at(1).toBool(), true);
    QCOMPARE(box.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
}

void TestDistributorsPanel::actionsFollowCurrentRow() {
    select(QStringLiteral("http"));
    QVERIFY(!m_panel->enableAction()->isEnabled());
    QVERIFY(m_panel->disableAction()->isEnabled());
    QVERIFY(m_panel->reconfigureAction()->isEnabled());
    QVERIFY(m_panel->failoverAction()->isEnabled());

    QSignalSpy disable(m_panel, &DistributorsPanel::disableRequested);
    QSignalSpy failover(m_panel, &DistributorsPanel::failoverRequested);
    m_panel->disableAction()->trigger();
    m_panel->failoverAction()->trigger();
    QCOMPARE(disable.count(), 1);
    QCOMPARE(failover.count(), 1);
    QCOMPARE(failover.at(0).at(0).toString(), QStringLiteral("http"));

    select(QStringLiteral("mqtt"));
    QVERIFY(m_panel->enableAction()->isEnabled());
    QVERIFY(!m_panel->disableAction()->isEnabled());
    QVERIFY(!m_panel->failoverAction()->isEnabled());

    select(QStringLiteral("udp")); // not configured
    for (QAction *action : {m_panel->enableAction(), m_panel->disableAction(),
                            m_panel->reconfigureAction(), m_panel->failoverAction()})
        QVERIFY2(!action->isEnabled(), qPrintable(action->text()));

    // The engine stops http: the actions follow the snapshot, not the click.
    select(QStringLiteral("http"));
    m_model->setSnapshot(snapshot(false));
    QVERIFY(m_panel->enableAction()->isEnabled());
    QVERIFY(!m_panel->disableAction()->isEnabled());
}

void TestDistributorsPanel::contextMenuActsOnRowUnderMouse() {
    select(QStringLiteral("http"));
    QSignalSpy reconfigure(m_panel, &DistributorsPanel::reconfigureRequested);
    QSignalSpy enable(m_panel, &DistributorsPanel::enableRequested);

    QMenu *menu = m_panel->contextMenuFor(
        m_model->index(m_model->rowOf(QStringLiteral("mqtt")), Model::StateColumn));
    QStringList texts;
    for (QAction *action : menu->actions()) {
        if (!action->isSeparator())
            texts.append(action->text());
    }
    QCOMPARE(texts.size(), 4);
    QCOMPARE(m_panel->currentType(), QStringLiteral("mqtt"));
    menu->actions().at(0)->trigger(); // Enable
    QCOMPARE(enable.count(), 1);
    QCOMPARE(enable.at(0).at(0).toString(), QStringLiteral("mqtt"));
    m_panel->reconfigureAction()->trigger();
    QCOMPARE(reconfigure.at(0).at(0).toString(), QStringLiteral("mqtt"));
    menu->close();

    // The real right-click path pops a menu up.
    const QRect cell = m_panel->view()->visualRect(
        m_model->index(m_model->rowOf(QStringLiteral("http")), Model::TargetColumn));
    emit m_panel->view()->customContextMenuRequested(cell.center());
    QTRY_VERIFY_WITH_TIMEOUT(visibleMenu(m_panel), 2000);
    QCOMPARE(m_panel->currentType(), QStringLiteral("http"));
    visibleMenu(m_panel)->close();
}

void TestDistributorsPanel::keyboardShortcuts() {
    m_panel->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_panel));
    m_panel->view()->setFocus();
    select(QStringLiteral("http"));

    QSignalSpy disable(m_panel, &DistributorsPanel::disableRequested);
    QSignalSpy reconfigure(m_panel, &DistributorsPanel::reconfigureRequested);
    QTest::keyClick(m_panel->view(), Qt::Key_D, Qt::ControlModifier);
    QTest::keyClick(m_panel->view(), Qt::Key_R, Qt::ControlModifier);
    QCOMPARE(disable.count(), 1);
    QCOMPARE(reconfigure.count(), 1);
    for (QAction *action : {m_panel->enableAction(), m_panel->disableAction(),
                            m_panel->reconfigureAction(), m_panel->failoverAction()}) {
        QVERIFY(!action->shortcut().isEmpty());
        QVERIFY(action->toolTip().contains(action->shortcut().toString(QKeySequence::NativeText)));
    }
}

void TestDistributorsPanel::titleNamesSession() {
    const QLabel *title = m_panel->findChild<QLabel *>();
    QVERIFY(title->text().contains(QStringLiteral("s1")));
    m_model->setSession(QString());
    QCOMPARE(title->text(), QStringLiteral("No session selected"));
}

void TestDistributorsPanel::everyColumnHeaderHasToolTip() {
    const QAbstractItemModel *model = m_panel->view()->model();
    for (int column = 0; column < model->columnCount(); ++column)
        QVERIFY(!model->headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty());
}

QTEST_MAIN(TestDistributorsPanel)
#include "tst_distributorspanel.moc"
