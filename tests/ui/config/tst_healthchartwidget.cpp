// HealthChartWidget and HealthHistory: bounded buffers, bulk redraw, pause, state timeline.
#include "healthchartwidget.h"
#include "healthhistory.h"
#include "statetimelinewidget.h"

#include <QStandardPaths>
#include <QToolButton>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 Start = 1'700'000'000'000;

SessionSnapshot snapshot(const QString &id, double rate, const QString &state = u"connected"_s) {
    SessionSnapshot session;
    session.id = id;
    for (const QString &type : {u"http"_s, u"websocket"_s}) {
        DistributorSnapshot distributor;
        distributor.type = type;
        distributor.configured = true;
        distributor.active = true;
        distributor.state = state;
        distributor.sentPerSecond = rate;
        distributor.latencyP95Ms = rate / 10;
        session.distributors.append(distributor);
    }
    return session;
}

} // namespace

class TestHealthChartWidget : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void longRunStaysBounded_data();
    void longRunStaysBounded();
    void redrawIsCoalesced();
    void pauseFreezesViewButKeepsRecording();
    void stateBandsNameTheState();
    void inactiveDistributorIsStopped();
    void anotherSessionStartsOver();
    void departedDistributorAgesOut();

private:
    std::unique_ptr<HealthChartWidget> m_widget;
};

void TestHealthChartWidget::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
}

void TestHealthChartWidget::init() {
    m_widget = std::make_unique<HealthChartWidget>();
    m_widget->resize(800, 600);
    m_widget->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_widget.get()));
}

void TestHealthChartWidget::cleanup() {
    m_widget.reset();
}

void TestHealthChartWidget::longRunStaysBounded_data() {
    QTest::addColumn<int>("intervalMs");
    QTest::addColumn<int>("count");
    QTest::newRow("10 Hz for 20 minutes") << 100 << 12000;
    QTest::newRow("faster than promised") << 20 << 12000;
    QTest::newRow("1 Hz for 2 hours") << 1000 << 7200;
}

void TestHealthChartWidget::longRunStaysBounded() {
    QFETCH(int, intervalMs);
    QFETCH(int, count);
    for (int i = 0; i < count; ++i)
        m_widget->addSnapshot(snapshot(u"s1"_s, i % 100), Start + qint64(i) * intervalMs);
    const HealthHistory &history = m_widget->history();
    for (const QString &type : {u"http"_s, u"websocket"_s}) {
        QVERIFY(history.sampleCount(type) <= HealthHistory::Capacity);
        const QList<HealthHistory::Sample> samples = history.samples(type);
        QVERIFY(!samples.isEmpty());
        QVERIFY(samples.first().at >= history.latest() - HealthHistory::WindowMs);
        QCOMPARE(samples.last().at, Start + qint64(count - 1) * intervalMs);
    }
    const int stored = std::min(count, HealthHistory::Capacity);
    QCOMPARE(history.sampleCount(u"http"_s), stored);
    // Drawn: what is both stored and inside the five-minute window.
    const int expected = std::min<int>(stored, int(HealthHistory::WindowMs / intervalMs) + 1);
    m_widget->redraw();
    QCOMPARE(m_widget->displayedPointCount(u"http"_s), expected);
}

void TestHealthChartWidget::redrawIsCoalesced() {
    QCOMPARE(m_widget->displayedPointCount(u"http"_s), -1);
    for (int i = 0; i < 5; ++i)
        m_widget->addSnapshot(snapshot(u"s1"_s, 10), Start + i * 100);
    QVERIFY(m_widget->isRedrawPending());
    QTRY_COMPARE_WITH_TIMEOUT(m_widget->displayedPointCount(u"http"_s), 5, 2000);
    QVERIFY(!m_widget->isRedrawPending());
}

void TestHealthChartWidget::pauseFreezesViewButKeepsRecording() {
    for (int i = 0; i < 10; ++i)
        m_widget->addSnapshot(snapshot(u"s1"_s, 10), Start + i * 100);
    m_widget->redraw();
    QCOMPARE(m_widget->displayedPointCount(u"http"_s), 10);

    auto *pause = m_widget->findChild<QToolButton *>(u"pause"_s);
    QTest::mouseClick(pause, Qt::LeftButton);
    QVERIFY(m_widget->isPaused());
    for (int i = 10; i < 40; ++i)
        m_widget->addSnapshot(snapshot(u"s1"_s, 10), Start + i * 100);
    QVERIFY(!m_widget->isRedrawPending());
    m_widget->redraw(); // refused while paused
    QCOMPARE(m_widget->displayedPointCount(u"http"_s), 10);
    QCOMPARE(m_widget->history().sampleCount(u"http"_s), 40); // still recording

    QTest::mouseClick(pause, Qt::LeftButton);
    QVERIFY(!m_widget->isPaused());
    QCOMPARE(m_widget->displayedPointCount(u"http"_s), 40); // caught up at once
}

void TestHealthChartWidget::stateBandsNameTheState() {
    const QStringList states{u"connecting"_s, u"connecting"_s, u"connected"_s, u"connected"_s,
                             u"connected"_s,  u"error"_s,      u"error"_s};
    for (int i = 0; i < states.size(); ++i)
        m_widget->addSnapshot(snapshot(u"s1"_s, 1, states.at(i)), Start + i * 1000);
    const QList<HealthHistory::Band> bands = m_widget->history().bands(u"http"_s);
    QCOMPARE(bands.size(), 3);
    QCOMPARE(bands.at(0).state, u"connecting"_s);
    QCOMPARE(bands.at(0).to, Start + 2000); // until the next state was seen
    QCOMPARE(bands.at(1).state, u"connected"_s);
    QCOMPARE(bands.at(2).state, u"error"_s);

    m_widget->redraw();
    auto *timeline = m_widget->findChild<StateTimelineWidget *>();
    QVERIFY(timeline);
    QCOMPARE(timeline->rows().size(), 2);
    QCOMPARE(timeline->rows().first().bands.size(), 3);
    // Hovering the right end of the first row names the distributor and the state.
    const QString tip = timeline->describeAt(QPoint(timeline->width() - 10, 10));
    // Rows are named like the chart series, not by the config key.
    QCOMPARE(timeline->rows().first().label, u"HTTP"_s);
    QVERIFY2(tip.startsWith(u"HTTP: error for 1.0 s"_s), qPrintable(tip));
    // The legend names all seven states; the widget never gets too narrow to show them.
    int legend = 0;
    for (const char *state : {"initializing", "connecting", "connected", "degraded", "disconnected",
                              "error", "stopped"})
        legend += timeline->fontMetrics().horizontalAdvance(
            StateTimelineWidget::labelFor(QString::fromLatin1(state)));
    QVERIFY(timeline->minimumSizeHint().width() > legend);
    // Every state has a colour of its own.
    QSet<QRgb> colours;
    for (const char *state : {"initializing", "connecting", "connected", "degraded", "disconnected",
                              "error", "stopped"})
        colours.insert(StateTimelineWidget::colorFor(QString::fromLatin1(state)).rgb());
    QCOMPARE(colours.size(), 7);
    QCOMPARE(StateTimelineWidget::labelFor(u"degraded"_s), u"degraded"_s);
    QVERIFY(StateTimelineWidget::colorFor(u"connected"_s)
            != StateTimelineWidget::colorFor(u"error"_s));
}

void TestHealthChartWidget::inactiveDistributorIsStopped() {
    SessionSnapshot session = snapshot(u"s1"_s, 0, u"connected"_s);
    session.distributors[1].active = false;
    m_widget->addSnapshot(session, Start);
    QCOMPARE(m_widget->history().samples(u"websocket"_s).first().state, u"stopped"_s);
}

void TestHealthChartWidget::anotherSessionStartsOver() {
    for (int i = 0; i < 5; ++i)
        m_widget->addSnapshot(snapshot(u"s1"_s, 10), Start + i * 100);
    m_widget->redraw();
    m_widget->addSnapshot(snapshot(u"s2"_s, 10), Start + 600);
    QCOMPARE(m_widget->history().sessionId(), u"s2"_s);
    QCOMPARE(m_widget->history().sampleCount(u"http"_s), 1);
    m_widget->redraw();
    QCOMPARE(m_widget->displayedPointCount(u"http"_s), 1);
}

void TestHealthChartWidget::departedDistributorAgesOut() {
    m_widget->addSnapshot(snapshot(u"s1"_s, 10), Start);
    SessionSnapshot onlyHttp = snapshot(u"s1"_s, 10);
    onlyHttp.distributors.removeLast();
    m_widget->addSnapshot(onlyHttp, Start + 1000);
    QCOMPARE(m_widget->history().types(), (QStringList{u"http"_s, u"websocket"_s}));
    m_widget->addSnapshot(onlyHttp, Start + HealthHistory::WindowMs + 1);
    QCOMPARE(m_widget->history().types(), QStringList{u"http"_s});
    m_widget->redraw();
    QCOMPARE(m_widget->displayedPointCount(u"websocket"_s), -1);
}

QTEST_MAIN(TestHealthChartWidget)
#include "tst_healthchartwidget.moc"
