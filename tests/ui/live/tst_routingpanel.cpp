#include "routingpanel.h"
#include "routingtablemodel.h"
#include "viewclick.h"

#include <QAction>
#include <QComboBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

using Model = RoutingTableModel;

class TestRoutingPanel final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void clickingACellRoutesAndUndoRedoRestore();
    void applySendsTheEditedTable();
    void policyComboIsUndoable();
    void addEventOpensEditorForItsName();
    void renameToExistingNameIsRefusedWithMessage();
    void removeAndWildcardRow();
    void applyReportIsShown();
    void applyErrorIsShown();
    void everyColumnHeaderHasToolTip();

private:
    QLineEdit *openEditor() const;
    void focusView();

    Model *m_model = nullptr;
    RoutingPanel *m_panel = nullptr;
};

void TestRoutingPanel::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
}

void TestRoutingPanel::init() {
    m_model = new Model;
    m_model->setRouting(EventRouting{{QStringLiteral("gaze"), {QStringLiteral("http")}},
                                     {QStringLiteral("blink"), {QStringLiteral("mqtt")}}},
                        UnroutedPolicy::Broadcast);
    m_panel = new RoutingPanel(m_model);
    m_panel->resize(900, 500);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel));
}

void TestRoutingPanel::cleanup() {
    delete m_panel;
    delete m_model;
}

void TestRoutingPanel::focusView() {
    m_panel->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_panel));
    m_panel->view()->setFocus();
}

QLineEdit *TestRoutingPanel::openEditor() const {
    const QList<QLineEdit *> editors = m_panel->view()->findChildren<QLineEdit *>();
    for (QLineEdit *editor : editors) {
        if (editor->isVisible())
            return editor;
    }
    return nullptr;
}

void TestRoutingPanel::clickingACellRoutesAndUndoRedoRestore() {
    focusView();
    const EventRouting before = m_model->routing();
    const QModelIndex cell =
        m_model->index(m_model->rowOf(QStringLiteral("gaze")), Model::UdpColumn);

    ViewClick::clickCheckBox(m_panel->view(), cell);
    QTRY_COMPARE_WITH_TIMEOUT(cell.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked,
                              2000);
    QCOMPARE(m_model->undoStack()->count(), 1);
    const EventRouting after = m_model->routing();

    m_panel->view()->setFocus();
    QTest::keyClick(m_panel->view(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(m_model->routing(), before);
    QTest::keyClick(m_panel->view(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(m_model->routing(), after);
    QCOMPARE(m_panel->undoAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Z));
    QCOMPARE(m_panel->redoAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
}

void TestRoutingPanel::applySendsTheEditedTable() {
    QSignalSpy apply(m_panel, &RoutingPanel::applyRequested);
    QVERIFY(m_model->setRouted(QStringLiteral("*"), QStringLiteral("sse"), true));
    m_model->setUnroutedPolicy(UnroutedPolicy::Drop);

    m_panel->applyAction()->trigger();
    QCOMPARE(apply.count(), 1);
    QCOMPARE(apply.at(0).at(0).value<EventRouting>(), m_model->routing());
    QCOMPARE(apply.at(0).at(1).value<UnroutedPolicy>(), UnroutedPolicy::Drop);
    QVERIFY(apply.at(0)
                .at(0)
                .value<EventRouting>()
                .typesFor(QStringLiteral("*"))
                .contains(QStringLiteral("sse")));
}

void TestRoutingPanel::policyComboIsUndoable() {
    QComboBox *box = m_panel->policyBox();
    QCOMPARE(box->currentData().toInt(), int(UnroutedPolicy::Broadcast));
    box->setFocus();
    QTest::keyClick(box, Qt::Key_Down); // what an operator does: picks the next entry
    QCOMPARE(m_model->unroutedPolicy(), UnroutedPolicy::Drop);
    QCOMPARE(m_model->undoStack()->count(), 1);

    m_panel->undoAction()->trigger();
    QCOMPARE(m_model->unroutedPolicy(), UnroutedPolicy::Broadcast);
    QCOMPARE(box->currentData().toInt(), int(UnroutedPolicy::Broadcast));

    // Loading the engine's table moves the combo too, without an undo step.
    m_model->setRouting(m_model->routing(), UnroutedPolicy::Drop);
    QCOMPARE(box->currentData().toInt(), int(UnroutedPolicy::Drop));
    QCOMPARE(m_model->undoStack()->count(), 0);
}

void TestRoutingPanel::addEventOpensEditorForItsName() {
    focusView();
    m_panel->addEventAction()->trigger();
    QCOMPARE(m_model->rowCount(), 4);
    QCOMPARE(m_model->eventAt(3), QStringLiteral("event_1"));
    QLineEdit *editor = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((editor = openEditor()), 2000);
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("pupil"));
    QTest::keyClick(editor, Qt::Key_Return);
    // The delegate commits on the next turn of the event loop.
    QTRY_COMPARE_WITH_TIMEOUT(m_model->eventAt(3), QStringLiteral("pupil"), 2000);
    QCOMPARE(m_model->undoStack()->count(), 2); // add, rename

    m_panel->undoAction()->trigger();
    m_panel->undoAction()->trigger();
    QCOMPARE(m_model->rowCount(), 3);
}

void TestRoutingPanel::renameToExistingNameIsRefusedWithMessage() {
    focusView();
    const EventRouting before = m_model->routing();
    m_panel->view()->setCurrentIndex(m_model->index(m_model->rowOf(QStringLiteral("gaze")), 0));
    m_panel->renameEventAction()->trigger();
    QLineEdit *editor = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((editor = openEditor()), 2000);
    editor->setText(QStringLiteral("blink"));
    QTest::keyClick(editor, Qt::Key_Return);

    QTRY_VERIFY2_WITH_TIMEOUT(
        m_panel->statusText().contains(QStringLiteral("\"blink\": another row already has")),
        qPrintable(m_panel->statusText()), 2000);
    QCOMPARE(m_model->routing(), before);
    QCOMPARE(m_model->undoStack()->count(), 0);
}

void TestRoutingPanel::removeAndWildcardRow() {
    focusView();
    m_panel->view()->setCurrentIndex(m_model->index(0, 0)); // "*"
    QVERIFY(!m_panel->removeEventAction()->isEnabled());
    QVERIFY(!m_panel->renameEventAction()->isEnabled());

    m_panel->view()->setCurrentIndex(m_model->index(m_model->rowOf(QStringLiteral("gaze")), 0));
    QVERIFY(m_panel->removeEventAction()->isEnabled());
    QTest::keyClick(m_panel->view(), Qt::Key_Delete);
    QCOMPARE(m_model->rowOf(QStringLiteral("gaze")), -1);
    m_panel->undoAction()->trigger();
    QCOMPARE(m_model->rowOf(QStringLiteral("gaze")), 1);
}

void TestRoutingPanel::applyReportIsShown() {
    QVERIFY(m_model->setRouted(QStringLiteral("gaze"), QStringLiteral("udp"), true));
    QVERIFY(!m_model->undoStack()->isClean());

    RoutingApplyReport report;
    report.accepted = {{QStringLiteral("gaze"), QStringLiteral("http"), {}},
                       {QStringLiteral("blink"), QStringLiteral("mqtt"), {}}};
    report.skipped = {{QStringLiteral("gaze"), QStringLiteral("udp"),
                       QStringLiteral("udp is configured but not enabled")}};
    m_panel->showApplyReport(report);

    QTreeWidget *tree = m_panel->reportView();
    QVERIFY(tree->isVisible());
    QCOMPARE(tree->topLevelItemCount(), 3);
    QCOMPARE(tree->topLevelItem(2)->text(1), QStringLiteral("udp"));
    QVERIFY(tree->topLevelItem(2)->text(2).contains(QStringLiteral("not enabled")));
    QVERIFY(m_panel->statusText().startsWith(QStringLiteral("Applied")));
    QVERIFY(m_model->undoStack()->isClean()); // what is shown is what the engine has
}

void TestRoutingPanel::applyErrorIsShown() {
    RoutingApplyReport report;
    report.error = QStringLiteral("Session s9 not found");
    m_panel->showApplyReport(report);
    QCOMPARE(m_panel->statusText(), QStringLiteral("Not applied: Session s9 not found"));
    QVERIFY(!m_panel->reportView()->isVisible());
}

void TestRoutingPanel::everyColumnHeaderHasToolTip() {
    const QAbstractItemModel *model = m_panel->view()->model();
    for (int column = 0; column < model->columnCount(); ++column)
        QVERIFY(!model->headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty());
}

QTEST_MAIN(TestRoutingPanel)
#include "tst_routingpanel.moc"
