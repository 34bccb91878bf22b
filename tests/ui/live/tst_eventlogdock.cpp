#include "eventlogdock.h"
#include "eventlogfiltermodel.h"
#include "eventlogmodel.h"

#include <QAction>
#include <QComboBox>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QToolButton>

using Severity = LogEntry::Severity;

class TestEventLogDock final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void sessionsAppearInFilterCombo();
    void filtersBySessionAndSeverity();
    void clearButtonEmptiesLog();
    void followsNewestOnlyAtBottom();
    void everyColumnHeaderHasToolTip();

private:
    void add(Severity severity, const QString &session, const QString &message);

    EventLogModel *m_model = nullptr;
    EventLogDock *m_dock = nullptr;
};

void TestEventLogDock::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
}

void TestEventLogDock::init() {
    m_model = new EventLogModel;
    m_dock = new EventLogDock(m_model);
    m_dock->resize(700, 300);
    m_dock->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dock));
}

void TestEventLogDock::cleanup() {
    delete m_dock;
    delete m_model;
}

void TestEventLogDock::add(Severity severity, const QString &session, const QString &message) {
    m_model->append(severity, session, QStringLiteral("mqtt"), message);
}

void TestEventLogDock::sessionsAppearInFilterCombo() {
    QComboBox *box = m_dock->sessionBox();
    QCOMPARE(box->count(), 1); // "All sessions"
    add(Severity::Info, QStringLiteral("s1"), QStringLiteral("created"));
    add(Severity::Warning, QStringLiteral("s2"), QStringLiteral("reconnecting"));
    QTRY_COMPARE_WITH_TIMEOUT(box->count(), 3, 2000);
    QCOMPARE(box->itemData(1).toString(), QStringLiteral("s1"));
    QCOMPARE(box->itemData(2).toString(), QStringLiteral("s2"));
}

void TestEventLogDock::filtersBySessionAndSeverity() {
    add(Severity::Info, QStringLiteral("s1"), QStringLiteral("s1 info"));
    add(Severity::Error, QStringLiteral("s1"), QStringLiteral("s1 error"));
    add(Severity::Warning, QStringLiteral("s2"), QStringLiteral("s2 warning"));
    m_model->flush();
    QTableView *view = m_dock->view();
    QCOMPARE(view->model()->rowCount(), 3);

    m_dock->sessionBox()->setCurrentIndex(m_dock->sessionBox()->findData(QStringLiteral("s1")));
    QCOMPARE(view->model()->rowCount(), 2);
    m_dock->severityBox()->setCurrentIndex(m_dock->severityBox()->findData(int(Severity::Error)));
    QCOMPARE(view->model()->rowCount(), 1);
    QCOMPARE(view->model()->index(0, EventLogModel::MessageColumn).data().toString(),
             QStringLiteral("s1 error"));

    m_dock->sessionBox()->setCurrentIndex(0); // all sessions, errors only
    QCOMPARE(view->model()->rowCount(), 1);
    m_dock->severityBox()->setCurrentIndex(m_dock->severityBox()->findData(int(Severity::Warning)));
    QCOMPARE(view->model()->rowCount(), 2);
}

void TestEventLogDock::clearButtonEmptiesLog() {
    add(Severity::Info, QStringLiteral("s1"), QStringLiteral("a"));
    add(Severity::Info, QStringLiteral("s2"), QStringLiteral("b"));
    m_model->flush();
    m_dock->sessionBox()->setCurrentIndex(m_dock->sessionBox()->findData(QStringLiteral("s2")));

    QTest::mouseClick(m_dock->clearButton(), Qt::LeftButton);
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_dock->view()->model()->rowCount(), 0);
    // The chosen filter survives a clear; the other sessions go.
    QCOMPARE(m_dock->sessionBox()->count(), 2);
    QCOMPARE(m_dock->sessionBox()->currentData().toString(), QStringLiteral("s2"));
    QVERIFY(!m_dock->clearAction()->shortcut().isEmpty());
}

void TestEventLogDock::followsNewestOnlyAtBottom() {
    for (int i = 0; i < 200; ++i)
        add(Severity::Info, QStringLiteral("s1"), QString::number(i));
    m_model->flush();
    QScrollBar *bar = m_dock->view()->verticalScrollBar();
    QTRY_VERIFY_WITH_TIMEOUT(bar->maximum() > 0, 2000);
    QCOMPARE(bar->value(), bar->maximum());

    bar->setValue(0); // the operator scrolls up to read
    for (int i = 0; i < 50; ++i)
        add(Severity::Info, QStringLiteral("s1"), QString::number(i));
    m_model->flush();
    QCOMPARE(bar->value(), 0);
}

void TestEventLogDock::everyColumnHeaderHasToolTip() {
    const QAbstractItemModel *model = m_dock->view()->model();
    QCOMPARE(model, m_dock->filterModel());
    for (int column = 0; column < model->columnCount(); ++column)
        QVERIFY(!model->headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty());
}

QTEST_MAIN(TestEventLogDock)
#include "tst_eventlogdock.moc"
